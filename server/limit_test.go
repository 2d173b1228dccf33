package server

import (
	"testing"

	"liaison/rules"
)

// TestEditorRuleLimit: the editor's liaison.rules takes a whole number as
// a limit (the word count of long-sentence), and refuses one out of range.
func TestEditorRuleLimit(t *testing.T) {
	s, err := ParseSettings(DefaultSettings(), []byte(`{"liaison": {"rules": {"long-sentence": 28}, "categories": {"style": true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Rules.Rules["long-sentence"]; got != (rules.RuleSetting{Limit: 28}) {
		t.Errorf("long-sentence: 28 read as %+v", got)
	}
	if !s.Rules.Categories["style"] {
		t.Errorf("style not on: %+v", s.Rules.Categories)
	}
	if _, err := ParseSettings(DefaultSettings(), []byte(`{"rules": {"long-sentence": -3}}`)); err == nil {
		t.Error("a negative limit was accepted")
	}
}
