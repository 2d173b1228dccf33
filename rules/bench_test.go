package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"liaison/analysis"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// generatedRules makes n rules of the library's shapes: misspellings and
// phrases anchored on words the text does not hold (nine in ten), and
// rules anchored on real words of the text with context that must also
// match (one in ten: before a modal, a lemma before a noun, a determiner
// some tokens before the word). vocab is the text's words, most frequent
// first.
//
// With absent, the real words are replaced by words the text does not
// hold either: no rule ever applies, which isolates the index's own cost.
func generatedRules(n int, vocab []string, absent bool) []*Rule {
	var out []*Rule
	real := vocab[min(len(vocab), 200):] // past the function words
	for i := range n {
		w := real[(i*37)%len(real)]
		miss := w + "zq" // a misspelling the text does not hold
		if absent {
			w = w + "qz"
		}
		var p Pattern
		switch i % 10 {
		case 0:
			p = Pattern{Before: []Element{{Tags: []tag.PTB{tag.MD}}}, Match: []Element{{Words: []string{w}}}}
		case 1:
			p = Pattern{Match: []Element{{Lemmas: []string{w}}}, After: []Element{{POS: []tag.UPOS{tag.NOUN}}, {Words: []string{"of"}}}}
		case 2, 3, 4:
			p = Pattern{Match: []Element{{Words: []string{miss, miss + "s"}}}}
		case 5, 6:
			p = Pattern{Match: []Element{{Words: []string{w}}, {Words: []string{miss}}}}
		case 7:
			p = Pattern{Match: []Element{{POS: []tag.UPOS{tag.DET}}, {Skip: 2, Words: []string{miss}}}}
		default:
			p = Pattern{Before: []Element{{Words: []string{miss}}, {Optional: true, POS: []tag.UPOS{tag.ADV}}}, Match: []Element{{Tags: []tag.PTB{tag.NN, tag.NNS}}}}
		}
		out = append(out, &Rule{ID: fmt.Sprintf("gen-%d", i), Category: "nonword", Severity: SeverityHint,
			Message: "{match}", Replacements: []string{"x"}, Patterns: []Pattern{p}})
	}
	return out
}

// BenchmarkRuleCount measures the rules' cost per token of the Rust Book
// with generated rule sets of 300, 1,000 and 10,000 rules (and the
// library): the index keeps it flat, since a token meets only the rules
// that can use it. The -absent sets never apply: their cost is the
// index's; the others grow only by the work of the rules that do apply
// (a tenth of them are anchored on words of the book).
func BenchmarkRuleCount(b *testing.B) {
	book := analyseBook(b)
	var blocks []*analysis.BlockAnalysis
	freq := map[string]int{}
	tokens := 0
	for _, res := range book {
		for _, bl := range res.Blocks {
			if bl.BlockAnalysis == nil {
				continue
			}
			blocks = append(blocks, bl.BlockAnalysis)
			for _, s := range bl.Sentences {
				tokens += len(s.Tokens)
				for _, t := range s.Tokens {
					if t.Kind == token.Word {
						freq[strings.ToLower(t.Text)]++
					}
				}
			}
		}
	}
	var vocab []string
	for w := range freq {
		vocab = append(vocab, w)
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	lib, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	sets := []struct {
		name  string
		rules []*Rule
	}{{"library", lib}}
	for _, absent := range []bool{false, true} {
		for _, n := range []int{300, 1000, 10000} {
			name := fmt.Sprintf("generated-%d", n)
			if absent {
				name += "-absent"
			}
			sets = append(sets, struct {
				name  string
				rules []*Rule
			}{name, generatedRules(n, vocab, absent)})
		}
	}
	for _, s := range sets {
		e, err := NewEngine(s.rules)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				for _, bl := range blocks {
					e.CheckBlock(bl)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
		})
	}
}

// BenchmarkRustBookRulesCPU is BenchmarkRustBookRules reporting the CPU
// time the process spends per op too (cpu-ns/op: every thread, the
// garbage collector's included). On a machine others load, the wall time
// of an op grows with the load and its CPU time much less: compare
// builds by cpu-ns/op, run alternately.
func BenchmarkRustBookRulesCPU(b *testing.B) {
	var blocks []*analysis.BlockAnalysis
	for _, res := range analyseBook(b) {
		for _, bl := range res.Blocks {
			if bl.BlockAnalysis != nil {
				blocks = append(blocks, bl.BlockAnalysis)
			}
		}
	}
	e := defaultEngine(b)
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, bl := range blocks {
			e.CheckBlock(bl)
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
	}
}

// TestNormalise checks normalise against its definition, lower case then
// straight apostrophes, on words of every kind its fast path tells apart.
func TestNormalise(t *testing.T) {
	for _, w := range []string{"", "the", "The", "THE", "don't", "don’t", "Don’t", "naïve", "Naïve", "ÉCOLE", "x86_64", "'s", "’s", "İstanbul", "ǅ", "a\x80b"} {
		if got, want := normalise(w), normApostrophe(strings.ToLower(w)); got != want {
			t.Errorf("normalise(%q) = %q, want %q", w, got, want)
		}
	}
}

// BenchmarkNormalise normalises every token of the Rust Book, by
// normalise and by its definition (the sub-benchmark "definition"): the
// two compared in the same run.
func BenchmarkNormalise(b *testing.B) {
	var words []string
	for _, res := range analyseBook(b) {
		for _, bl := range res.Blocks {
			if bl.BlockAnalysis != nil {
				for _, s := range bl.Sentences {
					for _, t := range s.Tokens {
						words = append(words, t.Text)
					}
				}
			}
		}
	}
	for _, f := range []struct {
		name string
		fn   func(string) string
	}{{"normalise", normalise}, {"definition", func(s string) string { return normApostrophe(strings.ToLower(s)) }}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				for _, w := range words {
					f.fn(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/token")
		})
	}
}

// BenchmarkRustBookCheck is the rules' share of `liaison check
// testdata/rust-book` as the command runs them: each chapter's analysis
// checked by Check with default settings (the rules on by default, and
// spelling), one core, CPU time per op reported beside the wall time.
func BenchmarkRustBookCheck(b *testing.B) {
	results := analyseBook(b)
	e := defaultEngine(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, res := range results {
			e.Check(ctx, res, Settings{})
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
	}
}
