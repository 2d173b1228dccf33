package morph

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// ewtToken is an open-class token of the UD English-EWT test split.
type ewtToken struct {
	form, lemma string
	pos         POS
	xpos        string
}

const ewtTest = "../../testdata/ud-english-ewt/en_ewt-ud-test.conllu"

// readEWT returns every token's form, and the open-class ones with their
// gold lemma and part of speech.
func readEWT(tb testing.TB) (forms []string, open []ewtToken) {
	tb.Helper()
	f, err := os.Open(ewtTest)
	if err != nil {
		tb.Fatalf("EWT test split: %v", err)
	}
	defer f.Close()
	upos := map[string]POS{"NOUN": Noun, "VERB": Verb, "ADJ": Adj, "ADV": Adv}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 || strings.HasPrefix(cols[0], "#") || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		forms = append(forms, cols[1])
		if p, ok := upos[cols[3]]; ok {
			open = append(open, ewtToken{cols[1], cols[2], p, cols[4]})
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return forms, open
}

var xposForm = map[string]Form{
	"NN": Base, "NNS": Plural, "VB": Base, "VBP": Base, "VBZ": ThirdSingular, "VBD": Past,
	"VBN": PastParticiple, "VBG": Gerund, "JJ": Base, "JJR": Comparative, "JJS": Superlative,
	"RB": Base, "RBR": Comparative, "RBS": Superlative,
}

// On the EWT test split (not used to build the lexicon): how often the
// gold reading is among Classes, and how often Lemma with the gold part
// of speech gives the gold lemma.
func TestEWTCoverage(t *testing.T) {
	l := Default()
	_, open := readEWT(t)
	var known, covered, lemmaOK, lemmaTotal int
	for _, tok := range open {
		c := l.Classes(tok.form)
		form, ok := xposForm[tok.xpos]
		if !ok || c == 0 {
			continue
		}
		known++
		if c.Has(tok.pos, form) {
			covered++
		}
		lemmaTotal++
		if l.Lemma(tok.form, tok.pos) == normalizeString(tok.lemma) {
			lemmaOK++
		} else if testing.Verbose() && lemmaTotal%40 == 0 {
			t.Logf("Lemma(%q, %v) = %q, gold %q", tok.form, tok.pos, l.Lemma(tok.form, tok.pos), tok.lemma)
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(b) }
	t.Logf("open-class tokens %d, known to the lexicon %d (%.1f%%); gold (POS, form) among Classes %.2f%%; Lemma = gold %.2f%%",
		len(open), known, pct(known, len(open)), pct(covered, known), pct(lemmaOK, lemmaTotal))
	if pct(known, len(open)) < 90 || pct(covered, known) < 95 || pct(lemmaOK, lemmaTotal) < 95 {
		t.Error("coverage below 90% known, 95% readings, 95% lemmas")
	}
}

func BenchmarkClassesEWT(b *testing.B) {
	l := Default()
	forms, _ := readEWT(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		l.Classes(forms[i%len(forms)])
		i++
	}
}
