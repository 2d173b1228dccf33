package server

import (
	"context"
	"slices"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"liaison/analysis/text"
)

// lifecycleState is where the session is in the LSP lifecycle.
type lifecycleState int

const (
	stateNew          lifecycleState = iota // before initialize
	stateInitializing                       // initialize answered, initialized not yet seen
	stateRunning                            // initialized
	stateShutdown                           // shutdown answered
)

// Version is reported to the client in serverInfo.
const Version = "0.1.0"

// FixAllKind is the code action kind of "fix every finding that has a
// replacement", requested by editors on save.
const FixAllKind protocol.CodeActionKind = "source.fixAll.liaison"

// admit applies the lifecycle rules to an incoming message: before
// initialize, requests answer ServerNotInitialized (-32002) and
// notifications other than exit are dropped; after shutdown, requests
// answer InvalidRequest (-32600).
func (s *Server) admit(method string, isCall bool) error {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == protocol.MethodExit:
		return nil
	case state == stateNew && method != protocol.MethodInitialize:
		return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized")
	case state != stateNew && method == protocol.MethodInitialize:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already received")
	case state == stateShutdown:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shutting down")
	}
	return nil
}

func (s *Server) initialize(ctx context.Context, p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	sess := negotiate(&p.Capabilities)
	s.negotiateProjects(p)
	initial := DefaultSettings()
	if len(p.InitializationOptions) > 0 {
		parsed, err := ParseSettings(initial, p.InitializationOptions)
		if err != nil {
			s.log.Warn("ignoring initializationOptions", zap.Error(err))
		} else {
			initial = parsed
		}
	}

	s.mu.Lock()
	if s.state != stateNew { // a second initialize raced the first
		s.mu.Unlock()
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already received")
	}
	s.state = stateInitializing
	s.session = sess
	s.settings = initial
	s.settingsFromInit = initial
	s.mu.Unlock()
	s.warnUnknownSettings(initial)

	s.log.Info("initialize",
		zap.String("client", p.ClientInfo.Name),
		zap.String("positionEncoding", string(sess.encodingKind)))

	incremental := protocol.TextDocumentSyncKindIncremental
	yes := true
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: sess.encodingKind,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &incremental,
				Save:      protocol.Boolean(true),
			},
			HoverProvider: protocol.Boolean(true),
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{
					protocol.CodeActionKindQuickFix,
					protocol.CodeActionKindSourceFixAll,
					FixAllKind,
					protocol.CodeActionKindRefactorRewrite,
				},
			},
			ExecuteCommandProvider: protocol.ExecuteCommandOptions{Commands: executeCommands}, // spelling.go
			DiagnosticProvider: &protocol.DiagnosticOptions{
				Identifier:            ptr("liaison"),
				InterFileDependencies: false,
				WorkspaceDiagnostics:  false,
			},
		},
		ServerInfo: protocol.ServerInfo{Name: "liaison", Version: protocol.NewOptional(Version)},
	}, nil
}

// negotiate reads what the server needs from the client's capabilities.
func negotiate(caps *protocol.ClientCapabilities) session {
	sess := session{encoding: text.UTF16, encodingKind: protocol.PositionEncodingKindUTF16}
	if caps.General != nil {
		switch offered := caps.General.PositionEncodings; {
		case slices.Contains(offered, protocol.PositionEncodingKindUTF8):
			sess.encoding, sess.encodingKind = text.UTF8, protocol.PositionEncodingKindUTF8
		case slices.Contains(offered, protocol.PositionEncodingKindUTF32):
			sess.encoding, sess.encodingKind = text.UTF32, protocol.PositionEncodingKindUTF32
		}
	}
	if w := caps.Workspace; w != nil {
		sess.configuration = w.Configuration != nil && *w.Configuration
		sess.documentChanges = w.WorkspaceEdit != nil && w.WorkspaceEdit.DocumentChanges != nil && *w.WorkspaceEdit.DocumentChanges
		sess.diagnosticRefresh = w.Diagnostics != nil && w.Diagnostics.RefreshSupport != nil && *w.Diagnostics.RefreshSupport
	}
	if td := caps.TextDocument; td != nil {
		sess.pullDiagnostics = td.Diagnostic != nil
	}
	return sess
}

func (s *Server) initialized(ctx context.Context, _ *protocol.InitializedParams) {
	s.mu.Lock()
	if s.state == stateInitializing {
		s.state = stateRunning
	}
	pull := s.session.configuration
	s.mu.Unlock()
	if pull {
		// A server-to-client call cannot wait on the read loop it runs on.
		go s.fetchConfiguration()
	}
	go s.registerWatchers()
}

func (s *Server) shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.state = stateShutdown
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	for _, d := range docs {
		d.cancelPending()
	}
	s.log.Info("shutdown")
	return nil
}

// exitNow ends Serve: code 0 when shutdown came first, 1 otherwise.
func (s *Server) exitNow() {
	code := s.exitCodeAtEnd()
	s.exitOnce.Do(func() { s.exit <- code })
}

func ptr[T any](v T) *T { return &v }
