package project

import (
	"testing"

	"liaison/rules"
)

// TestRuleLimitAndStyle: a whole number as a rule's setting turns it on
// with that limit (long-sentence: 30), out-of-range numbers are errors,
// and the style category can be turned on.
func TestRuleLimitAndStyle(t *testing.T) {
	cfg, err := Parse(".liaison.yaml", []byte("rules:\n  long-sentence: 30\ncategories:\n  style: on\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Settings.Rules["long-sentence"]; got != (rules.RuleSetting{Limit: 30}) {
		t.Errorf("long-sentence: 30 read as %+v", got)
	}
	if !cfg.Settings.Categories["style"] {
		t.Errorf("style: on not read: %+v", cfg.Settings.Categories)
	}
	for _, bad := range []string{"rules:\n  long-sentence: 0\n", "rules:\n  long-sentence: 5000\n"} {
		if _, err := Parse(".liaison.yaml", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
