package tag

import (
	"strings"
	"sync"
	"testing"

	"liaison/analysis/morph"
)

func TestLemmaCache(t *testing.T) {
	lex := morph.Default()
	tests := []struct {
		word string
		upos UPOS
		want string
	}{
		{"liaisons", NOUN, "liaison"},
		{"liaised", VERB, "liaise"},
		{"was", AUX, "be"},
		{"better", ADJ, "good"},
		{"Paris", PROPN, "Paris"},
		{"The", DET, "the"},
		{"and", CCONJ, "and"},
	}
	c := NewLemmaCache(lex)
	for range 2 { // a miss, then a hit
		for _, tt := range tests {
			if got := c.Lemma(tt.word, tt.upos); got != tt.want {
				t.Errorf("Lemma(%q, %v) = %q, want %q", tt.word, tt.upos, got, tt.want)
			}
		}
	}
}

// TestLemmaCacheMatchesLexicon checks the cache against the lexicon on
// every tagged word of the EWT test split, twice (misses, then hits and
// slots overwritten by colliding words).
func TestLemmaCacheMatchesLexicon(t *testing.T) {
	lex := morph.Default()
	c := NewLemmaCache(lex)
	tagger := Default()
	var out []Tagged
	sentences := loadEWTTest(t)
	for pass := range 2 {
		for _, s := range sentences {
			out = tagger.Tag(s.Words, out)
			for i, w := range s.Words {
				got := c.Lemma(w, out[i].UPOS)
				if want := c.compute(w, out[i].UPOS); out[i].UPOS != PROPN && got != want {
					t.Fatalf("pass %d: Lemma(%q, %v) = %q, lexicon says %q", pass, w, out[i].UPOS, got, want)
				}
			}
		}
	}
}

func TestLemmaCacheHitDoesNotAllocate(t *testing.T) {
	c := NewLemmaCache(morph.Default())
	words := strings.Fields("The liaisons were liaising better than ever")
	tags := []UPOS{DET, NOUN, AUX, VERB, ADV, ADP, ADV}
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
	c := NewLemmaCache(morph.Default())
	words := strings.Fields("liaisons liaised was better ran geese mice Went")
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				w := words[(i+g)%len(words)]
				for _, u := range []UPOS{NOUN, VERB, ADJ} {
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
	tagger := Default()
	var words []string
	var tags []UPOS
	var out []Tagged
	for _, s := range loadEWTTest(b) {
		out = tagger.Tag(s.Words, out)
		words = append(words, s.Words...)
		for _, t := range out {
			tags = append(tags, t.UPOS)
		}
	}
	lex := morph.Default()
	b.Run("lexicon", func(b *testing.B) {
		c := NewLemmaCache(lex)
		for b.Loop() {
			for i, w := range words {
				c.compute(w, tags[i])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	})
	b.Run("cache", func(b *testing.B) {
		c := NewLemmaCache(lex)
		for b.Loop() {
			for i, w := range words {
				c.Lemma(w, tags[i])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	})
}
