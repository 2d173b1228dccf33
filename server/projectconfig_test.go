package server_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"liaison/analysis/text"
	"liaison/server"
)

// recordingClient is a client that records what the server sends it:
// diagnostics by document, shown messages and capability registrations.
type recordingClient struct {
	conn jsonrpc2.Conn

	mu       sync.Mutex
	changed  chan struct{}
	diags    map[uri.URI]*protocol.PublishDiagnosticsParams
	shown    []protocol.ShowMessageParams
	register []protocol.Registration
}

func startRecording(t *testing.T) *recordingClient {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	c, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	srv := server.New(server.Options{Linter: fakeLinter{}, Logger: zaptest.NewLogger(t, zaptest.Level(zap.ErrorLevel))})
	go func() { srv.Serve(c, serverEnd); close(done) }()
	rc := &recordingClient{changed: make(chan struct{}), diags: map[uri.URI]*protocol.PublishDiagnosticsParams{}}
	rc.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientEnd), jsonrpc2.WithCodec(server.Codec{}))
	rc.conn.Go(c, rc.handle)
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		<-done
	})
	return rc
}

func (rc *recordingClient) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	rc.mu.Lock()
	defer func() {
		close(rc.changed)
		rc.changed = make(chan struct{})
		rc.mu.Unlock()
	}()
	switch req.Method() {
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p protocol.PublishDiagnosticsParams
		if protocol.Unmarshal(req.Params(), &p) == nil {
			rc.diags[p.URI] = &p
		}
	case protocol.MethodWindowShowMessage:
		var p protocol.ShowMessageParams
		if protocol.Unmarshal(req.Params(), &p) == nil {
			rc.shown = append(rc.shown, p)
		}
	case protocol.MethodClientRegisterCapability:
		var p protocol.RegistrationParams
		if protocol.Unmarshal(req.Params(), &p) == nil {
			rc.register = append(rc.register, p.Registrations...)
		}
		return nil, nil
	}
	if req.IsCall() {
		return nil, jsonrpc2.ErrMethodNotFound
	}
	return nil, nil
}

// waitFor waits until ok holds of what was recorded.
func (rc *recordingClient) waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.After(testTimeout)
	for {
		rc.mu.Lock()
		done, ch := ok(), rc.changed
		rc.mu.Unlock()
		if done {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func (rc *recordingClient) call(t *testing.T, method string, params, result any) {
	t.Helper()
	if _, err := rc.conn.Call(ctx(t), method, params, result); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func (rc *recordingClient) notify(t *testing.T, method string, params any) {
	t.Helper()
	if err := rc.conn.Notify(ctx(t), method, params); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func (rc *recordingClient) initialize(t *testing.T, root string, createFiles bool) {
	t.Helper()
	yes := true
	caps := protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{
		DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes},
		WorkspaceEdit:         &protocol.WorkspaceEditClientCapabilities{DocumentChanges: &yes},
	}}
	if createFiles {
		caps.Workspace.WorkspaceEdit.ResourceOperations = []protocol.ResourceOperationKind{protocol.ResourceOperationKindCreate}
	}
	params := &protocol.InitializeParams{Capabilities: caps, InitializationOptions: protocol.LSPAny(`{"debounceMs": 0}`)}
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(root), Name: "ws"}})
	var res protocol.InitializeResult
	rc.call(t, protocol.MethodInitialize, params, &res)
	rc.notify(t, protocol.MethodInitialized, &protocol.InitializedParams{})
}

func (rc *recordingClient) open(t *testing.T, u uri.URI, lang, src string) {
	t.Helper()
	rc.notify(t, protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(lang), Version: 1, Text: src,
	}})
}

// severities returns the severity of each diagnostic published for u.
func (rc *recordingClient) severities(u uri.URI) []protocol.DiagnosticSeverity {
	p := rc.diags[u]
	if p == nil {
		return nil
	}
	var out []protocol.DiagnosticSeverity
	for _, d := range p.Diagnostics {
		out = append(out, d.Severity)
	}
	return out
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestProjectConfigReload(t *testing.T) {
	ws := t.TempDir()
	config := filepath.Join(ws, ".liaison.yaml")
	writeFile(t, config, "rules:\n  liaison-verb: error\n")
	doc := uri.File(filepath.Join(ws, "docs", "a.md"))

	rc := startRecording(t)
	rc.initialize(t, ws, false)
	rc.waitFor(t, "the watcher registration", func() bool {
		return len(rc.register) == 1 && rc.register[0].Method == protocol.MethodWorkspaceDidChangeWatchedFiles &&
			strings.Contains(string(rc.register[0].RegisterOptions), ".liaison.yaml")
	})

	rc.open(t, doc, "markdown", "We will liaison with them.\n")
	rc.waitFor(t, "an error from the configuration", func() bool {
		s := rc.severities(doc)
		return len(s) == 1 && s[0] == protocol.DiagnosticSeverityError
	})

	// An invalid configuration: a message, and the last valid one stays.
	writeFile(t, config, "rules:\n  liaison-verb: loud\n")
	rc.notify(t, protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(config), Type: protocol.FileChangeTypeChanged}},
	})
	rc.waitFor(t, "a message about the configuration", func() bool {
		return len(rc.shown) == 1 && rc.shown[0].Type == protocol.MessageTypeError &&
			strings.Contains(rc.shown[0].Message, ".liaison.yaml:2:17: rule liaison-verb: want off, on or a severity")
	})
	rc.mu.Lock()
	if s := rc.severities(doc); len(s) != 1 || s[0] != protocol.DiagnosticSeverityError {
		t.Errorf("after an invalid change, severities %v: the last valid configuration should stay", s)
	}
	rc.mu.Unlock()

	// The configuration open in the editor shows its problems where they are.
	configURI := uri.File(config)
	rc.open(t, configURI, "yaml", "rules:\n  liaison-verb: loud\nnope: 1\n")
	rc.waitFor(t, "diagnostics on the configuration", func() bool {
		p := rc.diags[configURI]
		if p == nil || len(p.Diagnostics) != 2 {
			return false
		}
		d0, d1 := p.Diagnostics[0], p.Diagnostics[1]
		return d0.Range.Start == protocol.Position{Line: 1, Character: 16} && d0.Severity == protocol.DiagnosticSeverityError &&
			d1.Range.Start == protocol.Position{Line: 2, Character: 0} && d1.Code == protocol.String(server.ConfigRuleID)
	})

	// Fixed on disk: reloaded, and the document re-linted.
	writeFile(t, config, "rules:\n  liaison-verb: off\n")
	rc.notify(t, protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: configURI, Type: protocol.FileChangeTypeChanged}},
	})
	rc.waitFor(t, "the rule turned off", func() bool {
		p := rc.diags[doc]
		return p != nil && len(p.Diagnostics) == 0
	})
}

func TestDirectivesInTheServer(t *testing.T) {
	ws := t.TempDir()
	rc := startRecording(t)
	rc.initialize(t, ws, false)
	doc := uri.File(filepath.Join(ws, "a.md"))
	rc.open(t, doc, "markdown", "<!-- liaison-disable-next-line liaison-verb -->\nWe will liaison.\n\n<!-- liaison-disable nope -->\nAnd they liaison.\n")
	rc.waitFor(t, "the directive diagnostics", func() bool {
		p := rc.diags[doc]
		if p == nil || len(p.Diagnostics) != 2 {
			return false
		}
		unknown, kept := p.Diagnostics[0], p.Diagnostics[1]
		return unknown.Code == protocol.String("liaison-directive") && unknown.Range.Start == protocol.Position{Line: 3, Character: 21} &&
			kept.Code == protocol.String("liaison-verb") && kept.Range.Start.Line == 4
	})
	plain := uri.File(filepath.Join(ws, "b.txt"))
	rc.open(t, plain, "plaintext", "liaison-disable-next-line liaison-verb\nwe liaison\nthey liaison\n")
	rc.waitFor(t, "plain-text directive", func() bool {
		p := rc.diags[plain]
		return p != nil && len(p.Diagnostics) == 1 && p.Diagnostics[0].Range.Start.Line == 2
	})
}

// actionsByTitle asks for the quick fixes at the first "liaison" in src.
func actionsByTitle(t *testing.T, rc *recordingClient, u uri.URI, src string) map[string]*protocol.CodeAction {
	t.Helper()
	r := rangeOfWord(t, src, "liaison", protocol.PositionEncodingKindUTF16)
	var raw []protocol.CommandOrCodeAction
	rc.call(t, protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: r,
		Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, Only: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
	}, &raw)
	out := map[string]*protocol.CodeAction{}
	for _, a := range raw {
		if ca, ok := a.(*protocol.CodeAction); ok && strings.HasPrefix(ca.Title, "Disable ") {
			out[ca.Title] = ca
		}
	}
	return out
}

func TestDisableActions(t *testing.T) {
	src := "---\ntitle: x\n---\n# Notes\n\n  We will liaison with them.\n"
	for _, create := range []bool{true, false} {
		name := map[bool]string{true: "with resource operations", false: "without"}[create]
		t.Run(name, func(t *testing.T) {
			ws := t.TempDir()
			rc := startRecording(t)
			rc.initialize(t, ws, create)
			u := uri.File(filepath.Join(ws, "a.md"))
			rc.open(t, u, "markdown", src)
			rc.waitFor(t, "diagnostics", func() bool { return rc.diags[u] != nil && len(rc.diags[u].Diagnostics) == 1 })

			actions := actionsByTitle(t, rc, u, src)
			line, doc := actions["Disable liaison-verb for this line"], actions["Disable liaison-verb for this document"]
			if line == nil || doc == nil {
				t.Fatalf("actions %v", actions)
			}
			edits, _ := editsOf(t, line.Edit, u)
			if got := applyEdits(t, src, edits, text.UTF16); got != "---\ntitle: x\n---\n# Notes\n\n  <!-- liaison-disable-next-line liaison-verb -->\n  We will liaison with them.\n" {
				t.Errorf("line action gives\n%s", got)
			}
			edits, _ = editsOf(t, doc.Edit, u)
			if got := applyEdits(t, src, edits, text.UTF16); got != "---\ntitle: x\n---\n<!-- liaison-disable liaison-verb -->\n# Notes\n\n  We will liaison with them.\n" {
				t.Errorf("document action gives\n%s", got)
			}

			config := filepath.Join(ws, ".liaison.yaml")
			project := actions["Disable liaison-verb in this project"]
			if !create {
				if project != nil {
					t.Errorf("a client that cannot create files was offered %+v", project)
				}
				// With the file there, a plain edit of it.
				writeFile(t, config, "ignore: [vendor]\n")
				project = actionsByTitle(t, rc, u, src)["Disable liaison-verb in this project"]
				if project == nil {
					t.Fatal("no project action with an existing configuration")
				}
				edits, _ := editsOf(t, project.Edit, uri.File(config))
				if got := applyEdits(t, "ignore: [vendor]\n", edits, text.UTF16); got != "ignore: [vendor]\nrules:\n  liaison-verb: off\n" {
					t.Errorf("project action gives\n%s", got)
				}
				return
			}
			if project == nil {
				t.Fatalf("no project action: %v", actions)
			}
			changes := project.Edit.DocumentChanges
			if len(changes) != 2 {
				t.Fatalf("document changes %#v", changes)
			}
			cf, ok := changes[0].(*protocol.CreateFile)
			if !ok || cf.URI != uri.File(config) || cf.Options == nil || cf.Options.IgnoreIfExists == nil || !*cf.Options.IgnoreIfExists {
				t.Errorf("first change %#v, want a CreateFile of %s", changes[0], config)
			}
			tde, ok := changes[1].(*protocol.TextDocumentEdit)
			if !ok || tde.TextDocument.URI != uri.File(config) || len(tde.Edits) != 1 {
				t.Fatalf("second change %#v", changes[1])
			}
			if te := tde.Edits[0].(*protocol.TextEdit); te.NewText != "rules:\n  liaison-verb: off\n" {
				t.Errorf("new configuration %q", te.NewText)
			}
		})
	}
}
