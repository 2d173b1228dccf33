package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
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
	// outOfSync: a change was refused, so text is not the editor's; the
	// document is also closed until the editor sends its whole text.
	outOfSync bool
	tooLarge  atomic.Bool // warned that the document is too large to lint
}

// snapshot returns the current revision and its lint run.
func (d *document) snapshot() (*text.Document, int32, *lintRun) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.text, d.version, d.run
}

// isOutOfSync reports whether a change to d was refused, so that its text
// is not the editor's (see outOfSync).
func (d *document) isOutOfSync() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.outOfSync
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
	// The URI and language id are copied: the decoder's strings point
	// into its copy of the whole message, text and all, which a document
	// kept for its lifetime would keep alive (1.2 MB for the Rust Book,
	// whose text, having escapes, is decoded into a string of its own).
	d := &document{
		uri:        uri.URI(strings.Clone(string(item.URI))),
		languageID: strings.Clone(string(item.LanguageID)),
		version:    item.Version,
		text:       text.New(item.Text),
	}
	s.mu.Lock()
	old := s.docs[string(d.uri)]
	s.docs[string(d.uri)] = d
	s.mu.Unlock()
	if old != nil { // reopened without a close: the old state publishes nothing more
		old.mu.Lock()
		old.closed = true
		old.mu.Unlock()
		old.cancelPending()
	}
	s.log.Debug("didOpen", zap.String("uri", string(item.URI)), zap.Int32("version", item.Version),
		zap.String("languageId", d.languageID), zap.Int("bytes", len(item.Text)))
	s.lookupProject(d) // in the background: the lint waits for it
	s.relint(d)
}

// didChangeRaw applies a didChange. Its params are decoded here, strictly
// (decodeDidChange), not by protocol's union decoder, which reads any
// change whose range does not decode (a negative line, a string, null, {})
// as a whole-document change or an insert at 0:0, silently replacing the
// document with a fragment.
//
// A notification with any invalid change is refused whole: applying only
// the changes before the bad one would leave a text the editor never had.
// LSP has no way to ask the editor for its text again, so from then on the
// server's copy is known to differ from the editor's: the document is put
// out of sync (outOfSync), which clears its diagnostics and makes it
// answer nothing — no diagnostics, fixes or hovers computed on the wrong
// text — until the editor sends the whole text, in a change without a
// range or by reopening it. The refusal is logged as an error, which the
// editor shows (window/logMessage).
func (s *Server) didChangeRaw(ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
	p, err := decodeDidChange(raw)
	if err != nil && p.uri == "" {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid didChange params: %v", err)
	}
	d := s.document(p.uri)
	if d == nil {
		s.log.Warn("didChange for a document that is not open", zap.String("uri", string(p.uri)))
		return nil, nil
	}
	if err != nil {
		s.putOutOfSync(d, p.version, err)
		return nil, nil
	}
	s.didChange(d, p)
	return nil, nil
}

// didChangeParams is a decoded didChange.
type didChangeParams struct {
	uri     uri.URI
	version int32
	changes []text.Change
}

func (s *Server) didChange(d *document, p didChangeParams) {
	enc := s.sess().encoding
	d.mu.Lock()
	if p.version <= d.version {
		current := d.version
		d.mu.Unlock()
		s.log.Warn("ignoring didChange with an old version",
			zap.String("uri", string(p.uri)),
			zap.Int32("version", p.version), zap.Int32("current", current))
		return
	}
	if d.outOfSync {
		full := slices.IndexFunc(p.changes, func(c text.Change) bool { return c.Range == nil })
		if full < 0 {
			d.mu.Unlock()
			s.log.Debug("ignoring an edit to a document that is out of sync", zap.String("uri", string(p.uri)), zap.Int32("version", p.version))
			return
		}
		// The editor sent its whole text: back in sync, as after a reopen.
		d.mu.Unlock()
		fresh := &document{
			uri:        d.uri,
			languageID: d.languageID,
			version:    p.version,
			text:       text.New("").Apply(p.changes[full:], enc),
		}
		s.mu.Lock()
		if s.docs[string(d.uri)] == d {
			s.docs[string(d.uri)] = fresh
		}
		s.mu.Unlock()
		s.log.Info("document back in sync", zap.String("uri", string(d.uri)), zap.Int32("version", p.version))
		s.relint(fresh)
		return
	}
	d.text = d.text.Apply(p.changes, enc)
	d.version = p.version
	d.mu.Unlock()
	s.relint(d)
}

// putOutOfSync records that d's text no longer matches the editor's
// because the change to version could not be applied (why): see
// didChangeRaw.
func (s *Server) putOutOfSync(d *document, version int32, why error) {
	d.mu.Lock()
	already := d.outOfSync
	d.outOfSync = true
	d.closed = true // its lint state publishes and answers nothing more
	kept := d.version
	d.mu.Unlock()
	d.cancelPending()
	d.mu.Lock()
	d.run = nil
	d.mu.Unlock()
	if already {
		s.log.Debug("refused a didChange to a document already out of sync", zap.String("uri", string(d.uri)), zap.Error(why))
		return
	}
	s.log.Error("refused a didChange with an invalid content change; the document was left as it was, "+
		"so liaison's copy no longer matches the editor's: it shows no diagnostics or fixes for it "+
		"until the document is closed and reopened",
		zap.String("uri", string(d.uri)), zap.Int32("version", version),
		zap.Int32("kept version", kept), zap.Error(why))
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	s.notify(s.base, protocol.MethodTextDocumentPublishDiagnostics,
		&protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
}

// decodeDidChange decodes didChange params strictly: the identifier must
// have a string uri and an int32 version; contentChanges must be an array
// of objects each with a string text and either no "range" member (the
// whole document) or a range whose positions are non-negative integers
// below 2^32 and whose end is not before its start; a "rangeLength", if
// given, must be such an integer too (it is otherwise ignored: the range
// says what is replaced). Unknown members are ignored. When the error
// concerns a change, the uri and version are filled in.
func decodeDidChange(raw []byte) (didChangeParams, error) {
	var p didChangeParams
	params, err := objectMembers(raw)
	if err != nil {
		return p, fmt.Errorf("params: %w", err)
	}
	td, err := objectMembers(params["textDocument"])
	if err != nil {
		return p, fmt.Errorf("textDocument: %w", err)
	}
	u, err := unquote(td["uri"])
	if err != nil || u == "" {
		return p, errors.New("textDocument.uri is not a non-empty string")
	}
	version, err := strconv.ParseInt(string(td["version"]), 10, 32)
	if err != nil {
		return p, fmt.Errorf("textDocument.version %s is not a 32-bit integer", clip(td["version"], 30))
	}
	p.uri = uri.URI(u)
	p.version = int32(version)
	changes, err := arrayElements(params["contentChanges"])
	if err != nil {
		return p, fmt.Errorf("contentChanges: %w", err)
	}
	p.changes = make([]text.Change, 0, len(changes))
	for i, raw := range changes {
		c, err := decodeContentChange(raw)
		if err != nil {
			return p, fmt.Errorf("contentChanges[%d]: %w", i, err)
		}
		p.changes = append(p.changes, c)
	}
	return p, nil
}

func decodeContentChange(raw json.RawMessage) (text.Change, error) {
	var c text.Change
	m, err := objectMembers(raw)
	if err != nil {
		return c, err
	}
	t, ok := m["text"]
	if !ok {
		return c, errors.New("text is missing")
	}
	if c.Text, err = unquote(t); err != nil {
		return c, fmt.Errorf("text: %w", err)
	}
	if rl, ok := m["rangeLength"]; ok {
		if _, err := uinteger(rl); err != nil {
			return c, fmt.Errorf("rangeLength: %w", err)
		}
	}
	r, ok := m["range"]
	if !ok {
		return c, nil // the whole document
	}
	rng, err := decodeRange(r)
	if err != nil {
		return c, fmt.Errorf("range: %w", err)
	}
	c.Range = &rng
	return c, nil
}

// decodeRange decodes an LSP Range strictly (see decodeDidChange).
func decodeRange(raw json.RawMessage) (text.Range, error) {
	var r text.Range
	m, err := objectMembers(raw)
	if err != nil {
		return r, err
	}
	for _, f := range []struct {
		name string
		pos  *text.Position
	}{{"start", &r.Start}, {"end", &r.End}} {
		pm, err := objectMembers(m[f.name])
		if err != nil {
			if m[f.name] == nil {
				return r, fmt.Errorf("%s is missing", f.name)
			}
			return r, fmt.Errorf("%s: %w", f.name, err)
		}
		for _, g := range []struct {
			name string
			v    *int
		}{{"line", &f.pos.Line}, {"character", &f.pos.Character}} {
			n, err := uinteger(pm[g.name])
			if err != nil {
				return r, fmt.Errorf("%s.%s: %w", f.name, g.name, err)
			}
			*g.v = int(n)
		}
	}
	if r.End.Line < r.Start.Line || (r.End.Line == r.Start.Line && r.End.Character < r.Start.Character) {
		return r, fmt.Errorf("end %d:%d is before start %d:%d", r.End.Line, r.End.Character, r.Start.Line, r.Start.Character)
	}
	return r, nil
}

// uinteger decodes an LSP uinteger: a JSON integer from 0 to 2^32-1,
// written without a fraction or an exponent.
func uinteger(raw json.RawMessage) (uint32, error) {
	if raw == nil {
		return 0, errors.New("missing")
	}
	n, err := strconv.ParseUint(string(raw), 10, 32)
	if err != nil {
		return 0, fmt.Errorf("%s is not an integer from 0 to 2^32-1", clip(raw, 30))
	}
	return uint32(n), nil
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
	s.forgetDocument(d.uri)
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
