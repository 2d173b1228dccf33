package spell

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

type misspelling struct{ wrong, right string }

// readMisspellings reads a list of "wrong<TAB>right" lines.
func readMisspellings(t testing.TB, name string) []misspelling {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []misspelling
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		wrong, right, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("misspellings.tsv: %q has no tab", line)
		}
		out = append(out, misspelling{wrong, right})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMisspellingsUnknown: no wrong form of the list is a known word in
// the dialect its correction is spelled in (the list mixes US and British
// corrections), and every correction is known in some dialect.
func TestMisspellingsUnknown(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	list := readMisspellings(t, "testdata/misspellings.tsv")
	if len(list) < 500 {
		t.Fatalf("%d misspellings, want at least 500", len(list))
	}
	list = append(list, readMisspellings(t, "testdata/misspellings-fresh.tsv")...)
	list = append(list, readMisspellings(t, "testdata/misspellings-round3.tsv")...)
	for _, m := range list {
		d := dialectOf(l, m.right)
		if l.Known(m.wrong, d) {
			t.Errorf("%q (for %q) is known in %s", m.wrong, m.right, d)
		}
		for part := range strings.FieldsSeq(m.right) {
			if l.dialects(part) == 0 {
				t.Errorf("correction %q is unknown", m.right)
			}
		}
	}
}

// dialectOf is the first dialect that knows every word of s, en-US if none.
func dialectOf(l *Lexicon, s string) Dialect {
	for _, d := range Dialects() {
		ok := true
		for part := range strings.FieldsSeq(s) {
			ok = ok && l.Known(part, d)
		}
		if ok {
			return d
		}
	}
	return EnUS
}
