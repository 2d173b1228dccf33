package neovim_test

import (
	"os"
	"regexp"
	"testing"

	"liaison/analysis/markup"
)

// TestFiletypesKnown checks that every filetype the configurations start
// for is a language id the server reads as its format: Neovim sends the
// filetype as the language id.
func TestFiletypesKnown(t *testing.T) {
	for _, file := range []string{"lsp/liaison.lua", "lspconfig.lua"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`filetypes = \{([^}]*)\}`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s: no filetypes", file)
		}
		ids := regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(m[1], -1)
		if len(ids) < 9 {
			t.Errorf("%s: only %d filetypes", file, len(ids))
		}
		for _, id := range ids {
			if _, ok := markup.LookupFormat(string(id[1])); !ok {
				t.Errorf("%s: filetype %q is not a language id liaison reads", file, id[1])
			}
		}
	}
}
