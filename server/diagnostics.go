package server

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/fnv"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/analysis"
	"liaison/analysis/text"
	"liaison/rules"
	"liaison/rules/checker"
)

// lintRun is the lint of one document revision under one set of settings.
// It starts on the debounce timer or when a request needs its result,
// whichever comes first, and is cancelled when superseded.
type lintRun struct {
	uri        uri.URI
	languageID string
	version    int32
	text       *text.Document
	settings   EditorSettings
	lookup     *pendingLookup // the document's project, looked up in the background
	encoding   text.Encoding
	tooLarge   *atomic.Bool // the document's "too large to lint" warning was given

	ctx    context.Context
	cancel context.CancelFunc
	once   sync.Once
	done   chan struct{}

	// Set before done is closed.
	problems []rules.Finding  // sorted by Start
	analysis *analysis.Result // what the rules were run on, when the checker says
	maxLen   int              // longest problem, to bound searches by offset
	diags    []protocol.Diagnostic
	resultID string
	err      error
}

// diagnosticData is what a diagnostic carries in its data field: all that
// its quick-fixes need.
type diagnosticData struct {
	Rule         string   `json:"rule"`
	Replacements []string `json:"replacements"`
}

// relint replaces d's lint run with one for its current revision and the
// current settings, and schedules the push after the debounce. It reads no
// file (the project was looked up when d opened or files changed): it runs
// on the read loop, for every keystroke.
func (s *Server) relint(d *document) {
	settings := s.settingsFor(d.uri)
	lookup := s.projectLookup(d)
	enc := s.sess().encoding
	ctx, cancel := context.WithCancel(s.base)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		cancel()
		return
	}
	if d.run != nil {
		d.run.cancel()
	}
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	run := &lintRun{
		uri:        d.uri,
		languageID: d.languageID,
		version:    d.version,
		text:       d.text,
		settings:   settings,
		lookup:     lookup,
		encoding:   enc,
		tooLarge:   &d.tooLarge,
		ctx:        ctx,
		cancel:     cancel,
		done:       make(chan struct{}),
	}
	d.run = run
	if delay := settings.Debounce(); delay > 0 {
		d.timer = time.AfterFunc(delay, func() { s.push(d, run) })
	} else {
		go s.push(d, run)
	}
}

// start runs the lint once, in its own goroutine.
func (r *lintRun) start(s *Server) {
	r.once.Do(func() { go r.execute(s) })
}

func (r *lintRun) execute(s *Server) {
	defer close(r.done)
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("lint panicked", zap.Any("panic", p), zap.Stack("stack"))
			r.problems, r.diags, r.err = nil, []protocol.Diagnostic{}, errors.New("lint panicked")
		}
	}()
	if r.text.Len() > MaxLintBytes {
		if !r.tooLarge.Swap(true) { // once per document, not per keystroke
			s.log.Warn("document too large to lint", zap.Int("bytes", r.text.Len()), zap.Int("limit", MaxLintBytes))
		}
		r.diags, r.resultID = []protocol.Diagnostic{}, "empty"
		return
	}
	start := time.Now()
	problems, res, err := s.lintDocument(r)
	took := time.Since(start)
	s.log.Debug("linted", zap.Int32("version", r.version), zap.Int("problems", len(problems)), zap.Duration("took", took), zap.Error(err))
	if took >= trimAfter {
		go s.trim.now()
	} else {
		s.trim.linted(s.base) // memory.go
	}
	if err == nil {
		err = r.ctx.Err() // superseded or closed: converting is wasted work too
	}
	if err != nil {
		r.err = err
		if r.ctx.Err() == nil {
			s.log.Warn("lint failed", zap.Error(err))
		}
		return
	}
	if !slices.IsSortedFunc(problems, func(a, b rules.Finding) int { return a.Start - b.Start }) {
		problems = slices.Clone(problems)
		slices.SortStableFunc(problems, func(a, b rules.Finding) int { return a.Start - b.Start })
	}
	r.problems, r.analysis = problems, res
	r.diags = make([]protocol.Diagnostic, 0, len(problems))
	data := make(map[string]protocol.LSPAny)
	for i, p := range problems {
		if i%cancelCheckProblems == 0 && r.ctx.Err() != nil {
			r.problems, r.analysis, r.diags, r.err = nil, nil, nil, r.ctx.Err()
			return
		}
		r.maxLen = max(r.maxLen, p.End-p.Start)
		r.diags = append(r.diags, r.diagnostic(p, data))
	}
	r.resultID = reportID(r.diags)
	s.afterLint(string(r.uri)) // spelling.go
}

// trimAfter is how long a lint takes when it analysed much (a large
// document opened, a long paste): the garbage of that burst — the heap
// doubles while the Rust Book is analysed on every core — stays resident
// until the runtime's scavenger slowly returns it, so the server gives it
// back at once (trimMemory, off the lint's path). A keystroke's lint takes
// a few milliseconds and trims nothing.
const trimAfter = 200 * time.Millisecond

// lintDocument checks one revision with the checker: under its project
// (waiting for the lookup started when the document opened) and the
// editor's settings; a .liaison.yaml is checked as a configuration.
func (s *Server) lintDocument(r *lintRun) ([]rules.Finding, *analysis.Result, error) {
	c, err := s.checker(r.ctx)
	if err != nil {
		return nil, nil, err
	}
	defer s.holdCollector(r.text.Len())() // memory.go
	lk := r.lookup.wait(r.ctx, s.log)
	if err := r.ctx.Err(); err != nil {
		return nil, nil, err
	}
	if path := filePath(r.uri); !checker.CheckedAsConfig(path, lk) && !checker.SourceCodeOn(languageOf(r.languageID), r.settings.SourceCode, lk) {
		// Code is not prose unless the user turned its language on (a
		// .liaison.yaml or a rule file, YAML, is checked for its problems).
		return nil, nil, nil
	}
	doc := checker.Document{
		Key:        string(r.uri),
		Path:       filePath(r.uri),
		LanguageID: languageOf(r.languageID),
		// The Document itself, not its text: the checker reads a
		// revision around its edit, and joining the text (1.2 MB for
		// the Rust Book) was 55% of what a keystroke allocated.
		Source: r.text,
	}
	res, err := c.Check(r.ctx, doc, lk, r.settings.Rules)
	if err != nil {
		return nil, nil, err
	}
	return res.Findings, res.Analysis, nil
}

// cancelCheckProblems is how many problems execute converts to
// diagnostics between two looks at the run's context (about a
// millisecond's work).
const cancelCheckProblems = 1024

// wait starts r if needed and waits for it or for ctx.
func (r *lintRun) wait(ctx context.Context, s *Server) error {
	r.start(s)
	select {
	case <-r.done:
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// diagnostic converts a finding to LSP: the edge where byte offsets become
// positions. data memoizes the encoded data field by rule and
// replacements: most findings repeat a few of them.
func (r *lintRun) diagnostic(p rules.Finding, data map[string]protocol.LSPAny) protocol.Diagnostic {
	id := ruleID(p)
	key := id + "\x00" + strings.Join(p.Replacements, "\x00")
	d, ok := data[key]
	if !ok {
		d, _ = json.Marshal(diagnosticData{Rule: id, Replacements: nonNil(p.Replacements)})
		data[key] = d
	}
	return protocol.Diagnostic{
		Range:    lspRange(r.text.RangeOf(p.Start, p.End, r.encoding)),
		Severity: protocol.DiagnosticSeverity(p.Severity), // rules number severities as LSP does
		Code:     protocol.String(id),
		Source:   protocol.NewOptional("liaison"),
		Message:  protocol.String(p.Message),
		Data:     d,
	}
}

// reportID identifies a diagnostic report by its content, so a pull for a
// document whose report would not change answers "unchanged".
func reportID(diags []protocol.Diagnostic) string {
	h := fnv.New64a()
	var buf [4]byte
	put := func(v uint32) { binary.LittleEndian.PutUint32(buf[:], v); h.Write(buf[:]) }
	for _, d := range diags {
		put(d.Range.Start.Line)
		put(d.Range.Start.Character)
		put(d.Range.End.Line)
		put(d.Range.End.Character)
		put(uint32(d.Severity))
		if m, ok := d.Message.(protocol.String); ok {
			h.Write([]byte(m))
		}
		h.Write([]byte{0})
		h.Write(d.Data)
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// push lints run and publishes its diagnostics if run is still d's
// current run. Clients that pull diagnostics are not pushed to.
func (s *Server) push(d *document, run *lintRun) {
	if err := run.wait(run.ctx, s); err != nil {
		return // superseded, closed, or failed (logged)
	}
	if s.sess().pullDiagnostics {
		return
	}
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	d.mu.Lock()
	current := d.run == run && !d.closed
	d.mu.Unlock()
	if !current {
		return
	}
	s.notify(s.base, protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
		URI:         d.uri,
		Version:     protocol.NewOptional(run.version),
		Diagnostics: run.diags,
	})
}

// errNotOpen answers requests about documents the client never opened.
var errNotOpen = errors.New("document is not open")

// current returns the finished lint of d's current revision, waiting for
// it (and starting it early if the debounce has not fired). A run that is
// superseded while waiting is replaced by its successor.
func (s *Server) current(ctx context.Context, u protocol.TextDocumentIdentifier) (*lintRun, error) {
	d := s.document(u.URI)
	if d == nil {
		return nil, errNotOpen
	}
	for {
		_, _, run := d.snapshot()
		if run == nil {
			return nil, errNotOpen
		}
		err := run.wait(ctx, s)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err == nil {
			return run, nil
		}
		if run.ctx.Err() == nil {
			return nil, err // the lint itself failed
		}
		d.mu.Lock()
		closed, next := d.closed, d.run
		d.mu.Unlock()
		if closed || next == run {
			return nil, errNotOpen
		}
	}
}

// diagnostic answers textDocument/diagnostic (pull).
func (s *Server) diagnostic(ctx context.Context, p *protocol.DocumentDiagnosticParams) (protocol.DocumentDiagnosticReport, error) {
	run, err := s.current(ctx, p.TextDocument)
	if errors.Is(err, errNotOpen) {
		return &protocol.RelatedFullDocumentDiagnosticReport{
			FullDocumentDiagnosticReport: protocol.FullDocumentDiagnosticReport{Kind: "full", Items: []protocol.Diagnostic{}},
		}, nil
	}
	if err != nil {
		return nil, err
	}
	if p.PreviousResultID != nil && *p.PreviousResultID == run.resultID {
		return &protocol.RelatedUnchangedDocumentDiagnosticReport{
			UnchangedDocumentDiagnosticReport: protocol.UnchangedDocumentDiagnosticReport{Kind: "unchanged", ResultID: run.resultID},
		}, nil
	}
	id := run.resultID
	return &protocol.RelatedFullDocumentDiagnosticReport{
		FullDocumentDiagnosticReport: protocol.FullDocumentDiagnosticReport{Kind: "full", ResultID: &id, Items: run.diags},
	}, nil
}

// covering returns the problems of run that cover the byte range
// [start, end]; an empty range covers a problem it touches.
func (r *lintRun) covering(start, end int) []int {
	var out []int
	// problems are sorted by Start: skip those that end before start.
	lo := sort.Search(len(r.problems), func(i int) bool { return r.problems[i].Start > end })
	for i := lo - 1; i >= 0; i-- {
		p := r.problems[i]
		if p.Start+r.maxLen < start {
			break
		}
		if p.End >= start && p.Start <= end {
			out = append(out, i)
		}
	}
	// restore document order
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// ruleID is the id of the rule that found f ("" for none).
func ruleID(f rules.Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.ID
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
