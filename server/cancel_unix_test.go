//go:build unix

package server_test

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"liaison/server"
)

// processCPU returns the user and system CPU time the test process (server
// and client both) has used.
func processCPU(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Skipf("no CPU time: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestClosedLongLineStopsLinting types 5 keystrokes into a 1 MB document
// of one line, each superseding the lint of the previous revision, then
// closes it: from then on the process must be idle. Superseded lints used
// to run to the end (a one-line document was one uninterruptible block,
// and its diagnostics took seconds to convert), keeping both cores busy
// for half a minute after the close. The test measures CPU time, not wall
// time, over a window that starts after a grace period: the lint of one
// revision costs far more than the bound.
func TestClosedLongLineStopsLinting(t *testing.T) {
	if testing.Short() {
		t.Skip("lints a megabyte")
	}
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("long-line.md")
	const sentence = "We had alot of fun with the committee today. "
	src := strings.Repeat(sentence, 1<<20/len(sentence))
	cpu0 := processCPU(t)
	if err := c.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	lintCPU := processCPU(t) - cpu0
	if len(p.Diagnostics) < 20000 {
		t.Fatalf("%d diagnostics, want one a sentence", len(p.Diagnostics))
	}
	// Type at the start, the middle and the end of the line, faster than
	// a lint finishes.
	for i := range 5 {
		at := protocol.Position{Line: 0, Character: uint32(i * len(src) / 4)}
		if err := c.Change(ctx(t), u, int32(i+2), &protocol.Range{Start: at, End: at}, "x"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := c.Notify(ctx(t), protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the bound is 50 ms; the rest is for the scheduler
	const window = 500 * time.Millisecond
	before := processCPU(t)
	time.Sleep(window)
	after := processCPU(t) - before
	t.Logf("open → diagnostics %v CPU; after the close, %v CPU in %v", lintCPU, after, window)
	if after > window/5 {
		t.Errorf("the process used %v CPU in the %v after the close: superseded or closed lints kept running", after, window)
	}
}
