package rules

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liaison/analysis"
)

// The grammar dev sets (issue 15): one file per category in
// testdata/grammar/<category>.tsv, lines "bad<TAB>sentence" or
// "good<TAB>sentence", '#' comments; "\n" in a sentence is a line break
// (a word repeated across lines, say). Each sentence is checked as plain text
// by the whole default library: a bad sentence is caught when anything is
// reported on it, a good one flagged when anything is.
const (
	devMinCaught  = 0.80 // share of a category's bad sentences that must be caught
	devMaxFlagged = 1    // good sentences of a category that may be flagged
)

type devLine struct {
	line int
	bad  bool
	text string
}

func readDevSet(path string) ([]devLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dev set: %w", err)
	}
	defer f.Close()
	var out []devLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		kind, text, ok := strings.Cut(l, "\t")
		if !ok || (kind != "bad" && kind != "good") || strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("%s:%d: want bad<TAB>sentence or good<TAB>sentence, got %q", path, n, l)
		}
		text = strings.ReplaceAll(text, `\n`, "\n")
		out = append(out, devLine{line: n, bad: kind == "bad", text: text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// TestGrammarDevSets reports caught/flagged per category (go test -v) and
// holds each category to the bar.
func TestGrammarDevSets(t *testing.T) {
	files, err := filepath.Glob("testdata/grammar/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no dev sets in testdata/grammar")
	}
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	for _, path := range files {
		cat := strings.TrimSuffix(filepath.Base(path), ".tsv")
		t.Run(cat, func(t *testing.T) {
			lines, err := readDevSet(path)
			if err != nil {
				t.Fatal(err)
			}
			bad, caught, good, flagged := 0, 0, 0, 0
			for _, l := range lines {
				res, err := a.Analyze(ctx, "plaintext", l.text)
				if err != nil {
					t.Fatalf("%s:%d: %v", path, l.line, err)
				}
				fs := e.Check(ctx, res, Settings{})
				// Spelling has its own test (spelling_precision_test.go).
				kept := fs[:0]
				for _, f := range fs {
					if f.Rule.Category != "spelling" && f.Rule.Category != "dialect" {
						kept = append(kept, f)
					}
				}
				fs = kept
				var got []string
				for _, f := range fs {
					got = append(got, fmt.Sprintf("%s %q", f.Rule.ID, l.text[f.Start:f.End]))
				}
				if l.bad {
					bad++
					if len(fs) > 0 {
						caught++
					} else {
						t.Logf("missed  %s:%d: %s", filepath.Base(path), l.line, l.text)
					}
				} else {
					good++
					if len(fs) > 0 {
						flagged++
						t.Logf("flagged %s:%d: %s [%s]", filepath.Base(path), l.line, l.text, strings.Join(got, "; "))
					}
				}
			}
			t.Logf("%s: caught %d/%d bad, flagged %d/%d good", cat, caught, bad, flagged, good)
			if bad == 0 || good == 0 {
				t.Fatalf("%s has %d bad and %d good sentences; it needs both", path, bad, good)
			}
			if float64(caught) < devMinCaught*float64(bad) {
				t.Errorf("%s: caught %d of %d bad sentences (%.0f%%), want at least %.0f%%",
					cat, caught, bad, 100*float64(caught)/float64(bad), 100*devMinCaught)
			}
			if flagged > devMaxFlagged {
				t.Errorf("%s: flagged %d of %d good sentences, want at most %d", cat, flagged, good, devMaxFlagged)
			}
		})
	}
}
