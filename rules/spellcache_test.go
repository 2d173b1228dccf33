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
	m := &verdicts{words: map[string]wordClass{}}
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
					_, hit := m.words[w]
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

// TestSpellVerdictsCache checks what the cache keeps: the verdict of a
// lower-case word; of a capitalised one, its verdict when it does not
// depend on the sentence, else inContext, and then the verdict in each
// sentence is still classify's ("Teh" at a sentence's start is a typo,
// inside one a short name); keys that do not share the document's memory;
// no more than maxCachedVerdicts.
func TestSpellVerdictsCache(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	words := func(ws ...string) []analysis.Token {
		var toks []analysis.Token
		for _, w := range ws {
			toks = append(toks, analysis.Token{Text: w, Kind: token.Word})
		}
		return toks
	}
	tests := []struct {
		toks  []analysis.Token
		i     int
		want  wordClass // the verdict in this sentence
		cache wordClass // what the cache keeps for the word
	}{
		{words("Teh", "cat", "sat"), 0, unknownWord, inContext},
		{words("The", "Teh", "sat"), 1, knownWord, inContext},
		{words("colour", "me"), 0, dialectWord, dialectWord},
		{words("Colour", "me"), 0, dialectWord, dialectWord},
		{words("the", "teh"), 1, unknownWord, unknownWord},
		{words("Ferris", "crabs"), 0, knownWord, knownWord},
	}
	m := &verdicts{words: map[string]wordClass{}}
	for _, tt := range tests {
		w := tt.toks[tt.i].Text
		for range 2 { // a miss, then a hit
			if got, want := m.classify(lex, w, tt.toks, tt.i), classify(lex, w, tt.toks, tt.i); got != tt.want || want != tt.want {
				t.Errorf("%q in %v: verdict %d, classify %d, want %d", w, tt.toks, got, want, tt.want)
			}
		}
		if c, ok := m.words[w]; !ok || c != tt.cache {
			t.Errorf("%q: cached %v as %d, want %d", w, ok, c, tt.cache)
		}
	}
	for i := range maxCachedVerdicts + 10 {
		w := fmt.Sprintf("zq%dzq", i)
		m.classify(lex, w, tests[0].toks, 1)
		if len(m.words) > maxCachedVerdicts {
			t.Fatalf("%d verdicts kept, the bound is %d", len(m.words), maxCachedVerdicts)
		}
	}
}

// TestSpellVerdictsSentence checks that the two rules share a sentence's
// verdicts and that another sentence, even of the same length, is
// classified afresh.
func TestSpellVerdictsSentence(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	var v spellVerdicts
	a := []analysis.Token{{Text: "Teh", Kind: token.Word}, {Text: "colour", Kind: token.Word}}
	b := []analysis.Token{{Text: "The", Kind: token.Word}, {Text: "color", Kind: token.Word}}
	tests := []struct {
		toks              []analysis.Token
		spelling, dialect int // how many matches
	}{{a, 1, 1}, {a, 1, 1}, {b, 0, 1}, {a, 1, 1}, {b[:1], 0, 0}}
	for _, tt := range tests {
		if n := len(v.spellingRule(nil, tt.toks, nil)); n != tt.spelling {
			t.Errorf("spelling on %v: %d matches, want %d", tt.toks, n, tt.spelling)
		}
		if n := len(v.dialectRule(nil, tt.toks, nil)); n != tt.dialect {
			t.Errorf("dialect on %v: %d matches, want %d", tt.toks, n, tt.dialect)
		}
	}
	m := v.get()
	defer v.put(m)
	if ws, cs := m.sentence(lex, a); len(ws) != 2 || cs[0] != unknownWord || cs[1] != dialectWord {
		t.Errorf("sentence %v: %q %v", a, ws, cs)
	}
	if ws, cs := m.sentence(lex, nil); ws != nil || cs != nil {
		t.Errorf("empty sentence: %q %v", ws, cs)
	}
}
