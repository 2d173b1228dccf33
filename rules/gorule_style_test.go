package rules

import (
	"context"
	"strings"
	"testing"

	"liaison/analysis"
)

// TestStyleOffByDefault: the style category reports nothing unless a
// setting turns it or one of its rules on, and a category setting of the
// other categories still means what it did.
func TestStyleOffByDefault(t *testing.T) {
	style := &Rule{ID: "s", Category: "style"}
	other := &Rule{ID: "o", Category: "confusable"}
	tests := []struct {
		name string
		s    Settings
		r    *Rule
		want bool
	}{
		{"style, no settings", Settings{}, style, false},
		{"other, no settings", Settings{}, other, true},
		{"style on", Settings{Categories: map[string]bool{"style": true}}, style, true},
		{"style rule on alone", Settings{Rules: map[string]RuleSetting{"s": {}}}, style, true},
		{"style on, rule off", Settings{Categories: map[string]bool{"style": true}, Rules: map[string]RuleSetting{"s": {Off: true}}}, style, false},
		{"other off", Settings{Categories: map[string]bool{"confusable": false}}, other, false},
	}
	for _, tt := range tests {
		if _, got := tt.s.Apply(Finding{Rule: tt.r}); got != tt.want {
			t.Errorf("%s: Apply = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestLongSentenceLimit: long-sentence counts words (a split contraction
// is one word, punctuation none) and reports a sentence past the limit in
// force, the rule's own or a setting's.
func TestLongSentenceLimit(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = "cats"
		}
		w[0] = "don't" // do + n't: one word
		return strings.Join(w, ", ") + "."
	}
	a := analysis.New()
	count := func(text string, s Settings) int {
		res, err := a.Analyze(context.Background(), "plaintext", text)
		if err != nil {
			t.Fatal(err)
		}
		return len(ofRule(e.Check(context.Background(), res, s), "long-sentence"))
	}
	on := Settings{Rules: map[string]RuleSetting{"long-sentence": {}}}
	at25 := Settings{Rules: map[string]RuleSetting{"long-sentence": {Limit: 25}}}
	tests := []struct {
		words int
		s     Settings
		want  int
	}{
		{36, Settings{}, 0}, // style is off by default
		{35, on, 0},
		{36, on, 1},
		{25, at25, 0},
		{26, at25, 1},
		{26, on, 0},
		{21, Settings{Rules: map[string]RuleSetting{"long-sentence": {Limit: 5}}}, 1}, // below the floor: the floor
		{20, Settings{Rules: map[string]RuleSetting{"long-sentence": {Limit: 5}}}, 0},
	}
	for _, tt := range tests {
		if got := count(words(tt.words), tt.s); got != tt.want {
			t.Errorf("%d words, %+v: %d findings, want %d", tt.words, tt.s.Rules, got, tt.want)
		}
	}
}
