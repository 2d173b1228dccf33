package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"liaison/analysis"
)

// TestRustBookBudget checks the Rust Book's findings against their
// reviewed list, testdata/precision/rust-book-findings.txt: every finding
// of the default library must be there with a verdict, and those not
// reviewed as real stay within the budget of 1 per 10,000 words
// (precision_test.go; TestPrecision checks every corpus the same way).
func TestRustBookBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole Rust Book")
	}
	checkPrecision(t, "rust-book")
}

// BenchmarkRustBookRules measures the rules' own cost on the whole Rust
// Book: the chapters are analysed once, then every block is checked by the
// full library (no cache), so the time per op is the library's share of
// `liaison check testdata/rust-book`.
func BenchmarkRustBookRules(b *testing.B) {
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no chapters: %v", err)
	}
	a := analysis.New()
	var blocks []*analysis.BlockAnalysis
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, err := a.Analyze(context.Background(), "markdown", string(src))
		if err != nil {
			b.Fatal(err)
		}
		for _, bl := range res.Blocks {
			if bl.BlockAnalysis != nil {
				blocks = append(blocks, bl.BlockAnalysis)
			}
		}
	}
	e := defaultEngine(b)
	b.ResetTimer()
	for b.Loop() {
		for _, bl := range blocks {
			e.CheckBlock(bl)
		}
	}
}
