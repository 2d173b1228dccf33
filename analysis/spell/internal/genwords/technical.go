package main

import (
	_ "embed"
	"fmt"
	"strings"

	"liaison/analysis/morph"
)

//go:embed technical.txt
var technicalList string

// techEntry is one line of technical.txt: a word, the parts of speech to
// inflect it as, and the common words one edit away that a reviewer
// weighed it against (written "~word").
type techEntry struct {
	word       string
	noun, verb bool
	near       []string
	line       int
	err        string // what is wrong with the line, "" if nothing
}

// parseTechnical reads technical.txt: one word a line, then "n" (a noun:
// its plural), "v" (a verb: -s, -ed, -ing) and "~word" notes; "#" starts
// a comment line.
func parseTechnical(text string) []techEntry {
	var out []techEntry
	for n, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		e := techEntry{word: f[0], line: n + 1}
		for _, p := range f[1:] {
			switch {
			case p == "n":
				e.noun = true
			case p == "v":
				e.verb = true
			case strings.HasPrefix(p, "~") && len(p) > 1:
				e.near = append(e.near, p[1:])
			default:
				e.err = fmt.Sprintf("%q: want n, v or ~word", p)
			}
		}
		out = append(out, e)
	}
	return out
}

// forms returns the inflections the entry asks for (regular spelling,
// by analysis/morph).
func (e techEntry) forms(lex *morph.Lexicon) []string {
	var out []string
	if e.noun {
		out = append(out, lex.Inflect(e.word, morph.Noun, morph.Plural))
	}
	if e.verb {
		for _, form := range []morph.Form{morph.ThirdSingular, morph.Past, morph.Gerund} {
			out = append(out, lex.Inflect(e.word, morph.Verb, form))
		}
	}
	return out
}

// technical returns the words of technical.txt with the inflections its
// parts-of-speech column asks for.
func technical(lex *morph.Lexicon) []string {
	var out []string
	for _, e := range parseTechnical(technicalList) {
		out = append(append(out, e.word), e.forms(lex)...)
	}
	return out
}
