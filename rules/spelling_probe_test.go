package rules

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"liaison/analysis"
)

// spellingProbe is a held-out-style probe of the spelling rule (issue
// 16): sentences with one real misspelling, and correct sentences with a
// rare word, a technical term, a proper name or a British spelling. It was
// written before the precision work it measures, and no rule names its
// words.
const spellingProbe = "testdata/spelling/probe.tsv"

// Issue 16's goals on such sentences.
const (
	probeMinCaught  = 0.98 // misspellings found
	probeMaxFlagged = 0.05 // correct sentences with a finding of spellingFamily
)

type probeCase struct {
	bad            bool
	text           string
	wrong, correct string
}

func readSpellingProbe(t *testing.T) []probeCase { return readProbeFile(t, spellingProbe) }

// readProbeFile reads a file of probeCases (the probe's format).
func readProbeFile(t *testing.T, path string) []probeCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []probeCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		switch {
		case fs[0] == "bad" && len(fs) == 4:
			out = append(out, probeCase{bad: true, text: fs[1], wrong: fs[2], correct: fs[3]})
		case fs[0] == "good" && len(fs) == 2:
			out = append(out, probeCase{text: fs[1]})
		default:
			t.Fatalf("%s:%d: want bad<TAB>sentence<TAB>wrong<TAB>right or good<TAB>sentence", path, n)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSpellingProbe holds the spelling rule to issue 16's goals on the
// probe: at least 98% of the misspellings caught (the first suggestion's
// rate is logged), at most 5% of the correct sentences flagged.
func TestSpellingProbe(t *testing.T) {
	caught, bad, flagged, good := runProbe(t, readSpellingProbe(t))
	if bad < 100 || good < 100 {
		t.Fatalf("%s: %d misspelled and %d correct sentences, want 100 of each at least", spellingProbe, bad, good)
	}
	if float64(caught) < probeMinCaught*float64(bad) {
		t.Errorf("caught %d of %d misspellings, want %.0f%%", caught, bad, probeMinCaught*100)
	}
	if float64(flagged) > probeMaxFlagged*float64(good) {
		t.Errorf("flagged %d of %d correct sentences, want at most %.0f%%", flagged, good, probeMaxFlagged*100)
	}
}

// spellingContextDev is the dev set of the contexts that read an unknown
// word as a name or a term (nameContext and the rest): slips in the same
// contexts must still be caught.
const spellingContextDev = "testdata/spelling/context-dev.tsv"

// TestSpellingContextDev holds the contexts to their dev set: every slip
// caught, and no more correct sentences flagged than when it was written
// (10 of 26: a name one edit from a word, brunetti's, grype, stays
// flagged on purpose, as the slips must be caught).
func TestSpellingContextDev(t *testing.T) {
	caught, bad, flagged, good := runProbe(t, readProbeFile(t, spellingContextDev))
	if caught < bad {
		t.Errorf("caught %d of %d slips in name and term contexts, want all", caught, bad)
	}
	if float64(flagged) > contextDevMaxFlagged*float64(good) {
		t.Errorf("flagged %d of %d correct sentences, want at most %.0f%%", flagged, good, contextDevMaxFlagged*100)
	}
}

// contextDevMaxFlagged is the share of the dev set's correct sentences
// flagged when it was written (10 of 26), the ceiling it must stay under.
const contextDevMaxFlagged = 0.39

// runProbe checks each case as plain text and counts the misspellings
// caught and the correct sentences flagged, logging each miss and the
// rate of right first suggestions.
func runProbe(t *testing.T, cases []probeCase) (caught, bad, flagged, good int) {
	t.Helper()
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	first := 0
	for _, c := range cases {
		res, err := a.Analyze(ctx, "plaintext", c.text)
		if err != nil {
			t.Fatal(err)
		}
		var found []Finding
		for _, f := range e.Check(ctx, res, Settings{}) {
			if spellingFamily[f.Rule.Category] {
				found = append(found, f)
			}
		}
		if !c.bad {
			good++
			if len(found) > 0 {
				flagged++
				t.Logf("flagged, correct: %q (%q)", c.text, c.text[found[0].Start:found[0].End])
			}
			continue
		}
		bad++
		hit := false
		for _, f := range found {
			if c.text[f.Start:f.End] != c.wrong {
				continue
			}
			hit = true
			if len(f.Replacements) > 0 && f.Replacements[0] == c.correct {
				first++
			} else {
				t.Logf("first suggestion for %q: %q, want %q", c.wrong, f.Replacements, c.correct)
			}
		}
		if hit {
			caught++
		} else {
			t.Logf("missed: %q in %q", c.wrong, c.text)
		}
	}
	t.Logf("misspellings caught %d/%d (%.1f%%), right first suggestion %d/%d (%.1f%%); correct sentences flagged %d/%d (%.1f%%)",
		caught, bad, pct(caught, bad), first, bad, pct(first, bad), flagged, good, pct(flagged, good))
	return caught, bad, flagged, good
}

// spellingFamily are the categories that say a word is misspelled: the
// spelling rule leaves a word with a library rule of its own ("recieve",
// "alot") to that rule.
var spellingFamily = map[string]bool{"spelling": true, "dialect": true, "misspelling": true, "nonword": true}

func pct(n, d int) float64 { return 100 * float64(n) / float64(d) }
