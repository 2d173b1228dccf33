package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"liaison/analysis"
)

// TestPronounCaseReplacements pins the rewrites pronoun-case offers: the
// pronouns put in the case the slot needs, the speaker last, the other words
// as written.
func TestPronounCaseReplacements(t *testing.T) {
	a := analysis.New()
	tests := []struct{ text, want string }{
		{"Me and him went home.", "He and I"},
		{"Me and Tom fixed the roof.", "Tom and I"},
		{"Her and her sister own a bakery.", "She and her sister"},
		{"Give it to Sarah and I.", "Sarah and me"},
		{"They asked he and she to leave.", "him and her"},
		{"Us students need more time.", "We"},
		{"He and I went home.", ""},
		{"I think he and I should talk.", ""},
	}
	for _, tt := range tests {
		res, err := a.Analyze(context.Background(), "text", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, bl := range res.Blocks {
			for _, s := range bl.Sentences {
				for _, m := range pronounCase(s.Tokens) {
					got = m.Replacements[0]
				}
			}
		}
		if got != tt.want {
			t.Errorf("pronounCase(%q) offers %q, want %q", tt.text, got, tt.want)
		}
	}
}

// BenchmarkPronounRules measures the two pronoun Go rules alone over every
// sentence of the Rust Book.
func BenchmarkPronounRules(b *testing.B) {
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
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			pronounCase(s)
			pronounNumber(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sentences)), "ns/sentence")
}
