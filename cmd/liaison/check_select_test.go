package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// selectDoc has an error (alot, nonword), warnings (liaison-verb,
// proscribed; irregardless, nonstandard).
const selectDoc = "Thanks alot.\n\nWe liaisoned, irregardless.\n"

func TestCheckSelection(t *testing.T) {
	rulesOf := func(out string) string {
		var ids []string
		for _, m := range regexp.MustCompile(`\[([a-z-]+)\]\n`).FindAllStringSubmatch(out, -1) {
			ids = append(ids, m[1])
		}
		return strings.Join(ids, " ")
	}
	tests := []struct {
		args  []string
		rules string
		code  int
	}{
		{nil, "alot liaison-verb irregardless", 1},
		{[]string{"--rule", "alot"}, "alot", 1},
		{[]string{"--rule", "alot,irregardless"}, "alot irregardless", 1},
		{[]string{"--rule", "alot", "--rule", "liaison-verb"}, "alot liaison-verb", 1},
		{[]string{"--category", "proscribed"}, "liaison-verb", 1},
		{[]string{"--disable", "alot"}, "liaison-verb irregardless", 1},
		{[]string{"--min-severity", "error"}, "alot", 1},
		{[]string{"--fail-on", "error", "--disable", "alot"}, "liaison-verb irregardless", 0},
		{[]string{"--fail-on", "warning", "--rule", "irregardless"}, "irregardless", 1},
		{[]string{"--rule", "no-such-rule"}, "", 2},
		{[]string{"--category", "no-such-category"}, "", 2},
		{[]string{"--min-severity", "loud"}, "", 2},
	}
	for _, tt := range tests {
		out, errOut, code := check(t, selectDoc, append(tt.args, "--quiet", "-")...)
		if got := rulesOf(out); got != tt.rules || code != tt.code {
			t.Errorf("%q: rules %q exit %d, want %q exit %d (stderr %q)", tt.args, got, code, tt.rules, tt.code, errOut)
		}
	}
}

// TestCheckConfigFlag: --config replaces the nearest .liaison.yaml.
func TestCheckConfigFlag(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"proj/.liaison.yaml": "rules:\n  alot: off\n",
		"proj/a.md":          selectDoc,
		"other/strict.yaml":  "rules:\n  liaison-verb: off\n  irregardless: off\n",
	})
	must(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	out, _, _ := check(t, "", "--quiet", filepath.Join(dir, "proj", "a.md"))
	if strings.Contains(out, "[alot]") || !strings.Contains(out, "[irregardless]") {
		t.Errorf("nearest configuration not applied:\n%s", out)
	}
	out, _, _ = check(t, "", "--quiet", "--config", filepath.Join(dir, "other", "strict.yaml"), filepath.Join(dir, "proj", "a.md"))
	if !strings.Contains(out, "[alot]") || strings.Contains(out, "[irregardless]") || strings.Contains(out, "[liaison-verb]") {
		t.Errorf("--config not applied:\n%s", out)
	}
	if _, errOut, code := check(t, "", "--config", filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "proj", "a.md")); code != 2 || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing --config: exit %d %q", code, errOut)
	}
}

// TestCheckSourceCodeInDirectories: a directory's source files are
// checked only when the project's source-code list or --source-code turns
// their language on, as in the server (checker.SourceCodeOn); a file
// named on the command line always is.
func TestCheckSourceCodeInDirectories(t *testing.T) {
	files := map[string]string{
		"a.md":    "Fine.\n",
		"main.go": "package main\n\n// We had alot of fun.\nfunc main() {}\n",
		"x.py":    "# We had alot of fun.\n",
	}
	off := writeTree(t, files)
	must(t, os.Mkdir(filepath.Join(off, ".git"), 0o755))
	if out, _, code := check(t, "", "--quiet", off); code != 0 || out != "" {
		t.Errorf("source code checked without opting in: exit %d\n%s", code, out)
	}
	if out, _, _ := check(t, "", "--quiet", "--source-code", "go", off); !strings.Contains(out, "main.go:3:") || strings.Contains(out, "x.py") {
		t.Errorf("--source-code go:\n%s", out)
	}
	if out, _, _ := check(t, "", "--quiet", filepath.Join(off, "x.py")); !strings.Contains(out, "x.py:1:") {
		t.Errorf("a named source file is not checked:\n%s", out)
	}
	files[".liaison.yaml"] = "source-code: [python]\n"
	on := writeTree(t, files)
	must(t, os.Mkdir(filepath.Join(on, ".git"), 0o755))
	if out, _, _ := check(t, "", "--quiet", on); !strings.Contains(out, "x.py:1:") || strings.Contains(out, "main.go") {
		t.Errorf("the project's source-code list:\n%s", out)
	}
	if _, _, code := check(t, "", "--source-code", "markdown", on); code != 2 {
		t.Errorf("--source-code markdown: exit %d, want 2", code)
	}
}

// TestCheckSummaryAndProgress: one summary line on standard error; a
// progress bar only on a terminal (never into a pipe or buffer) unless
// --progress=always.
func TestCheckSummaryAndProgress(t *testing.T) {
	files := map[string]string{}
	for i := range 320 {
		files[fmt.Sprintf("f%03d.md", i)] = "Fine.\n"
	}
	files["f000.md"] = selectDoc
	dir := writeTree(t, files)
	_, errOut, code := check(t, "", dir)
	if code != 1 || !regexp.MustCompile(`^3 findings in 320 files, \d+\.\d\d s\n$`).MatchString(errOut) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, _ = check(t, "", "--progress=always", dir)
	if !strings.Contains(errOut, "] 320/320 files") || !strings.Contains(errOut, "\r\x1b[K") {
		t.Errorf("no progress bar with --progress=always: %q", errOut)
	}
	if _, errOut, _ := check(t, "", "--quiet", dir); errOut != "" {
		t.Errorf("--quiet: %q", errOut)
	}
	if _, errOut, _ := check(t, "", "--progress=always", "--quiet", filepath.Join(dir, "f001.md")); strings.Contains(errOut, "files") {
		t.Log("a bar for one file under always: fine")
	}
}

// TestCheckBadFilesInTree: a file that is not UTF-8 is reported and the
// rest checked (exit 2); a symbolic link loop is skipped with a note.
func TestCheckBadFilesInTree(t *testing.T) {
	dir := writeTree(t, map[string]string{"ok.md": "Thanks alot.\n", "latin1.txt": "caf\xe9 alot\n"})
	must(t, os.Symlink("loop2.md", filepath.Join(dir, "loop1.md")))
	must(t, os.Symlink("loop1.md", filepath.Join(dir, "loop2.md")))
	var out, errOut bytes.Buffer
	code := runCheck(context.Background(), []string{dir}, strings.NewReader(""), &out, &errOut)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"latin1.txt: not UTF-8 text (an invalid byte at line 1, column 4)", "loop1.md: skipped: ", "loop2.md: skipped: "} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr %q lacks %q", errOut.String(), want)
		}
	}
	if !strings.Contains(out.String(), "ok.md:1:8: ") {
		t.Errorf("the good file was not checked: %q", out.String())
	}
	if !strings.Contains(errOut.String(), "1 finding in 1 file (3 not checked), ") {
		t.Errorf("summary: %q", errOut.String())
	}
}
