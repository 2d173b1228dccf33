package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"liaison/analysis"
)

// TestSentenceStartSeesPreviousSentence checks the GoContextRule plumbing
// both ways a block is checked: the engine and Explain must hand the rule
// the sentence before, or it can never fire (it says nothing on a block's
// first sentence, and "we" here starts the second).
func TestSentenceStartSeesPreviousSentence(t *testing.T) {
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	tests := []struct {
		lang, text string
		want       string // the word flagged, "" for none
	}{
		{"plaintext", "It rained. we stayed in.", "we"},
		{"plaintext", "we stayed in.", ""}, // a block's first sentence has no full stop before it
		{"plaintext", "It rained. We stayed in.", ""},
		{"plaintext", "Is it done? we think so.", "we"},
		{"plaintext", "Run it. npm does the rest.", ""},
		// A note set apart by markup as a whole is a label; markup around
		// a word or two of a sentence is not.
		{"html", "<p>Overwrite read-only files. <em>since Ant 1.8.2</em></p>", ""},
		{"html", "<p>The encoding of the files. <em>since Ant 1.6</em>.</p>", ""},
		{"html", "<p>It rained. <em>we</em> stayed in.</p>", "we"},
		{"markdown", "Overwrite read-only files. *since version 1.8*", ""},
		{"markdown", "It rained. *we* stayed in.", "we"},
		{"markdown", "It rained. we *stayed in*.", "we"},
		// A verbless piece with no stop that opens with a preposition or
		// a bare singular noun is a label or the rest of a phrase cut by
		// an abbreviation; a sentence or a noun phrase with its
		// determiner is still flagged.
		{"html", "<td>Whether to spawn a process.<br/><em>since\n    Ant 1.6</em>\n</td>", ""},
		{"plaintext", "Aged by the fwd. barrier in this cycle", ""},
		{"plaintext", "It rained. we stayed in", "we"},
		{"plaintext", "The staff were kind. many thanks", "many"},
		{"plaintext", "The staff were kind. thanks to all of you.", "thanks"},
	}
	for _, tt := range tests {
		res, err := a.Analyze(ctx, tt.lang, tt.text)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, f := range e.Check(ctx, res, Settings{}) {
			if f.Rule.ID == "sentence-start" {
				got = tt.text[f.Start:f.End]
			}
		}
		if got != tt.want {
			t.Errorf("Check(%q): sentence-start flagged %q, want %q", tt.text, got, tt.want)
		}
		got = ""
		for _, se := range e.Explain(ctx, res.Blocks[0].BlockAnalysis) {
			for _, m := range se.Matches {
				if m.Rule.ID == "sentence-start" && m.Status == Reported {
					got = se.Tokens[m.Start].Token.Text
				}
			}
		}
		if got != tt.want {
			t.Errorf("Explain(%q): sentence-start reported %q, want %q", tt.text, got, tt.want)
		}
	}
}

// BenchmarkSentenceStart measures the Go rule alone over every sentence of
// the Rust Book, each with the sentence before it.
func BenchmarkSentenceStart(b *testing.B) {
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no chapters: %v", err)
	}
	a := analysis.New()
	var blocks []*analysis.BlockAnalysis
	sentences := 0
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
				sentences += len(bl.Sentences)
			}
		}
	}
	b.ResetTimer()
	found := 0
	for b.Loop() {
		found = 0
		for _, bl := range blocks {
			var prev []analysis.Token
			for _, s := range bl.Sentences {
				found += len(sentenceStart(prev, s.Tokens, bl.Markup))
				prev = s.Tokens
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sentences), "ns/sentence")
	b.ReportMetric(float64(found), "findings")
}
