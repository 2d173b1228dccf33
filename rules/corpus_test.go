package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"liaison/analysis"
	"liaison/analysis/token"
)

// maxFindingsPer10k is the precision budget: findings per 10,000 words of
// long edited prose.
const maxFindingsPer10k = 3.0

// TestRustBookBudget runs the whole library over the Rust Book and fails
// when it reports more than the budget allows: a guard against rules that
// fire on good prose. Each finding is logged (go test -v) for review.
func TestRustBookBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole Rust Book")
	}
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("found %d chapters in ../testdata/rust-book, want more than 100", len(files))
	}
	e := defaultEngine(t)
	a := analysis.New()
	words, findings := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.Analyze(context.Background(), "markdown", string(src))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, b := range res.Blocks {
			if b.BlockAnalysis == nil {
				continue
			}
			for _, s := range b.Sentences {
				for _, tk := range s.Tokens {
					if tk.Kind == token.Word {
						words++
					}
				}
			}
		}
		for _, fd := range e.Check(context.Background(), res, Settings{}) {
			findings++
			t.Logf("%s: %q [%s] %s", filepath.Base(f), src[fd.Start:fd.End], fd.Rule.ID, fd.Message)
		}
	}
	if words < 150_000 {
		t.Fatalf("counted %d words in the Rust Book, want more than 150,000", words)
	}
	per10k := float64(findings) / float64(words) * 10_000
	t.Logf("%d findings in %d words: %.2f per 10,000 words", findings, words, per10k)
	if per10k > maxFindingsPer10k {
		t.Errorf("%d findings in %d words = %.2f per 10,000 words, budget %.1f", findings, words, per10k, maxFindingsPer10k)
	}
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
