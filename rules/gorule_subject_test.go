package rules

import (
	"context"
	"strings"
	"testing"

	"liaison/analysis"
)

// TestDistantSingularSubjects checks the subject reading of
// gorule_subject.go through singular-subject-plain-verb: which verb is
// flagged and what it offers, for the shapes the file reads (a clause
// inside the sentence, prepositional phrases, relative clauses, a clause
// the tagger found no verb in) and the near-misses it must leave.
func TestDistantSingularSubjects(t *testing.T) {
	tests := []struct {
		text, verb, want string // want "" for no finding on verb
	}{
		{"She says that the tap drip all night.", "drip", "drips"},
		{"The lamp in the hall need a new bulb.", "need", "needs"},
		{"The driver, who had waited an hour, were furious.", "were", "was"},
		{"The memo that they sent to us contain two mistakes.", "contain", "contains"},
		{"When the kettle boil, pour the water.", "boil", "boils"},
		{"I think the new clerk want a raise.", "want", "wants"},
		{"Every morning my neighbour walk the dog.", "walk", "walks"},
		{"Although the engine start easily, it rattles.", "start", "starts"},
		{"She told me that the meeting start at nine.", "start", "starts"},
		{"The price of petrol and diesel have risen.", "have", "has"},
		{"According to the survey, the number of visitors have doubled.", "have", "has"},
		{"The cat, as well as the dogs, need a bath.", "need", "needs"},
		{"We can know the return value instantly.", "value", ""},
		{"Knowing the rule help us.", "help", ""},
		{"The price of petrol and the tax have risen.", "have", ""},
		{"The woman who lives next door drive a bus.", "drive", "drives"},
		{"The man next door own two vans.", "own", "owns"},
		{"The men next door own two vans.", "own", ""},
		{"The man who lives next door own three cars.", "own", "owns"},
		{"The man who lives next door, own goal or not, played well.", "own", ""},
		{"If the printer were working, we would print it.", "were", ""},
		{"We insist that every member attend.", "attend", ""},
		{"I heard the door open.", "open", ""},
		{"The man who said the kids like pizza was right.", "like", ""},
		{"The lines before the last heading are blank.", "are", ""},
		{"We met Sam, the project lead on the migration.", "lead", ""},
		{"Let's say the total were ten.", "were", ""},
		{"If the input value or any other value is empty, stop.", "value", ""},
	}
	a := analysis.New()
	for _, tt := range tests {
		res, err := a.Analyze(context.Background(), "plaintext", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, b := range res.Blocks {
			for _, s := range b.Sentences {
				for _, m := range singularSubjectPlainVerb(s.Tokens) {
					if strings.EqualFold(s.Tokens[m.Start].Text, tt.verb) && len(m.Replacements) > 0 {
						got = m.Replacements[0]
					}
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: on %q got %q, want %q", tt.text, tt.verb, got, tt.want)
		}
	}
}
