package rules

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"liaison/analysis"
)

// The held-out grammar probes (testdata/grammar-heldout/*.tsv) measure the
// grammar and mechanics rules on common writers' errors outside the grammar
// dev sets: the issue-15 categories in constructions the dev sets do not
// use (questions, inversion, relative clauses, quotations, long
// intervening phrases) and mechanics they do not cover (apostrophes,
// double negatives, nonstandard past forms, lower-case days and months),
// each beside correct near-misses. The format is the breadth probes'
// (label<TAB>sentence<TAB>category: note). heldout-mix.tsv was written
// before this round's grammar rules and is what they were written from, so
// it is a tuning set now; heldout-mix-2.tsv was written after them and
// measured once. A sentence is caught when anything at all is reported on
// it (what a user sees), flagged when anything is.

// grammarHeldoutFloors holds each probe to its last measurement.
var grammarHeldoutFloors = map[string]struct{ minCaught, maxFlagged int }{
	"heldout-mix.tsv": {minCaught: 158, maxFlagged: 2},
}

func TestGrammarHeldout(t *testing.T) {
	files, err := filepath.Glob("testdata/grammar-heldout/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no probes in testdata/grammar-heldout")
	}
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			floor, ok := grammarHeldoutFloors[name]
			if !ok {
				t.Fatalf("%s has no floor in grammarHeldoutFloors", name)
			}
			cases, err := readBreadthProbe(path)
			if err != nil {
				t.Fatal(err)
			}
			type tally struct{ bad, caught, good, flagged int }
			per := map[string]*tally{}
			var all tally
			for _, c := range cases {
				text := strings.ReplaceAll(c.text, `\n`, "\n")
				res, err := a.Analyze(ctx, "plaintext", text)
				if err != nil {
					t.Fatalf("%s:%d: %v", name, c.line, err)
				}
				fs := e.Check(ctx, res, Settings{})
				var got []string
				for _, f := range fs {
					got = append(got, fmt.Sprintf("%s %q", f.Rule.ID, text[f.Start:f.End]))
				}
				tl := per[c.category]
				if tl == nil {
					tl = &tally{}
					per[c.category] = tl
				}
				switch {
				case c.bad:
					tl.bad++
					all.bad++
					if len(fs) > 0 {
						tl.caught++
						all.caught++
					} else {
						t.Logf("missed  %s:%d [%s] %s", name, c.line, c.category, c.text)
					}
				default:
					tl.good++
					all.good++
					if len(fs) > 0 {
						tl.flagged++
						all.flagged++
						t.Logf("flagged %s:%d [%s] %s [%s]", name, c.line, c.category, c.text, strings.Join(got, "; "))
					}
				}
			}
			cats := make([]string, 0, len(per))
			for c := range per {
				cats = append(cats, c)
			}
			sort.Strings(cats)
			for _, c := range cats {
				tl := per[c]
				t.Logf("%-18s caught %3d/%-3d flagged %3d/%-3d", c, tl.caught, tl.bad, tl.flagged, tl.good)
			}
			t.Logf("%s: caught %d/%d bad (%.0f%%), flagged %d/%d good (%.1f%%)", name,
				all.caught, all.bad, breadthPct(all.caught, all.bad), all.flagged, all.good, breadthPct(all.flagged, all.good))
			if all.bad == 0 || all.good == 0 {
				t.Fatalf("%s has %d bad and %d good sentences; it needs both", name, all.bad, all.good)
			}
			if all.caught < floor.minCaught {
				t.Errorf("%s: caught %d of %d bad sentences, want at least %d", name, all.caught, all.bad, floor.minCaught)
			}
			if all.flagged > floor.maxFlagged {
				t.Errorf("%s: flagged %d of %d good sentences, want at most %d", name, all.flagged, all.good, floor.maxFlagged)
			}
		})
	}
}
