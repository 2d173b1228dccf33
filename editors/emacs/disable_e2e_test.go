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

// TestEmacsEglotDisableAndSourceCode: through Eglot in batch Emacs, the
// code action "Disable liaison-verb for this line" writes the Markdown
// directive above the line (asserted on disk) and the diagnostic clears;
// and with liaison-eglot-source-code turning Go on (the sourceCode
// setting), a Go file's comment is checked.
func TestEmacsEglotDisableAndSourceCode(t *testing.T) {
	emacs := emacsWithEglot(t)
	dir := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(dir, "liaison"))
	script, err := filepath.Abs("testdata/disable.el")
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(dir, "notes")
	if err := os.Mkdir(project, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(project, "plans.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	code := filepath.Join(dir, "code") // a project of its own: its own server, started for Go
	if err := os.Mkdir(code, 0o755); err != nil {
		t.Fatal(err)
	}
	goFile := filepath.Join(code, "vendor.go")
	for path, text := range map[string]string{
		file:   before,
		goFile: "// Package vendor: we will liaison with the vendor.\npackage vendor\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	resultPath := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, emacs, "--batch", "-l", script)
	cmd.Dir = project
	cmd.Env = append(os.Environ(), "HOME="+dir, "LIAISON_BIN="+bin, "LIAISON_FILE="+file, "LIAISON_GO_FILE="+goFile, "LIAISON_RESULT="+resultPath)
	out, runErr := cmd.CombinedOutput()

	var rep struct {
		OK        bool     `json:"ok"`
		Error     string   `json:"error"`
		Steps     []string `json:"steps"`
		Actions   []string `json:"actions"`
		Applied   string   `json:"applied"`
		Cleared   bool     `json:"cleared"`
		GoMatched string   `json:"go_matched"`
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
