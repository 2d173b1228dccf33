package rules

import (
	"strings"
	"testing"

	"liaison/analysis"
	"liaison/analysis/tag"
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
	if ix := e.allIndex(); len(ix.word("on")) != 0 || len(ix.word("face")) != 1 {
		t.Errorf("on indexes %v, face %v: want the pattern under face only", ix.word("on"), ix.word("face"))
	}
	a := analysis.New()
	if fs := checkText(t, a, e, "Do not take it on face value."); len(fs) != 1 {
		t.Errorf("%d findings, want 1", len(fs))
	}
}

// TestNeedOf checks which element of a pattern a sentence must hold a
// word of for the pattern to be tried: a required element naming words
// or lemmas besides the key, the rarest; none that is optional, negated
// or has too many words.
func TestNeedOf(t *testing.T) {
	// Thirteen words cost more as a key than a Penn tag: the tag is the key.
	animals := "[zebra, okapi, quagga, gnu, eland, kudu, oryx, impala, dikdik, duiker, nyala, bongo, Sitatunga]"
	many := "[" + strings.Repeat("w, ", maxNeedWords) + "w]"
	for _, c := range []struct {
		yaml string
		want string // the needed words, "+" before lemmas, "" for none
	}{
		{"  match: [{tag: VBD}, {word: " + animals + "}]\n", "zebra okapi quagga gnu eland kudu oryx impala dikdik duiker nyala bongo sitatunga"},
		{"  before: [{lemma: " + animals + "}]\n  match: [{tag: NN}]\n", "+zebra okapi quagga gnu eland kudu oryx impala dikdik duiker nyala bongo sitatunga"},
		{"  match: [{tag: NN}, {word: " + animals + ", optional: true}]\n", ""},
		{"  match: [{tag: NN}, {word: " + animals + ", not: true}]\n", ""},
		{"  match: [{tag: NN}, {word: [the, zebra]}]\n", "the zebra"},
		{"  match: [{tag: NN}, {word: " + many + "}]\n", ""},
		{"  match: [{tag: NN}, {word: [zebra, okapi]}, {word: [quagga, Gnu’s, eland]}]\n", "quagga gnu's eland"}, // zebra is the key
		{"  match: [liaisoned]\n", ""},                                         // the key is the only word
		{"  match: [liaisoned, {word: to}]\n", "to"},                           // to is common
		{"  match: [{word: had}, {word: [ofen, oftne]}, {tag: VBN}]\n", "had"}, // the rare words are the key
	} {
		rs, err := Parse("user.yaml", []byte(ruleYAML("k", c.yaml)))
		if err != nil {
			t.Fatalf("%q: %v", c.yaml, err)
		}
		p := rs[0].Patterns[0]
		ws, word := needOf(p, keyOf(p))
		got := strings.Join(ws, " ")
		if !word && ws != nil {
			got = "+" + got
		}
		if got != c.want {
			t.Errorf("%q (key %d): need %q, want %q", c.yaml, keyOf(p), got, c.want)
		}
	}
}

// TestNeededWords checks that a pattern keyed on a tag is tried only in a
// sentence that holds a word it needs, and still matches there, by its
// form or its lemma.
func TestNeededWords(t *testing.T) {
	animals := "[zebras, okapis, quaggas, gnus, elands, kudus, oryxes, impalas, dikdiks, duikers, nyalas, bongos, sitatungas]"
	rides := "[ride, hike, trek, sail, row, paddle, swim, skate, ski, sled, cycle]"
	e := parseEngine(t, ruleYAML("past-zebra", "  match: [{tag: VBD}, {word: "+animals+"}]\n")+
		ruleYAML("they-ride", "  match: [{word: they}, {lemma: "+rides+"}]\n"))
	for _, ix := range []*index{e.allIndex(), &e.onIndex} {
		if refs := ix.byPTB[tag.VBD]; len(refs) != 1 || refs[0].need == 0 || ix.nNeed != 13+11 {
			t.Errorf("VBD indexes %v with %d needed words: want one pattern with a need, 24 words", refs, ix.nNeed)
		}
	}
	a := analysis.New()
	for _, c := range []struct {
		text string
		want int
	}{
		{"They saw zebras.", 1},
		{"They saw giraffes.", 0},
		{"They rode home. They saw zebras.", 2},
		{"Zebras saw them. They rode.", 1},
		{"They saw Zebras.", 1},
	} {
		if fs := checkText(t, a, e, c.text); len(fs) != c.want {
			t.Errorf("%q: %d findings %v, want %d", c.text, len(fs), fs, c.want)
		}
	}
}

// TestRepeats checks which patterns need a word written twice in a row,
// and that the library's repeated-word still finds one with the test.
func TestRepeats(t *testing.T) {
	for _, c := range []struct {
		yaml string
		want bool
	}{
		{"  match: [{word: the}, {same-form: 1}]\n", true},
		{"  match: [{word: the}]\n  after: [{same-form: 1}]\n", true},
		{"  match: [{word: [do, did]}, {word: \"n't\"}, {same-form: 1}, {same-form: 2}]\n", false}, // "do n't do n't": no two in a row
		{"  match: [{word: the}, {same-form: 1, skip: 1}]\n", false},
		{"  match: [{word: the}, {same-form: 1, optional: true}]\n", false},
		{"  match: [{word: the}, {same-form: 1, not: true}]\n", false},
		{"  match: [{word: the}, {tag: NN}, {same-form: 1}]\n", false},
		{"  match: [{word: the}, {same-lemma: 1}]\n", false},
	} {
		rs, err := Parse("user.yaml", []byte(ruleYAML("k", c.yaml)))
		if err != nil {
			t.Fatalf("%q: %v", c.yaml, err)
		}
		if got := repeats(rs[0].Patterns[0]); got != c.want {
			t.Errorf("%q: repeats %v, want %v", c.yaml, got, c.want)
		}
	}
	e := defaultEngine(t)
	a := analysis.New()
	for _, c := range []struct {
		text string
		want int
	}{
		{"We went to the the shop.", 1},
		{"We went to the shop.", 0},
		{"He said that that was fine. We went to to the shop.", 1},
	} {
		n := 0
		for _, f := range checkText(t, a, e, c.text) {
			if f.Rule.ID == "repeated-word" {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d repeated-word findings, want %d", c.text, n, c.want)
		}
	}
}

// word returns the patterns ix keys by the normalised word w.
func (ix *index) word(w string) []patternRef {
	e, _ := ix.entry(w)
	return e.word
}
