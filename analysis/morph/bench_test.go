package morph

import (
	"testing"
)

// reportCPU adds the process CPU time per operation as a metric: on a
// shared machine wall time (ns/op) includes waiting for a core.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

var benchWords = []string{
	"The", "liaisoned", "agents", "were", "running", "quickly", "between", "offices", "and",
	"Liaisoning", "committees", "better", "data", "children", "it", "traveled", "happiest", "of",
}

func BenchmarkLoad(b *testing.B) {
	b.ReportMetric(float64(len(embedded)), "embedded-bytes")
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClasses(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		l.Classes(benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkAnalyze(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		l.Analyze(benchWords[i%len(benchWords)])
		i++
	}
}

func BenchmarkLemma(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		l.Lemma(benchWords[i%len(benchWords)], Verb)
		i++
	}
}

func BenchmarkInflect(b *testing.B) {
	l := Default()
	cases := []struct {
		lemma string
		pos   POS
		form  Form
	}{{"liaise", Verb, Past}, {"go", Verb, PastParticiple}, {"commit", Verb, Gerund}, {"carry", Verb, ThirdSingular}, {"child", Noun, Plural}, {"happy", Adj, Superlative}}
	b.ReportAllocs()
	i := 0
	defer reportCPU(b)()
	for b.Loop() {
		c := cases[i%len(cases)]
		l.Inflect(c.lemma, c.pos, c.form)
		i++
	}
}
