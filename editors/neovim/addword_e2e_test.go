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

// TestNeovimAddWord: in headless Neovim (0.7's vim.lsp.start_client path,
// no plugin), the code action "Add “chekc” to the project's words" is a
// command the server performs: the words file is on disk in the project's
// folder, and the spelling diagnostic clears (issue 16 item 6).
func TestNeovimAddWord(t *testing.T) {
	editor := nvim(t)
	dir := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(dir, "liaison"))
	script, err := filepath.Abs("testdata/addword.lua")
	if err != nil {
		t.Fatal(err)
	}
	config, err := filepath.Abs("lsp/liaison.lua")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "note.md")
	const before = "# Plans\n\nPlease chekc the logs.\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	resultPath := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, editor, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LIAISON_BIN="+bin, "LIAISON_FILE="+file, "LIAISON_RESULT="+resultPath, "LIAISON_CONFIG="+config,
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CACHE_HOME="+dir)
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
