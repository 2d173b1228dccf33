package emacs_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liaison/editors/internal/e2e"
)

// emacsWithEglot finds an Emacs that can load Eglot.
func emacsWithEglot(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("emacs")
	if err != nil {
		e2e.Require(t, "Emacs end-to-end test", "emacs is not installed", "apt-get install emacs-nox elpa-eglot")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	probe := exec.CommandContext(ctx, path, "--batch", "--eval", `(kill-emacs (if (locate-library "eglot") 0 3))`)
	probe.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := probe.CombinedOutput(); err != nil {
		e2e.Require(t, "Emacs end-to-end test", "Emacs cannot load eglot: "+strings.TrimSpace(string(out)), "apt-get install elpa-eglot")
	}
	return path
}

type result struct {
	OK         bool     `json:"ok"`
	Error      string   `json:"error"`
	Steps      []string `json:"steps"`
	LanguageID string   `json:"language_id"`
	Diagnostic struct {
		Text    string `json:"text"`
		Type    string `json:"type"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Matched string `json:"matched"`
	} `json:"diagnostic"`
	Hover   string   `json:"hover"`
	Actions []string `json:"actions"`
	Applied string   `json:"applied"`
	Cleared bool     `json:"cleared"`
}

func TestEmacsEglotEndToEnd(t *testing.T) {
	emacs := emacsWithEglot(t)
	dir := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(dir, "liaison"))
	script, err := filepath.Abs("testdata/e2e.el")
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(dir, "notes")
	if err := os.Mkdir(project, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(project, "plans.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	resultPath := filepath.Join(dir, "result.json")

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, emacs, "--batch", "-l", script)
	cmd.Dir = project
	cmd.Env = append(os.Environ(), "HOME="+dir, "LIAISON_BIN="+bin, "LIAISON_FILE="+file, "LIAISON_RESULT="+resultPath)
	out, runErr := cmd.CombinedOutput()

	data, err := os.ReadFile(resultPath)
	if err != nil {
		t.Fatalf("no result from Emacs (%v): %v\n%s", runErr, err, out)
	}
	var got result
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("result %q: %v", data, err)
	}
	if !got.OK || runErr != nil {
		t.Fatalf("the Emacs script failed after steps %v: %s (%v)\n%s", got.Steps, got.Error, runErr, out)
	}

	if got.LanguageID != "markdown" {
		t.Errorf("Eglot sent language id %q, want markdown", got.LanguageID)
	}
	d := got.Diagnostic
	line := strings.Split(before, "\n")[2]
	if d.Line != 3 || d.Column != strings.Index(line, "liaison") || d.Matched != "liaison" {
		t.Errorf("diagnostic at line %d column %d over %q, want line 3 column %d over %q", d.Line, d.Column, d.Matched, strings.Index(line, "liaison"), "liaison")
	}
	if !strings.Contains(d.Text, "liaison-verb") || !strings.Contains(d.Text, "liaise") {
		t.Errorf("diagnostic text %q does not name the rule and the fix", d.Text)
	}
	// The script's workspace configuration raises liaison-verb (a warning
	// by default) to an error: this shows the :liaison section arrived.
	if d.Type != "eglot-error" {
		t.Errorf("diagnostic type %q, want eglot-error from the workspace configuration", d.Type)
	}
	if !strings.Contains(got.Hover, "liaison-verb") || !strings.Contains(got.Hover, "liaise") {
		t.Errorf("hover does not explain the rule:\n%s", got.Hover)
	}
	if !strings.Contains(got.Applied, "liaise") {
		t.Errorf("applied %q (actions %q)", got.Applied, got.Actions)
	}
	if !got.Cleared {
		t.Errorf("the diagnostic was not cleared after the fix")
	}

	saved, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(before, "I will liaison with", "I will liaise with", 1); string(saved) != want {
		t.Errorf("file after the fix:\n%q\nwant\n%q", saved, want)
	}
	if !strings.Contains(string(saved), "I will liaise with the vendor.") {
		t.Errorf("the saved file does not read %q: %q", "I will liaise with the vendor.", saved)
	}
}

// TestByteCompile compiles liaison-eglot.el with warnings as errors, as
// package archives and careful users do.
func TestByteCompile(t *testing.T) {
	emacs := emacsWithEglot(t)
	dir := t.TempDir()
	src, err := os.ReadFile("liaison-eglot.el")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "liaison-eglot.el"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, emacs, "--batch", "--eval", "(setq byte-compile-error-on-warn t)", "-f", "batch-byte-compile", "liaison-eglot.el")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("byte-compile: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "liaison-eglot.elc")); err != nil {
		t.Errorf("no .elc: %v", err)
	}
}
