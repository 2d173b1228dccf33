package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"

	"liaison/analysis/tag/internal/model"
)

// conversionCase is one row of the conversion dev set (testdata/conversion-dev.tsv).
type conversionCase struct {
	verb     bool
	word     string
	sentence string
}

func readConversions(path string) ([]conversionCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []conversionCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[0] != "verb" && cols[0] != "noun" {
			return nil, fmt.Errorf("%s: bad row %q", path, line)
		}
		cases = append(cases, conversionCase{verb: cols[0] == "verb", word: cols[1], sentence: cols[2]})
	}
	return cases, sc.Err()
}

// evaluateConversions returns how many verb and noun rows the model gets right.
func evaluateConversions(m *model.Model, cases []conversionCase, lex model.Lexicon) (verbOK, verbs, nounOK, nouns int) {
	ref := model.NewReference(m)
	for _, c := range cases {
		words := tokens(c.sentence)
		got := ref.Tag(words, lex)
		isVerb := false
		for i, w := range words {
			if strings.EqualFold(w, c.word) {
				isVerb = strings.HasPrefix(m.Labels[got[i]].PTB, "VB")
				break
			}
		}
		if c.verb {
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

// tokens splits a sentence roughly the way EWT tokenizes: punctuation off
// the ends of words, contractions split ("I'll" → "I", "'ll").
func tokens(sentence string) []string {
	var out []string
	for _, field := range strings.Fields(sentence) {
		var trailing []string
		for field != "" && unicode.IsPunct(rune(field[0])) && (field[0] != '\'' || len(field) == 1 || !unicode.IsLetter(rune(field[1]))) {
			out = append(out, field[:1])
			field = field[1:]
		}
		for field != "" && unicode.IsPunct(rune(field[len(field)-1])) {
			trailing = append([]string{field[len(field)-1:]}, trailing...)
			field = field[:len(field)-1]
		}
		if field != "" {
			lower := strings.ToLower(field)
			split := false
			for _, suffix := range []string{"n't", "'ll", "'re", "'ve", "'d", "'s", "'m"} {
				if strings.HasSuffix(lower, suffix) && len(field) > len(suffix) {
					cut := len(field) - len(suffix)
					out = append(out, field[:cut], field[cut:])
					split = true
					break
				}
			}
			if !split {
				out = append(out, field)
			}
		}
		out = append(out, trailing...)
	}
	return out
}
