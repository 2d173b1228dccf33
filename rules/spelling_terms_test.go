package rules

import "testing"

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
		{"teh", false}, {"hlep", false}, {"stil", false}, {"sooo", false}, {"hav", false},
		{"sqpoll", true}, {"cfdata", true}, {"nounset", true},
		{"intead", false}, {"usuage", false}, {"goroutes", false}, {"implemtned", false}, {"perfomance", false},
		{"lsp-mode", true}, {"non-linux", true}, {"sunos", true}, {"mapfs", true}, {"lineno", true},
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
