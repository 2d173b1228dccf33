package dictionary

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

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

// BenchmarkLookupBook looks up the words of the Rust Book in order, as
// hovers over a whole book do, and reports the heap the dictionary holds
// afterwards (after a collection) and the slowest lookups: what a
// dictionary bounded by its block and entry caches costs in memory and
// in decompression again.
func BenchmarkLookupBook(b *testing.B) {
	files, err := filepath.Glob("../../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		b.Skip("no Rust Book")
	}
	var words []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range strings.Fields(string(src)) {
			if w = strings.Trim(w, ".,;:!?()[]`*\"'<>{}"); hasLetter(w) {
				words = append(words, w)
			}
		}
	}
	lex := morph.Default()
	b.Run("pages=kept", func(b *testing.B) { lookupBook(b, words, WithLemmatizer(lex)) })
	b.Run("pages=released", func(b *testing.B) { lookupBook(b, words, WithLemmatizer(lex), inPlace()) })
}

// lookupBook looks up every 7th word of words in a dictionary opened with
// opts, and reports the heap the dictionary holds after a collection and
// the embedded data its reads left mapped (mapped-MB, part of the
// resident size).
func lookupBook(b *testing.B, words []string, opts ...Option) {
	var times []time.Duration
	var heap float64
	var decodes int
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d, err := New(embedded, opts...)
		if err != nil {
			b.Fatal(err)
		}
		times = times[:0]
		for i := 0; i < len(words); i += 7 {
			t := time.Now()
			d.LookupAt(words[i:min(i+5, len(words))], 0, NoPOS)
			times = append(times, time.Since(t))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		decodes = d.synsets.DecodedBlocks() + d.lemmas.DecodedBlocks() + d.forms.DecodedBlocks()
		if dd, ok := any(d.synsets).(interface{ Decodes() int }); ok {
			decodes = dd.Decodes() + any(d.lemmas).(interface{ Decodes() int }).Decodes() + any(d.forms).(interface{ Decodes() int }).Decodes()
		}
		runtime.KeepAlive(d)
	}
	slices.Sort(times)
	b.ReportMetric(heap, "heap-MB")
	b.ReportMetric(float64(residentBytes(embedded))/(1<<20), "mapped-MB")
	b.ReportMetric(float64(len(times)), "lookups")
	b.ReportMetric(float64(decodes), "decodes")
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(times[len(times)*99/100].Nanoseconds()), "p99-ns")
}
