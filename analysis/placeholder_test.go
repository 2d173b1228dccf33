package analysis

import (
	"testing"

	"liaison/analysis/token"
)

// TestPartPlaceholderWord checks that a word made partly of inline code or
// math ("$x$-variant", "`Reader`s") is a placeholder token, which no rule
// reads as a word ("an x-variant" is not "an thing-variant").
func TestPartPlaceholderWord(t *testing.T) {
	for _, tt := range []struct{ lang, src, word string }{
		{"latex", "Call it an $x$-variant of it.\n", "thing-variant"},
		{"markdown", "Two `Reader`s are here.\n", "things"},
	} {
		res := analyze(t, New(), tt.lang, tt.src)
		found := false
		for _, b := range res.Blocks {
			for _, s := range b.Sentences {
				for _, tok := range s.Tokens {
					if tok.Text == tt.word {
						found = true
						if tok.Kind != token.Placeholder {
							t.Errorf("%s: %q is %v, want a placeholder", tt.lang, tok.Text, tok.Kind)
						}
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no token %q", tt.lang, tt.word)
		}
	}
}
