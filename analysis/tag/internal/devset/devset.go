package devset

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// Case is one row: Word in Sentence must be tagged a verb (Verb) or must
// not be.
type Case struct {
	Verb           bool
	Word, Sentence string
}

// Read reads a dev set file; blank lines and lines starting with # are
// skipped.
func Read(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
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
		cases = append(cases, Case{Verb: cols[0] == "verb", Word: cols[1], Sentence: cols[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// Tokens splits a sentence the way EWT tokenizes it, roughly: on spaces,
// punctuation split off the ends of words, contractions split ("I'll" →
// "I", "'ll"). The real tokenizer is analysis/token; this keeps the
// tagger's tests and its trainer independent of it.
func Tokens(sentence string) []string {
	var out []string
	for _, field := range strings.Fields(sentence) {
		var trailing []string
		for field != "" {
			r := rune(field[0])
			if !unicode.IsPunct(r) || r == '\'' && len(field) > 1 && unicode.IsLetter(rune(field[1])) {
				break
			}
			out = append(out, field[:1])
			field = field[1:]
		}
		for field != "" && unicode.IsPunct(rune(field[len(field)-1])) {
			trailing = append([]string{field[len(field)-1:]}, trailing...)
			field = field[:len(field)-1]
		}
		if field != "" {
			out = appendContraction(out, field)
		}
		out = append(out, trailing...)
	}
	return out
}

// appendContraction appends word, split before a contraction's clitic.
func appendContraction(out []string, word string) []string {
	lower := strings.ToLower(word)
	for _, clitic := range []string{"n't", "'ll", "'re", "'ve", "'d", "'s", "'m"} {
		if strings.HasSuffix(lower, clitic) && len(word) > len(clitic) {
			cut := len(word) - len(clitic)
			return append(out, word[:cut], word[cut:])
		}
	}
	return append(out, word)
}
