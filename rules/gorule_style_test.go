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

// TestPassiveVoice: a form of "be" (or "get"), up to two adverbs and a
// past participle is a passive; participles that work as adjectives and
// a participle before a noun are not.
func TestPassiveVoice(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.New()
	tests := []struct {
		text, rule, want string // want: the matched text, "" for none
	}{
		{"The file was deleted.", "passive-voice", "was deleted"},
		{"The bugs were quickly fixed.", "passive-voice", "were quickly fixed"},
		{"It has been widely reported.", "passive-voice", "been widely reported"},
		{"She is interested in it.", "passive-voice", ""},
		{"The shop is located here.", "passive-voice", ""},
		{"The film is based on a book.", "passive-voice", ""},
		{"We deleted the file.", "passive-voice", ""},
		{"He got fired.", "passive-get", "got fired"},
		{"He got tired.", "passive-get", ""},
	}
	for _, tt := range tests {
		res, err := a.Analyze(context.Background(), "plaintext", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, f := range ofRule(e.Check(context.Background(), res, allCategoriesOn), tt.rule) {
			got = tt.text[f.Start:f.End]
		}
		if got != tt.want {
			t.Errorf("%q: %s matched %q, want %q", tt.text, tt.rule, got, tt.want)
		}
	}
}
