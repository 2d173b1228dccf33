package neovim_test

import (
	"os"
	"path/filepath"
	"testing"

	"liaison/editors/internal/e2e"
)

// TestNeovimDisableRule: in headless Neovim (0.7's vim.lsp.start_client
// path), the code action "Disable liaison-verb for this line" writes the
// Markdown directive above the line, the file on disk says so, and the
// diagnostic clears.
func TestNeovimDisableRule(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "note.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	e2e.WriteFile(t, file, before)
	var rep actionReport
	runNeovim(t, "testdata/disable.lua", file, &rep)

	if rep.Rule != "liaison-verb" {
		t.Errorf("diagnostic rule %v, want liaison-verb", rep.Rule)
	}
	if rep.Applied != "Disable liaison-verb for this line" {
		t.Errorf("applied %q among %q", rep.Applied, rep.Actions)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Plans\n\n<!-- liaison-disable-next-line liaison-verb -->\nI will liaison with the vendor.\n"
	if string(got) != want {
		t.Errorf("file after the action:\n%q\nwant\n%q", got, want)
	}
	if !rep.Cleared {
		t.Error("the diagnostic did not clear after the directive")
	}
}
