package rules

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"liaison/analysis"
)

// checkText analyses text as plain text and returns the findings of every
// rule, those of categories off by default (style) too.
func checkText(t *testing.T, a *analysis.Analyzer, e *Engine, text string) []Finding {
	t.Helper()
	res, err := a.Analyze(context.Background(), "plaintext", text)
	if err != nil {
		t.Fatalf("analysing %q: %v", text, err)
	}
	return e.Check(context.Background(), res, allCategoriesOn)
}

// allCategoriesOn turns on the categories that are off by default, so
// their rules' examples are tested too.
var allCategoriesOn = Settings{Categories: map[string]bool{"style": true}}

// applyFirst applies each finding's first replacement (findings sorted, not
// overlapping).
func applyFirst(text string, fs []Finding) string {
	for i := len(fs) - 1; i >= 0; i-- {
		f := fs[i]
		if len(f.Replacements) > 0 {
			text = text[:f.Start] + f.Replacements[0] + text[f.End:]
		}
	}
	return text
}

func ofRule(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule.ID == id {
			out = append(out, f)
		}
	}
	return out
}

// minExamples is how many bad and how many good examples a rule of the
// category needs: grammar rules decide by tags and features, so each shows
// more of the near-misses that must stay quiet.
func minExamples(category string) int {
	if category == "grammar" {
		return 4
	}
	return 2
}

// TestExamples runs every example of every rule in the library: each bad
// example must produce the rule's finding and its first replacement must
// give the fixed text; each good example must produce none.
func TestExamples(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.New()
	for _, r := range rs {
		t.Run(r.ID, func(t *testing.T) {
			if min := minExamples(r.Category); len(r.Examples.Bad) < min || len(r.Examples.Good) < min {
				t.Errorf("%s: needs at least %d bad and %d good examples", r.Source, min, min)
			}
			for _, ex := range r.Examples.Bad {
				fs := ofRule(checkText(t, a, e, ex.Text), r.ID)
				if len(fs) == 0 {
					t.Errorf("bad example not flagged: %q", ex.Text)
					continue
				}
				if got := applyFirst(ex.Text, fs); got != ex.Fix {
					t.Errorf("fixing %q\n got %q\nwant %q", ex.Text, got, ex.Fix)
				}
				for _, f := range fs {
					if strings.Contains(f.Message, "{") {
						t.Errorf("%q: message %q has an unrendered placeholder", ex.Text, f.Message)
					}
				}
			}
			for _, good := range r.Examples.Good {
				if fs := ofRule(checkText(t, a, e, good), r.ID); len(fs) > 0 {
					t.Errorf("good example flagged: %q: %s", good, fs[0].Message)
				}
			}
		})
	}
}

// TestLiaisonDev checks the liaison rule on the labelled development
// sets: on liaison-dev.tsv (the project's), every verb use caught once, on
// the flagged word, with exactly the listed replacement (in the word's
// capitalisation), and no finding at all on the other sentences; on
// liaison-dev-2.tsv (written later, to measure the rule rather than
// record it), the same counted, with the misses logged and floors at the
// measured figure.
func TestLiaisonDev(t *testing.T) {
	e := defaultEngine(t)
	a := analysis.New()
	first := readLiaisonDev(t, a, e, "../testdata/liaison/liaison-dev.tsv")
	for _, m := range first.misses {
		t.Error(m)
	}
	if first.verbs+first.oks < 30 {
		t.Errorf("read only %d rows", first.verbs+first.oks)
	}
	second := readLiaisonDev(t, a, e, "../testdata/liaison/liaison-dev-2.tsv")
	for _, m := range second.misses {
		t.Log("miss: " + m)
	}
	t.Logf("liaison-dev: verbs %d/%d caught, %d/%d correct sentences flagged", first.caught, first.verbs, first.flagged, first.oks)
	t.Logf("liaison-dev-2: verbs %d/%d caught, %d/%d correct sentences flagged", second.caught, second.verbs, second.flagged, second.oks)
	const minCaught, maxFlagged = 45, 1 // measured: 45 of 46, 1 of 46
	if second.caught < minCaught || second.flagged > maxFlagged {
		t.Errorf("liaison-dev-2: %d verbs caught (want ≥ %d), %d correct sentences flagged (want ≤ %d)", second.caught, minCaught, second.flagged, maxFlagged)
	}
}

// liaisonDevScore is the liaison rule's figure on a dev set.
type liaisonDevScore struct {
	verbs, caught, oks, flagged int
	misses                      []string
}

// readLiaisonDev checks each row of the dev set at path: a verb row is
// caught when liaison-verb finds exactly the flagged word, once, with the
// listed replacement; an ok row is flagged when any rule on by default
// finds anything in it.
func readLiaisonDev(t *testing.T, a *analysis.Analyzer, e *Engine, path string) liaisonDevScore {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sc liaisonDevScore
	miss := func(format string, args ...any) { sc.misses = append(sc.misses, fmt.Sprintf(format, args...)) }
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		line := lines.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s: bad row %q", path, line)
		}
		label, word, want, text := cols[0], cols[1], cols[2], cols[3]
		all := checkText(t, a, e, text)
		fs := ofRule(all, "liaison-verb")
		switch label {
		case "verb":
			sc.verbs++
			if len(fs) != 1 {
				miss("%q: %d liaison-verb findings, want 1", text, len(fs))
				continue
			}
			got := text[fs[0].Start:fs[0].End]
			switch {
			case !strings.EqualFold(got, word):
				miss("%q: flagged %q, want %q", text, got, word)
			case len(fs[0].Replacements) == 0 || fs[0].Replacements[0] != matchCase(got, want):
				miss("%q: replacements %q, want %q", text, fs[0].Replacements, matchCase(got, want))
			default:
				sc.caught++
			}
		case "ok":
			sc.oks++
			flagged := false
			for _, f := range all {
				if _, on := (Settings{}).Apply(f); !on {
					continue // a style rule, off unless a user turns it on
				}
				flagged = true
				miss("%q: unexpected finding %q [%s]", text, text[f.Start:f.End], f.Rule.ID)
			}
			if flagged {
				sc.flagged++
			}
		default:
			t.Fatalf("%s: bad label in %q", path, line)
		}
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	return sc
}
