package dictionary_test

import (
	"slices"
	"strings"
	"testing"

	"liaison/analysis/dictionary"
)

func TestSynonyms(t *testing.T) {
	d, err := dictionary.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word    string
		pos     dictionary.POS
		max     int
		want    []string // among the synonyms
		notWant []string
		gloss   string // the first synonym's gloss contains this
	}{
		{word: "liaised", pos: dictionary.Verb, max: 8, want: []string{"mediate", "intercede"}, notWant: []string{"liaise", "liaised"}, gloss: "reconciling differences"},
		{word: "liaise", pos: dictionary.Verb, max: 2, want: []string{"intercede", "mediate"}},
		// The noun's senses, not the verb's.
		{word: "runs", pos: dictionary.Noun, max: 8, notWant: []string{"operate", "go"}},
		{word: "quickly", pos: dictionary.Adverb, max: 8, want: []string{"rapidly"}},
		{word: "xqzzy", pos: dictionary.Noun, max: 8},
	}
	for _, tt := range tests {
		got := d.Synonyms(tt.word, tt.pos, tt.max)
		var lemmas []string
		for _, s := range got {
			lemmas = append(lemmas, s.Lemma)
			if s.Gloss == "" {
				t.Errorf("%s: synonym %q has no gloss", tt.word, s.Lemma)
			}
		}
		if len(got) > tt.max {
			t.Errorf("%s: %d synonyms, at most %d asked", tt.word, len(got), tt.max)
		}
		for _, w := range tt.want {
			if !slices.Contains(lemmas, w) {
				t.Errorf("%s as %s: synonyms %q lack %q", tt.word, tt.pos, lemmas, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(lemmas, w) {
				t.Errorf("%s as %s: synonyms %q hold %q", tt.word, tt.pos, lemmas, w)
			}
		}
		if tt.want == nil && tt.notWant == nil && len(got) != 0 {
			t.Errorf("%s: synonyms %q, want none", tt.word, lemmas)
		}
		if tt.gloss != "" && (len(got) == 0 || !strings.Contains(got[0].Gloss, tt.gloss)) {
			t.Errorf("%s: first gloss %+v lacks %q", tt.word, got, tt.gloss)
		}
		if len(slices.Compact(slices.Sorted(slices.Values(lemmas)))) != len(lemmas) {
			t.Errorf("%s: a synonym twice in %q", tt.word, lemmas)
		}
	}
}
