package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"liaison/analysis"
)

// BenchmarkAgreementGoRules measures each Go rule of issue 15's
// categories 2, 4 and 5 (gorule_determiners.go, gorule_verbforms.go,
// gorule_agreement.go) on the Rust Book's sentences, analysed once
// beforehand: the cost per sentence of the rule alone, and the matches it
// returns.
func BenchmarkAgreementGoRules(b *testing.B) {
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no chapters: %v", err)
	}
	a := analysis.New()
	var sentences [][]analysis.Token
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
			if bl.BlockAnalysis == nil {
				continue
			}
			for _, s := range bl.Sentences {
				sentences = append(sentences, s.Tokens)
			}
		}
	}
	for _, name := range []string{
		"singular-determiner-plural-noun", "plural-determiner-singular-noun", "one-of-the-singular",
		"modal-verb-form", "do-verb-form", "to-verb-form", "be-base-for-participle", "singular-subject-plain-verb",
		"plural-subject-noun-verb",
	} {
		rule := goRules()[name]
		if rule == nil {
			b.Fatalf("no Go rule %q", name)
		}
		b.Run(name, func(b *testing.B) {
			found := 0
			for b.Loop() {
				found = 0
				for _, s := range sentences {
					found += len(rule(s))
				}
			}
			b.ReportMetric(float64(found), "matches")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sentences)), "ns/sentence")
		})
	}
}
