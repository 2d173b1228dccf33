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
