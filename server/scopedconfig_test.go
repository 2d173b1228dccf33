package server_test

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"liaison/server"
)

// scopedClient answers workspace/configuration per item by its scopeUri,
// as VS Code does for resource-scoped settings in a multi-root workspace,
// and records the items it was asked for and the diagnostics it received.
type scopedClient struct {
	conn jsonrpc2.Conn

	mu      sync.Mutex
	changed chan struct{}
	byScope map[string]json.RawMessage // "" is the unscoped answer
	asked   [][]protocol.ConfigurationItem
	diags   map[uri.URI]*protocol.PublishDiagnosticsParams
}

func (c *scopedClient) handle(_ context.Context, req *jsonrpc2.Request) (any, error) {
	c.mu.Lock()
	defer func() {
		close(c.changed)
		c.changed = make(chan struct{})
		c.mu.Unlock()
	}()
	switch req.Method() {
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p protocol.PublishDiagnosticsParams
		if protocol.Unmarshal(req.Params(), &p) == nil {
			c.diags[p.URI] = &p
		}
	case protocol.MethodWorkspaceConfiguration:
		var p protocol.ConfigurationParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, jsonrpc2.ErrInvalidParams
		}
		c.asked = append(c.asked, p.Items)
		out := make([]json.RawMessage, len(p.Items))
		for i, it := range p.Items {
			scope := ""
			if it.ScopeURI != nil {
				scope = string(*it.ScopeURI)
			}
			out[i] = c.byScope[scope]
			if out[i] == nil {
				out[i] = json.RawMessage("null")
			}
		}
		b, err := json.Marshal(out)
		if err != nil {
			return nil, err
		}
		return jsonrpc2.RawMessage(b), nil
	}
	if req.IsCall() {
		return nil, nil
	}
	return nil, nil
}

// wait returns the latest diagnostics of u once ok accepts them.
func (c *scopedClient) wait(t *testing.T, u uri.URI, ok func(*protocol.PublishDiagnosticsParams) bool) *protocol.PublishDiagnosticsParams {
	t.Helper()
	deadline := time.After(testTimeout)
	for {
		c.mu.Lock()
		p, ch := c.diags[u], c.changed
		c.mu.Unlock()
		if p != nil && ok(p) {
			return p
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("timed out waiting for diagnostics of %s; last %+v", u, p)
		}
	}
}

func hasRule(p *protocol.PublishDiagnosticsParams, id string) bool {
	for _, d := range p.Diagnostics {
		if d.Code == protocol.String(id) {
			return true
		}
	}
	return false
}

// TestScopedConfiguration: in a workspace of two folders, the server asks
// for the settings of each folder (scopeUri) besides the unscoped ones, and
// a rule turned off in one folder's settings stays on in the other.
func TestScopedConfiguration(t *testing.T) {
	root := t.TempDir()
	folderA, folderB := filepath.Join(root, "a"), filepath.Join(root, "b")
	for _, d := range []string{folderA, folderB} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	srv := server.New(server.Options{Linter: fakeLinter{}, Logger: zaptest.NewLogger(t, zaptest.Level(zap.ErrorLevel))})
	go func() { srv.Serve(ctx, serverEnd); close(done) }()
	c := &scopedClient{
		changed: make(chan struct{}),
		diags:   map[uri.URI]*protocol.PublishDiagnosticsParams{},
		byScope: map[string]json.RawMessage{
			"":                        json.RawMessage(`{"rules": {"utilize": false}}`),
			string(uri.File(folderA)): json.RawMessage(`{"rules": {"utilize": false, "liaison-verb": false}}`),
			string(uri.File(folderB)): json.RawMessage(`{"rules": {"utilize": false}}`),
		},
	}
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientEnd), jsonrpc2.WithCodec(server.Codec{}))
	c.conn.Go(ctx, c.handle)
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		<-done
	})

	yes := true
	params := &protocol.InitializeParams{
		Capabilities:          protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{Configuration: &yes}},
		InitializationOptions: protocol.LSPAny(`{"debounceMs": 0}`),
	}
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{
		{URI: uri.File(folderA), Name: "a"}, {URI: uri.File(folderB), Name: "b"},
	})
	cctx, ccancel := context.WithTimeout(ctx, testTimeout)
	defer ccancel()
	if _, err := c.conn.Call(cctx, protocol.MethodInitialize, params, &protocol.InitializeResult{}); err != nil {
		t.Fatal(err)
	}
	if err := c.conn.Notify(cctx, protocol.MethodInitialized, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	const text = "We will liaison with the vendor. Please utilize it."
	inA, inB := uri.File(filepath.Join(folderA, "x.md")), uri.File(filepath.Join(folderB, "x.md"))
	outside := uri.File(filepath.Join(root, "y.md"))
	for _, u := range []uri.URI{inA, inB, outside} {
		if err := c.conn.Notify(cctx, protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
			TextDocument: protocol.TextDocumentItem{URI: u, LanguageID: "markdown", Version: 1, Text: text},
		}); err != nil {
			t.Fatal(err)
		}
	}
	// Every document loses "utilize" (off everywhere) once the settings
	// are in; then only folder a's loses the verb rule too.
	settled := func(p *protocol.PublishDiagnosticsParams) bool { return !hasRule(p, "utilize") }
	if p := c.wait(t, inA, settled); hasRule(p, "liaison-verb") {
		t.Errorf("folder a turned liaison-verb off, but its document has %+v", p.Diagnostics)
	}
	if p := c.wait(t, inB, settled); !hasRule(p, "liaison-verb") {
		t.Errorf("folder b leaves liaison-verb on, but its document has %+v", p.Diagnostics)
	}
	if p := c.wait(t, outside, settled); !hasRule(p, "liaison-verb") {
		t.Errorf("a document outside the folders follows the unscoped settings, but has %+v", p.Diagnostics)
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.asked) == 0 {
		t.Fatal("the server never asked workspace/configuration")
	}
	scopes := map[string]bool{}
	for _, it := range c.asked[0] {
		if it.Section == nil || *it.Section != "liaison" {
			t.Errorf("item %+v asks for no liaison section", it)
		}
		s := ""
		if it.ScopeURI != nil {
			s = string(*it.ScopeURI)
		}
		scopes[s] = true
	}
	for _, want := range []string{"", string(uri.File(folderA)), string(uri.File(folderB))} {
		if !scopes[want] {
			t.Errorf("workspace/configuration asked for scopes %v, not %q", scopes, want)
		}
	}
}
