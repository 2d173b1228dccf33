package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"liaison/analysis"
)

// BenchmarkCheckSpellingRustBook checks every chapter of the Rust Book as
// `liaison check` does, with the chapter's code words and counts (the
// spelling rules' document-level work: checkSpelling), the block cache
// warm after the first op: what a check of an analysed book costs.
func BenchmarkCheckSpellingRustBook(b *testing.B) {
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no chapters: %v", err)
	}
	a := analysis.New()
	ctx := context.Background()
	type doc struct {
		res *analysis.Result
		s   Settings
	}
	var docs []doc
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, err := a.Analyze(ctx, "markdown", string(src))
		if err != nil {
			b.Fatal(err)
		}
		code, counts := CodeWordsOf(string(src), res, true, nil), CountWords(string(src))
		docs = append(docs, doc{res, Settings{Spelling: Spelling{NoSuggestions: true,
			InCode: func(_ *analysis.Result, w string) bool { return code.Has(w) },
			Count:  func(w string) int { return counts[w] }}}})
	}
	e := defaultEngine(b)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			e.Check(ctx, d.res, d.s)
		}
	}
}
