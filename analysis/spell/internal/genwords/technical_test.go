package main

import (
	"bufio"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/morph"
	"liaison/analysis/spell"
)

// The misspelling lists the vocabulary must not accept a wrong form of.
var misspellingLists = []struct {
	name  string
	wrong int // the column (tab-separated) that holds the wrong form
}{
	{"../../testdata/misspellings.tsv", 0},
	{"../../testdata/misspellings-fresh.tsv", 0},
	{"../../../../rules/testdata/spelling/probe.tsv", 2}, // bad<TAB>sentence<TAB>wrong<TAB>right
}

// TestTechnicalWellFormed: every line of technical.txt is a word and
// known tags, the words are sorted (case-insensitively) and unique, so
// the file diffs cleanly.
func TestTechnicalWellFormed(t *testing.T) {
	entries := parseTechnical(technicalList)
	if len(entries) < 1800 {
		t.Errorf("technical.txt has %d entries, want a vocabulary of thousands", len(entries))
	}
	for i, e := range entries {
		if e.err != "" {
			t.Errorf("technical.txt:%d: %s", e.line, e.err)
		}
		if i > 0 {
			p := entries[i-1]
			if c := strings.Compare(sortKey(p.word), sortKey(e.word)); c > 0 || c == 0 && p.word >= e.word {
				t.Errorf("technical.txt:%d: %q after %q: not sorted or a duplicate", e.line, e.word, p.word)
			}
		}
	}
}

func sortKey(w string) string { return strings.ToLower(w) }

// TestTechnicalNotMisspellings: no word of technical.txt, nor an
// inflection it asks for, is a wrong form of the misspelling lists.
func TestTechnicalNotMisspellings(t *testing.T) {
	wrong := map[string]string{}
	for _, l := range misspellingLists {
		f, err := os.Open(l.name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fs := strings.Split(line, "\t")
			if l.wrong < len(fs) && (l.wrong == 0 || fs[0] == "bad") {
				wrong[strings.ToLower(fs[l.wrong])] = l.name
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if len(wrong) < 800 {
		t.Fatalf("read %d misspellings, want the lists' 800 and more", len(wrong))
	}
	lex, err := morph.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range technical(lex) {
		if src, ok := wrong[strings.ToLower(w)]; ok {
			t.Errorf("technical.txt accepts %q, a misspelling in %s", w, src)
		}
	}
}

// TestTechnicalNearCommon: a word of technical.txt one edit (a letter
// deleted, inserted, changed, or two neighbours swapped) from a common
// word (SCOWL size ≤ nearSize) may hide a slip of that word, so it is in
// the list only as a term a reviewer weighed against those words, which
// its line names ("iff ~off"); and every word a line names is still one
// edit away (a stale note would hide a new neighbour). As in the spelling
// rule, the first letter stays (a slip there is rare, and a name is often
// a letter from a word that way), and a word that only adds or drops a
// last letter is the same word inflected or derived (parser, parse;
// iterator, iterators).
func TestTechnicalNearCommon(t *testing.T) {
	lex, err := spell.Load()
	if err != nil {
		t.Fatal(err)
	}
	common := func(w string) bool {
		f := lex.Frequency(w)
		return f > 0 && f <= nearSize
	}
	inflect, err := morph.Load()
	if err != nil {
		t.Fatal(err)
	}
	listed := func(w string) bool { f := lex.Frequency(w); return f > 0 && f < oewnSize }
	for _, e := range parseTechnical(technicalList) {
		near := neighbours(strings.ToLower(e.word), common)
		// A word SCOWL lists is here for inflections SCOWL lacks
		// (refactor: refactoring), or because it is near a common word
		// and the generator's confusable filter would drop it (dually).
		if listed(e.word) && len(near) == 0 && !slices.ContainsFunc(e.forms(inflect), func(w string) bool { return !listed(w) }) {
			t.Errorf("technical.txt:%d: SCOWL lists %q and the forms asked for: drop it", e.line, e.word)
		}
		if missing := without(near, e.near); len(missing) > 0 {
			t.Errorf("technical.txt:%d: %q is one edit from the common %q: drop it, or weigh it and add ~%s",
				e.line, e.word, missing, strings.Join(missing, " ~"))
		}
		if stale := without(e.near, near); len(stale) > 0 {
			t.Errorf("technical.txt:%d: %q names %q, not a common word one edit away", e.line, e.word, stale)
		}
	}
}

// nearSize is the largest SCOWL size class of a common word, as the
// spelling rule counts them (rules/spelling_context.go's commonSize).
const nearSize = 50

// neighbours returns, sorted, the words one edit from w that common
// reports, keeping the first letter and leaving out w with a last letter
// more or less.
func neighbours(w string, common func(string) bool) []string {
	seen := map[string]bool{}
	add := func(c string) {
		if c == w || c == "" || !common(c) || strings.HasPrefix(c, w) || strings.HasPrefix(w, c) {
			return
		}
		seen[c] = true
	}
	b := []byte(w)
	for i := 1; i < len(b); i++ {
		add(string(b[:i]) + string(b[i+1:]))
		if i+1 < len(b) && b[i] != b[i+1] {
			s := slices.Clone(b)
			s[i], s[i+1] = s[i+1], s[i]
			add(string(s))
		}
	}
	for i := 1; i <= len(b); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			add(string(b[:i]) + string(c) + string(b[i:]))
			if i < len(b) {
				s := slices.Clone(b)
				s[i] = c
				add(string(s))
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// without returns the words of a not in b.
func without(a, b []string) []string {
	var out []string
	for _, w := range a {
		if !slices.Contains(b, w) {
			out = append(out, w)
		}
	}
	return out
}
