package tag

import "liaison/analysis/morph"

// morphLexicon gives the tagger's lexicon features for words the model has
// not seen: the (part of speech, inflection) readings analysis/morph finds.
// The lexicon loads on first use, so Load does not wait for it.
type morphLexicon struct{}

func (morphLexicon) Classes(word string) uint32 { return uint32(morph.Default().Classes(word)) }

func defaultLexicon() morphLexicon { return morphLexicon{} }
