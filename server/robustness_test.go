package server_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"liaison/server"
)

func TestSettings(t *testing.T) {
	u := docURI("settings.md")
	src := "They will liaison. Please utilize it."
	severity := func(p *protocol.PublishDiagnosticsParams, code string) protocol.DiagnosticSeverity {
		for _, d := range p.Diagnostics {
			if d.Code == protocol.String(code) {
				return d.Severity
			}
		}
		return 0
	}
	tests := []struct {
		name         string
		initOptions  any
		wantVerb     protocol.DiagnosticSeverity // 0: absent
		wantUtilize  protocol.DiagnosticSeverity
		wantLogError bool
	}{
		{"defaults", map[string]any{"debounceMs": 0}, protocol.DiagnosticSeverityWarning, protocol.DiagnosticSeverityHint, false},
		{"rule off", map[string]any{"debounceMs": 0, "rules": map[string]any{"liaison-verb": false}}, 0, protocol.DiagnosticSeverityHint, false},
		{"severity override", map[string]any{"debounceMs": 0, "rules": map[string]any{"liaison-verb": "error", "utilize": "info"}}, protocol.DiagnosticSeverityError, protocol.DiagnosticSeverityInformation, false},
		{"category off", map[string]any{"debounceMs": 0, "categories": map[string]any{"preferred-form": false}}, protocol.DiagnosticSeverityWarning, 0, false},
		{"under a liaison key", map[string]any{"liaison": map[string]any{"debounceMs": 0, "rules": map[string]any{"utilize": false}}}, protocol.DiagnosticSeverityWarning, 0, false},
		{"bad severity is ignored and reported", map[string]any{"debounceMs": 0, "rules": map[string]any{"liaison-verb": "loud"}}, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, tt.initOptions)
			if err := s.client.Open(ctx(t), u, "markdown", 1, src); err != nil {
				t.Fatal(err)
			}
			if tt.wantLogError {
				if _, err := s.client.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool {
					return l.Type == protocol.MessageTypeWarning && strings.Contains(l.Message, "loud")
				}); err != nil {
					t.Fatal(err)
				}
				return
			}
			p, _, err := s.client.WaitVersion(ctx(t), u, 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			if got := severity(p, "liaison-verb"); got != tt.wantVerb {
				t.Errorf("liaison-verb severity %d, want %d", got, tt.wantVerb)
			}
			if got := severity(p, "utilize"); got != tt.wantUtilize {
				t.Errorf("utilize severity %d, want %d", got, tt.wantUtilize)
			}
		})
	}
}

func TestConfigurationChangesRelint(t *testing.T) {
	yes := true
	caps := protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{Configuration: &yes}}
	s := start(t, server.Options{})
	c := s.client
	// workspace/configuration is layered over initializationOptions.
	if err := c.SetSettings(map[string]any{"rules": map[string]any{"utilize": false}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Initialize(ctx(t), caps, map[string]any{"debounceMs": 0}); err != nil {
		t.Fatal(err)
	}
	u := docURI("config.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "They will liaison. Please utilize it."); err != nil {
		t.Fatal(err)
	}
	onlyVerb := func(p *protocol.PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == protocol.String("liaison-verb")
	}
	if _, _, err := c.WaitDiagnostics(ctx(t), u, 0, onlyVerb); err != nil {
		t.Fatalf("settings from workspace/configuration not applied: %v", err)
	}
	// didChangeConfiguration makes the server pull again and re-lint.
	if err := c.SetSettings(map[string]any{"rules": map[string]any{"liaison-verb": false}}); err != nil {
		t.Fatal(err)
	}
	n := c.DiagnosticsCount()
	if err := c.Notify(ctx(t), protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{Settings: []byte("null")}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.WaitDiagnostics(ctx(t), u, n, func(p *protocol.PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == protocol.String("utilize")
	}); err != nil {
		t.Fatalf("configuration change did not re-lint: %v", err)
	}
	if c.ConfigurationCalls() < 2 {
		t.Errorf("workspace/configuration asked %d times, want 2", c.ConfigurationCalls())
	}
}

// TestConfigurationChangeRefreshesPull: a client that pulls diagnostics
// is asked to pull again after a settings change, and the pull then shows
// the new settings.
func TestConfigurationChangeRefreshesPull(t *testing.T) {
	yes := true
	caps := protocol.ClientCapabilities{
		Workspace: &protocol.WorkspaceClientCapabilities{
			Configuration: &yes,
			Diagnostics:   &protocol.DiagnosticWorkspaceClientCapabilities{RefreshSupport: &yes},
		},
		TextDocument: &protocol.TextDocumentClientCapabilities{Diagnostic: &protocol.DiagnosticClientCapabilities{}},
	}
	s := start(t, server.Options{})
	c := s.client
	if _, err := c.Initialize(ctx(t), caps, map[string]any{"debounceMs": 0}); err != nil {
		t.Fatal(err)
	}
	u := docURI("refresh.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "They will liaison."); err != nil {
		t.Fatal(err)
	}
	pull := func() []protocol.Diagnostic {
		t.Helper()
		var rep protocol.DocumentDiagnosticReport
		if err := c.Call(ctx(t), protocol.MethodTextDocumentDiagnostic, &protocol.DocumentDiagnosticParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &rep); err != nil {
			t.Fatal(err)
		}
		full, ok := rep.(*protocol.RelatedFullDocumentDiagnosticReport)
		if !ok {
			t.Fatalf("pull: %#v", rep)
		}
		return full.Items
	}
	// The settings fetched after initialized are applied with a refresh.
	n, err := c.WaitRefresh(ctx(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := pull(); len(got) != 1 {
		t.Fatalf("before the change: %d diagnostics, want 1", len(got))
	}
	if err := c.SetSettings(map[string]any{"rules": map[string]any{"liaison-verb": false}}); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify(ctx(t), protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{Settings: []byte("null")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitRefresh(ctx(t), n); err != nil {
		t.Fatal(err)
	}
	if got := pull(); len(got) != 0 {
		t.Errorf("after turning the rule off and the refresh: %+v", got)
	}
}

func TestPushedConfiguration(t *testing.T) {
	// A client without workspace/configuration pushes its settings.
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("pushed.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "They will liaison."); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.WaitVersion(ctx(t), u, 0, 1); err != nil {
		t.Fatal(err)
	}
	n := c.DiagnosticsCount()
	settings := []byte(`{"liaison":{"rules":{"liaison-verb":"error"}}}`)
	if err := c.Notify(ctx(t), protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{Settings: settings}); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitDiagnostics(ctx(t), u, n, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Severity != protocol.DiagnosticSeverityError {
		t.Errorf("after didChangeConfiguration: %+v", p.Diagnostics)
	}
}

// rawConn speaks JSON-RPC frames directly, for tests that need to choose
// request ids.
type rawConn struct {
	t      *testing.T
	stream jsonrpc2.Stream
}

func rawSession(t *testing.T, opts server.Options) *rawConn {
	t.Helper()
	if opts.Linter == nil {
		opts.Linter = fakeLinter{}
	}
	serverEnd, clientEnd := net.Pipe()
	c, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { server.New(opts).Serve(c, serverEnd); close(done) }()
	t.Cleanup(func() { cancel(); clientEnd.Close(); <-done })
	rc := &rawConn{t: t, stream: jsonrpc2.NewStream(clientEnd)}
	rc.send(jsonrpc2.NewCall(jsonrpc2.NewNumberID(1), protocol.MethodInitialize, jsonrpc2.RawMessage(`{"capabilities":{}}`)))
	rc.response(1)
	rc.send(jsonrpc2.NewNotification(protocol.MethodInitialized, jsonrpc2.RawMessage(`{}`)))
	return rc
}

func (r *rawConn) send(m jsonrpc2.Message) {
	r.t.Helper()
	if _, err := r.stream.Write(context.Background(), m); err != nil {
		r.t.Fatal(err)
	}
}

// response reads until the response to id, skipping notifications.
func (r *rawConn) response(id int64) *jsonrpc2.Response {
	r.t.Helper()
	deadline := time.Now().Add(testTimeout)
	for time.Now().Before(deadline) {
		m, _, err := r.stream.Read(context.Background())
		if err != nil {
			r.t.Fatal(err)
		}
		if resp, ok := m.(*jsonrpc2.Response); ok {
			if n, _ := resp.ID().Number(); n == id {
				return resp
			}
		}
	}
	r.t.Fatalf("no response to %d", id)
	return nil
}

func TestCancelRequest(t *testing.T) {
	r := rawSession(t, server.Options{})
	u := docURI("slow.md")
	r.send(jsonrpc2.NewNotification(protocol.MethodTextDocumentDidOpen, jsonrpc2.RawMessage(
		fmt.Sprintf(`{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":"SLOW to lint"}}`, u))))
	// The pull waits on the slow lint; cancel it by id.
	r.send(jsonrpc2.NewCall(jsonrpc2.NewNumberID(7), protocol.MethodTextDocumentDiagnostic, jsonrpc2.RawMessage(
		fmt.Sprintf(`{"textDocument":{"uri":%q}}`, u))))
	// Another request still answers meanwhile: requests run concurrently.
	r.send(jsonrpc2.NewCall(jsonrpc2.NewStringID("other"), "liaison/unknown", nil))
	r.send(jsonrpc2.NewCall(jsonrpc2.NewNumberID(8), protocol.MethodTextDocumentHover, jsonrpc2.RawMessage(
		`{"textDocument":{"uri":"file:///not/open.md"},"position":{"line":0,"character":0}}`)))
	if resp := r.response(8); resp.Err() != nil {
		t.Fatalf("hover while another request waits: %v", resp.Err())
	}
	r.send(jsonrpc2.NewNotification(protocol.MethodCancelRequest, jsonrpc2.RawMessage(`{"id":7}`)))
	resp := r.response(7)
	if got := errorCode(resp.Err()); got != protocol.CodeRequestCancelled {
		t.Fatalf("cancelled request answered %v (code %d), want RequestCancelled", resp.Err(), got)
	}
}

type panickyHover struct{}

func (panickyHover) Hover(_ context.Context, at server.HoverRequest) (server.HoverSection, bool) {
	if strings.Contains(at.Text.Text(), "PANIC") {
		panic("hover source exploded")
	}
	return server.HoverSection{}, false
}

func TestPanicIsRecovered(t *testing.T) {
	s := initialized(t, server.Options{Hovers: []server.HoverSource{panickyHover{}}}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("panic.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "PANIC now"); err != nil {
		t.Fatal(err)
	}
	err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 1), nil)
	if got := errorCode(err); got != jsonrpc2.InternalError {
		t.Fatalf("panicking hover answered %v (code %d), want InternalError", err, got)
	}
	if _, err := c.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool {
		return l.Type == protocol.MessageTypeError && strings.Contains(l.Message, "exploded")
	}); err != nil {
		t.Errorf("panic not reported to the client: %v", err)
	}
	// The server carries on.
	if err := c.Change(ctx(t), u, 2, nil, "They will liaison."); err != nil {
		t.Fatal(err)
	}
	if p, _, err := c.WaitVersion(ctx(t), u, 0, 2); err != nil || len(p.Diagnostics) != 1 {
		t.Fatalf("after a panic: %v %+v", err, p)
	}
	var h *protocol.Hover
	if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 11), &h); err != nil || h == nil {
		t.Fatalf("hover after a panic: %v %v", h, err)
	}
}

func TestLinterPanicIsRecovered(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("lint-panic.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "LINT-PANIC"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool {
		return l.Type == protocol.MessageTypeError && strings.Contains(l.Message, "linter exploded")
	}); err != nil {
		t.Fatalf("linter panic not reported: %v", err)
	}
	// A request that needs the lint answers an internal error, not a hang.
	err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 1), nil)
	if got := errorCode(err); got != jsonrpc2.InternalError {
		t.Errorf("hover after a linter panic: %v (code %d), want InternalError", err, got)
	}
	if err := c.Change(ctx(t), u, 2, nil, "We will liaison."); err != nil {
		t.Fatal(err)
	}
	if p, _, err := c.WaitVersion(ctx(t), u, 0, 2); err != nil || len(p.Diagnostics) != 1 {
		t.Fatalf("after a linter panic: %v %+v", err, p)
	}
}

func TestBadDocumentInput(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("bad.md")

	// didChange for a document never opened: ignored, with a warning.
	if err := c.Change(ctx(t), u, 2, nil, "They will liaison."); err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool { return strings.Contains(l.Message, "not open") }); err != nil {
		t.Error(err)
	}

	if err := c.Open(ctx(t), u, "markdown", 5, "They will liaison."); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.WaitVersion(ctx(t), u, 0, 5); err != nil {
		t.Fatal(err)
	}
	// An older version is ignored: the document keeps version 5's text.
	if err := c.Change(ctx(t), u, 4, nil, "Nothing here."); err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool { return strings.Contains(l.Message, "old version") }); err != nil {
		t.Error(err)
	}
	var h *protocol.Hover
	if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 12), &h); err != nil || h == nil {
		t.Errorf("hover after an old-version change: %v, %v (the change was applied?)", h, err)
	}

	// Edits with positions beyond the document clamp instead of failing.
	far := protocol.Range{Start: protocol.Position{Line: 40, Character: 9}, End: protocol.Position{Line: 99, Character: 0}}
	if err := c.Change(ctx(t), u, 6, &far, " We will liaison."); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx(t), u, 0, 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 2 {
		t.Errorf("after an edit beyond the end: %+v", p.Diagnostics)
	}

	// Invalid UTF-8 in didOpen: the document still opens and is linted.
	bad := docURI("invalid-utf8.md")
	raw := append([]byte(fmt.Sprintf(`{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":"caf`, bad)), 0xE9, 0xFF)
	raw = append(raw, []byte(` then we will liaison."}}`)...)
	if err := c.Notify(ctx(t), protocol.MethodTextDocumentDidOpen, jsonrpc2.RawMessage(raw)); err != nil {
		t.Fatal(err)
	}
	p, _, err = c.WaitVersion(ctx(t), bad, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 1 {
		t.Errorf("document with invalid UTF-8: %+v", p.Diagnostics)
	}

	// An unknown language id is read as plain text.
	other := docURI("notes.rst")
	if err := c.Open(ctx(t), other, "restructuredtext", 1, "We will liaison."); err != nil {
		t.Fatal(err)
	}
	if p, _, err := c.WaitVersion(ctx(t), other, 0, 1); err != nil || len(p.Diagnostics) != 1 {
		t.Errorf("unknown language: %v %+v", err, p)
	}
}

func TestHugeDocument(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("huge.md")
	huge := strings.Repeat("They will liaison with the team every week. ", 20<<20/45)
	if err := c.Open(ctx(t), u, "markdown", 1, huge); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 0 {
		t.Errorf("a %d MB document was linted (%d diagnostics); want it skipped", len(huge)>>20, len(p.Diagnostics))
	}
	if _, err := c.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool { return strings.Contains(l.Message, "too large") }); err != nil {
		t.Error(err)
	}
	// The server still answers, and edits to the big document apply.
	end := protocol.Position{Line: 0, Character: uint32(len(huge))}
	if err := c.Change(ctx(t), u, 2, &protocol.Range{Start: end, End: end}, "x"); err != nil {
		t.Fatal(err)
	}
	var h *protocol.Hover
	if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 3), &h); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.WaitVersion(ctx(t), u, 0, 2); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range c.Logs() {
		if strings.Contains(l.Message, "too large") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("warned %d times that the document is too large, want once", n)
	}
}

// TestUnknownRuleInSettings: a rule id or category the server does not
// know is reported to the client (window/logMessage), not silently ignored.
func TestUnknownRuleInSettings(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	settings := []byte(`{"liaison":{"rules":{"liaison-verbb":false,"alot":"hint"},"categories":{"redundancies":false}}}`)
	if err := c.Notify(ctx(t), protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{Settings: settings}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"liaison-verbb"`, `"redundancies"`} {
		if _, err := c.WaitLog(ctx(t), func(l protocol.LogMessageParams) bool {
			return strings.Contains(l.Message, name) && l.Type == protocol.MessageTypeWarning
		}); err != nil {
			t.Errorf("no warning naming %s: %v", name, err)
		}
	}
	for _, l := range c.Logs() {
		if strings.Contains(l.Message, `"alot"`) {
			t.Errorf("known rule reported as unknown: %q", l.Message)
		}
	}
}
