package token

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rustBook returns the Rust Book chapters concatenated: raw Markdown,
// 1.2 MB of mostly prose.
func rustBook(tb testing.TB) string {
	tb.Helper()
	paths, err := filepath.Glob("../../testdata/rust-book/*.md")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no Rust Book chapters: %v", err)
	}
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

// reportCPUThroughput reports MB per CPU-second beside the wall-clock MB/s:
// on a machine shared with other work, wall time includes waiting for a
// core, CPU time does not. Call it with the CPU time read before b.Loop.
func reportCPUThroughput(b *testing.B, bytes int, before time.Duration, ok bool) {
	after, ok2 := processCPUTime()
	if !ok || !ok2 || after <= before || b.N == 0 {
		return
	}
	b.ReportMetric(float64(bytes)*float64(b.N)/(after-before).Seconds()/1e6, "MB/cpu-s")
}

// BenchmarkSentences runs Sentences over the whole book in one call.
func BenchmarkSentences(b *testing.B) {
	text := rustBook(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu, ok := processCPUTime()
	for b.Loop() {
		Sentences(text)
	}
	reportCPUThroughput(b, len(text), cpu, ok)
}

// BenchmarkSentencesParagraphs runs Sentences once per paragraph (split at
// blank lines), the way the analysis calls it per prose block.
func BenchmarkSentencesParagraphs(b *testing.B) {
	text := rustBook(b)
	paragraphs := strings.Split(text, "\n\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu, ok := processCPUTime()
	for b.Loop() {
		for _, p := range paragraphs {
			Sentences(p)
		}
	}
	reportCPUThroughput(b, len(text), cpu, ok)
}

// BenchmarkSegmenter is BenchmarkSentencesParagraphs with one reused
// Segmenter.
func BenchmarkSegmenter(b *testing.B) {
	text := rustBook(b)
	paragraphs := strings.Split(text, "\n\n")
	var s Segmenter
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu, ok := processCPUTime()
	for b.Loop() {
		for _, p := range paragraphs {
			s.Sentences(p)
		}
	}
	reportCPUThroughput(b, len(text), cpu, ok)
}

// BenchmarkTokenize runs the tokenizer alone over the whole book.
func BenchmarkTokenize(b *testing.B) {
	text := rustBook(b)
	var t Tokenizer
	var toks []Token
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu, ok := processCPUTime()
	for b.Loop() {
		toks = t.Append(toks[:0], text)
	}
	reportCPUThroughput(b, len(text), cpu, ok)
}
