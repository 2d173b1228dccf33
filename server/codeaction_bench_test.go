package server_test

import (
	"context"
	"net"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server"
	"liaison/server/lsptest"
)

// BenchmarkCodeActionBook is a code action request over one of the
// findings in the whole Rust Book, open as one document, over a pipe:
// request sent → response read. An editor asks for code actions as the
// cursor moves, so what the actions over a finding read of the document
// (its ending, its front matter) is paid on each.
func BenchmarkCodeActionBook(b *testing.B) {
	book := readBook(b)
	linter, err := server.DefaultLinter()
	if err != nil {
		b.Fatal(err)
	}
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go server.New(server.Options{Linter: linter}).Serve(ctx, serverEnd)
	c := lsptest.New(ctx, clientEnd)
	defer clientEnd.Close()
	if _, err := c.Initialize(ctx, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/book.md")
	if err := c.Open(ctx, u, "markdown", 1, book); err != nil {
		b.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx, u, 0, 1)
	if err != nil {
		b.Fatal(err)
	}
	if len(p.Diagnostics) == 0 {
		b.Fatal("no diagnostics in the book")
	}
	action := func(i int) {
		d := p.Diagnostics[i%len(p.Diagnostics)]
		var acts []protocol.CodeAction
		if err := c.Call(ctx, protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: d.Range,
			Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{d}}}, &acts); err != nil {
			b.Fatal(err)
		}
		if len(acts) == 0 {
			b.Fatal("no code actions over a finding")
		}
	}
	action(0) // the first loads what the actions need
	b.ResetTimer()
	defer reportCPU(b)()
	for i := range b.N {
		action(i)
	}
}
