package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a temporary git repository with files committed, and
// makes it the working directory.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git:", err)
	}
	dir := writeTree(t, files)
	t.Chdir(dir)
	runGit(t, "init", "-q", "-b", "main")
	runGit(t, "add", "-A")
	runGit(t, "commit", "-q", "-m", "first")
	return dir
}

func runGit(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestCheckChangedSince(t *testing.T) {
	gitRepo(t, map[string]string{
		"a.md":         "Old alot here.\n\nStill old.\n",
		"same.md":      "Unchanged alot.\n",
		"docs/b.md":    "Fine.\n",
		".gitignore":   "ignored.md\n",
		"sub/keep.txt": "Kept alot.\n",
	})
	// Line 3 of a.md changes, a line is added to docs/b.md, a new untracked
	// file appears, and an ignored one; a changed file of no prose format
	// and a source file are not checked (as in a directory).
	must(t, os.WriteFile("data.json", []byte("{\"a\": \"alot\"}\n"), 0o644))
	must(t, os.WriteFile("main.go", []byte("// We had alot.\npackage main\n"), 0o644))
	outside := writeTree(t, map[string]string{"secret.md": "Outside alot.\n"})
	must(t, os.Symlink(filepath.Join(outside, "secret.md"), "link.md"))
	must(t, os.WriteFile("a.md", []byte("Old alot here.\n\nNew alot.\n"), 0o644))
	must(t, os.WriteFile(filepath.Join("docs", "b.md"), []byte("Fine.\n\nWe liaisoned.\n"), 0o644))
	must(t, os.WriteFile("new.md", []byte("Fresh alot.\n"), 0o644))
	must(t, os.WriteFile("ignored.md", []byte("Hidden alot.\n"), 0o644))

	out, errOut, code := check(t, "", "--changed-since", "HEAD")
	if code != 2 || !strings.Contains(errOut, "link.md: not checked: it resolves outside") {
		t.Fatalf("exit %d; stderr %q", code, errOut)
	}
	must(t, os.Remove("link.md"))
	want := []string{"a.md:3:5: ", filepath.Join("docs", "b.md") + ":3:4: ", "new.md:1:7: "}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got\n%s\nwant lines starting %q", out, want)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d %q, want %q…", i, lines[i], w)
		}
	}
	// Paths given: only the changed ones among them, changed lines only.
	out, _, _ = check(t, "", "--changed-since", "HEAD", "a.md", "same.md")
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "a.md:3:5: ") {
		t.Errorf("with paths: %q", out)
	}

	// --staged: only what is in the index.
	out, _, code = check(t, "", "--staged")
	if code != 0 || out != "" {
		t.Errorf("nothing staged: exit %d, %q", code, out)
	}
	runGit(t, "add", "a.md")
	out, _, code = check(t, "", "--staged")
	if code != 1 || strings.TrimSpace(out) == "" || !strings.HasPrefix(out, "a.md:3:5: ") || strings.Count(out, "\n") != 1 {
		t.Errorf("a.md staged: exit %d, %q", code, out)
	}
	// --fix on changed lines only: the old alot stays.
	if _, errOut, code := check(t, "", "--fix", "--changed-since", "HEAD", "a.md"); code != 0 {
		t.Errorf("--fix --changed-since: exit %d, %q", code, errOut)
	}
	if got, _ := os.ReadFile("a.md"); string(got) != "Old alot here.\n\nNew a lot.\n" {
		t.Errorf("fixed %q", got)
	}
	// A bad revision is a usage error.
	if _, errOut, code := check(t, "", "--changed-since", "no-such-ref"); code != 2 || !strings.Contains(errOut, "no-such-ref") {
		t.Errorf("bad ref: exit %d, %q", code, errOut)
	}
	if _, _, code := check(t, "", "--changed-since", "--output=/tmp/x"); code != 2 {
		t.Errorf("an option as the revision: exit %d", code)
	}
}

func TestCheckOutsideGit(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(mustGetwd(t)))
	if _, errOut, code := check(t, "", "--staged"); code != 2 || !strings.Contains(errOut, "git repository") {
		t.Errorf("outside a repository: exit %d, %q", code, errOut)
	}
}

// TestCheckGitignore: a directory walk skips what git ignores there.
func TestCheckGitignore(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		".gitignore":  "build/\n*.draft.md\n",
		"docs/a.md":   "Thanks alot.\n",
		"keep.md":     "Fine.\n",
		"tracked.txt": "Tracked alot.\n",
	})
	must(t, os.MkdirAll(filepath.Join("build", "out"), 0o755))
	must(t, os.WriteFile(filepath.Join("build", "out", "x.md"), []byte("alot\n"), 0o644))
	must(t, os.WriteFile(filepath.Join("docs", "c.draft.md"), []byte("alot\n"), 0o644))
	out, _, code := check(t, "", dir)
	if code != 1 || strings.Contains(out, "build") || strings.Contains(out, "draft") || !strings.Contains(out, "a.md") || !strings.Contains(out, "tracked.txt") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
