package tag

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/tag/internal/devset"
)

const nounVerbDevPath = "testdata/nounverb-dev.tsv"

// nounVerbScore is a tagger's figure on a verb/noun dev set: verbs and
// nouns right, and the verb rows by form, so a regression in one form
// (the -s form after a plural-looking subject, say) is seen.
type nounVerbScore struct {
	verbs, verbOK, nouns, nounOK int
	forms                        map[string][2]int // form → right, rows
	misses                       []string
}

// verbFormOf names the form of a verb row's word by its ending.
func verbFormOf(w string) string {
	w = strings.ToLower(w)
	switch {
	case strings.HasSuffix(w, "ing"):
		return "-ing"
	case strings.HasSuffix(w, "ed"):
		return "-ed"
	case strings.HasSuffix(w, "s"):
		return "-s"
	}
	return "base"
}

func scoreNounVerb(t *testing.T, tg *Tagger, cases []verbCase) nounVerbScore {
	t.Helper()
	sc := nounVerbScore{forms: map[string][2]int{}}
	var out []Tagged
	for _, c := range cases {
		words := devset.Tokens(c.sentence)
		out = tg.Tag(words, out)
		i := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, c.word) })
		if i < 0 {
			t.Errorf("%q: word %q not among tokens %q", c.sentence, c.word, words)
			continue
		}
		ok := out[i].PTB.IsVerb() == c.verb
		if c.verb {
			sc.verbs++
			f := sc.forms[verbFormOf(c.word)]
			f[1]++
			if ok {
				sc.verbOK++
				f[0]++
			}
			sc.forms[verbFormOf(c.word)] = f
		} else {
			sc.nouns++
			if ok {
				sc.nounOK++
			}
		}
		if !ok {
			sc.misses = append(sc.misses, fmt.Sprintf("want verb=%v: %s", c.verb, describeTags(words, out)))
		}
	}
	return sc
}

func (s nounVerbScore) String() string {
	line := fmt.Sprintf("verbs %d/%d (%.1f%%), nouns %d/%d (%.1f%%); verbs by form:",
		s.verbOK, s.verbs, 100*float64(s.verbOK)/float64(s.verbs), s.nounOK, s.nouns, 100*float64(s.nounOK)/float64(s.nouns))
	for _, f := range []string{"base", "-s", "-ed", "-ing"} {
		line += fmt.Sprintf(" %s %d/%d", f, s.forms[f][0], s.forms[f][1])
	}
	return line
}

// TestNounVerbDev measures the tagger on testdata/nounverb-dev.tsv: nouns
// used as verbs in every form and position, and the same words as nouns in
// contexts that look alike. It logs the figure with and without the
// constraint pass (and the misses with -v), and fails below floors set
// from the measured figures: models trained with the committed settings
// and shuffling seeds 2-5 scored verbs 197-199 of 205 (96.1-97.1%) and
// nouns 211-213 of 214, so a retrained model may move a few sentences
// either way but not lose the pattern.
func TestNounVerbDev(t *testing.T) {
	cases := readVerbDev(t, nounVerbDevPath)
	var verbs, nouns int
	for _, c := range cases {
		if c.verb {
			verbs++
		} else {
			nouns++
		}
	}
	if verbs < 150 || nouns < 150 {
		t.Fatalf("only %d verb and %d noun rows", verbs, nouns)
	}
	modelOnly, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	modelOnly.noConstraints = true
	t.Logf("model alone:     %v", scoreNounVerb(t, modelOnly, cases))
	got := scoreNounVerb(t, Default(), cases)
	t.Logf("with constraints: %v", got)
	for _, m := range got.misses {
		t.Log("miss: " + m)
	}
	verbShare, nounShare := 100*float64(got.verbOK)/float64(got.verbs), 100*float64(got.nounOK)/float64(got.nouns)
	const verbFloor, nounFloor = 95.0, 97.5 // committed model: 97.1%, 99.5%
	if verbShare < verbFloor || nounShare < nounFloor {
		t.Errorf("nounverb dev: verbs %.1f%% (want ≥ %v%%), nouns %.1f%% (want ≥ %v%%)", verbShare, verbFloor, nounShare, nounFloor)
	}
}
