package emacs_test

import (
	"os"
	"regexp"
	"testing"

	"liaison/analysis/markup"
)

// TestModesLanguageIDs checks that every language id liaison-eglot-modes
// sends is one the server reads as its format.
func TestModesLanguageIDs(t *testing.T) {
	data, err := os.ReadFile("liaison-eglot.el")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)\(defcustom liaison-eglot-modes\s+'\((.*?)\)\s+"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no liaison-eglot-modes")
	}
	ids := regexp.MustCompile(`:language-id "([^"]+)"`).FindAllSubmatch(m[1], -1)
	if len(ids) < 10 {
		t.Errorf("only %d modes with a language id", len(ids))
	}
	for _, id := range ids {
		if _, ok := markup.LookupFormat(string(id[1])); !ok {
			t.Errorf("language id %q is not one liaison reads", id[1])
		}
	}
}
