package rules

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"liaison/analysis"
)

// The breadth probes (testdata/breadth/*.tsv) measure the usage rules on
// common errors outside the grammar dev sets: eggcorns, malapropisms,
// redundancies, nonstandard forms, wrong prepositions in idioms, misused
// phrases and commonly confused words, each beside correct near-misses
// (the right phrase, the word in a legitimate sense). Lines are
// "label<TAB>sentence<TAB>category: note", label bad or good, '#'
// comments; \n in a sentence stands for a line break.
// A sentence is checked as plain text by the default library; a bad one is
// caught when anything is reported on it (what a user sees), a good one
// flagged when anything is. probe.tsv is the set the rules were tuned on;
// heldout.tsv was written after that tuning and measured once (100 of 123
// caught, 0 of 133 flagged); the fixed-phrase confusions of
// confused-phrases.yaml and two eggcorn patterns were then written from
// its misses, so it is held out no longer for those phrases. heldout-2.tsv
// was measured once (157 of 214, 2 of 296) and is now a tuning set for
// confusions-3, idioms-3, eggcorns-3, redundancies-3 and plurals-2;
// heldout-3.tsv was written before those rules and measured once before
// them (107 of 173 caught, 0 of 269 flagged); its confused-word misses
// were in view while confusions-3 was written, so it is a tuning set now.
// heldout-4.tsv was written after those rules landed, from none of their
// examples, and measured once (58 of 63 caught, 0 of 90 flagged); its
// five misses were then covered by widening those rules, so it too is a
// tuning set now. heldout-5.tsv was written after all of them had landed
// and measured once (43 of 45 caught, 1 of 68 flagged: flout-flaunt-object
// on "flouted the dress code", a compound noun, fixed by the rule; its two
// misses are left as they are, so it stays held out). heldout-6.tsv
// (punctuation spacing, doubled and unbalanced marks, capitals of
// languages, nationalities and days, and general common errors) was
// written before the punctuation and capitalisation rules and measured
// once before them: 52 of 121 caught, 0 of 129 flagged. heldout-7.tsv
// (confused words, idioms, eggcorns, redundancies, unbalanced quotes, a
// sentence ending in a bare preposition, day and month capitals with a
// date cue, missing words) was written before the rules of the next round
// and measured once before them: 115 of 165 caught, 2 of 222 flagged
// (pay-a-complement on "a nice complement to your coat",
// one-in-the-same on "one in the same house"). heldout-8.tsv (confused
// words, idioms and prepositions, eggcorns, redundancies, wordiness,
// punctuation round quotations, capitals, missing words, hyphens in
// compound modifiers, numbers) was written before the rules of the round
// after that and measured once before them: 163 of 239 caught, 0 of 245
// flagged. One good line each of heldout-6 and heldout-7 (He said "I
// will …") lacked the comma a complete quoted sentence takes after a verb
// of saying; they were near-misses for balanced quotes, so the comma was
// added and the lines kept good. Its confused-word, eggcorn and
// complement misses were then in view while the second half of
// confusions-4 was written, so heldout-7 is a tuning set for those now;
// heldout-8 stays held out. heldout-9.tsv was written after those rules
// had landed, from none of their examples, and measured once: 65 of 91
// caught, 1 of 117 flagged (please-rsvp on "Please RSVP by Friday.",
// which that rule reads as a redundancy); the binary of the session's
// start caught 38 of 91 and flagged the same line. Its hyphen misses were
// then in view while open-compound-modifier was written (69 of 91 after),
// so it is a tuning set for hyphens now. Its other misses (go of, bale,
// peer, are for our, so week after, units such as course before a noun)
// were then in view while confusions-5 and the second round's widenings
// were written, from dev-round2.tsv's lines written first: heldout-9 is a
// tuning set for those too now (84 of 91 after, 0 flagged: please-rsvp now
// reads only a request made three times, kindly please RSVP, since
// please RSVP is the ordinary wording of an invitation; probe.tsv's older
// line "Please RSVP to the invitation by Friday." judged it the other way,
// and its floor is one lower for that). heldout-10.tsv (fifteen kinds:
// confused words, prepositions in set phrases, eggcorns, redundancies,
// wordy phrases, idioms, hyphens, punctuation, capitals, missing and
// doubled words, misused words, numbers and units, typos) was written
// before the rules of round 4 without looking at the library, and
// measured once before them: 136 of 186 caught, 0 of 183 flagged. Its
// misses were then in view while round 4's files were written
// (confusions-6, plurals-3, prepositions-3, missing-words-2, hyphens-2,
// punctuation-2, numbers, capitalization-2), from their own examples
// written first: it is a tuning set for those now (163 of 186 after, 0
// flagged; the wordy phrases it holds are the style category's, off by
// default; 167 after pronoun-comma-splice, then-for-than-before-clause and
// its-contraction-before-noun-phrase).

// breadthFloors holds each breadth probe to its last measurement.
var breadthFloors = probeFloors{
	"probe.tsv":      {minCaught: 266, maxFlagged: 2},
	"heldout.tsv":    {minCaught: 116, maxFlagged: 0},
	"heldout-2.tsv":  {minCaught: 212, maxFlagged: 1},
	"heldout-3.tsv":  {minCaught: 171, maxFlagged: 0},
	"heldout-4.tsv":  {minCaught: 63, maxFlagged: 0},
	"heldout-5.tsv":  {minCaught: 43, maxFlagged: 0},
	"heldout-6.tsv":  {minCaught: 103, maxFlagged: 0},
	"heldout-7.tsv":  {minCaught: 137, maxFlagged: 0},
	"heldout-8.tsv":  {minCaught: 229, maxFlagged: 0},
	"heldout-9.tsv":  {minCaught: 84, maxFlagged: 0},
	"dev-round2.tsv": {minCaught: 67, maxFlagged: 0},
	"heldout-10.tsv": {minCaught: 167, maxFlagged: 0},
}

type breadthCase struct {
	line     int
	bad      bool
	text     string
	category string
}

func readBreadthProbe(path string) ([]breadthCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("breadth probe: %w", err)
	}
	defer f.Close()
	var out []breadthCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Split(l, "\t")
		if len(fields) != 3 || (fields[0] != "bad" && fields[0] != "good") || strings.TrimSpace(fields[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want label<TAB>sentence<TAB>category: note, got %q", path, n, l)
		}
		cat, _, _ := strings.Cut(fields[2], ":")
		text := strings.ReplaceAll(fields[1], `\n`, "\n")
		out = append(out, breadthCase{line: n, bad: fields[0] == "bad", text: text, category: strings.TrimSpace(cat)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// probeFloors holds each probe of a folder to its last measurement (go
// test -run <Test> -v prints the figures): at least minCaught bad
// sentences caught, at most maxFlagged good ones flagged.
type probeFloors map[string]struct{ minCaught, maxFlagged int }

// TestBreadthProbes reports caught/flagged per probe and category and holds
// each probe to its floor.
func TestBreadthProbes(t *testing.T) {
	runProbes(t, "testdata/breadth", breadthFloors)
}

// runProbes checks every *.tsv probe in dir with the default library,
// reports caught/flagged per category and holds each probe to its floor.
func runProbes(t *testing.T, dir string, floors probeFloors) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no probes in %s", dir)
	}
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			floor, ok := floors[name]
			if !ok {
				t.Fatalf("%s has no floor", name)
			}
			cases, err := readBreadthProbe(path)
			if err != nil {
				t.Fatal(err)
			}
			type tally struct{ bad, caught, good, flagged int }
			per := map[string]*tally{}
			var all tally
			for _, c := range cases {
				res, err := a.Analyze(ctx, "plaintext", c.text)
				if err != nil {
					t.Fatalf("%s:%d: %v", name, c.line, err)
				}
				fs := e.Check(ctx, res, Settings{})
				var got []string
				for _, f := range fs {
					got = append(got, fmt.Sprintf("%s %q", f.Rule.ID, c.text[f.Start:f.End]))
				}
				tl := per[c.category]
				if tl == nil {
					tl = &tally{}
					per[c.category] = tl
				}
				if c.bad {
					tl.bad++
					all.bad++
					if len(fs) > 0 {
						tl.caught++
						all.caught++
					} else {
						t.Logf("missed  %s:%d [%s] %s", name, c.line, c.category, c.text)
					}
				} else {
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

// breadthPct is n as a percentage of d (0 for an empty probe: the test
// reports that case itself).
func breadthPct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}
