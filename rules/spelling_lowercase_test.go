package rules

import (
	"context"
	"testing"

	"liaison/analysis"
)

// TestLowerCaseNames: a lower-case word far from every listed word reads
// as a name only where the writer leaves out capitals ("i", a known name
// in lower case); in text with its capitals the same word is still
// flagged, and a list's numeral "(i)" does not count as the pronoun; in
// text without capitals, slips, words run together and a held key are
// still caught.
func TestLowerCaseNames(t *testing.T) {
	e := defaultEngine(t)
	for _, tc := range []struct {
		text, word string
		flagged    bool
	}{
		{"i want to eat at zorbinskis tonight.", "zorbinskis", false},
		{"we met at zorbinskis in chicago last night.", "zorbinskis", false},
		{"We want to eat at zorbinskis tonight.", "zorbinskis", true},
		{"The steps are: (i) eat at zorbinskis, (ii) go home.", "zorbinskis", true},
		{"i want to eat at the resturant tonight.", "resturant", true},
		{"i want to eat at the restaurnat tonight.", "restaurnat", true},
		{"i loved the cockerspaniels at the show.", "cockerspaniels", true},
		{"i would like more of them pleasseee thanks", "pleasseee", true},
	} {
		res, err := analysis.New().Analyze(context.Background(), "plaintext", tc.text)
		if err != nil {
			t.Fatal(err)
		}
		flagged := false
		for _, f := range e.Check(context.Background(), res, Settings{}) {
			if spellingFamily[f.Rule.Category] && tc.text[f.Start:f.End] == tc.word {
				flagged = true
			}
		}
		if flagged != tc.flagged {
			t.Errorf("%q: flagged %v, want %v", tc.text, flagged, tc.flagged)
		}
	}
}
