//go:build unix

package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Hostile repositories (issue 12): a FIFO where a rule file or the
// configuration should be, or a configuration linked to a file outside
// the project, must neither block the server nor leak the other file into
// a message. The server reads them through rules/project, which reads
// through safefile.
func TestHostileProjectFiles(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "secret.yaml"), "aws_secret_access_key: s3cr3t-in-value\nrules: {alot: s3cr3t-too}\n")
	tests := []struct {
		name  string
		setup func(t *testing.T, ws string)
		want  string
	}{
		{"FIFO as a rule file", func(t *testing.T, ws string) {
			writeFile(t, filepath.Join(ws, ".liaison.yaml"), "rule-files: [r.yaml]\n")
			if err := syscall.Mkfifo(filepath.Join(ws, "r.yaml"), 0o644); err != nil {
				t.Skip("no FIFOs:", err)
			}
		}, `rule file "r.yaml": not a regular file`},
		{"configuration linked outside the project", func(t *testing.T, ws string) {
			if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(ws, ".liaison.yaml")); err != nil {
				t.Skip("no symbolic links:", err)
			}
		}, "is outside the project root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := t.TempDir()
			if err := os.Mkdir(filepath.Join(ws, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, ws)
			rc := startRecording(t)
			rc.initialize(t, ws, false)
			rc.waitFor(t, "the watcher registration", func() bool { return len(rc.register) > 0 })
			rc.open(t, uri.File(filepath.Join(ws, "doc.md")), "markdown", "We had alot of fun.\n")
			rc.waitFor(t, "a message about the configuration", func() bool {
				for _, m := range rc.shown {
					if strings.Contains(m.Message, tt.want) {
						return true
					}
				}
				return false
			})
			rc.mu.Lock()
			for _, m := range rc.shown {
				if strings.Contains(m.Message, "s3cr3t") || strings.Contains(m.Message, "aws_secret_access_key") {
					t.Errorf("message quotes the refused file: %q", m.Message)
				}
			}
			rc.mu.Unlock()
			// The server still answers, promptly.
			start := time.Now()
			rc.call(t, protocol.MethodShutdown, nil, nil)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("shutdown took %v", d)
			}
		})
	}
}
