//go:build unix

package server_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"go.lsp.dev/uri"
)

// TestDisableInProjectReadsSafely: "Disable … in this project" reads an
// existing .liaison.yaml as every user file is read (issue 12, items 2
// and 10): a FIFO there must not block the request, and a link to a file
// outside the workspace is neither read nor edited.
func TestDisableInProjectReadsSafely(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, config string)
	}{
		{"fifo", func(t *testing.T, config string) {
			if err := syscall.Mkfifo(config, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}},
		{"link outside", func(t *testing.T, config string) {
			outside := filepath.Join(t.TempDir(), "secrets.yaml")
			writeFile(t, outside, "aws_secret_access_key: s3cr3t\n")
			if err := os.Symlink(outside, config); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws := t.TempDir()
			if err := os.Mkdir(filepath.Join(ws, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			config := filepath.Join(ws, ".liaison.yaml")
			tc.setup(t, config)
			rc := startRecording(t)
			rc.initialize(t, ws, false)
			u := uri.File(filepath.Join(ws, "a.md"))
			src := "We will liaison with them.\n"
			rc.open(t, u, "markdown", src)
			rc.waitFor(t, "diagnostics", func() bool { return rc.diags[u] != nil && len(rc.diags[u].Diagnostics) == 1 })
			actions := actionsByTitle(t, rc, u, src)
			if actions["Disable liaison-verb for this line"] == nil {
				t.Fatalf("the line action is missing: %v", actions)
			}
			if a := actions["Disable liaison-verb in this project"]; a != nil {
				t.Errorf("a project action was built on %s, which is not a regular file inside the workspace", config)
			}
		})
	}
}
