package rules

import (
	"context"
	"testing"
)

// TestExplain checks what Explain says became of each match: reported,
// cancelled by the pattern's or the rule's exception, overlapped by a
// kept finding, a second pattern repeating the first, or off by default;
// and which tokens the elements took.
func TestExplain(t *testing.T) {
	rs, err := Parse("explain.yaml", []byte(`
- id: quick-fox
  category: redundancy
  severity: hint
  summary: s
  message: m
  explanation: e
  replace: fox
  priority: 1
  patterns:
    - before: [{word: the}]
      match: [quick, {word: fox}]
    - match: [quick, fox]
  unless: [after: [{word: den}]]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
- id: quick-word
  category: redundancy
  severity: hint
  summary: s
  message: m
  explanation: e
  match: [{word: quick}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
- id: brown-dog
  category: redundancy
  severity: hint
  summary: s
  message: m
  explanation: e
  patterns:
    - match: [{word: brown}, {pos: NOUN}]
      unless: [before: [{word: lazy}]]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
- id: ran-style
  category: style
  severity: hint
  summary: s
  message: m
  explanation: e
  priority: 5
  match: [{word: ran}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		rule    string
		pattern int
		start   int
		status  MatchStatus
	}
	tests := []struct {
		in   string
		want []want
	}{
		// A style rule is off by default: its match is Off, and it hides
		// nothing however high its priority.
		{"the/DT quick/JJ fox/NN ran/VBD ./.", []want{
			{"quick-fox", 0, 1, Reported},
			{"quick-fox", 1, 1, Duplicate},
			{"quick-word", 0, 1, Overlapped},
			{"ran-style", 0, 3, Off},
		}},
		{"a/DT quick/JJ fox/NN den/NN ./.", []want{
			{"quick-fox", 1, 1, CancelledByRule},
			{"quick-word", 0, 1, Reported},
		}},
		{"a/DT brown/JJ dog/NN and/CC lazy/JJ brown/JJ cat/NN", []want{
			{"brown-dog", 0, 1, Reported},
			{"brown-dog", 0, 5, CancelledByPattern},
		}},
	}
	for _, tt := range tests {
		ses := e.Explain(context.Background(), handBlock(t, tt.in))
		if len(ses) != 1 {
			t.Fatalf("%q: %d sentences", tt.in, len(ses))
		}
		got := ses[0].Matches
		if len(got) != len(tt.want) {
			t.Errorf("%q: %d matches %+v, want %d", tt.in, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Rule.ID != w.rule || g.Pattern != w.pattern || g.Start != w.start || g.Status != w.status {
				t.Errorf("%q: match %d = %s pattern %d at %d %v, want %s pattern %d at %d %v",
					tt.in, i, g.Rule.ID, g.Pattern, g.Start, g.Status, w.rule, w.pattern, w.start, w.status)
			}
		}
	}

	// Elements are numbered across before, match and after.
	ses := e.Explain(context.Background(), handBlock(t, "the/DT quick/JJ fox/NN ran/VBD ./."))
	m := ses[0].Matches[0]
	wantEls := []ElementMatch{{1, "before", 0}, {2, "match", 1}, {3, "match", 2}}
	if len(m.Elements) != len(wantEls) {
		t.Fatalf("elements %+v, want %+v", m.Elements, wantEls)
	}
	for i := range wantEls {
		if m.Elements[i] != wantEls[i] {
			t.Errorf("element %d = %+v, want %+v", i, m.Elements[i], wantEls[i])
		}
	}
	if m.By != nil || ses[0].Matches[2].By == nil || ses[0].Matches[2].By.ID != "quick-fox" {
		t.Errorf("overlap attribution: %+v", ses[0].Matches)
	}
	// Features are those the rules test: a singular noun, third person.
	if f := ses[0].Tokens[2].Features; !f.satisfiedBy(f) || f&featSingular == 0 || f&featThird == 0 {
		t.Errorf("fox features %v", f)
	}
	if got := (featPlural | featVowel).FeatureValues(); len(got) != 2 || got[0] != [2]string{"number", "plural"} || got[1] != [2]string{"sound", "vowel"} {
		t.Errorf("FeatureValues = %v", got)
	}
}
