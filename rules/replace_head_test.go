package rules

import (
	"testing"
)

// TestInflectHead checks which matched word a one-word inflected
// replacement takes its form from: the word with the replacement's lemma
// when there is one, else the last word.
func TestInflectHead(t *testing.T) {
	rs, err := Parse("head.yaml", []byte(`
- id: revert-back
  category: redundancy
  severity: hint
  summary: s
  message: m
  explanation: e
  replace: revert
  inflect: verb
  match: [{lemma: revert}, back]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
- id: atm-machine
  category: redundancy
  severity: hint
  summary: s
  message: m
  explanation: e
  replace: ATM
  inflect: noun
  match: [atm, {word: [machine, machines]}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"It/PRP reverted/VBD/revert back/RB ./.", "reverted"},
		{"It/PRP reverts/VBZ/revert back/RB ./.", "reverts"},
		{"Please/UH revert/VB back/RB ./.", "revert"},
		{"The/DT ATM/NNP machines/NNS/machine failed/VBD ./.", "ATMs"},
		{"The/DT ATM/NNP machine/NN failed/VBD ./.", "ATM"},
	}
	for _, tt := range tests {
		fs := e.CheckBlock(handBlock(t, tt.in))
		if len(fs) != 1 || len(fs[0].Replacements) == 0 {
			t.Errorf("%q: findings %v", tt.in, fs)
			continue
		}
		if got := fs[0].Replacements[0]; got != tt.want {
			t.Errorf("%q: replacement %q, want %q", tt.in, got, tt.want)
		}
	}
}
