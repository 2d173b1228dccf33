package emacs_test

import (
	"os"
	"path/filepath"
	"testing"

	"liaison/editors/internal/e2e"
)

// TestEmacsEglotAddWord: through Eglot in batch Emacs, with no client
// code, the code action "Add “chekc” to the project's words" is a command
// the server performs: the words file is on disk in the project folder and
// the spelling diagnostic clears (issue 16 item 6).
func TestEmacsEglotAddWord(t *testing.T) {
	project := filepath.Join(t.TempDir(), "notes")
	file := filepath.Join(project, "plans.md")
	const before = "# Plans\n\nPlease chekc the logs.\n"
	e2e.WriteFile(t, file, before)
	var rep actionReport
	runEmacs(t, "testdata/addword.el", file, nil, &rep)

	if rep.Applied != "Add “chekc” to the project's words" {
		t.Errorf("applied %q among %q", rep.Applied, rep.Actions)
	}
	got, err := os.ReadFile(filepath.Join(project, ".liaison-words.txt"))
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
