package morph

import (
	"bytes"
	"slices"
	"testing"
)

func TestEmbeddedLexiconLoads(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if l.Len() < 50000 {
		t.Errorf("lexicon has %d lemmas, want more than 50000", l.Len())
	}
	if Default() != Default() {
		t.Error("Default returns different lexicons")
	}
}

// TestEmbeddedLexiconChecks opens the embedded file with every check
// (lexfile.Open), which Load leaves out at each start, and checks that
// both loads read the same lexicon.
func TestEmbeddedLexiconChecks(t *testing.T) {
	checked, err := load(embedded)
	if err != nil {
		t.Fatalf("the embedded lexicon fails lexfile.Open's checks: %v", err)
	}
	trusted := Default()
	if checked.Len() != trusted.Len() || len(checked.exceptions) != len(trusted.exceptions) || len(checked.preferences) != len(trusted.preferences) {
		t.Errorf("checked load: %d lemmas, %d exceptions, %d preferences; Load: %d, %d, %d", checked.Len(), len(checked.exceptions),
			len(checked.preferences), trusted.Len(), len(trusted.exceptions), len(trusted.preferences))
	}
	if len(trusted.inflections()) == 0 || len(trusted.inflections()) != len(checked.inflections()) {
		t.Errorf("inflections: %d from Load, %d checked", len(trusted.inflections()), len(checked.inflections()))
	}
}

func TestLoadCorrupt(t *testing.T) {
	for name, data := range map[string]string{
		"empty":     "",
		"garbage":   "not a lexicon file at all",
		"truncated": embedded[:len(embedded)/2],
		"flipped":   flip(embedded, len(embedded)/3),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := load(data); err == nil {
				t.Error("load succeeded on corrupt data")
			}
		})
	}
}

func flip(s string, i int) string {
	c := []byte(s)
	c[i] ^= 0xff
	return string(c)
}

func TestHas(t *testing.T) {
	l := Default()
	tests := []struct {
		lemma string
		pos   POS
		want  bool
	}{
		{"liaise", Verb, true},
		{"liaison", Noun, true},
		{"liaison", Verb, false},
		{"Liaison", Noun, true},
		{"good", Adj, true},
		{"quickly", Adv, true},
		{"goose", Noun, true},
		{"geese", Noun, false},
		{"xyzzyq", Noun, false},
		{"", Noun, false},
	}
	for _, tt := range tests {
		if got := l.Has(tt.lemma, tt.pos); got != tt.want {
			t.Errorf("Has(%q, %v) = %v, want %v", tt.lemma, tt.pos, got, tt.want)
		}
	}
}

func TestLemma(t *testing.T) {
	l := Default()
	tests := []struct {
		word string
		pos  POS
		want string
	}{
		{"geese", Noun, "goose"},
		{"children", Noun, "child"},
		{"mice", Noun, "mouse"},
		{"data", Noun, "data"}, // EWT's lemma; datum is a reading too
		{"boxes", Noun, "box"},
		{"cities", Noun, "city"},
		{"women", Noun, "woman"},
		{"liaisons", Noun, "liaison"},
		{"went", Verb, "go"},
		{"gone", Verb, "go"},
		{"ran", Verb, "run"},
		{"was", Verb, "be"},
		{"is", Verb, "be"},
		{"has", Verb, "have"},
		{"found", Verb, "find"},
		{"saw", Verb, "see"},
		{"carried", Verb, "carry"},
		{"carries", Verb, "carry"},
		{"committed", Verb, "commit"},
		{"making", Verb, "make"},
		{"liaised", Verb, "liaise"},
		{"liaising", Verb, "liaise"},
		{"liaisoned", Verb, "liaison"},
		{"waned", Verb, "wane"},
		{"stopped", Verb, "stop"},
		{"better", Adj, "good"},
		{"best", Adj, "good"},
		{"worse", Adj, "bad"},
		{"bigger", Adj, "big"},
		{"happier", Adj, "happy"},
		{"larger", Adj, "large"},
		{"better", Adv, "well"},
		{"farther", Adv, "far"},
		{"further", Adv, "further"}, // EWT lemmatises it as itself
		{"quickly", Adv, "quickly"},
		{"Geese", Noun, "goose"},
		{"WENT", Verb, "go"},
		{"xyzzyqs", Noun, "xyzzyqs"},
		{"Xyzzyq’s", Noun, "xyzzyq's"},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.word, tt.pos); got != tt.want {
			t.Errorf("Lemma(%q, %v) = %q, want %q (readings %v)", tt.word, tt.pos, got, tt.want, l.Analyze(tt.word))
		}
	}
}

func TestAnalyze(t *testing.T) {
	l := Default()
	tests := []struct {
		word    string
		want    []Analysis // must all be present
		notWant []Analysis // must all be absent
	}{
		{"liaisoned", []Analysis{{"liaison", Verb, Past, true}, {"liaison", Verb, PastParticiple, true}}, []Analysis{{"liaison", Verb, Past, false}}},
		{"Liaisoning", []Analysis{{"liaison", Verb, Gerund, true}}, nil},
		{"liaisons", []Analysis{{"liaison", Noun, Plural, false}, {"liaison", Verb, ThirdSingular, true}}, nil},
		{"liaison", []Analysis{{"liaison", Noun, Base, false}}, nil},
		{"liaises", []Analysis{{"liaise", Verb, ThirdSingular, false}}, []Analysis{{"liaise", Noun, Plural, false}}},
		{"axes", []Analysis{{"axis", Noun, Plural, false}, {"axe", Noun, Plural, false}}, nil},
		{"data", []Analysis{{"data", Noun, Base, false}, {"datum", Noun, Plural, false}}, nil},
		{"went", []Analysis{{"go", Verb, Past, false}}, []Analysis{{"go", Verb, PastParticiple, false}}},
		{"gone", []Analysis{{"go", Verb, PastParticiple, false}}, nil},
		{"walked", []Analysis{{"walk", Verb, Past, false}, {"walk", Verb, PastParticiple, false}}, []Analysis{{"walk", Verb, Past, true}}},
		{"better", []Analysis{{"good", Adj, Comparative, false}, {"well", Adv, Comparative, false}}, nil},
		{"best", []Analysis{{"good", Adj, Superlative, false}}, nil},
		// boxes has a real verb reading, so no derived ones.
		{"boxes", []Analysis{{"box", Noun, Plural, false}, {"box", Verb, ThirdSingular, false}}, []Analysis{{"box", Verb, ThirdSingular, true}}},
		{"bed", []Analysis{{"bed", Noun, Base, false}}, []Analysis{{"be", Verb, Past, false}}},
		{"liaison’s", nil, nil},
	}
	for _, tt := range tests {
		got := l.Analyze(tt.word)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Analyze(%q) = %v, missing %v", tt.word, got, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(got, w) {
				t.Errorf("Analyze(%q) = %v, should not have %v", tt.word, got, w)
			}
		}
		// Classes agrees with Analyze.
		var c Class
		for _, a := range got {
			c |= ClassOf(a.POS, a.Form)
			if a.Derived {
				c |= ClassDerived
			}
		}
		if cl := l.Classes(tt.word); cl != c {
			t.Errorf("Classes(%q) = %v, Analyze gives %v", tt.word, cl, c)
		}
	}
	if got := l.Analyze("xyzzyq"); got != nil {
		t.Errorf("Analyze(unknown) = %v, want nil", got)
	}
}

func TestClasses(t *testing.T) {
	l := Default()
	c := l.Classes("liaisoned")
	if !c.Has(Verb, Past) || !c.Derived() || c.HasPOS(Noun) {
		t.Errorf("Classes(liaisoned) = %v", c)
	}
	if c := l.Classes("the"); c.HasPOS(Verb) {
		t.Errorf("Classes(the) = %v", c)
	}
	if c := l.Classes(""); c != 0 {
		t.Errorf("Classes(\"\") = %v", c)
	}
	long := string(bytes.Repeat([]byte("a"), 200))
	if c := l.Classes(long); c != 0 {
		t.Errorf("Classes(long) = %v", c)
	}
	if n := testing.AllocsPerRun(100, func() { l.Classes("Liaisoning") }); n != 0 {
		t.Errorf("Classes allocates %v times", n)
	}
}

func TestInflect(t *testing.T) {
	l := Default()
	tests := []struct {
		lemma string
		pos   POS
		form  Form
		want  string
	}{
		{"liaise", Verb, Past, "liaised"},
		{"liaise", Verb, PastParticiple, "liaised"},
		{"liaise", Verb, Gerund, "liaising"},
		{"liaise", Verb, ThirdSingular, "liaises"},
		{"liaise", Verb, Base, "liaise"},
		{"commit", Verb, Past, "committed"},
		{"commit", Verb, Gerund, "committing"},
		{"commit", Verb, ThirdSingular, "commits"},
		{"carry", Verb, ThirdSingular, "carries"},
		{"carry", Verb, Past, "carried"},
		{"carry", Verb, Gerund, "carrying"},
		{"make", Verb, Gerund, "making"},
		{"see", Verb, Gerund, "seeing"},
		{"see", Verb, Past, "saw"},
		{"see", Verb, PastParticiple, "seen"},
		{"panic", Verb, Past, "panicked"},
		{"panic", Verb, Gerund, "panicking"},
		{"stop", Verb, Past, "stopped"},
		{"visit", Verb, Past, "visited"},
		{"offer", Verb, Past, "offered"},
		{"refer", Verb, Past, "referred"},
		{"travel", Verb, Past, "traveled"}, // US spelling
		{"travel", Verb, Gerund, "traveling"},
		{"cancel", Verb, Past, "canceled"},
		{"compel", Verb, Past, "compelled"},
		{"go", Verb, Past, "went"},
		{"go", Verb, PastParticiple, "gone"},
		{"go", Verb, ThirdSingular, "goes"},
		{"do", Verb, ThirdSingular, "does"},
		{"be", Verb, Gerund, "being"},
		{"be", Verb, Past, "was"},
		{"be", Verb, ThirdSingular, "is"},
		{"have", Verb, ThirdSingular, "has"},
		{"take", Verb, Past, "took"},
		{"take", Verb, PastParticiple, "taken"},
		{"lie", Verb, Gerund, "lying"},
		{"die", Verb, Gerund, "dying"},
		{"fix", Verb, ThirdSingular, "fixes"},
		{"play", Verb, Past, "played"},
		{"child", Noun, Plural, "children"},
		{"goose", Noun, Plural, "geese"},
		{"city", Noun, Plural, "cities"},
		{"box", Noun, Plural, "boxes"},
		{"liaison", Noun, Plural, "liaisons"},
		{"good", Adj, Comparative, "better"},
		{"good", Adj, Superlative, "best"},
		{"big", Adj, Comparative, "bigger"},
		{"happy", Adj, Superlative, "happiest"},
		{"large", Adj, Comparative, "larger"},
		{"well", Adv, Comparative, "better"},
		{"put", Verb, Past, "put"},
		{"set", Verb, Past, "set"},
		{"upset", Verb, Past, "upset"},     // a compound of set
		{"closet", Verb, Past, "closeted"}, // not one
		{"come", Verb, PastParticiple, "come"},
		{"come", Verb, Past, "came"},
		{"cut", Verb, Gerund, "cutting"},
		{"fish", Noun, Plural, "fish"},
		{"brother", Noun, Plural, "brothers"}, // not brethren: EWT attests brothers
		{"learn", Verb, Past, "learned"},      // not learnt, likewise
		{"late", Adv, Comparative, "later"},
		{"far", Adj, Comparative, "further"}, // listed for the adverb only; EWT prefers further to farther
		{"potato", Noun, Plural, "potatoes"},
		{"hero", Noun, Plural, "heroes"},
		{"series", Noun, Plural, "series"},
		{"program", Verb, ThirdSingular, "programs"},
		{"program", Verb, Past, "programmed"},
		{"ski", Verb, Past, "skied"},
		{"liaison", Noun, Past, "liaison"}, // does not apply
		{"Liaise", Verb, Gerund, "Liaising"},
		{"LIAISE", Verb, Past, "LIAISED"},
		{"", Verb, Past, ""},
	}
	for _, tt := range tests {
		if got := l.Inflect(tt.lemma, tt.pos, tt.form); got != tt.want {
			t.Errorf("Inflect(%q, %v, %v) = %q, want %q", tt.lemma, tt.pos, tt.form, got, tt.want)
		}
	}
}

// The quick-fix path: replace a misused word by liaise in the same form
// and case.
func TestFixLiaison(t *testing.T) {
	l := Default()
	for surface, want := range map[string]string{
		"liaisoned":  "liaised",
		"liaisoning": "liaising",
		"liaisons":   "liaises",
		"liaison":    "liaise",
		"Liaisoning": "Liaising",
		"LIAISONED":  "LIAISED",
	} {
		if got := MatchCase(surface, l.Inflect("liaise", Verb, FormOf(surface))); got != want {
			t.Errorf("fix %q = %q, want %q", surface, got, want)
		}
	}
}

func TestFormOf(t *testing.T) {
	tests := []struct {
		surface string
		want    Form
	}{
		{"liaisoned", Past},
		{"liaisoning", Gerund},
		{"liaisons", ThirdSingular},
		{"liaison", Base},
		{"LIAISONED", Past},
		{"carries", ThirdSingular},
		{"class", Base},
		{"bus", Base},
		{"thesis", Base},
		{"red", Base},
		{"thing", Base},
		{"bigger", Base},
		{"", Base},
	}
	for _, tt := range tests {
		if got := FormOf(tt.surface); got != tt.want {
			t.Errorf("FormOf(%q) = %v, want %v", tt.surface, got, tt.want)
		}
	}
}

func TestMatchCase(t *testing.T) {
	tests := []struct{ surface, word, want string }{
		{"liaisoning", "liaising", "liaising"},
		{"Liaisoning", "liaising", "Liaising"},
		{"LIAISONED", "liaised", "LIAISED"},
		{"liaisoned", "Liaised", "liaised"},
		{"I", "we", "We"},
		{"iPhone", "thing", "thing"},
		{"123", "abc", "abc"},
		{"Éclair", "élan", "Élan"},
		{"ÉCLAIR", "élan", "ÉLAN"},
		{"Liaison", "", ""},
	}
	for _, tt := range tests {
		if got := MatchCase(tt.surface, tt.word); got != tt.want {
			t.Errorf("MatchCase(%q, %q) = %q, want %q", tt.surface, tt.word, got, tt.want)
		}
	}
}

// Analysis never panics and agrees with Classes, whatever the input.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"liaisoned", "", "’s", "ÉCLAIR", "\xff\xfe", "a", "ing", "ed", "ies", "bbbbed", "cked", string(bytes.Repeat([]byte("é"), 40))} {
		f.Add(s)
	}
	l := Default()
	f.Fuzz(func(t *testing.T, s string) {
		var c Class
		for _, a := range l.Analyze(s) {
			c |= ClassOf(a.POS, a.Form)
			if a.Derived {
				c |= ClassDerived
			}
		}
		if got := l.Classes(s); got != c {
			t.Errorf("Classes(%q) = %v, Analyze says %v", s, got, c)
		}
		for p := range numPOS {
			l.Lemma(s, p)
			for f := range numForms {
				l.Inflect(s, p, f)
			}
		}
		FormOf(s)
		MatchCase(s, "word")
	})
}

func TestConcurrentUse(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want := l.Analyze("liaisoned")
	done := make(chan bool)
	for range 4 {
		go func() {
			ok := true
			for range 200 {
				got := l.Analyze("liaisoned")
				ok = ok && slices.Equal(got, want) && l.Inflect("commit", Verb, Past) == "committed" && l.Classes("geese").Has(Noun, Plural)
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("concurrent use gave different results")
		}
	}
}
