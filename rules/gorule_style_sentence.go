package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/token"
)

// longSentenceFloor is the fewest words long-sentence reports, whatever
// the limit: findings are made before settings are applied (they are
// cached per block), so the rule reports every sentence past the floor
// with its word count and Settings.Apply drops those at or under the
// limit in force. A limit set below the floor acts as the floor.
const longSentenceFloor = 20

// longSentence matches a sentence of more than longSentenceFloor words
// (on its first word),
// measured in words: contractions split off by the tokenizer ("do n't",
// "it 's") are part of the word before them, and punctuation counts
// nothing.
func longSentence(toks []analysis.Token) []GoMatch {
	words := 0
	first := -1
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case token.Word, token.Number, token.Placeholder:
		default:
			continue
		}
		if first < 0 {
			first = i
		}
		if isCliticPart(t.Text) {
			continue
		}
		words++
	}
	if words <= longSentenceFloor {
		return nil
	}
	// The finding sits on the sentence's first word, not the whole of
	// it: a finding over the whole sentence would overlap, and lose to,
	// every other finding in it (the engine keeps one of overlapping
	// findings), so a long sentence with one typo would not be reported.
	return []GoMatch{{Start: first, End: first + 1, Measure: words}}
}

// isCliticPart reports whether a token is the second half of a
// contraction the tokenizer split ("n't", "'s", "'ll").
func isCliticPart(w string) bool {
	l := strings.ToLower(w)
	return l == "n't" || l == "n’t" || strings.HasPrefix(l, "'") || strings.HasPrefix(l, "’")
}

// firstWords is the text of toks up to their n-th word, with "…" after it
// when more follows.
func firstWords(toks []analysis.Token, n int) string {
	words := 0
	for i := range toks {
		if toks[i].Kind == token.Word && !isCliticPart(toks[i].Text) {
			words++
		}
		if words > n {
			return strings.TrimRight(matchedText(toks[:i]), " ,;:") + " …"
		}
	}
	return matchedText(toks)
}
