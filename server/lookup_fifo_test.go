//go:build unix

package server_test

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"liaison/server"
)

// TestFIFORuleFileBlocksNothing: a rule file that is a FIFO is refused
// (rules/project reads through safefile), off the read loop: the document
// is linted under the built-in rules and shutdown and exit answer at once.
func TestFIFORuleFileBlocksNothing(t *testing.T) {
	root, u := projectWorkspace(t)
	writeFile(t, filepath.Join(root, ".liaison.yaml"), "rule-files: [r.yaml]\n")
	if err := syscall.Mkfifo(filepath.Join(root, "r.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
	c, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := start(t, server.Options{Linter: c})
	initializeIn(t, s, root)
	if err := s.client.Open(ctx(t), u, "markdown", 1, "We will liaison with them.\n"); err != nil {
		t.Fatal(err)
	}
	d, _, err := s.client.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 1 {
		t.Errorf("diagnostics %+v, want the built-in liaison-verb finding", d.Diagnostics)
	}
	start := time.Now()
	cc, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.client.Call(cc, protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := s.client.Notify(cc, protocol.MethodExit, nil); err != nil {
		t.Fatal(err)
	}
	if code := s.exitCode(t); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("shutdown and exit took %v", d)
	}
}
