package emacs_test

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

// TestEmacsEglotAddWord: through Eglot in batch Emacs, with no client
// code, the code action "Add “chekc” to the project's words" is a command
// the server performs: the words file is on disk in the project folder and
// the spelling diagnostic clears (issue 16 item 6).
func TestEmacsEglotAddWord(t *testing.T) {
	emacs := emacsWithEglot(t)
	dir := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(dir, "liaison"))
	script, err := filepath.Abs("testdata/addword.el")
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(dir, "notes")
	if err := os.Mkdir(project, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(project, "plans.md")
	const before = "# Plans\n\nPlease chekc the logs.\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	resultPath := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, emacs, "--batch", "-l", script)
	cmd.Dir = project
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LIAISON_BIN="+bin, "LIAISON_FILE="+file, "LIAISON_RESULT="+resultPath)
	out, runErr := cmd.CombinedOutput()

	var rep struct {
		OK      bool     `json:"ok"`
		Error   string   `json:"error"`
		Steps   []string `json:"steps"`
		Actions []string `json:"actions"`
		Applied string   `json:"applied"`
		Cleared bool     `json:"cleared"`
	}
	data, err := os.ReadFile(resultPath)
	if err != nil {
		t.Fatalf("no result from Emacs (%v): %v\n%s", runErr, err, out)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("result %q: %v", data, err)
	}
	if !rep.OK || runErr != nil {
		t.Fatalf("Emacs script failed after steps %v: %s (%v)\n%s", rep.Steps, rep.Error, runErr, out)
	}
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
