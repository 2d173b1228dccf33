package lsptest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server"
)

// Client is one client connection to a language server.
type Client struct {
	conn jsonrpc2.Conn

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced when something arrives
	diagnostics []*protocol.PublishDiagnosticsParams
	logs        []protocol.LogMessageParams
	configCalls int
	refreshes   int             // workspace/diagnostic/refresh requests received
	settings    json.RawMessage // answer to workspace/configuration
}

// New connects a client over rwc (LSP header framing) and starts reading.
func New(ctx context.Context, rwc io.ReadWriteCloser) *Client {
	c := &Client{changed: make(chan struct{}), settings: json.RawMessage("null")}
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(rwc), jsonrpc2.WithCodec(server.Codec{}))
	c.conn.Go(ctx, c.handle)
	return c
}

// SetSettings sets what the client answers to workspace/configuration
// (the "liaison" section).
func (c *Client) SetSettings(settings any) error {
	b, err := json.Marshal(settings)
	if err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	c.mu.Lock()
	c.settings = b
	c.mu.Unlock()
	return nil
}

func (c *Client) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	switch req.Method() {
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p protocol.PublishDiagnosticsParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, nil
		}
		c.record(func() { c.diagnostics = append(c.diagnostics, &p) })
		return nil, nil
	case protocol.MethodWindowLogMessage:
		var p protocol.LogMessageParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, nil
		}
		c.record(func() { c.logs = append(c.logs, p) })
		return nil, nil
	case protocol.MethodWorkspaceConfiguration:
		var p protocol.ConfigurationParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, jsonrpc2.ErrInvalidParams
		}
		c.mu.Lock()
		settings := c.settings
		c.configCalls++
		c.mu.Unlock()
		out := make([]json.RawMessage, len(p.Items))
		for i := range out {
			out[i] = settings
		}
		c.record(func() {})
		return jsonrpc2.RawMessage(mustJSON(out)), nil
	case protocol.MethodWorkspaceDiagnosticRefresh:
		c.record(func() { c.refreshes++ })
		return nil, nil
	case protocol.MethodWindowWorkDoneProgressCreate, protocol.MethodClientRegisterCapability:
		return nil, nil
	}
	if req.IsCall() {
		return nil, jsonrpc2.ErrMethodNotFound
	}
	return nil, nil
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// record applies f under the lock and wakes waiters.
func (c *Client) record(f func()) {
	c.mu.Lock()
	f()
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
}

// Call sends a request and decodes its result into result (which may be
// nil). params may be a jsonrpc2.RawMessage to send bytes as they are.
func (c *Client) Call(ctx context.Context, method string, params, result any) error {
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

// Notify sends a notification.
func (c *Client) Notify(ctx context.Context, method string, params any) error {
	return c.conn.Notify(ctx, method, params)
}

// Conn is the underlying connection.
func (c *Client) Conn() jsonrpc2.Conn { return c.conn }

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Initialize sends initialize with caps and initializationOptions (nil for
// none), then initialized.
func (c *Client) Initialize(ctx context.Context, caps protocol.ClientCapabilities, initOptions any) (*protocol.InitializeResult, error) {
	params := &protocol.InitializeParams{Capabilities: caps, ClientInfo: protocol.ClientInfo{Name: "lsptest"}}
	if initOptions != nil {
		b, err := json.Marshal(initOptions)
		if err != nil {
			return nil, fmt.Errorf("initializationOptions: %w", err)
		}
		params.InitializationOptions = b
	}
	var result protocol.InitializeResult
	if err := c.Call(ctx, protocol.MethodInitialize, params, &result); err != nil {
		return nil, err
	}
	if err := c.Notify(ctx, protocol.MethodInitialized, &protocol.InitializedParams{}); err != nil {
		return nil, err
	}
	return &result, nil
}

// Open sends didOpen.
func (c *Client) Open(ctx context.Context, u uri.URI, languageID string, version int32, text string) error {
	return c.Notify(ctx, protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: u, LanguageID: protocol.LanguageKind(languageID), Version: version, Text: text},
	})
}

// Change sends didChange with one edit; a nil r replaces the whole text.
func (c *Client) Change(ctx context.Context, u uri.URI, version int32, r *protocol.Range, text string) error {
	var ev protocol.TextDocumentContentChangeEvent = &protocol.TextDocumentContentChangeWholeDocument{Text: text}
	if r != nil {
		ev = &protocol.TextDocumentContentChangePartial{Range: *r, Text: text}
	}
	return c.Notify(ctx, protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{ev},
	})
}

// WaitDiagnostics waits for a publishDiagnostics for u, received at or
// after index from (count the ones before with DiagnosticsCount), that
// satisfies ok (nil: any), and returns it with its index.
func (c *Client) WaitDiagnostics(ctx context.Context, u uri.URI, from int, ok func(*protocol.PublishDiagnosticsParams) bool) (*protocol.PublishDiagnosticsParams, int, error) {
	for {
		c.mu.Lock()
		for i := from; i < len(c.diagnostics); i++ {
			if p := c.diagnostics[i]; p.URI == u && (ok == nil || ok(p)) {
				c.mu.Unlock()
				return p, i, nil
			}
		}
		from = max(from, len(c.diagnostics))
		changed := c.changed
		c.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, 0, fmt.Errorf("waiting for diagnostics for %s: %w", u, ctx.Err())
		}
	}
}

// WaitVersion waits for diagnostics for u published for version.
func (c *Client) WaitVersion(ctx context.Context, u uri.URI, from int, version int32) (*protocol.PublishDiagnosticsParams, int, error) {
	return c.WaitDiagnostics(ctx, u, from, func(p *protocol.PublishDiagnosticsParams) bool {
		v, ok := p.Version.Get()
		return ok && v == version
	})
}

// DiagnosticsCount is how many publishDiagnostics have arrived.
func (c *Client) DiagnosticsCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.diagnostics)
}

// Logs returns the window/logMessage notifications received so far.
func (c *Client) Logs() []protocol.LogMessageParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]protocol.LogMessageParams(nil), c.logs...)
}

// WaitLog waits for a log message satisfying ok.
func (c *Client) WaitLog(ctx context.Context, ok func(protocol.LogMessageParams) bool) (protocol.LogMessageParams, error) {
	for {
		c.mu.Lock()
		for _, l := range c.logs {
			if ok(l) {
				c.mu.Unlock()
				return l, nil
			}
		}
		changed := c.changed
		c.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return protocol.LogMessageParams{}, fmt.Errorf("waiting for a log message: %w", ctx.Err())
		}
	}
}

// ConfigurationCalls is how many workspace/configuration requests the
// server made.
func (c *Client) ConfigurationCalls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.configCalls
}

// WaitRefresh waits until the server has sent more than n
// workspace/diagnostic/refresh requests and returns how many it has sent.
func (c *Client) WaitRefresh(ctx context.Context, n int) (int, error) {
	for {
		c.mu.Lock()
		got := c.refreshes
		changed := c.changed
		c.mu.Unlock()
		if got > n {
			return got, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return got, fmt.Errorf("waiting for workspace/diagnostic/refresh (%d so far): %w", got, ctx.Err())
		}
	}
}
