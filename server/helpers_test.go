package server_test

import (
	"context"
	"errors"
	"net"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"liaison/analysis/text"
	"liaison/rules"
	"liaison/server"
	"liaison/server/lsptest"
)

// fakeLinter flags "liaison" used after "will", "to" or a pronoun (a toy
// of the real rule, so these tests exercise the server alone), a rule
// without replacements on "utilize", and blocks on "SLOW" until cancelled.
type fakeLinter struct{}

var (
	fakeVerb   = regexp.MustCompile(`\b(?:will|to|we|they) (liaison)\b`)
	fakeAdvice = regexp.MustCompile(`\butilize\b`)
)

// The fake rules.
var (
	fakeVerbRule = &rules.Rule{ID: "liaison-verb", Category: "proscribed", Severity: rules.SeverityWarning,
		Explanation: "*Liaison* is a noun. Use *liaise* for the verb."}
	fakeAdviceRule = &rules.Rule{ID: "utilize", Category: "preferred-form", Severity: rules.SeverityHint,
		Explanation: "Plain words."}
)

func (fakeLinter) Find(ctx context.Context, languageID, src string, s rules.Settings) ([]rules.Finding, error) {
	if strings.Contains(src, "LINT-PANIC") {
		panic("linter exploded")
	}
	if strings.Contains(src, "SLOW") {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	var out []rules.Finding
	add := func(f rules.Finding) {
		if f, ok := s.Apply(f); ok {
			out = append(out, f)
		}
	}
	for _, m := range fakeVerb.FindAllStringSubmatchIndex(src, -1) {
		add(rules.Finding{Rule: fakeVerbRule, Start: m[2], End: m[3], Severity: fakeVerbRule.Severity,
			Message: "“liaison” is a noun; the verb is “liaise”", Replacements: []string{"liaise", "cooperate"}})
	}
	for _, m := range fakeAdvice.FindAllStringIndex(src, -1) {
		add(rules.Finding{Rule: fakeAdviceRule, Start: m[0], End: m[1], Severity: fakeAdviceRule.Severity, Message: "prefer “use”"})
	}
	return out, nil
}

const testTimeout = 10 * time.Second

// session is a server serving over a pipe and a client talking to it.
type session struct {
	client *lsptest.Client
	done   chan struct{} // closed when Serve returns
	code   int           // Serve's result, once done
}

// exitCode waits for Serve to return and gives its exit code.
func (s *session) exitCode(t *testing.T) int {
	t.Helper()
	select {
	case <-s.done:
		return s.code
	case <-time.After(testTimeout):
		t.Fatal("server did not stop")
		return -1
	}
}

// start serves a new server over a pipe and connects a client.
func start(t *testing.T, opts server.Options) *session {
	t.Helper()
	if opts.Linter == nil {
		opts.Linter = fakeLinter{}
	}
	if opts.Logger == nil {
		opts.Logger = zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel))
	}
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{done: make(chan struct{})}
	srv := server.New(opts)
	go func() { s.code = srv.Serve(ctx, serverEnd); close(s.done) }()
	s.client = lsptest.New(ctx, clientEnd)
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		select {
		case <-s.done:
		case <-time.After(testTimeout):
			t.Error("server did not stop")
		}
	})
	return s
}

// initialized starts a session and initializes it.
func initialized(t *testing.T, opts server.Options, caps protocol.ClientCapabilities, initOptions any) *session {
	t.Helper()
	s := start(t, opts)
	if _, err := s.client.Initialize(ctx(t), caps, initOptions); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	return s
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancel)
	return c
}

func docURI(name string) uri.URI { return uri.File("/tmp/liaison-test/" + name) }

// errorCode returns the JSON-RPC code of err, or 0.
func errorCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// applyEdits applies LSP text edits (in enc) to src and returns the result.
func applyEdits(t *testing.T, src string, edits []protocol.TextEdit, enc text.Encoding) string {
	t.Helper()
	doc := text.New(src)
	type span struct {
		start, end int
		text       string
	}
	spans := make([]span, len(edits))
	for i, e := range edits {
		start := doc.Offset(text.Position{Line: int(e.Range.Start.Line), Character: int(e.Range.Start.Character)}, enc)
		end := doc.Offset(text.Position{Line: int(e.Range.End.Line), Character: int(e.Range.End.Character)}, enc)
		spans[i] = span{start, end, e.NewText}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	for i := 1; i < len(spans); i++ {
		if spans[i].start < spans[i-1].end {
			t.Fatalf("edits overlap: %+v and %+v", spans[i-1], spans[i])
		}
	}
	out := src
	for i := len(spans) - 1; i >= 0; i-- { // from the end, so earlier offsets stay valid
		out = out[:spans[i].start] + spans[i].text + out[spans[i].end:]
	}
	return out
}

// editsOf returns the text edits a workspace edit makes to u, and the
// version it names (-1 when it names none).
func editsOf(t *testing.T, we *protocol.WorkspaceEdit, u uri.URI) ([]protocol.TextEdit, int32) {
	t.Helper()
	if we == nil {
		t.Fatal("code action without an edit")
	}
	if len(we.DocumentChanges) > 0 {
		var out []protocol.TextEdit
		version := int32(-1)
		for _, dc := range we.DocumentChanges {
			tde, ok := dc.(*protocol.TextDocumentEdit)
			if !ok || tde.TextDocument.URI != u {
				t.Fatalf("unexpected document change %#v", dc)
			}
			if tde.TextDocument.Version != nil {
				version = *tde.TextDocument.Version
			}
			for _, e := range tde.Edits {
				te, ok := e.(*protocol.TextEdit)
				if !ok {
					t.Fatalf("unexpected edit %#v", e)
				}
				out = append(out, *te)
			}
		}
		return out, version
	}
	return we.Changes[u], -1
}
