package server_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server"
	"liaison/server/lsptest"
)

// BenchmarkLongLine is a keystroke in the middle of a paragraph with a
// finding in every sentence, written as one line and as one line per
// sentence (issue 12, item 5): each iteration re-lints the whole
// paragraph and converts every finding to a diagnostic. The two layouts
// should cost about the same at every size; converting offsets to LSP
// positions by walking each line from its start made the one-line cost
// grow with the square of its length.
func BenchmarkLongLine(b *testing.B) {
	linter, err := server.DefaultLinter()
	if err != nil {
		b.Fatal(err)
	}
	const sentence = "We had alot of fun with the committee today."
	for _, kb := range []int{64, 256, 1024} {
		for _, layout := range []struct{ name, sep string }{{"one-line", " "}, {"lines", "\n"}} {
			n := kb << 10 / (len(sentence) + 1)
			src := strings.Repeat(sentence+layout.sep, n)
			b.Run(fmt.Sprintf("%dKB/%s", kb, layout.name), func(b *testing.B) {
				benchLongLine(b, linter, src, n)
			})
		}
	}
}

func benchLongLine(b *testing.B, linter server.Linter, src string, sentences int) {
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go server.New(server.Options{Linter: linter}).Serve(ctx, serverEnd)
	c := lsptest.New(ctx, clientEnd)
	defer clientEnd.Close()
	if _, err := c.Initialize(ctx, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/long.md")
	if err := c.Open(ctx, u, "markdown", 1, src); err != nil {
		b.Fatal(err)
	}
	if _, _, err := c.WaitVersion(ctx, u, 0, 1); err != nil {
		b.Fatal(err)
	}
	// The middle of the text: of its one line, or of its middle line.
	mid := protocol.Position{Line: 0, Character: uint32(len(src) / 2)}
	if lines := strings.Count(src, "\n"); lines > 0 {
		mid = protocol.Position{Line: uint32(lines / 2), Character: 10}
	}
	b.ResetTimer()
	for i := range b.N {
		r := protocol.Range{Start: mid, End: mid}
		insert := "s"
		if i%2 == 1 { // delete it again
			r.End.Character++
			insert = ""
		}
		n := c.DiagnosticsCount()
		if err := c.Change(ctx, u, int32(i+2), &r, insert); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.WaitVersion(ctx, u, n, int32(i+2)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*sentences), "ns/sentence")
}
