package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liaison/analysis"
)

// analyseBook analyses the Rust Book's chapters.
func analyseBook(t testing.TB) []*analysis.Result {
	t.Helper()
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) < 100 {
		t.Fatalf("chapters: %d, %v", len(files), err)
	}
	a := analysis.New()
	var out []*analysis.Result
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.Analyze(context.Background(), "markdown", string(src))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res)
	}
	return out
}

// spendOfDocument runs the rules over one document as Check does and
// returns its budget account.
func spendOfDocument(e *Engine, res *analysis.Result) *docBudget {
	doc := newDocBudget()
	for _, b := range res.Blocks {
		if b.BlockAnalysis != nil {
			e.checkBlockAll(context.Background(), b.BlockAnalysis, doc, e.allIndex())
		}
	}
	return doc
}

// TestLibraryWithinBudgets runs the whole library over the Rust Book and
// checks that no rule is suspended, and that every rule stays well inside
// its budget per document (a quarter of it at most): the budgets must
// never cost a finding of the library's own rules.
func TestLibraryWithinBudgets(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole Rust Book")
	}
	e := defaultEngine(t)
	worst, worstRule, worstDoc := 0.0, "", 0
	for i, res := range analyseBook(t) {
		doc := spendOfDocument(e, res)
		for id, debt := range doc.debt {
			if f := float64(debt) / documentBase; f > worst {
				worst, worstRule, worstDoc = f, e.rules[id].rule.ID, i
			}
		}
	}
	if n := e.nSuspended.Load(); n != 0 {
		t.Errorf("%d library rules were suspended on the Rust Book", n)
	}
	t.Logf("the rule closest to its document budget: %s, at %.1f%% (chapter %d)", worstRule, 100*worst, worstDoc)
	if worst > 0.25 {
		t.Errorf("%s used %.0f%% of its document budget on the Rust Book; the margin is too thin", worstRule, 100*worst)
	}
}

// pathological returns n rules of the shape issue 12 found: a first
// element every token passes, ten skips of 50 and a last element; each
// attempt backtracks through up to maxTestsPerMatch tests.
func pathological(t testing.TB, n int, last string) []*Rule {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "- id: patho-%d\n  category: nonstandard\n  severity: warning\n  summary: s\n  message: m {match}\n  explanation: e\n"+
			"  match: [{pos: [ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X]}%s, %s]\n",
			i, strings.Repeat(", {skip: 50}", 10), last)
	}
	rs, err := Parse("patho.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestPathologicalRulesAreBounded checks issue 12's pathological custom
// rules on the longest chapter of the Rust Book: 100 rules ending in a
// word that never occurs cost nothing (they are indexed by that word);
// 100 rules ending in an element no token passes and no index can find
// are suspended, each with one warning naming it, within their budget;
// and the library's findings are unchanged.
func TestPathologicalRulesAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the Rust Book")
	}
	book := analyseBook(t)
	longest := book[0]
	for _, res := range book {
		if countTokensOf(res) > countTokensOf(longest) {
			longest = res
		}
	}
	lib, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	base := defaultEngine(t)
	want := findingsText(base.Check(context.Background(), longest, Settings{}))
	uncached := defaultEngine(t)
	start := time.Now()
	uncached.Check(context.Background(), longest, Settings{})
	libTime := time.Since(start)

	for _, tc := range []struct {
		name, last string
		suspended  bool
	}{
		{"rare last word", "{word: nomatch}", false},
		{"unindexable last element", "{not: true, pos: [ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X]}", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			patho := pathological(t, 100, tc.last)
			e, err := NewEngine(append(append([]*Rule(nil), lib...), patho...))
			if err != nil {
				t.Fatal(err)
			}
			cache := &mapCache{kept: map[*analysis.BlockAnalysis][]Finding{}}
			start := time.Now()
			fs := e.CheckWith(context.Background(), longest, Settings{}, cache)
			took := time.Since(start)
			t.Logf("%d tokens: library alone %v, with 100 such rules %v", countTokensOf(longest), libTime, took)
			var warned []string
			var rest []Finding
			for _, f := range fs {
				if f.Rule.ID == "rule-suspended" {
					warned = append(warned, f.Message)
					continue
				}
				rest = append(rest, f)
			}
			if got := findingsText(rest); got != want {
				t.Errorf("the library's findings changed:\n got %s\nwant %s", got, want)
			}
			if !tc.suspended {
				if len(warned) != 0 || e.nSuspended.Load() != 0 {
					t.Errorf("%d warnings, %d suspended; want none", len(warned), e.nSuspended.Load())
				}
				return
			}
			if len(warned) != 100 || e.nSuspended.Load() != 100 {
				t.Fatalf("%d warnings, %d suspended; want 100 of each", len(warned), e.nSuspended.Load())
			}
			for i, m := range warned {
				if !strings.Contains(m, fmt.Sprintf("%q (patho.yaml:%d)", fmt.Sprintf("patho-%d", i), 1+7*i)) {
					t.Errorf("warning %d does not name its rule: %s", i, m)
				}
			}
			// Each rule spent at most its document budget (plus the one
			// attempt that crossed it): recount on a fresh engine.
			fresh, _ := NewEngine(patho)
			doc := spendOfDocument(fresh, longest)
			for id, debt := range doc.debt {
				if debt > documentBase+maxTestsPerMatch {
					t.Errorf("rule %d ran up a debt of %d tests in %d attempts, budget %d", id, debt, doc.attempts[id], documentBase)
				}
			}
			// The warnings stay with the document while its blocks are
			// cached with them; a later document does not run the rules
			// and repeats no warning.
			if again := e.CheckWith(context.Background(), longest, Settings{}, cache); strings.Count(findingsText(again), "rule-suspended") != 100 {
				t.Errorf("checked again, the document has %d warnings, want 100", strings.Count(findingsText(again), "rule-suspended"))
			}
			if later := findingsText(e.Check(context.Background(), book[1], Settings{})); strings.Contains(later, "rule-suspended") || strings.Contains(later, "patho-") {
				t.Errorf("a later document: %s", later)
			}
			if got := e.Suspended(); len(got) != 100 || got[0] != "patho-0" {
				t.Errorf("Suspended() = %d rules, want patho-0…patho-99", len(got))
			}
			if took > 20*libTime+2*time.Second {
				t.Errorf("100 pathological rules took %v, the library alone %v", took, libTime)
			}
		})
	}
}

func countTokensOf(res *analysis.Result) int {
	n := 0
	for _, b := range res.Blocks {
		if b.BlockAnalysis != nil {
			for _, s := range b.Sentences {
				n += len(s.Tokens)
			}
		}
	}
	return n
}

func findingsText(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d-%d %s; ", f.Start, f.End, f.Rule.ID)
	}
	return b.String()
}
