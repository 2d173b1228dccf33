package server_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/analysis/text"
	"liaison/server"
	"liaison/server/lsptest"
)

// The random-edit sync fuzz: random batches of incremental didChange edits
// in each position encoding, with the test's own copy of the text (a
// shadow, computed by the slow, obvious method below, not by the text
// package) compared with the server's copy after every batch.

// shadow is the test's model of a document whose positions count code
// units of enc. Line ends are LF, CRLF and a lone CR, as LSP says.
type shadow struct {
	text string
	enc  text.Encoding
}

// lines returns the start and the end of the content (before its
// terminator) of every line.
func (s *shadow) lines() (starts, ends []int) {
	starts = []int{0}
	for i := 0; i < len(s.text); i++ {
		switch {
		case s.text[i] == '\n':
			ends = append(ends, i)
			starts = append(starts, i+1)
		case s.text[i] == '\r' && i+1 < len(s.text) && s.text[i+1] == '\n':
			ends = append(ends, i)
			starts = append(starts, i+2)
			i++
		case s.text[i] == '\r':
			ends = append(ends, i)
			starts = append(starts, i+1)
		}
	}
	return starts, append(ends, len(s.text))
}

// units is how many code units of enc r takes.
func units(r rune, size int, enc text.Encoding) int {
	switch {
	case enc == text.UTF8:
		return size
	case enc == text.UTF32:
		return 1
	case r >= 0x10000:
		return 2
	default:
		return 1
	}
}

// offset is the byte offset of p, clamped as LSP and the server do: a line
// past the last is the end of the text, a character past the end of its
// line is the end of the line, a character inside a character is the
// start of it.
func (s *shadow) offset(p protocol.Position) int {
	starts, ends := s.lines()
	if int(p.Line) >= len(starts) {
		return len(s.text)
	}
	i, end, col := starts[p.Line], ends[p.Line], 0
	for i < end {
		r, size := utf8.DecodeRuneInString(s.text[i:end])
		u := units(r, size, s.enc)
		if col+u > int(p.Character) {
			break
		}
		i += size
		col += u
	}
	return i
}

func (s *shadow) apply(r *protocol.Range, insert string) {
	if r == nil {
		s.text = insert
		return
	}
	start, end := s.offset(r.Start), s.offset(r.End)
	s.text = s.text[:start] + insert + s.text[max(start, end):]
}

// choices is where the random edits come from: a seeded generator, or a
// fuzzer's bytes (zero once they run out).
type choices interface{ n(k int) int }

type seeded struct{ rng *rand.Rand }

func (c seeded) n(k int) int { return c.rng.IntN(k) }

type fuzzBytes struct{ b []byte }

func (c *fuzzBytes) n(k int) int {
	if len(c.b) == 0 {
		return 0
	}
	v := int(c.b[0])
	c.b = c.b[1:]
	return v % k
}

const syncInitial = "Intro 😀 line.\r\nThey will liaison here.\n\nÉtude: we will liaison too.\rLast 👍🏽 line "

var syncInserts = []string{
	"a", "é", "😀", "👍🏽", "文字", "\n", "\r\n", "\r", "", "\t",
	" will liaison ", "line\nbreak", "x\r", "\ny", "👍\r\n😀", "\u0301", "\uFEFF",
}

// randomPosition returns a position in s: mostly on a character boundary,
// sometimes inside a character (between UTF-16 surrogates or UTF-8 bytes)
// or past the end of its line or of the document.
func (s *shadow) randomPosition(c choices) protocol.Position {
	starts, ends := s.lines()
	line := c.n(len(starts) + 1) // one past the last line, sometimes
	if line >= len(starts) {
		return protocol.Position{Line: uint32(line), Character: uint32(c.n(3))}
	}
	var boundaries []int // in code units
	col := 0
	for i := starts[line]; i < ends[line]; {
		boundaries = append(boundaries, col)
		r, size := utf8.DecodeRuneInString(s.text[i:ends[line]])
		col += units(r, size, s.enc)
		i += size
	}
	boundaries = append(boundaries, col)
	switch c.n(10) {
	case 0: // anywhere, also inside a character or past the end
		return protocol.Position{Line: uint32(line), Character: uint32(c.n(col + 3))}
	case 1:
		return protocol.Position{Line: uint32(line), Character: 1<<32 - 1}
	default:
		return protocol.Position{Line: uint32(line), Character: uint32(boundaries[c.n(len(boundaries))])}
	}
}

// randomBatch returns the content changes of one didChange, applying them
// to s as it goes: each is against the text the previous one left.
func (s *shadow) randomBatch(c choices) []protocol.TextDocumentContentChangeEvent {
	var out []protocol.TextDocumentContentChangeEvent
	for range 1 + c.n(4) {
		insert := syncInserts[c.n(len(syncInserts))]
		if c.n(500) == 0 {
			whole := strings.Repeat(syncInitial, c.n(150)) + insert
			s.apply(nil, whole)
			out = append(out, &protocol.TextDocumentContentChangeWholeDocument{Text: whole})
			continue
		}
		a, b := s.randomPosition(c), s.randomPosition(c)
		if b.Line < a.Line || (b.Line == a.Line && b.Character < a.Character) {
			a, b = b, a
		}
		if c.n(3) > 0 { // mostly insertions
			b = a
		}
		r := protocol.Range{Start: a, End: b}
		s.apply(&r, insert)
		out = append(out, &protocol.TextDocumentContentChangePartial{Range: r, Text: insert})
	}
	return out
}

var syncEncodings = []struct {
	enc  text.Encoding
	kind protocol.PositionEncodingKind
}{{text.UTF8, protocol.PositionEncodingKindUTF8}, {text.UTF16, protocol.PositionEncodingKindUTF16}, {text.UTF32, protocol.PositionEncodingKindUTF32}}

// syncSession is a server negotiated to enc and a client.
type syncSession struct {
	srv *server.Server
	c   *lsptest.Client
	u   uri.URI
}

func startSync(t *testing.T, kind protocol.PositionEncodingKind, initial string) *syncSession {
	t.Helper()
	srv := server.New(server.Options{Linter: fakeLinter{}, Logger: zap.NewNop()})
	serverEnd, clientEnd := net.Pipe()
	c, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Serve(c, serverEnd); close(done) }()
	t.Cleanup(func() {
		cancel()
		clientEnd.Close()
		select {
		case <-done:
		case <-time.After(testTimeout):
			t.Error("server did not stop")
		}
	})
	s := &syncSession{srv: srv, c: lsptest.New(c, clientEnd), u: docURI("sync.md")}
	caps := protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{kind}}}
	res, err := s.c.Initialize(ctx(t), caps, map[string]any{"debounceMs": 0})
	if err != nil {
		t.Fatal(err)
	}
	if res.Capabilities.PositionEncoding != kind {
		t.Fatalf("negotiated %q, want %q", res.Capabilities.PositionEncoding, kind)
	}
	if err := s.c.Open(ctx(t), s.u, "markdown", 1, initial); err != nil {
		t.Fatal(err)
	}
	return s
}

// check waits until the server has handled every message sent so far (a
// request is answered after the notifications before it) and compares its
// copy with want.
func (s *syncSession) check(t *testing.T, version int32, want string, what string) {
	t.Helper()
	var h *protocol.Hover
	if err := s.c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(docURI("not-open.md"), 0, 0), &h); err != nil {
		t.Fatal(err)
	}
	got, v, inSync, open := server.DocumentText(s.srv, s.u)
	if !open || !inSync || v != version || got != want {
		t.Fatalf("after %s the server holds version %d (open %v, in sync %v)\n%q\nwant version %d\n%q", what, v, open, inSync, got, version, want)
	}
}

// runSync sends batches random batches to a fresh server in enc and
// compares after each.
func runSync(t *testing.T, kind protocol.PositionEncodingKind, enc text.Encoding, c choices, batches int) {
	t.Helper()
	// Over 8 KB, so that edits cross the text package's chunks.
	initial := strings.Repeat(syncInitial, 120)
	s := startSync(t, kind, initial)
	sh := &shadow{text: initial, enc: enc}
	version := int32(1)
	for i := range batches {
		before := sh.text
		changes := sh.randomBatch(c)
		version++
		if err := s.c.Notify(ctx(t), protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: s.u}, Version: version},
			ContentChanges: changes,
		}); err != nil {
			t.Fatal(err)
		}
		s.check(t, version, sh.text, describeBatch(i, before, changes))
	}
}

func describeBatch(i int, before string, changes []protocol.TextDocumentContentChangeEvent) string {
	var b strings.Builder
	fmt.Fprintf(&b, "batch %d on %s", i, quote(before))
	for _, c := range changes {
		switch c := c.(type) {
		case *protocol.TextDocumentContentChangePartial:
			r := c.Range
			fmt.Fprintf(&b, "\n  replace %d:%d-%d:%d by %s", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character, quote(c.Text))
		case *protocol.TextDocumentContentChangeWholeDocument:
			fmt.Fprintf(&b, "\n  the whole text: %s", quote(c.Text))
		}
	}
	return b.String()
}

func quote(s string) string {
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return strconv.Quote(s)
}

// TestRandomSyncAllEncodings is the deterministic part of the fuzz: 2000
// random batches (1 to 4 edits each, inserts and deletions across lines,
// emoji, combining marks, CR, CRLF, positions inside characters and past
// the end, now and then the whole text) in each encoding.
func TestRandomSyncAllEncodings(t *testing.T) {
	for _, e := range syncEncodings {
		t.Run(string(e.kind), func(t *testing.T) {
			t.Parallel()
			runSync(t, e.kind, e.enc, seeded{rand.New(rand.NewPCG(12, uint64(e.enc)))}, 2000)
		})
	}
}

// FuzzSync drives the same session from the fuzzer's bytes: the first
// chooses the encoding.
//
//	go test ./server/ -run '^$' -fuzz FuzzSync -fuzztime 60s -fuzzminimizetime 2s
//
// Each input runs a whole session (about 100 a second on one core).
func FuzzSync(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{1, 200, 13, 7, 99, 0, 0, 3, 250, 17, 4, 4, 4})
	f.Add([]byte{2, 9, 9, 9, 1, 1, 1, 40, 80, 160, 5, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || len(data) > 4096 {
			return
		}
		e := syncEncodings[int(data[0])%len(syncEncodings)]
		c := &fuzzBytes{b: data[1:]}
		runSync(t, e.kind, e.enc, c, 1+len(data)/8)
	})
}
