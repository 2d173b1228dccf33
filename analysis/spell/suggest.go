package spell

// suggestIndex is built on the first Suggest.
type suggestIndex struct{}

// Suggest returns at most n corrections of word, best first, in word's
// case.
func (l *Lexicon) Suggest(word string, d Dialect, n int) []string { return nil }
