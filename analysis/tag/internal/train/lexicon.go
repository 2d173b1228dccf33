package main

import (
	"liaison/analysis/morph"
	"liaison/analysis/tag/internal/model"
)

// defaultLexicon returns the lexicon whose ambiguity classes become features:
// the (part of speech, inflection) readings analysis/morph finds for a form.
func defaultLexicon() model.Lexicon { return morphLexicon{morph.Default()} }

type morphLexicon struct{ l *morph.Lexicon }

func (m morphLexicon) Classes(word string) uint32 { return uint32(m.l.Classes(word)) }

// otherReading reports whether the lexicon class lex offers a form whose
// training label has the open-class part of speech upos a reading as
// another open-class part of speech (the noun "action" as a verb).
// Closed-class labels have no such readings: "it" is not a noun.
func otherReading(lex uint32, upos string) bool {
	c := morph.Class(lex)
	var own morph.POS
	switch upos {
	case "NOUN", "PROPN":
		own = morph.Noun
	case "VERB":
		own = morph.Verb
	case "ADJ":
		own = morph.Adj
	case "ADV":
		own = morph.Adv
	default:
		return false
	}
	for _, p := range []morph.POS{morph.Noun, morph.Verb, morph.Adj, morph.Adv} {
		if p != own && c.HasPOS(p) {
			return true
		}
	}
	return false
}

// convertible reports whether a form with the training label's UPOS upos
// is a common noun English may use as a verb: any noun the lexicon knows
// ("interface", "office"). Such forms are never fixed, so the model can
// read "we office in the mill" however often EWT has "office" as a noun.
func convertible(lex uint32, upos string) bool {
	c := morph.Class(lex)
	return upos == "NOUN" && (c.Has(morph.Noun, morph.Base) || c.Has(morph.Noun, morph.Plural))
}
