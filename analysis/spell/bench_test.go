package spell

import (
	"runtime"
	"testing"
)

// BenchmarkLoad: Load only checks the header, the table is read in place.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkKnown measures membership by the shape of the word: a listed
// lower-case word (most of prose), a capitalised or upper-case one (more
// lookups), a possessive, a hyphenated compound, and an unknown word (the
// longest probe sequence).
func BenchmarkKnown(b *testing.B) {
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		words []string
	}{
		{"lower", []string{"the", "colour", "internationalization", "don't", "whereas", "compiler", "of", "rarely"}},
		{"capitalised", []string{"The", "Paris", "However", "Colour"}},
		{"upper", []string{"THE", "PARIS", "NASA", "HOWEVER"}},
		{"possessive", []string{"student's", "students'", "Rust’s", "compiler's"}},
		{"hyphenated", []string{"well-known", "long-term", "built-in", "read-only"}},
		{"unknown", []string{"recieve", "asdfgh", "tokio", "seperate"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; b.Loop(); i++ {
				l.Known(bc.words[i%len(bc.words)], EnUS)
			}
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkSuggest measures one suggestion after the index is built.
func BenchmarkSuggest(b *testing.B) {
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	l.Suggest("x", EnUS, 1)
	words := []string{"recieve", "accomodate", "definately", "alot", "pronounciation", "teh", "Wensday", "implmentation"}
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; b.Loop(); i++ {
		l.Suggest(words[i%len(words)], EnUS, 5)
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkSuggestIndex measures building the suggestion index (once per
// Lexicon, on the first Suggest) and reports its heap size.
func BenchmarkSuggestIndex(b *testing.B) {
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	data, err := l.decodeWords()
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	start := cpuTime()
	var ix *suggestIndex
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix = buildIndex(data)
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB")
	runtime.KeepAlive(ix)
}

// BenchmarkSuggestWorst: the slowest shapes, long words (many edits to
// look up) and short ones (many candidates).
func BenchmarkSuggestWorst(b *testing.B) {
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	l.Suggest("x", EnUS, 1)
	for _, w := range []string{"internationalisationally", "counterrevolutionarries", "teh", "ot", "alot"} {
		b.Run(w, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				l.Suggest(w, EnUS, 5)
			}
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
