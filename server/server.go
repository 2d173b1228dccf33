package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"liaison/analysis/text"
	"liaison/rules"
)

// Options configure a Server.
type Options struct {
	// Logger receives the server's log; nil discards it. Warnings and errors
	// also go to the client as window/logMessage.
	Logger *zap.Logger
	// Linter finds the problems in a document; nil uses DefaultLinter.
	Linter Linter
	// Hovers contribute sections to a hover after the rule note (for
	// example a dictionary entry); they may be nil.
	Hovers []HoverSource
}

// Server is one language-server session over one connection. Create it
// with New and run it with Serve.
type Server struct {
	replies afterReply // work waiting on a response (afterreply.go)

	log    *zap.Logger
	linter Linter
	hovers []HoverSource

	conn jsonrpc2.Conn
	// base is the connection-lifetime context for work that outlives a
	// handler (lint runs, configuration fetches).
	base context.Context
	stop context.CancelFunc

	mu       sync.Mutex
	state    lifecycleState
	session  session // negotiated at initialize; read-only afterwards
	settings EditorSettings
	// scopedSettings are the settings of each workspace folder (by path),
	// pulled with workspace/configuration's scopeUri (config.go).
	scopedSettings map[string]EditorSettings
	// settingsFromInit holds initializationOptions, under which
	// workspace/configuration results are layered.
	settingsFromInit EditorSettings
	// configMu guards configFetches, which numbers workspace/configuration
	// fetches, and configApplied, the newest one applied (under configMu),
	// so that a slow older answer never overwrites a newer one.
	configMu                     sync.Mutex
	configFetches, configApplied uint64
	docs                         map[string]*document
	projects                     projectState // .liaison.yaml files in use (projectconfig.go)

	publishMu sync.Mutex // orders publishDiagnostics for each document

	trim idleTrim // gives memory back once the lints pause (memory.go)
	// firstLint holds the collector off during the session's first lint
	// of a small document (memory.go).
	firstLint sync.Once

	// suggestions are the spelling suggestions computed for code actions
	// and hovers (spelling.go).
	suggestions rules.SuggestionCache

	exit     chan int // receives the exit code on "exit"
	exitOnce sync.Once
}

// session is what initialize negotiated with the client.
type session struct {
	encoding          text.Encoding
	encodingKind      protocol.PositionEncodingKind
	documentChanges   bool // client applies versioned documentChanges
	configuration     bool // client answers workspace/configuration
	pullDiagnostics   bool // client pulls textDocument/diagnostic
	diagnosticRefresh bool // client re-pulls on workspace/diagnostic/refresh
}

// New returns a server that has not started serving.
func New(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	s := &Server{
		log:      log,
		linter:   opts.Linter,
		hovers:   opts.Hovers,
		settings: DefaultSettings(),
		docs:     make(map[string]*document),
		exit:     make(chan int, 1),
	}
	s.settingsFromInit = s.settings
	return s
}

// Serve speaks LSP over rwc until the client sends exit, the stream ends,
// or ctx is cancelled. It returns the process exit code the LSP spec asks
// for: 0 when shutdown came before the end, 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	s.base, s.stop = context.WithCancel(context.WithoutCancel(ctx))
	defer s.stop()

	handler, canceller := jsonrpc2.CancelHandler(s.release(s.recoverPanics(s.dispatch)))
	// guardedStream answers malformed messages itself: jsonrpc2's own
	// stream would end the connection on the first one.
	stream := newGuardedStream(rwc, func() *zap.Logger { return s.log })
	stream.replied = s.replied
	s.conn = jsonrpc2.NewConn(stream,
		jsonrpc2.WithCodec(Codec{}),
		jsonrpc2.WithPreempter(cancelPreempter{cancel: canceller}))
	s.log = s.log.WithOptions(zap.WrapCore(func(c zapcore.Core) zapcore.Core { return teeToClient(c, s) }))
	if s.linter == nil {
		// Load the tagger model and rules while the client handshakes.
		s.linter = loadLinter(s.log)
	}
	s.conn.Go(s.base, handler)

	var code int
	select {
	case code = <-s.exit:
	case <-s.conn.Done():
		if err := s.conn.Err(); errors.Is(err, errFraming) {
			s.log.Error("connection ended: the input no longer splits into LSP messages", zap.Error(err))
		} else if err != nil && !errors.Is(err, io.EOF) {
			s.log.Info("connection ended", zap.Error(err))
		}
		code = s.exitCodeAtEnd()
	case <-ctx.Done():
		code = s.exitCodeAtEnd()
	}
	s.stop()
	s.trim.stop()
	// Closing the stream ends the read loop; calling conn.Close from the
	// exit handler would deadlock, so it happens here, after the handler
	// returned, and without waiting on in-flight requests.
	_ = rwc.Close()
	s.log.Sync() //nolint:errcheck // best effort
	return code
}

func (s *Server) exitCodeAtEnd() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == stateShutdown {
		return 0
	}
	return 1
}

// notify sends a notification to the client; failures are logged at debug
// level only, since the client may be gone.
func (s *Server) notify(ctx context.Context, method string, params any) {
	if err := s.conn.Notify(ctx, method, params); err != nil {
		s.log.Debug("notify failed", zap.String("method", method), zap.Error(err))
	}
}

// call sends a request to the client and decodes its result.
func (s *Server) call(ctx context.Context, method string, params, result any) error {
	if _, err := s.conn.Call(ctx, method, params, result); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}
