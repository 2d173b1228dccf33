package main

import (
	_ "embed"
	"strings"

	"liaison/analysis/morph"
)

//go:embed technical.txt
var technicalList string

// technical returns the computing words of technical.txt with the
// inflections its parts-of-speech column asks for (regular spelling, by
// analysis/morph).
func technical(lex *morph.Lexicon) []string {
	var out []string
	for line := range strings.SplitSeq(technicalList, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		out = append(out, f[0])
		for _, p := range f[1:] {
			switch p {
			case "n":
				out = append(out, lex.Inflect(f[0], morph.Noun, morph.Plural))
			case "v":
				for _, form := range []morph.Form{morph.ThirdSingular, morph.Past, morph.Gerund} {
					out = append(out, lex.Inflect(f[0], morph.Verb, form))
				}
			}
		}
	}
	return out
}
