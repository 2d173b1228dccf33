package spell

// Lexicon is the loaded word list. It is immutable after Load and safe for
// concurrent use.
type Lexicon struct{}

// Load decodes the embedded word list.
func Load() (*Lexicon, error) { return &Lexicon{}, nil }

// Known reports whether word is a correct spelling in dialect d, in the
// case it is written.
func (l *Lexicon) Known(word string, d Dialect) bool { return true }

// Variant reports, for a word that is not a spelling of d but is a correct
// spelling of another dialect, d's spelling of it and that other dialect.
func (l *Lexicon) Variant(word string, d Dialect) (spelling string, other Dialect, ok bool) {
	return "", "", false
}

// Suggest returns at most n corrections of word, best first, in word's case.
func (l *Lexicon) Suggest(word string, d Dialect, n int) []string { return nil }

// Frequency returns the SCOWL size class of word (10 common … 95 rare), 0
// if the word is unknown.
func (l *Lexicon) Frequency(word string) int { return 0 }
