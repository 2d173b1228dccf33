package rules

import (
	"os"
	"strings"
	"testing"
)

// TestCodeNames: the lower-case non-words a document that writes code
// means as abbreviations, terms and compounds of code, and the slips
// that look like them; a SuggestionCache gives the same verdicts.
func TestCodeNames(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want bool
	}{
		{"ptc", true}, {"bufs", true}, {"reqs", true},
		{"teh", false}, {"hlep", false}, {"stil", false}, {"sooo", false}, {"hav", false}, {"wich", false}, {"util", false},
		{"inthe", false}, {"atleast", false}, {"thankyou", false}, {"buildtag", true},
		{"sqpoll", true}, {"cfdata", true}, {"nounset", true},
		{"intead", false}, {"usuage", false}, {"goroutes", false}, {"implemtned", false}, {"perfomance", false},
		{"smex-powered", true}, {"lsp-mode", false}, {"non-linux", true}, {"sunos", true}, {"mapfs", true}, {"lineno", true},
		{"well-knwon", false}, {"buisness-critical", false},
	}
	var cache SuggestionCache
	for _, tc := range tests {
		for _, c := range []*SuggestionCache{nil, &cache, &cache} {
			if got := c.codeName(lex, tc.word); got != tc.want {
				t.Errorf("codeName(%q) (cache %v) = %v, want %v", tc.word, c != nil, got, tc.want)
			}
		}
	}
}

// TestCodeNamesKeepSlips: how many of the misspelling lists' wrong forms
// (lower case, unknown) would read as names of code in a document that
// writes code, held at most at the figures measured when codeName was
// written: a slip by ear two edits from its word (tounge, desicion) is
// what such a document can still miss.
func TestCodeNamesKeepSlips(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct {
		path string
		max  int
	}{
		{"../analysis/spell/testdata/misspellings.tsv", 23},
		{"../analysis/spell/testdata/misspellings-fresh.tsv", 5},
	} {
		data, err := os.ReadFile(l.path)
		if err != nil {
			t.Fatal(err)
		}
		n, read := 0, []string{}
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			w, _, _ := strings.Cut(line, "\t")
			if w != strings.ToLower(w) || known(lex, w) {
				continue
			}
			n++
			if (*SuggestionCache)(nil).codeName(lex, w) {
				read = append(read, w)
			}
		}
		t.Logf("%s: %d of %d wrong forms read as names of code: %v", l.path, len(read), n, read)
		if len(read) > l.max {
			t.Errorf("%s: %d wrong forms read as names of code, at most %d", l.path, len(read), l.max)
		}
	}
}
