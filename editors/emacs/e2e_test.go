package emacs_test

import (
	"context"
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

// runEmacs runs an Emacs Lisp test script in batch Emacs with Eglot, in
// the folder of file (the project), with a home folder of its own, a
// freshly built liaison and the document in the environment the scripts
// read (plus env), and decodes the script's report into rep.
func runEmacs(t *testing.T, script, file string, env []string, rep any) {
	t.Helper()
	emacs := emacsWithEglot(t)
	home := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(home, "liaison"))
	result := filepath.Join(home, "result.json")
	e2e.Script{
		Editor:  "Emacs",
		Command: []string{emacs, "--batch", "-l", e2e.Abs(t, script)},
		Dir:     filepath.Dir(file),
		Env: append([]string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
			"LIAISON_BIN=" + bin, "LIAISON_FILE=" + file, "LIAISON_RESULT=" + result}, env...),
		Result:  result,
		Timeout: 60 * time.Second,
	}.Run(t, rep)
}

// actionReport is what the code-action scripts (addword.el, disable.el)
// report: the actions offered, the one applied and whether the diagnostic
// cleared after it.
type actionReport struct {
	e2e.Report
	Actions []string `json:"actions"`
	Applied string   `json:"applied"`
	Cleared bool     `json:"cleared"`
}

type result struct {
	e2e.Report
	LanguageID string `json:"language_id"`
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
	file := filepath.Join(t.TempDir(), "notes", "plans.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	e2e.WriteFile(t, file, before)
	var got result
	runEmacs(t, "testdata/e2e.el", file, nil, &got)

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
