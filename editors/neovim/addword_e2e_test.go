package neovim_test

import (
	"os"
	"path/filepath"
	"testing"

	"liaison/editors/internal/e2e"
)

// TestNeovimAddWord: in headless Neovim (0.7's vim.lsp.start_client path,
// no plugin), the code action "Add “chekc” to the project's words" is a
// command the server performs: the words file is on disk in the project's
// folder, and the spelling diagnostic clears (issue 16 item 6).
func TestNeovimAddWord(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "note.md")
	const before = "# Plans\n\nPlease chekc the logs.\n"
	e2e.WriteFile(t, file, before)
	var rep actionReport
	runNeovim(t, "testdata/addword.lua", file, &rep)

	if rep.Rule != "spelling" {
		t.Errorf("diagnostic rule %v, want spelling", rep.Rule)
	}
	if rep.Applied != "Add “chekc” to the project's words" {
		t.Errorf("applied %q among %q", rep.Applied, rep.Actions)
	}
	got, err := os.ReadFile(filepath.Join(dir, ".liaison-words.txt"))
	if err != nil || string(got) != "chekc\n" {
		t.Errorf("words file %q (%v), want chekc", got, err)
	}
	if doc, _ := os.ReadFile(file); string(doc) != before {
		t.Errorf("the document changed: %q", doc)
	}
	if !rep.Cleared {
		t.Error("the diagnostic did not clear after the word was added")
	}
}
