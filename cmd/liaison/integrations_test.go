package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// requireTool finds an executable the end-to-end tests need: missing, the
// test is skipped with how to install it, or fails under LIAISON_E2E=require
// (CI, where .ci/run installs it).
func requireTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("LIAISON_E2E") == "require" {
		t.Fatalf("%s not found and LIAISON_E2E=require: %s", name, install)
	}
	t.Skipf("%s not found (install it with %s, or set LIAISON_E2E=require to make this a failure)", name, install)
	return ""
}

// repoRoot is the top of this repository.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestPreCommitHooksFile: the hooks file is what pre-commit reads, each
// hook a golang hook whose entry is a liaison check.
func TestPreCommitHooksFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Name, Entry, Language, Files string
		Stages                           []string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
		if h.Language != "golang" || !strings.HasPrefix(h.Entry, "liaison check") || h.Name == "" {
			t.Errorf("hook %+v", h)
		}
	}
	if !ids["liaison"] || !ids["liaison-commit-msg"] {
		t.Errorf("hooks %v", ids)
	}
}

// TestPreCommitEndToEnd installs the liaison hook with Debian's pre-commit
// in a temporary repository, from a copy of this repository's files (so
// the hooks file and the code are the working tree's): a commit of "We will
// liaison with them." fails with the finding, the fixed text commits.
func TestPreCommitEndToEnd(t *testing.T) {
	preCommit := requireTool(t, "pre-commit", "apt-get install pre-commit")
	requireTool(t, "git", "apt-get install git")
	if testing.Short() {
		t.Skip("builds liaison with go install: not in -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	tmp := t.TempDir()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "cache"),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.org",
		"GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	// pre-commit builds in a GOPATH of its own: share this machine's
	// module cache, so no module is downloaded again.
	if cache, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		env = append(env, "GOMODCACHE="+strings.TrimSpace(string(cache)))
	}
	run := func(dir string, name string, args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	mustRun := func(dir string, name string, args ...string) string {
		t.Helper()
		out, err := run(dir, name, args...)
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return out
	}

	// The hook repository: this repository's tracked files as they are in
	// the working tree, committed.
	root := repoRoot(t)
	hookRepo := filepath.Join(tmp, "hook")
	var files []string
	if out, err := run(root, "git", "ls-files", "-z"); err == nil {
		files = append(strings.Split(strings.TrimRight(out, "\x00"), "\x00"), ".pre-commit-hooks.yaml")
	} else { // a copy of the tree, not a clone: its files
		must(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if d.IsDir() && (rel == ".git" || rel == "editors") {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() {
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		}))
	}
	for _, f := range files {
		if f == "" || strings.HasPrefix(f, "editors/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue // deleted in the working tree
		}
		dst := filepath.Join(hookRepo, f)
		must(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		must(t, os.WriteFile(dst, data, 0o644))
	}
	mustRun(hookRepo, "git", "init", "-q", "-b", "main")
	mustRun(hookRepo, "git", "add", "-A")
	mustRun(hookRepo, "git", "commit", "-q", "-m", "liaison")
	rev := strings.TrimSpace(mustRun(hookRepo, "git", "rev-parse", "HEAD"))

	project := filepath.Join(tmp, "project")
	must(t, os.MkdirAll(project, 0o755))
	mustRun(project, "git", "init", "-q", "-b", "main")
	config := "repos:\n  - repo: " + hookRepo + "\n    rev: " + rev + "\n    hooks:\n      - id: liaison\n"
	must(t, os.WriteFile(filepath.Join(project, ".pre-commit-config.yaml"), []byte(config), 0o644))
	mustRun(project, preCommit, "install")
	mustRun(project, "git", "add", ".pre-commit-config.yaml")

	must(t, os.WriteFile(filepath.Join(project, "notes.md"), []byte("# Plans\n\nWe will liaison with them.\n"), 0o644))
	mustRun(project, "git", "add", "notes.md")
	out, err := run(project, "git", "commit", "-m", "notes")
	if err == nil {
		t.Fatalf("the commit with a finding passed:\n%s", out)
	}
	if !strings.Contains(out, "notes.md:3:9: warning: ") || !strings.Contains(out, "[liaison-verb]") {
		t.Errorf("the failed hook's output lacks the finding:\n%s", out)
	}
	must(t, os.WriteFile(filepath.Join(project, "notes.md"), []byte("# Plans\n\nWe will liaise with them.\n"), 0o644))
	mustRun(project, "git", "add", "notes.md")
	if out, err := run(project, "git", "commit", "-m", "notes"); err != nil {
		t.Fatalf("the fixed text did not commit: %v\n%s", err, out)
	}
}

// TestGitHubAction runs action.yml's steps as the runner would, but for
// setting up Go (this machine has it): bash with the inputs in the steps'
// environment variables. The build step builds liaison, the check step
// prints one ::warning or ::error command per finding with the file and
// position, exits 1, and writes a valid SARIF report when asked.
func TestGitHubAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds liaison: not in -short")
	}
	bash := requireTool(t, "bash", "apt-get install bash")
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name   string
		Inputs map[string]struct {
			Default string
		}
		Runs struct {
			Using string
			Steps []struct {
				Name, Uses, Shell, Run string
				Env                    map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" || action.Inputs["paths"].Default != "." {
		t.Fatalf("action %+v", action)
	}
	tmp := t.TempDir()
	work := writeTree(t, map[string]string{"docs/plan.md": "# Plan\n\nWe will liaison with them, alot.\n", "ok.md": "Fine.\n"})
	sarif := filepath.Join(tmp, "out.sarif")
	inputs := map[string]string{"paths": "docs ok.md", "args": "--disable irregardless", "sarif-file": sarif}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var checkOut string
	ran := 0
	for _, step := range action.Runs.Steps {
		if step.Uses != "" {
			if !strings.HasPrefix(step.Uses, "actions/setup-go@") {
				t.Errorf("step %q uses %s", step.Name, step.Uses)
			}
			continue
		}
		if step.Shell != "bash" {
			t.Errorf("step %q: shell %q", step.Name, step.Shell)
		}
		cmd := exec.CommandContext(ctx, bash, "-e", "-c", step.Run)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+tmp)
		for k, v := range step.Env {
			for name, value := range inputs {
				v = strings.ReplaceAll(v, "${{ inputs."+name+" }}", value)
			}
			if strings.Contains(v, "${{") {
				t.Fatalf("step %q: unexpanded %s=%s", step.Name, k, v)
			}
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		ran++
		if strings.Contains(step.Run, "--format github") {
			checkOut = out.String()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("check step: %v, want exit 1; stderr %s", err, errOut.String())
			}
			continue
		}
		if err != nil {
			t.Fatalf("step %q: %v\n%s", step.Name, err, errOut.String())
		}
	}
	if ran != 2 {
		t.Errorf("%d bash steps, want build and check", ran)
	}
	doc := filepath.Join("docs", "plan.md")
	for _, want := range []string{"::warning file=" + doc + ",line=3,col=9,endLine=3,endColumn=16,title=liaison liaison-verb::", "::error file=" + doc + ",line=3,col=28,"} {
		if !strings.Contains(checkOut, want) {
			t.Errorf("check output lacks %q:\n%s", want, checkOut)
		}
	}
	log, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, log)
	if !bytes.Contains(log, []byte(`"uri": "docs/plan.md"`)) {
		t.Errorf("SARIF report:\n%s", log)
	}
}
