package server_test

import (
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server"
)

func hoverParams(u protocolURI, line, char uint32) *protocol.HoverParams {
	return &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Position:     protocol.Position{Line: line, Character: char},
	}}
}

func TestLifecycle(t *testing.T) {
	s := start(t, server.Options{})
	c := s.client
	u := docURI("a.md")

	// Before initialize: requests answer -32002, notifications are dropped.
	err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 0), nil)
	if got := errorCode(err); got != jsonrpc2.ServerNotInitialized {
		t.Fatalf("hover before initialize: code %d (%v), want %d", got, err, jsonrpc2.ServerNotInitialized)
	}
	if err := c.Open(ctx(t), u, "markdown", 1, "We will liaison."); err != nil {
		t.Fatal(err)
	}

	res, err := c.Initialize(ctx(t), protocol.ClientCapabilities{}, nil)
	if err != nil {
		t.Fatalf("initialize: %v", err)
	}
	caps := res.Capabilities
	if caps.PositionEncoding != protocol.PositionEncodingKindUTF16 {
		t.Errorf("positionEncoding = %q, want utf-16", caps.PositionEncoding)
	}
	sync, ok := caps.TextDocumentSync.(*protocol.TextDocumentSyncOptions)
	if !ok || sync.Change == nil || *sync.Change != protocol.TextDocumentSyncKindIncremental || sync.OpenClose == nil || !*sync.OpenClose {
		t.Errorf("textDocumentSync = %#v, want incremental with open/close", caps.TextDocumentSync)
	}
	if caps.HoverProvider != protocol.Boolean(true) {
		t.Errorf("hoverProvider = %#v", caps.HoverProvider)
	}
	if ca, ok := caps.CodeActionProvider.(*protocol.CodeActionOptions); !ok || len(ca.CodeActionKinds) == 0 {
		t.Errorf("codeActionProvider = %#v", caps.CodeActionProvider)
	}
	if _, ok := caps.DiagnosticProvider.(*protocol.DiagnosticOptions); !ok {
		t.Errorf("diagnosticProvider = %#v", caps.DiagnosticProvider)
	}
	if res.ServerInfo.Name != "liaison" {
		t.Errorf("serverInfo.name = %q", res.ServerInfo.Name)
	}

	// The didOpen before initialize was dropped: the document is unknown.
	var h *protocol.Hover
	if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 9), &h); err != nil || h != nil {
		t.Errorf("hover on a document opened before initialize = %v, %v; want null", h, err)
	}

	// A second initialize is an invalid request.
	err = c.Call(ctx(t), protocol.MethodInitialize, &protocol.InitializeParams{}, nil)
	if got := errorCode(err); got != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: code %d (%v), want %d", got, err, jsonrpc2.InvalidRequest)
	}

	if err := c.Call(ctx(t), protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	err = c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 0), nil)
	if got := errorCode(err); got != jsonrpc2.InvalidRequest {
		t.Errorf("hover after shutdown: code %d (%v), want %d", got, err, jsonrpc2.InvalidRequest)
	}
	if err := c.Notify(ctx(t), protocol.MethodExit, nil); err != nil {
		t.Fatal(err)
	}
	if code := s.exitCode(t); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, nil)
	if err := s.client.Notify(ctx(t), protocol.MethodExit, nil); err != nil {
		t.Fatal(err)
	}
	if code := s.exitCode(t); code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

func TestEndOfInputStops(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, nil)
	s.client.Close()
	if code := s.exitCode(t); code != 1 {
		t.Errorf("end of input without shutdown: code %d, want 1", code)
	}
}

func TestPositionEncodingNegotiation(t *testing.T) {
	tests := []struct {
		offered []protocol.PositionEncodingKind
		want    protocol.PositionEncodingKind
	}{
		{nil, protocol.PositionEncodingKindUTF16},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF16},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8}, protocol.PositionEncodingKindUTF8},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF32, protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF32},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16, protocol.PositionEncodingKindUTF32, protocol.PositionEncodingKindUTF8}, protocol.PositionEncodingKindUTF8},
		{[]protocol.PositionEncodingKind{"utf-7"}, protocol.PositionEncodingKindUTF16},
	}
	for _, tt := range tests {
		s := start(t, server.Options{})
		res, err := s.client.Initialize(ctx(t), protocol.ClientCapabilities{
			General: &protocol.GeneralClientCapabilities{PositionEncodings: tt.offered}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Capabilities.PositionEncoding != tt.want {
			t.Errorf("offered %v: chose %q, want %q", tt.offered, res.Capabilities.PositionEncoding, tt.want)
		}
	}
}

func TestWrongInput(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, nil)
	c := s.client
	tests := []struct {
		name   string
		method string
		params jsonrpc2.RawMessage
		want   jsonrpc2.Code
	}{
		{"unknown request", "liaison/noSuchThing", jsonrpc2.RawMessage(`{}`), jsonrpc2.MethodNotFound},
		{"unknown $ request", "$/noSuchThing", jsonrpc2.RawMessage(`{}`), jsonrpc2.MethodNotFound},
		{"hover params not an object", protocol.MethodTextDocumentHover, jsonrpc2.RawMessage(`[1,2]`), jsonrpc2.InvalidParams},
		{"hover position of the wrong type", protocol.MethodTextDocumentHover, jsonrpc2.RawMessage(`{"textDocument":{"uri":"file:///x"},"position":"here"}`), jsonrpc2.InvalidParams},
		{"code action without a range", protocol.MethodTextDocumentCodeAction, jsonrpc2.RawMessage(`{"textDocument":{"uri":"file:///x"},"range":7,"context":{"diagnostics":[]}}`), jsonrpc2.InvalidParams},
	}
	for _, tt := range tests {
		err := c.Call(ctx(t), tt.method, tt.params, nil)
		if got := errorCode(err); got != tt.want {
			t.Errorf("%s: code %d (%v), want %d", tt.name, got, err, tt.want)
		}
	}
	// Unknown and malformed notifications are ignored: the server carries on.
	for _, n := range []struct {
		method string
		params jsonrpc2.RawMessage
	}{
		{"$/setTrace", jsonrpc2.RawMessage(`{"value":"verbose"}`)},
		{"liaison/whatever", jsonrpc2.RawMessage(`{}`)},
		{protocol.MethodTextDocumentDidOpen, jsonrpc2.RawMessage(`{"textDocument":42}`)},
		{protocol.MethodTextDocumentDidChange, jsonrpc2.RawMessage(`"nonsense"`)},
		{protocol.MethodWorkspaceDidChangeConfiguration, jsonrpc2.RawMessage(`{"settings":{"liaison":{"debounceMs":"soon"}}}`)},
	} {
		if err := c.Notify(ctx(t), n.method, n.params); err != nil {
			t.Fatalf("%s: %v", n.method, err)
		}
	}
	u := docURI("alive.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "They will liaison."); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.WaitVersion(ctx(t), u, 0, 1); err != nil {
		t.Fatalf("server stopped working after wrong input: %v", err)
	}
}

type protocolURI = uri.URI
