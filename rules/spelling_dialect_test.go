package rules

import (
	"context"
	"slices"
	"testing"

	"liaison/analysis"
	"liaison/analysis/spell"
)

// TestDialectMinority: a document that mixes dialects gets one finding
// for each minority spelling and none for the majority's (issue 16 item
// 2), whichever dialect is the majority; each finding is the dialect
// rule's (category dialect, a hint by default), never a misspelling, and
// offers the majority dialect's spelling. A dialect set in the settings
// decides instead of the majority.
func TestDialectMinority(t *testing.T) {
	e := defaultEngine(t)
	type hit struct{ word, fix string }
	for _, tc := range []struct {
		name string
		text string
		d    spell.Dialect
		want []hit
	}{
		{"British majority", "The colour of the harbour was grey, and the theatre's honour was in favor of it.",
			"", []hit{{"favor", "favour"}}},
		{"American majority", "The color of the harbor was gray, and the theater's honor was in favour of it.",
			"", []hit{{"favour", "favor"}}},
		{"two minority words", "We analyze the behavior and organize the catalog by color; the colour and the flavour differ.",
			"", []hit{{"colour", "color"}, {"flavour", "flavor"}}},
		{"one dialect only", "The colour of the harbour was grey.", "", nil},
		{"the settings decide", "The colour of the harbour was grey, and the theatre's honour was in favor of it.",
			spell.EnUS, []hit{{"colour", "color"}, {"harbour", "harbor"}, {"grey", "gray"}, {"theatre", "theater"}, {"honour", "honor"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := analysis.New().Analyze(context.Background(), "plaintext", tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []hit
			for _, f := range e.Check(context.Background(), res, Settings{Spelling: Spelling{Dialect: tc.d, NoSuggestions: true}}) {
				switch f.Rule.Code {
				case SpellingRuleID:
					t.Errorf("%q flagged as misspelled", tc.text[f.Start:f.End])
				case DialectRuleID:
					if f.Rule.Category != "dialect" || f.Severity != SeverityHint {
						t.Errorf("%q: category %q, severity %v; want dialect, a hint", tc.text[f.Start:f.End], f.Rule.Category, f.Severity)
					}
					fix := ""
					if len(f.Replacements) == 1 {
						fix = f.Replacements[0]
					}
					got = append(got, hit{tc.text[f.Start:f.End], fix})
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("dialect findings %v, want %v", got, tc.want)
			}
		})
	}
}
