package dictionary

// Entry is what the dictionary says about one lemma: its parts of speech,
// in WordNet's order (noun, verb, adjective, adverb), each with its senses.
type Entry struct {
	// Headword is the lemma as WordNet spells it ("carry out", "Paris").
	Headword string `json:"headword"`
	// Query is the form that was looked up, when it differs from the
	// headword other than in case ("geese" for the entry "goose").
	Query string `json:"query,omitempty"`
	Parts []Part `json:"parts"`
}

// Part is the entry's senses for one part of speech.
type Part struct {
	POS            POS             `json:"pos"`
	Pronunciations []Pronunciation `json:"pronunciations,omitempty"`
	// IrregularForms are inflections that do not follow the rules
	// ("geese", "better", "ran").
	IrregularForms []string `json:"irregularForms,omitempty"`
	Senses         []Sense  `json:"senses"`
}

// Pronunciation is an IPA transcription, with its variety (GB, US) when
// WordNet gives one.
type Pronunciation struct {
	IPA     string `json:"ipa"`
	Variety string `json:"variety,omitempty"`
}

// Sense is one meaning, in WordNet's order (most frequent first).
type Sense struct {
	Definition string `json:"definition"`
	// Examples: those using the headword itself first.
	Examples []string `json:"examples,omitempty"`
	// Synonyms are the other lemmas of the sense's synset.
	Synonyms []string `json:"synonyms,omitempty"`
	// Usage names usage domains and registers ("colloquialism", "slang",
	// "archaism", "british spelling").
	Usage []string `json:"usage,omitempty"`
	// Domains name the topics and regions the sense belongs to
	// ("military", "law", "Britain").
	Domains []string `json:"domains,omitempty"`
	// Field is the general field of the sense ("communication",
	// "relationship"), from WordNet's lexicographer files and hypernyms;
	// empty for adjectives and adverbs.
	Field string `json:"field,omitempty"`
}

// Part returns the entry's part for pos, or nil.
func (e *Entry) Part(pos POS) *Part {
	for i := range e.Parts {
		if e.Parts[i].POS == pos {
			return &e.Parts[i]
		}
	}
	return nil
}

// HasPOS reports whether the entry has senses as pos.
func (e *Entry) HasPOS(pos POS) bool { return e.Part(pos) != nil }
