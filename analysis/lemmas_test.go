package analysis

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"liaison/analysis/internal/slotcache"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

func TestLemmaCache(t *testing.T) {
	lex := morph.Default()
	tests := []struct {
		word string
		upos tag.UPOS
		want string
	}{
		{"liaisons", tag.NOUN, "liaison"},
		{"liaised", tag.VERB, "liaise"},
		{"was", tag.AUX, "be"},
		{"better", tag.ADJ, "good"},
		{"Paris", tag.PROPN, "Paris"},
		{"The", tag.DET, "the"},
		{"and", tag.CCONJ, "and"},
	}
	c := newLemmaCache(lex)
	for range 2 { // a miss, then a hit
		for _, tt := range tests {
			if got := c.Lemma(tt.word, tt.upos); got != tt.want {
				t.Errorf("Lemma(%q, %v) = %q, want %q", tt.word, tt.upos, got, tt.want)
			}
		}
	}
}

// TestLemmaCacheMatchesLexicon checks the cache against the lexicon on
// every word of the analysed Rust Book, twice (misses, then hits and slots
// overwritten by colliding words), and the Analyzer's lemmas against both.
func TestLemmaCacheMatchesLexicon(t *testing.T) {
	c := newLemmaCache(morph.Default())
	res := analyze(t, New(), "markdown", book(t))
	for pass := range 2 {
		for _, b := range res.Blocks {
			for _, s := range b.Sentences {
				for _, tok := range s.Tokens {
					got := c.Lemma(tok.Text, tok.UPOS)
					if want := c.compute(tok.Text, tok.UPOS); tok.UPOS != tag.PROPN && got != want {
						t.Fatalf("pass %d: Lemma(%q, %v) = %q, lexicon says %q", pass, tok.Text, tok.UPOS, got, want)
					}
					if tok.Kind == token.Word && tok.Lemma != got {
						t.Fatalf("Analyzer: lemma of %q (%v) = %q, cache says %q", tok.Text, tok.UPOS, tok.Lemma, got)
					}
				}
			}
		}
	}
}

func TestLemmaCacheHitDoesNotAllocate(t *testing.T) {
	c := newLemmaCache(morph.Default())
	words := strings.Fields("The liaisons were liaising better than ever")
	tags := []tag.UPOS{tag.DET, tag.NOUN, tag.AUX, tag.VERB, tag.ADV, tag.ADP, tag.ADV}
	for i, w := range words {
		c.Lemma(w, tags[i])
	}
	allocs := testing.AllocsPerRun(100, func() {
		for i, w := range words {
			c.Lemma(w, tags[i])
		}
	})
	if allocs > 0 {
		t.Errorf("cached Lemma allocates %.1f times per call", allocs)
	}
}

func TestLemmaCacheConcurrent(t *testing.T) {
	c := newLemmaCache(morph.Default())
	words := strings.Fields("liaisons liaised was better ran geese mice Went")
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				w := words[(i+g)%len(words)]
				for _, u := range []tag.UPOS{tag.NOUN, tag.VERB, tag.ADJ} {
					if got, want := c.Lemma(w, u), c.compute(w, u); got != want {
						t.Errorf("Lemma(%q, %v) = %q, want %q", w, u, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLemma(b *testing.B) {
	var words []string
	var tags []tag.UPOS
	for _, blk := range analyze(b, New(), "markdown", book(b)).Blocks {
		for _, s := range blk.Sentences {
			for _, tok := range s.Tokens {
				words = append(words, tok.Text)
				tags = append(tags, tok.UPOS)
			}
		}
	}
	lex := morph.Default()
	b.Run("lexicon", func(b *testing.B) {
		c := newLemmaCache(lex)
		for b.Loop() {
			for i, w := range words {
				c.compute(w, tags[i])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	})
	b.Run("cache", func(b *testing.B) {
		c := newLemmaCache(lex)
		for b.Loop() {
			for i, w := range words {
				c.Lemma(w, tags[i])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	})
}

// TestLemmaCacheFills checks that a cache given more distinct words than a
// generation holds keeps answering as the lexicon does, starts a new
// generation instead of growing, and still hits afterwards.
func TestLemmaCacheFills(t *testing.T) {
	c := newLemmaCache(morph.Default())
	for i := range slotcache.Entries + 100 {
		w := "word" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strconv.Itoa(i)
		if got, want := c.Lemma(w, tag.NOUN), c.compute(w, tag.NOUN); got != want {
			t.Fatalf("Lemma(%q) = %q, want %q", w, got, want)
		}
	}
	if n := c.cache.Len(); n <= 0 || n > 200 {
		t.Errorf("new generation holds %d entries, want the few misses since it started", n)
	}
	c.Lemma("liaisons", tag.NOUN)
	if allocs := testing.AllocsPerRun(10, func() { c.Lemma("liaisons", tag.NOUN) }); allocs > 0 {
		t.Errorf("hit after a new generation allocates %.1f times", allocs)
	}
}

// TestLemmaClosedClass checks the closed-class path: a lower-case word is
// itself, without a cache entry; a capitalised or non-ASCII one lower-cased.
func TestLemmaClosedClass(t *testing.T) {
	c := newLemmaCache(morph.Default())
	tests := []struct {
		word string
		upos tag.UPOS
		want string
	}{
		{"the", tag.DET, "the"},
		{"The", tag.DET, "the"},
		{"ÜBER", tag.ADP, "über"},
		{"of", tag.ADP, "of"},
		{"It", tag.PRON, "it"},
		{"3", tag.NUM, "3"},
	}
	for _, tt := range tests {
		if got := c.Lemma(tt.word, tt.upos); got != tt.want {
			t.Errorf("Lemma(%q, %v) = %q, want %q", tt.word, tt.upos, got, tt.want)
		}
	}
	if n := c.cache.Len(); n != 3 {
		t.Errorf("%d entries cached, want 3 (The, ÜBER, It)", n)
	}
}
