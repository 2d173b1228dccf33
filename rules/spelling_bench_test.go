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
	// "off" is the same check with the spelling and dialect categories
	// turned off (their rules do not run): the difference is spelling's
	// share of the check (issue 16: at most 20%).
	for _, on := range []bool{true, false} {
		name := "on"
		if !on {
			name = "off"
		}
		b.Run(name, func(b *testing.B) {
			e := defaultEngine(b)
			cpu := processCPU()
			for b.Loop() {
				for _, d := range docs {
					s := d.s
					if !on {
						s.Categories = map[string]bool{"spelling": false, "dialect": false}
					}
					e.Check(ctx, d.res, s)
				}
			}
			if cpu > 0 {
				b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// BenchmarkSpellingRules runs the two spelling rules written in Go (the
// spelling and the dialect rule, sharing an engine's cache of verdicts)
// over every sentence of the Rust Book: the word list's share of
// BenchmarkRustBookRules, reporting cpu-ns/op as that does.
func BenchmarkSpellingRules(b *testing.B) {
	var sents [][]analysis.Token
	for _, res := range analyseBook(b) {
		for _, bl := range res.Blocks {
			if bl.BlockAnalysis != nil {
				for _, s := range bl.Sentences {
					sents = append(sents, s.Tokens)
				}
			}
		}
	}
	var v spellVerdicts
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, toks := range sents {
			v.spellingRule(nil, toks, nil)
			v.dialectRule(nil, toks, nil)
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
	}
}
