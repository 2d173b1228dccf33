package emacs_test

import (
	"os"
	"path/filepath"
	"testing"

	"liaison/editors/internal/e2e"
)

// TestEmacsEglotDisableAndSourceCode: through Eglot in batch Emacs, the
// code action "Disable liaison-verb for this line" writes the Markdown
// directive above the line (asserted on disk) and the diagnostic clears;
// and with liaison-eglot-source-code turning Go on (the sourceCode
// setting), a Go file's comment is checked.
func TestEmacsEglotDisableAndSourceCode(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes", "plans.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	e2e.WriteFile(t, file, before)
	// A project of its own: its own server, started for Go.
	goFile := filepath.Join(dir, "code", "vendor.go")
	e2e.WriteFile(t, goFile, "// Package vendor: we will liaison with the vendor.\npackage vendor\n")
	var rep struct {
		actionReport
		GoMatched string `json:"go_matched"`
	}
	runEmacs(t, "testdata/disable.el", file, []string{"LIAISON_GO_FILE=" + goFile}, &rep)

	if rep.Applied != "Disable liaison-verb for this line" {
		t.Errorf("applied %q among %q", rep.Applied, rep.Actions)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := "# Plans\n\n<!-- liaison-disable-next-line liaison-verb -->\nI will liaison with the vendor.\n"; string(got) != want {
		t.Errorf("file after the action:\n%q\nwant\n%q", got, want)
	}
	if !rep.Cleared {
		t.Error("the diagnostic did not clear")
	}
	if rep.GoMatched != "liaison" {
		t.Errorf("the Go comment's diagnostic covers %q, want liaison", rep.GoMatched)
	}
}
