package rules

import (
	"fmt"
	"testing"

	"liaison/analysis"
	"liaison/analysis/token"
)

// TestSpellVerdictsAgree checks that the cached verdicts of the spelling
// rules are classify's on every word of the Rust Book, each word seen in
// every context it has there, with the cache filled in the book's order:
// a verdict that depended on the context would differ somewhere.
func TestSpellVerdictsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole Rust Book")
	}
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	m := verdicts{}
	words, cached := 0, 0
	for _, res := range analyseBook(t) {
		for _, b := range res.Blocks {
			if b.BlockAnalysis == nil {
				continue
			}
			for _, s := range b.Sentences {
				for i := range s.Tokens {
					w, ok := spellCandidate(s.Tokens, i)
					if !ok {
						continue
					}
					words++
					_, hit := m[w]
					if hit {
						cached++
					}
					if got, want := m.classify(lex, w, s.Tokens, i), classify(lex, w, s.Tokens, i); got != want {
						t.Errorf("%q in %q: cached verdict %d, classify %d (from the cache: %v)", w, matchedText(s.Tokens), got, want, hit)
					}
				}
			}
		}
	}
	if words < 100000 || cached < words/2 {
		t.Errorf("%d words, %d verdicts from the cache: the cache is not used", words, cached)
	}
}

// TestSpellVerdictsCache checks what the cache keeps: lower-case words,
// not capitalised ones (their verdict reads the sentence), keys that do
// not share the document's memory, and no more than maxCachedVerdicts.
func TestSpellVerdictsCache(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	toks := []analysis.Token{{Text: "Teh", Kind: token.Word}, {Text: "colour", Kind: token.Word}, {Text: "teh", Kind: token.Word}}
	m := verdicts{}
	for i := range toks {
		m.classify(lex, toks[i].Text, toks, i)
	}
	tests := []struct {
		word   string
		cached bool
		class  wordClass
	}{
		{"Teh", false, 0},
		{"colour", true, dialectWord},
		{"teh", true, unknownWord},
	}
	for _, tt := range tests {
		c, ok := m[tt.word]
		if ok != tt.cached || ok && c != tt.class {
			t.Errorf("%q: cached %v as %d, want cached %v as %d", tt.word, ok, c, tt.cached, tt.class)
		}
	}
	for i := range maxCachedVerdicts + 10 {
		w := fmt.Sprintf("zq%dzq", i)
		m.classify(lex, w, toks[:1], 0)
		if len(m) > maxCachedVerdicts {
			t.Fatalf("%d verdicts kept, the bound is %d", len(m), maxCachedVerdicts)
		}
	}
	var nilCache *spellVerdicts
	if got := nilCache.get(); got != nil {
		t.Errorf("a nil cache gave %v", got)
	}
}
