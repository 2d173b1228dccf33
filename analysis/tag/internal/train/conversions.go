package main

import (
	"strings"

	"liaison/analysis/tag/internal/devset"
	"liaison/analysis/tag/internal/model"
)

// evaluateConversions returns how many verb and noun rows the model gets right.
func evaluateConversions(m *model.Model, cases []devset.Case, lex model.Lexicon) (verbOK, verbs, nounOK, nouns int) {
	ref := model.NewReference(m)
	for _, c := range cases {
		words := devset.Tokens(c.Sentence)
		got := ref.Tag(words, lex)
		isVerb := false
		for i, w := range words {
			if strings.EqualFold(w, c.Word) {
				isVerb = strings.HasPrefix(m.Labels[got[i]].PTB, "VB")
				break
			}
		}
		if c.Verb {
			verbs++
			if isVerb {
				verbOK++
			}
		} else {
			nouns++
			if !isVerb {
				nounOK++
			}
		}
	}
	return
}
