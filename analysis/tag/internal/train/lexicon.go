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
