package neovim_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"liaison/editors/internal/e2e"
)

// TestNeovimDisableRule: in headless Neovim (0.7's vim.lsp.start_client
// path), the code action "Disable liaison-verb for this line" writes the
// Markdown directive above the line, the file on disk says so, and the
// diagnostic clears.
func TestNeovimDisableRule(t *testing.T) {
	editor := nvim(t)
	dir := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(dir, "liaison"))
	script, err := filepath.Abs("testdata/disable.lua")
	if err != nil {
		t.Fatal(err)
	}
	config, err := filepath.Abs("lsp/liaison.lua")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "note.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	resultPath := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, editor, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LIAISON_BIN="+bin, "LIAISON_FILE="+file, "LIAISON_RESULT="+resultPath, "LIAISON_CONFIG="+config,
		"XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CACHE_HOME="+dir)
	out, runErr := cmd.CombinedOutput()

	var rep struct {
		OK      bool     `json:"ok"`
		Error   string   `json:"error"`
		Steps   []string `json:"steps"`
		Rule    any      `json:"rule"`
		Actions []string `json:"actions"`
		Applied string   `json:"applied"`
		Cleared bool     `json:"cleared"`
	}
	data, err := os.ReadFile(resultPath)
	if err != nil {
		t.Fatalf("no result from Neovim (%v): %v\n%s", runErr, err, out)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("result %q: %v", data, err)
	}
	if !rep.OK || runErr != nil {
		t.Fatalf("Neovim script failed after steps %v: %s (%v)\n%s", rep.Steps, rep.Error, runErr, out)
	}
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
