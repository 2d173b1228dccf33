package server_test

import (
	"context"
	"net"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"liaison/server"
	"liaison/server/lsptest"
)

// TestRequestsTrim: hovers and code actions without an edit between them
// give their garbage back once they pause, as lints do; with no request
// after the lint's own trim, nothing more is trimmed.
func TestRequestsTrim(t *testing.T) {
	at := protocol.Position{Line: 0, Character: 10} // on "liaison"
	tests := []struct {
		name    string
		request func(ctx context.Context, c *lsptest.Client, u uri.URI) error
		want    int32
	}{
		{"hover", func(ctx context.Context, c *lsptest.Client, u uri.URI) error {
			var h *protocol.Hover
			return c.Call(ctx, protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: at}}, &h)
		}, 1},
		{"code action", func(ctx context.Context, c *lsptest.Client, u uri.URI) error {
			var acts []protocol.CodeAction
			return c.Call(ctx, protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: protocol.Range{Start: at, End: at}}, &acts)
		}, 1},
		{"no request", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := server.New(server.Options{Linter: fakeLinter{}, Logger: zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))})
			var trims atomic.Int32
			server.SetTrim(srv, func() { trims.Add(1) })
			serverEnd, clientEnd := net.Pipe()
			cctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() { srv.Serve(cctx, serverEnd); close(done) }()
			defer func() {
				cancel()
				clientEnd.Close()
				select {
				case <-done:
				case <-time.After(testTimeout):
					t.Error("server did not stop")
				}
			}()
			c := lsptest.New(cctx, clientEnd)
			ctx := ctx(t)
			if _, err := c.Initialize(ctx, protocol.ClientCapabilities{}, nil); err != nil {
				t.Fatal(err)
			}
			u := uri.File("/tmp/trim.md")
			if err := c.Open(ctx, u, "markdown", 1, "We will liaison with them.\n"); err != nil {
				t.Fatal(err)
			}
			if _, _, err := c.WaitVersion(ctx, u, 0, 1); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second) // the lint's own trim, half a second after it
			trims.Store(0)
			for range 32 { // garbage enough for a trim to be due
				runtime.KeepAlive(make([]byte, 1<<20))
			}
			if tt.request != nil {
				for range 3 {
					if err := tt.request(ctx, c, u); err != nil {
						t.Fatal(err)
					}
				}
			}
			time.Sleep(time.Second)
			if got := trims.Load(); got != tt.want {
				t.Errorf("%d trims after the requests paused, want %d", got, tt.want)
			}
		})
	}
}
