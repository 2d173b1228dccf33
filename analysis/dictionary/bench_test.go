package dictionary

import (
	"strings"
	"testing"

	"liaison/analysis/morph"
)

var benchWords = []string{"liaise", "liaisoned", "geese", "better", "Running", "the", "carry", "plan", "run", "break"}

// BenchmarkFirstLookup opens the embedded dictionary afresh and looks up
// one word: the cost of the lazy load, decompression included (morph's
// lexicon is shared with the tagger and loaded beforehand).
func BenchmarkFirstLookup(b *testing.B) {
	for _, w := range []string{"liaise", "run"} {
		b.Run(w, func(b *testing.B) {
			lex := morph.Default()
			for b.Loop() {
				d, err := New(embedded, WithLemmatizer(lex))
				if err != nil {
					b.Fatal(err)
				}
				if len(d.Lookup(w, NoPOS)) == 0 {
					b.Fatal("no entry")
				}
			}
			b.ReportMetric(float64(EmbeddedSize()), "embedded-bytes")
		})
	}
}

// BenchmarkLookup is a lookup once the blocks it needs are decompressed.
func BenchmarkLookup(b *testing.B) {
	d := open(b)
	for _, w := range benchWords {
		d.Lookup(w, NoPOS)
	}
	b.Run("mix", func(b *testing.B) {
		i := 0
		for b.Loop() {
			d.Lookup(benchWords[i%len(benchWords)], Verb)
			i++
		}
	})
	for _, w := range []string{"liaise", "run"} {
		b.Run(w, func(b *testing.B) {
			for b.Loop() {
				d.Lookup(w, Verb)
			}
		})
		// Uncached: the entry is decoded again from its (decompressed) block.
		b.Run(w+"-uncached", func(b *testing.B) {
			for b.Loop() {
				d.mu.Lock()
				d.entries = nil
				d.mu.Unlock()
				d.Lookup(w, Verb)
			}
		})
	}
}

// BenchmarkLookupAt is a hover's lookup: expressions around the word, then
// the word itself.
func BenchmarkLookupAt(b *testing.B) {
	d := open(b)
	words := strings.Fields("We will carry out the plan and look the word up before we liaise with IT")
	for i := range words {
		d.LookupAt(words, i, NoPOS)
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		d.LookupAt(words, i%len(words), NoPOS)
		i++
	}
}
