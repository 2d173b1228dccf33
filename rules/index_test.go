package rules

import (
	"testing"

	"liaison/analysis"
)

// TestIndexSkipsCommonWords checks that a phrase rule whose match starts
// on a frequent word ("on face value") is keyed on its rare word, so that
// it is not tried at every "on" of a text, and that it still finds the
// phrase.
func TestIndexSkipsCommonWords(t *testing.T) {
	for _, c := range []struct {
		yaml string
		key  int
	}{
		{"  match: [on, face, value]\n", 1},                         // face, not on
		{"  before: [{lemma: be}]\n  match: [interested, on]\n", 1}, // interested, not the lemma be
		{"  match: [liaisoned]\n", 0},                               // a rare first word stays the key
		{"  match: [the, the]\n", 0},                                // nothing rarer: the first match element
	} {
		rs, err := Parse("user.yaml", []byte(ruleYAML("k", c.yaml)))
		if err != nil {
			t.Fatalf("%q: %v", c.yaml, err)
		}
		if k := keyOf(rs[0].Patterns[0]); k != c.key {
			t.Errorf("%q: key element %d, want %d", c.yaml, k, c.key)
		}
	}
	rs, err := Parse("user.yaml", []byte(ruleYAML("face-value", "  match: [on, face, value]\n")))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.index.byWord["on"]) != 0 || len(e.index.byWord["face"]) != 1 {
		t.Errorf("on indexes %v, face %v: want the pattern under face only", e.index.byWord["on"], e.index.byWord["face"])
	}
	a := analysis.New()
	if fs := checkText(t, a, e, "Do not take it on face value."); len(fs) != 1 {
		t.Errorf("%d findings, want 1", len(fs))
	}
}
