package server

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/analysis/text"
)

// MaxLintBytes is the size above which a document is kept in sync but not
// linted: analysing tens of megabytes would hold the CPU and memory for
// seconds on every change. A warning tells the user.
const MaxLintBytes = 8 << 20

// document is one open document and its lint state.
type document struct {
	uri uri.URI

	mu         sync.Mutex
	languageID string
	version    int32
	text       *text.Document
	run        *lintRun    // lint of the current revision and settings
	timer      *time.Timer // pending debounced push
	closed     bool
	tooLarge   atomic.Bool // warned that the document is too large to lint
}

// snapshot returns the current revision and its lint run.
func (d *document) snapshot() (*text.Document, int32, *lintRun) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.text, d.version, d.run
}

// cancelPending stops the debounce timer and the current lint run.
func (d *document) cancelPending() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	if d.run != nil {
		d.run.cancel()
	}
}

func (s *Server) didOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) {
	item := p.TextDocument
	d := &document{
		uri:        item.URI,
		languageID: string(item.LanguageID),
		version:    item.Version,
		text:       text.New(item.Text),
	}
	s.mu.Lock()
	old := s.docs[string(item.URI)]
	s.docs[string(item.URI)] = d
	s.mu.Unlock()
	if old != nil { // reopened without a close: the old state publishes nothing more
		old.mu.Lock()
		old.closed = true
		old.mu.Unlock()
		old.cancelPending()
	}
	s.log.Debug("didOpen", zap.String("uri", string(item.URI)), zap.Int32("version", item.Version),
		zap.String("languageId", d.languageID), zap.Int("bytes", len(item.Text)))
	s.relint(d)
}

func (s *Server) didChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) {
	d := s.document(p.TextDocument.URI)
	if d == nil {
		s.log.Warn("didChange for a document that is not open", zap.String("uri", string(p.TextDocument.URI)))
		return
	}
	enc := s.sess().encoding
	changes := make([]text.Change, 0, len(p.ContentChanges))
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case *protocol.TextDocumentContentChangePartial:
			r := textRange(c.Range)
			changes = append(changes, text.Change{Range: &r, Text: c.Text})
		case *protocol.TextDocumentContentChangeWholeDocument:
			changes = append(changes, text.Change{Text: c.Text})
		}
	}
	d.mu.Lock()
	if p.TextDocument.Version <= d.version {
		current := d.version
		d.mu.Unlock()
		s.log.Warn("ignoring didChange with an old version",
			zap.String("uri", string(p.TextDocument.URI)),
			zap.Int32("version", p.TextDocument.Version), zap.Int32("current", current))
		return
	}
	d.text = d.text.Apply(changes, enc)
	d.version = p.TextDocument.Version
	d.mu.Unlock()
	s.relint(d)
}

func (s *Server) didClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[string(p.TextDocument.URI)]
	delete(s.docs, string(p.TextDocument.URI))
	s.mu.Unlock()
	if d == nil {
		s.log.Debug("didClose for a document that is not open", zap.String("uri", string(p.TextDocument.URI)))
		return
	}
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.cancelPending()
	// Clear the document's diagnostics in the client.
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	s.notify(s.base, protocol.MethodTextDocumentPublishDiagnostics,
		&protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
}

// didSave pushes pending diagnostics at once rather than after the
// debounce: the user paused.
func (s *Server) didSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) {
	s.projectFileSaved(p.TextDocument.URI)
	d := s.document(p.TextDocument.URI)
	if d == nil {
		return
	}
	d.mu.Lock()
	run := d.run
	pending := d.timer != nil && d.timer.Stop()
	d.timer = nil
	d.mu.Unlock()
	if pending && run != nil {
		go s.push(d, run)
	}
}

// document returns the open document at u, or nil.
func (s *Server) document(u uri.URI) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[string(u)]
}

// sess returns what initialize negotiated.
func (s *Server) sess() session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.session
}

func textRange(r protocol.Range) text.Range {
	return text.Range{
		Start: text.Position{Line: int(r.Start.Line), Character: int(r.Start.Character)},
		End:   text.Position{Line: int(r.End.Line), Character: int(r.End.Character)},
	}
}

func textPosition(p protocol.Position) text.Position {
	return text.Position{Line: int(p.Line), Character: int(p.Character)}
}

func lspRange(r text.Range) protocol.Range {
	return protocol.Range{
		Start: protocol.Position{Line: uint32(r.Start.Line), Character: uint32(r.Start.Character)},
		End:   protocol.Position{Line: uint32(r.End.Line), Character: uint32(r.End.Character)},
	}
}
