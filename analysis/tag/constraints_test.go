package tag

import (
	"fmt"
	"strings"
	"testing"

	"liaison/analysis/tag/internal/devset"
)

// TestConstraintsCostNothingOnEWT compares the tagger with and without the
// constraint pass on the EWT test split: the pass may change tags, but it
// must not make more of them wrong than it makes right.
func TestConstraintsCostNothingOnEWT(t *testing.T) {
	with := Default()
	without, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	without.noConstraints = true
	var a, b []Tagged
	better, worse, changed := 0, 0, 0
	for _, s := range loadEWTTest(t) {
		a = without.Tag(s.Words, a)
		b = with.Tag(s.Words, b)
		for i := range a {
			if a[i] == b[i] {
				continue
			}
			changed++
			okBefore, okAfter := a[i].PTB.String() == s.XPOS[i], b[i].PTB.String() == s.XPOS[i]
			switch {
			case okAfter && !okBefore:
				better++
			case okBefore && !okAfter:
				worse++
				t.Logf("made worse: %q %v→%v (gold %s) in %s", s.Words[i], a[i].PTB, b[i].PTB, s.XPOS[i], describeTags(s.Words, b))
			}
		}
	}
	t.Logf("constraint pass on EWT test: %d tags changed, %d corrected, %d broken", changed, better, worse)
	if worse > better {
		t.Errorf("constraint pass breaks %d tags and corrects %d", worse, better)
	}
}

// TestConstraintSubjectName: when the missing finite verb is found after an
// unknown capitalised first word, that word is its subject, a name.
func TestConstraintSubjectName(t *testing.T) {
	tests := []struct {
		sentence string
		want     []Tagged // of the first two words
	}{
		{"Jo liaisons with the venue on our behalf .", []Tagged{{PROPN, NNP}, {VERB, VBZ}}},
		{"Priya liaisons with the press .", []Tagged{{PROPN, NNP}, {VERB, VBZ}}},
	}
	for _, tt := range tests {
		got := Default().Tag(devset.Tokens(tt.sentence), nil)
		for i, w := range tt.want {
			if got[i] != w {
				t.Errorf("%q: word %d tagged %v/%v, want %v/%v", tt.sentence, i, got[i].UPOS, got[i].PTB, w.UPOS, w.PTB)
			}
		}
	}
}

// TestConstraintBranches measures each branch of the constraint pass: the
// right answers lost on the dev sets (conversion-dev, nounverb-dev, the
// two liaison dev sets, the extra cases) and the EWT test tags changed when it is off.
func TestConstraintBranches(t *testing.T) {
	sets := map[string][]verbCase{"conversion-dev": readVerbDev(t, conversionDevPath), "nounverb-dev": readVerbDev(t, nounVerbDevPath), "liaison-dev": readLiaisonDev(t, liaisonDevPath), "liaison-dev-2": readLiaisonDev(t, liaisonDev2Path), "extra": extraVerbCases}
	score := func(tg *Tagger, cases []verbCase) int {
		right := 0
		for _, c := range cases {
			words := devset.Tokens(c.sentence)
			tags := tg.Tag(words, nil)
			for i, w := range words {
				if strings.EqualFold(w, c.word) {
					if tags[i].PTB.IsVerb() == c.verb {
						right++
					}
					break
				}
			}
		}
		return right
	}
	ewt := loadEWTTest(t)
	ewtRight := func(tg *Tagger) int {
		right := 0
		var out []Tagged
		for _, s := range ewt {
			out = tg.Tag(s.Words, out)
			for i := range out {
				if out[i].PTB.String() == s.XPOS[i] {
					right++
				}
			}
		}
		return right
	}
	all := Default()
	for b := 0; b < numBranches; b++ {
		off, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		off.offBranches = 1 << b
		line := branchNames[b] + ":"
		for _, name := range []string{"conversion-dev", "nounverb-dev", "liaison-dev", "liaison-dev-2", "extra"} {
			line += fmt.Sprintf(" %s %+d", name, score(all, sets[name])-score(off, sets[name]))
		}
		line += fmt.Sprintf(" EWT-test PTB %+d", ewtRight(all)-ewtRight(off))
		t.Log(line)
	}
}
