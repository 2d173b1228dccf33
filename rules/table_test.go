package rules

import (
	"reflect"
	"strings"
	"testing"

	"liaison/analysis"
)

const tableYAML = `
- table: test
  category: eggcorn
  severity: warning
  message: 'In "{right}", write "{replacement}", not "{match}".'
  explanation: 'The phrase is **{right}**. {why}'
  entries:
    - id: sneak-peak
      wrong: sneak peak|peaks
      right: sneak peek
      why: A *peek* is a quick look.
      inflect: noun
      bad: [We got a sneak peak of the release., {text: Sneak peaks are fun., fix: Sneak peeks are fun.}]
      good: [Prices peak in summer.]
    - id: revert-back
      category: redundancy
      wrong: ~revert back
      right: revert
      why: To revert is to go back.
      bad:
        - {text: We reverted back to the old build., fix: We reverted to the old build.}
        - {text: Revert back the change., fix: Revert the change.}
      good: [Step back and revert.]
    - id: in-regards-to
      wrong: [in regards to, with regards to]
      right: regarding
      why: The preposition is *regarding*.
      bad: ["In regards to your question, yes.", I wrote with regards to the bill.]
      good: [Give her my regards.]
    - id: in-a-daily-basis
      category: nonstandard
      wrong: in a regular|daily basis
      right: on a regular basis
      why: The idiom is *on* a basis.
      bad: [We meet in a regular basis., {text: We meet in a daily basis., fix: We meet on a daily basis.}]
    - id: lan-network
      category: redundancy
      wrong: LAN network
      right: LAN
      why: The N is the network.
      bad: [The LAN network is down., Our LAN network failed.]
      good: [The lan network is a typo we leave alone.]
`

// TestTable checks the compact form: each entry is a rule of its own, with
// the table's fields, the shared words as context, a deletion keeping its
// neighbour as written, and its examples (computed fixes among the goods)
// passing through the real pipeline.
func TestTable(t *testing.T) {
	rs, err := Parse("t.yaml", []byte(tableYAML))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 5 {
		t.Fatalf("%d rules, want 5", len(rs))
	}
	peak, back, regards := rs[0], rs[1], rs[2]
	if peak.ID != "sneak-peak" || peak.Category != "eggcorn" || peak.Summary != `"sneak peak" for "sneak peek"` ||
		peak.Explanation != "The phrase is **sneak peek**. A *peek* is a quick look." || peak.Source != "t.yaml:8" || peak.Inflect != Noun {
		t.Errorf("sneak-peak: %+v", peak)
	}
	pat := peak.Patterns[0]
	if len(pat.Before) != 1 || !reflect.DeepEqual(pat.Before[0].Words, []string{"sneak"}) ||
		len(pat.Match) != 1 || !reflect.DeepEqual(pat.Match[0].Words, []string{"peak", "peaks"}) ||
		!reflect.DeepEqual(pat.Replacements, []string{"peek"}) {
		t.Errorf("sneak-peak pattern: %+v", pat)
	}
	wantGood := []string{"Prices peak in summer.", "We got a sneak peek of the release.", "Sneak peeks are fun."}
	if !reflect.DeepEqual(peak.Examples.Good, wantGood) {
		t.Errorf("sneak-peak goods %q, want %q", peak.Examples.Good, wantGood)
	}
	if back.Category != "redundancy" || len(back.Patterns[0].Match) != 2 ||
		!reflect.DeepEqual(back.Patterns[0].Match[0].Lemmas, []string{"revert"}) ||
		!reflect.DeepEqual(back.Patterns[0].Replacements, []string{"{1}"}) {
		t.Errorf("revert-back: %+v", back.Patterns[0])
	}
	if len(regards.Patterns) != 2 || len(regards.Patterns[1].Match) != 3 {
		t.Errorf("in-regards-to: %+v", regards.Patterns)
	}
	// A choice that holds the right word is shared context; capitals
	// match only capitals.
	if p := rs[3].Patterns[0]; len(p.Match) != 1 || len(p.After) != 3 || !reflect.DeepEqual(p.Replacements, []string{"on"}) {
		t.Errorf("in-a-daily-basis: %+v", p)
	}
	if p := rs[4].Patterns[0]; len(p.Match) != 2 || !p.Match[0].CaseSensitive || p.Match[1].CaseSensitive {
		t.Errorf("lan-network: %+v", p)
	}

	// The examples hold on the real pipeline.
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.New()
	for _, r := range rs {
		for _, ex := range r.Examples.Bad {
			fs := ofRule(checkText(t, a, e, ex.Text), r.ID)
			if got := applyFirst(ex.Text, fs); len(fs) == 0 || got != ex.Fix {
				t.Errorf("%s: %q → %q, want %q", r.ID, ex.Text, got, ex.Fix)
			}
		}
		for _, g := range r.Examples.Good {
			if fs := ofRule(checkText(t, a, e, g), r.ID); len(fs) > 0 {
				t.Errorf("%s: good %q flagged", r.ID, g)
			}
		}
	}
}

func TestTableErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"- table: x\n  category: eggcorn\n  severity: hint\n  entries: []\n", "t.yaml:1:3: table x: entries must be a non-empty list"},
		{"- table: x\n  category: eggcorn\n  severity: hint\n  entries:\n    - {id: a, right: b, why: c}\n", "t.yaml:5:7: table entry a: wrong and right are required"},
		{"- table: x\n  category: eggcorn\n  severity: hint\n  entries:\n    - {id: a, wrong: b c, right: b c, why: d}\n", "the wrong phrase \"b c\" is the right one"},
		{"- table: x\n  category: eggcorn\n  severity: hint\n  entries:\n    - {id: a, wrong: ~go b, right: went b, why: d, bad: [It go b.]}\n", "give the example as {text, fix}"},
		{"- table: x\n  category: eggcorn\n  severity: hint\n  entries:\n    - {id: a, wrong: b, right: c}\n", "why (or explanation) is required"},
		{"- table: x\n  category: eggcorn\n  entries:\n    - {id: a, wrong: b, right: c, why: d, colour: red}\n", `unknown field "colour" in a table entry`},
	} {
		_, err := Parse("t.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}
