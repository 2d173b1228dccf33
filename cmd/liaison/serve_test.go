package main

import (
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server/lsptest"
)

// pipes joins a subprocess's stdout (read) and stdin (write).
type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}

// TestServeSubprocess runs `liaison serve` as a subprocess and drives it
// over standard input and output.
func TestServeSubprocess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "liaison")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Run("lifecycle", func(t *testing.T) { serveLifecycle(t, bin) })
	t.Run("end of input", func(t *testing.T) { serveEndOfInput(t, bin) })
}

// serveLifecycle runs `liaison serve --stdio` through the whole lifecycle.
func serveLifecycle(t *testing.T, bin string) {
	logFile := filepath.Join(t.TempDir(), "serve.log")
	cmd := exec.Command(bin, "serve", "--stdio", "--log-file", logFile, "--log-level", "debug")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := lsptest.New(ctx, pipes{stdout, stdin})

	if _, err := c.Initialize(ctx, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0}); err != nil {
		t.Fatalf("initialize: %v\nstderr: %s", err, stderr.String())
	}
	u := uri.File(filepath.Join(t.TempDir(), "note.md"))
	src := "Notes\n\nI will liaison with the vendor.\n"
	if err := c.Open(ctx, u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx, u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != 2 || p.Diagnostics[0].Range.Start.Character != 7 {
		t.Errorf("diagnostics: %+v", p.Diagnostics)
	}
	var h *protocol.Hover
	hp := &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 2, Character: 9}}}
	if err := c.Call(ctx, protocol.MethodTextDocumentHover, hp, &h); err != nil || h == nil {
		t.Errorf("hover: %v %v", h, err)
	}
	if err := c.Call(ctx, protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify(ctx, protocol.MethodExit, nil); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after shutdown: %v (want status 0)\nstderr: %s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("liaison serve did not exit")
	}
	if stderr.Len() != 0 {
		t.Errorf("wrote to stderr despite --log-file: %s", stderr.String())
	}
}

// serveEndOfInput checks that closing standard input ends the server
// (status 1: there was no shutdown).
func serveEndOfInput(t *testing.T, bin string) {
	cmd := exec.Command(bin, "serve")
	cmd.Stdin = strings.NewReader("")
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("end of input: %v, want exit status 1", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("liaison serve did not exit at the end of its input")
	}
}
