package directive

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"liaison/rules"
)

// TestStreamMatchesApply checks that applying a document's directives a
// run of findings at a time (Stream) gives exactly what Apply gives on all
// of them: on random layouts of disable, enable and next-line directives,
// some naming unknown rules, some findings inside directives or at the
// offset of a directive's rule id, the findings cut into random runs.
func TestStreamMatchesApply(t *testing.T) {
	ids := []string{"alot", "liaison-verb", "nosuch", ""}
	known := func(id string) bool { return id == "alot" || id == "liaison-verb" }
	ruleFor := map[string]*rules.Rule{"alot": ruleAlot, "liaison-verb": ruleLiaison, "nosuch": {ID: "nosuch"}}
	kinds := []string{KeywordDisable, KeywordEnable, KeywordDisableNextLine}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		var src strings.Builder
		for range rng.IntN(12) {
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&src, "<!-- %s", kinds[rng.IntN(len(kinds))])
				for range rng.IntN(3) {
					fmt.Fprintf(&src, " %s", ids[rng.IntN(len(ids))])
				}
				src.WriteString(" -->\n")
			} else {
				src.WriteString(strings.Repeat("we had alot ", 1+rng.IntN(3)) + "\n")
			}
		}
		doc := src.String()
		var fs []rules.Finding
		for range rng.IntN(30) {
			start := rng.IntN(len(doc) + 1)
			id := ids[rng.IntN(3)]
			fs = append(fs, rules.Finding{Rule: ruleFor[id], Start: start, End: min(start+4, len(doc)), Message: id})
		}
		// Findings at the offsets of directives' ids, where the
		// unknown-id findings are (silenced: inside a directive).
		if s := Parse("markdown", doc); s != nil && rng.IntN(2) == 0 {
			for _, d := range s.Directives() {
				for _, id := range d.Rules {
					fs = append(fs, rules.Finding{Rule: ruleAlot, Start: id.Start, End: id.End, Message: "tie"})
				}
			}
		}
		slices.SortStableFunc(fs, func(a, b rules.Finding) int { return a.Start - b.Start })
		want := Apply("markdown", doc, slices.Clone(fs), known)

		st := NewStream("markdown", doc, known)
		var got []rules.Finding
		for rest := fs; len(rest) > 0; {
			k := rng.IntN(len(rest) + 1)
			part, err := st.Apply(rest[:k])
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, part...)
			rest = rest[k:]
		}
		got = append(got, st.Close()...)
		if d := diff(want, got); d != "" {
			t.Fatalf("layout %d: %s\ndocument:\n%s", n, d, doc)
		}
	}
}

// TestStreamOutOfOrder checks that a run starting before the previous
// run's last finding is refused: Apply would have sorted it.
func TestStreamOutOfOrder(t *testing.T) {
	st := NewStream("markdown", "<!-- liaison-disable nosuch -->\nwe had alot\n", func(string) bool { return false })
	if _, err := st.Apply([]rules.Finding{{Rule: ruleAlot, Start: 40}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Apply([]rules.Finding{{Rule: ruleAlot, Start: 39}}); err == nil {
		t.Error("a finding before the previous run's last one is accepted")
	}
}

func diff(want, got []rules.Finding) string {
	show := func(f rules.Finding) string { return fmt.Sprintf("%d-%d %s %q", f.Start, f.End, f.Rule.ID, f.Message) }
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(want):
			return "extra " + show(got[i])
		case i >= len(got):
			return "missing " + show(want[i])
		case show(want[i]) != show(got[i]):
			return fmt.Sprintf("finding %d: want %s, got %s", i, show(want[i]), show(got[i]))
		}
	}
	return ""
}
