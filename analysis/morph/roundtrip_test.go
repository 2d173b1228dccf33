package morph

import (
	"slices"
	"testing"
)

// regularVerbs lists the lexicon's verbs without irregular forms.
func regularVerbs(l *Lexicon) []string {
	irregular := map[string]bool{}
	for k := range l.inflections() {
		if k.pos == Verb {
			irregular[k.lemma] = true
		}
	}
	var verbs []string
	for i := range l.lemmas {
		w := l.entryAt(i)
		if w.pos&(1<<Verb) != 0 && w.common&(1<<Verb) != 0 && !irregular[w.key] && isLowerAlpha(w.key) {
			verbs = append(verbs, w.key)
		}
	}
	return verbs
}

func isLowerAlpha(s string) bool {
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// Every inflection of a regular verb reads back as that verb in that
// form, and its lemma is the verb unless another verb spells the same
// form (the rules cannot tell those apart).
func TestRoundTripRegularVerbs(t *testing.T) {
	l := Default()
	verbs := regularVerbs(l)
	if len(verbs) < 5000 {
		t.Fatalf("only %d regular verbs", len(verbs))
	}
	checked, ambiguous := 0, 0
	for _, v := range verbs {
		for _, f := range []Form{ThirdSingular, Past, PastParticiple, Gerund} {
			s := l.Inflect(v, Verb, f)
			got := l.Analyze(s)
			if !slices.Contains(got, Analysis{v, Verb, f, false}) {
				t.Errorf("Inflect(%q, Verb, %v) = %q, which reads as %v", v, f, s, got)
				continue
			}
			checked++
			if lemma := l.Lemma(s, Verb); lemma != v {
				if !slices.ContainsFunc(got, func(a Analysis) bool { return a.Lemma == lemma && a.POS == Verb }) {
					t.Errorf("Lemma(%q, Verb) = %q, not a verb reading: %v", s, lemma, got)
				}
				ambiguous++
				if testing.Verbose() && ambiguous%10 == 0 {
					t.Logf("%s → %s → %s", v, s, lemma)
				}
			}
		}
	}
	t.Logf("%d verbs, %d forms checked, %d read first as another verb's form", len(verbs), checked, ambiguous)
	if ambiguous*100 > checked {
		t.Errorf("%d of %d forms lemmatise to another verb, want under 1%%", ambiguous, checked)
	}
}
