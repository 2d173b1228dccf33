package dictionary

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func open(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func headwords(es []*Entry) string {
	var hs []string
	for _, e := range es {
		hs = append(hs, e.Headword)
	}
	return strings.Join(hs, ",")
}

func TestLookup(t *testing.T) {
	d := open(t)
	tests := []struct {
		word string
		pos  POS
		want string // headwords, best first
	}{
		{"liaise", NoPOS, "liaise"},
		{"liaised", NoPOS, "liaise"},
		{"Liaising", Verb, "liaise"},
		{"liaison", NoPOS, "liaison"},
		{"liaisoned", NoPOS, "liaison"},
		{"geese", NoPOS, "goose"},
		{"GEESE", Noun, "goose"},
		{"better", Adjective, "better,good,well"},
		{"running", Verb, "run,running"},
		{"running", Noun, "running,run"},
		{"carry out", NoPOS, "carry out"},
		{"carry_out", NoPOS, "carry out"},
		{"o’clock", NoPOS, "o'clock"},
		{"  dog ", NoPOS, "dog"},
		{"xyzzy", NoPOS, ""},
		{"", NoPOS, ""},
		{"!!", NoPOS, ""},
		{"1000", NoPOS, ""},
		{"\xff\xfe", NoPOS, ""},
	}
	for _, tt := range tests {
		if got := headwords(d.Lookup(tt.word, tt.pos)); got != tt.want {
			t.Errorf("Lookup(%q, %v) = %q, want %q", tt.word, tt.pos, got, tt.want)
		}
	}
}

func TestLookupQuery(t *testing.T) {
	d := open(t)
	if es := d.Lookup("geese", NoPOS); len(es) == 0 || es[0].Query != "geese" {
		t.Errorf("Lookup(geese) query = %+v", es)
	}
	if es := d.Lookup("Liaise", NoPOS); len(es) == 0 || es[0].Query != "" {
		t.Errorf("Lookup(Liaise) has a query: %+v", es)
	}
}

func TestEntryCaseVariants(t *testing.T) {
	d := open(t)
	if got := headwords(d.Entry("March")); !strings.HasPrefix(got, "March,march") {
		t.Errorf("Entry(March) = %q, want March first, then march", got)
	}
	if got := headwords(d.Entry("march")); !strings.HasPrefix(got, "march,") {
		t.Errorf("Entry(march) = %q, want march first", got)
	}
}

func TestEntryContent(t *testing.T) {
	d := open(t)
	es := d.Entry("liaise")
	if len(es) != 1 {
		t.Fatalf("Entry(liaise) = %d entries", len(es))
	}
	e := es[0]
	if len(e.Parts) != 1 || e.Parts[0].POS != Verb || len(e.Parts[0].Senses) != 1 {
		t.Fatalf("liaise: want one verb sense, got %+v", e.Parts)
	}
	s := e.Parts[0].Senses[0]
	if !strings.Contains(s.Definition, "between parties") || !strings.Contains(s.Examples[0], "liaise") ||
		!contains(s.Synonyms, "mediate") || contains(s.Synonyms, "liaise") {
		t.Errorf("liaise sense = %+v", s)
	}
	if p := e.Parts[0].Pronunciations; len(p) == 0 || p[0].IPA == "" {
		t.Errorf("liaise has no pronunciation")
	}
	li := d.Entry("liaison")[0]
	if li.HasPOS(Verb) || len(li.Part(Noun).Senses) != 2 || len(li.Part(Noun).Pronunciations) != 2 {
		t.Errorf("liaison = %+v", li)
	}
	if g := d.Entry("goose")[0].Part(Noun); g == nil || !contains(g.IrregularForms, "geese") {
		t.Errorf("goose lacks its irregular plural: %+v", g)
	}
	// Usage domains: a sense labelled as a colloquialism or slang exists.
	var labelled int
	for _, w := range []string{"buck", "cop", "kid", "goose"} {
		for _, e := range d.Entry(w) {
			for _, p := range e.Parts {
				for _, s := range p.Senses {
					labelled += len(s.Usage)
				}
			}
		}
	}
	if labelled == 0 {
		t.Error("no usage-domain labels on buck, cop, kid, goose")
	}
}

func TestLookupAt(t *testing.T) {
	d := open(t)
	tests := []struct {
		sentence   string
		i          int
		want       string // first headword
		start, end int
	}{
		{"carry out the plan", 0, "carry out", 0, 2},
		{"carry out the plan", 1, "carry out", 0, 2},
		{"we carried out the plan", 1, "carry out", 1, 3},
		{"look up the word", 0, "look up", 0, 2},
		{"look the word up", 0, "look up", 0, 4},
		{"look the word up", 3, "look up", 0, 4},
		{"hot dogs are tasty", 1, "hot dog", 0, 2},
		{"look at the word up there", 0, "look at", 0, 2},
		{"he looked very tired", 1, "look", 1, 2},
		{"1000 geese", 0, "", 0, 1},
		{"Please liaise with IT", 1, "liaise", 1, 2},
		{"the geese , up", 1, "goose", 1, 2},
		{"xyzzy plugh", 0, "", 0, 1},
		{"42", 0, "", 0, 1},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sentence)
		es, start, end := d.LookupAt(words, tt.i, NoPOS)
		got := ""
		if len(es) > 0 {
			got = es[0].Headword
		}
		if got != tt.want || start != tt.start || end != tt.end {
			t.Errorf("LookupAt(%q, %d) = %q [%d,%d), want %q [%d,%d)", tt.sentence, tt.i, got, start, end, tt.want, tt.start, tt.end)
		}
	}
	// The word's own entries follow the expression.
	if es, _, _ := d.LookupAt([]string{"carry", "out", "the", "plan"}, 0, Verb); headwords(es) != "carry out,carry" {
		t.Errorf("LookupAt(carry) = %q, want carry out, then carry", headwords(es))
	}
	for _, i := range []int{-1, 4} {
		if es, _, _ := d.LookupAt([]string{"carry", "out", "the", "plan"}, i, NoPOS); es != nil {
			t.Errorf("LookupAt(%d) out of range returned entries", i)
		}
	}
}

// TestRender compares the hover Markdown and the full text rendering with
// golden files in testdata/ (go test -update rewrites them).
func TestRender(t *testing.T) {
	d := open(t)
	tests := []struct {
		name, word string
		pos        POS
	}{
		{"liaise", "liaise", Verb},
		{"liaison", "liaison", Noun},
		{"liaisoned", "liaisoned", Verb},
		{"run-noun", "run", Noun},
		{"run-verb", "run", Verb},
		{"carry-out", "carry out", Verb},
		{"geese", "geese", Noun},
	}
	for _, tt := range tests {
		es := d.Lookup(tt.word, tt.pos)
		if len(es) == 0 {
			t.Errorf("%s: no entry", tt.word)
			continue
		}
		golden(t, tt.name+".hover.md", es[0].Markdown(tt.pos))
		golden(t, tt.name+".txt", es[0].Text(tt.pos))
	}
}

func TestRenderPreferredFirst(t *testing.T) {
	d := open(t)
	run := d.Entry("run")[0]
	if md := run.Markdown(Verb); strings.Index(md, "***verb***") > strings.Index(md, "***noun***") {
		t.Error("run as a verb: noun listed first")
	}
	if md := run.Markdown(Noun); strings.Index(md, "***noun***") > strings.Index(md, "***verb***") {
		t.Error("run as a noun: verb listed first")
	}
	if md := run.Markdown(Verb); !strings.Contains(md, "more verb senses") {
		t.Error("hover of run shows all 41 verb senses")
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{"plain": "plain", "a*b_c": `a\*b\_c`, "[x](y)": `\[x\](y)`, "<b>": `\<b\>`} {
		if got := EscapeMarkdown(in); got != want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePOS(t *testing.T) {
	for in, want := range map[string]POS{"noun": Noun, "NOUN": Noun, "PROPN": Noun, "v": Verb, "AUX": Verb, "s": Adjective, "ADJ": Adjective, "adverb": Adverb, "": NoPOS} {
		if got, ok := ParsePOS(in); !ok || got != want {
			t.Errorf("ParsePOS(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := ParsePOS("PUNCT"); ok {
		t.Error("ParsePOS(PUNCT) ok")
	}
}

func TestNewRejectsBadData(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a dictionary"), embedded[:40]} {
		if _, err := New(data); err == nil {
			t.Errorf("New(%d bytes) accepted bad data", len(data))
		}
	}
}

// TestAllBlocksDecode reads every record of every table once, so a bad
// block in the embedded data cannot hide until some rare word is hovered.
func TestAllBlocksDecode(t *testing.T) {
	d, err := New(embedded)
	if err != nil {
		t.Fatal(err)
	}
	for name, tb := range map[string]interface {
		Len() int
		Record(int) ([]byte, error)
	}{"synsets": d.synsets, "lemmas": d.lemmas, "forms": d.forms} {
		for i := 0; i < tb.Len(); i += 13 {
			if _, err := tb.Record(i); err != nil {
				t.Fatalf("%s record %d: %v", name, i, err)
			}
		}
		if _, err := tb.Record(tb.Len() - 1); err != nil {
			t.Fatalf("%s last record: %v", name, err)
		}
	}
	// Every block was read (the stride is below a block's records), and
	// the tables held no more than their budgets.
	if got := d.synsets.Decodes(); got < d.synsets.Blocks() {
		t.Errorf("decoded %d of %d synset blocks", got, d.synsets.Blocks())
	}
	for name, tb := range map[string]interface{ Held() int }{"synsets": d.synsets, "lemmas": d.lemmas, "forms": d.forms} {
		budget := map[string]int{"synsets": synsetBudget, "lemmas": lemmaBudget, "forms": formBudget}[name]
		if tb.Held() > budget {
			t.Errorf("%s: %d bytes of blocks held, budget %d", name, tb.Held(), budget)
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestFormPOS(t *testing.T) {
	d := open(t)
	for _, tt := range []struct {
		word string
		want POS
	}{
		{"ran", Verb},
		{"went", Verb},
		{"liaised", Verb},
		{"geese", Noun},
		{"run", NoPOS},    // a noun and a verb
		{"runs", NoPOS},   // a plural and a third person
		{"liaise", NoPOS}, // a base form
		{"xyzzy", NoPOS},
	} {
		if got := d.FormPOS(tt.word); got != tt.want {
			t.Errorf("FormPOS(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestTrim: Trim empties the block and entry caches, and the same lookups
// afterwards give the same entries.
func TestTrim(t *testing.T) {
	d := open(t)
	words := []string{"liaise", "geese", "run", "carry out", "better"}
	var before [][]*Entry
	for _, w := range words {
		before = append(before, d.Lookup(w, NoPOS))
	}
	held := func() int { return d.synsets.Held() + d.lemmas.Held() + d.forms.Held() }
	if held() == 0 || len(d.entries) == 0 {
		t.Fatalf("before Trim: %d bytes of blocks, %d entries; want some", held(), len(d.entries))
	}
	d.Trim()
	if held() != 0 || len(d.entries) != 0 {
		t.Errorf("after Trim: %d bytes of blocks, %d entries; want none", held(), len(d.entries))
	}
	for i, w := range words {
		if got := d.Lookup(w, NoPOS); !reflect.DeepEqual(got, before[i]) {
			t.Errorf("Lookup(%q) after Trim differs from before", w)
		}
	}
}

// TestTrimWhileLookingUp: lookups running while the caches are trimmed
// give the entries they give alone (run with -race).
func TestTrimWhileLookingUp(t *testing.T) {
	d := open(t)
	words := []string{"liaise", "geese", "run", "carry out", "better", "plan", "break"}
	want := map[string][]*Entry{}
	for _, w := range words {
		want[w] = d.Lookup(w, NoPOS)
	}
	done := make(chan struct{})
	errs := make(chan string, len(words))
	for _, w := range words {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 50 {
				if got := d.Lookup(w, NoPOS); !reflect.DeepEqual(got, want[w]) {
					errs <- w
					return
				}
			}
		}()
	}
	for finished := 0; finished < len(words); {
		select {
		case <-done:
			finished++
		default:
			d.Trim()
		}
	}
	close(errs)
	for w := range errs {
		t.Errorf("Lookup(%q) while trimming differs from alone", w)
	}
}
