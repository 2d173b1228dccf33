package rules

import (
	"strings"
	"testing"

	"liaison/analysis/dictionary"
	"liaison/analysis/morph"
)

// TestConfusablesResolve checks that every set derived from the rule
// library, and every hand-written one, names words the dictionary has,
// in the part of speech the set gives them.
func TestConfusablesResolve(t *testing.T) {
	sets, err := DefaultConfusables()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dictionary.Default()
	if err != nil {
		t.Fatal(err)
	}
	derived := 0
	for _, c := range sets {
		if len(c.Rules) > 0 {
			derived++
		}
		if c.Difference == "" {
			t.Errorf("%s: no difference", c.Key())
		}
		for _, w := range c.Words {
			es := d.Entry(w.Word)
			if len(es) == 0 || es[0].Headword != w.Word {
				// Not another word's entry in other case ("led" is no LED).
				t.Errorf("%s (rules %v): %q has no dictionary entry", c.Key(), c.Rules, w.Word)
				continue
			}
			if w.POS != "" {
				pos, ok := dictionary.ParsePOS(w.POS)
				if !ok || !es[0].HasPOS(pos) {
					t.Errorf("%s: %q is no %s in the dictionary", c.Key(), w.Word, w.POS)
				}
			}
		}
	}
	if derived < 30 {
		t.Errorf("only %d sets derived from the rules, want the library's pairs (30 or more)", derived)
	}
}

func TestConfusablesDerivation(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	sets := Confusables(rs, nil, morph.Default())
	tests := []struct {
		key, rule, right string
	}{
		{"liaise/liaison", "liaison-verb", "liaise"},
		{"affect/effect", "affect-as-noun", ""},
		{"advice/advise", "advice-as-verb", ""},
		{"complement/compliment", "pay-a-complement", "compliment"},
		{"principal/principle", "principle-for-principal", "principal"},
	}
	for _, tt := range tests {
		var found *Confusable
		for i := range sets {
			if sets[i].Key() == tt.key {
				found = &sets[i]
			}
		}
		if found == nil {
			t.Errorf("no set %s derived from the rules", tt.key)
			continue
		}
		if !strings.Contains(strings.Join(found.Rules, " "), tt.rule) {
			t.Errorf("%s: rules %v, want %s among them", tt.key, found.Rules, tt.rule)
		}
		if tt.right != "" && found.Words[0].Word != tt.right {
			t.Errorf("%s: first word %q, want the recommended %q", tt.key, found.Words[0].Word, tt.right)
		}
	}
	for _, c := range sets {
		if c.Key() == "lead/led" {
			t.Errorf("lead/led: a wrong past tense (rules %v) makes no pair of words", c.Rules)
		}
		for _, w := range c.Words {
			if functionWords[w.Word] {
				t.Errorf("%s: function word %q makes no pair", c.Key(), w.Word)
			}
		}
	}
}

func TestConfusablesHandWrittenWin(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	extra, err := ParseConfusables([]byte("- words: [{word: liaison, pos: noun}, {word: liaise, pos: verb}]\n  difference: Hand-written.\n- words: [{word: emigrate}, {word: immigrate}]\n  difference: No rule.\n"))
	if err != nil {
		t.Fatal(err)
	}
	sets := Confusables(rs, extra, morph.Default())
	for _, c := range sets {
		switch c.Key() {
		case "liaise/liaison":
			if c.Difference != "Hand-written." || len(c.Rules) == 0 || c.Words[0].Word != "liaison" {
				t.Errorf("liaise/liaison = %+v, want the hand-written wording, order and the rule", c)
			}
			if c.Words[1].Example == "" {
				t.Errorf("liaise: no example filled from the rule")
			}
		case "emigrate/immigrate":
			if len(c.Rules) != 0 {
				t.Errorf("emigrate/immigrate has rules %v", c.Rules)
			}
		}
	}
	if _, err := ParseConfusables([]byte("- words: [{word: Alone}]\n")); err == nil {
		t.Error("a one-word set parsed without error")
	}
}
