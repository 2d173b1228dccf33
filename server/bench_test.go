package server_test

import (
	"context"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/text"
	"liaison/rules"
	"liaison/rules/checker"
	"liaison/server"
	"liaison/server/lsptest"
)

func readBook(b *testing.B) string {
	b.Helper()
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		b.Skip("no rust book under testdata")
	}
	slices.Sort(files)
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	return sb.String()
}

// BenchmarkLintKeystroke is the linter's share of a keystroke in the whole
// Rust Book: one character typed, the document re-linted.
func BenchmarkLintKeystroke(b *testing.B) {
	book := readBook(b)
	linter, err := server.DefaultLinter()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	doc := text.New(book)
	lint := func(src string) error {
		_, err := linter.Check(ctx, checker.Document{Key: "book", LanguageID: "markdown", Text: src}, nil, rules.Settings{})
		return err
	}
	if err := lint(doc.Text()); err != nil {
		b.Fatal(err)
	}
	_, end := doc.LineBounds(doc.LineCount() / 2)
	at := doc.Position(end, text.UTF8)
	b.ResetTimer()
	defer reportCPU(b)()
	for i := range b.N {
		r := text.Range{Start: at, End: at}
		change := text.Change{Range: &r, Text: "s"}
		if i%2 == 1 {
			r.End.Character++
			change.Text = ""
		}
		doc = doc.Apply([]text.Change{change}, text.UTF8)
		if err := lint(doc.Text()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDidChangeToDiagnostics is one keystroke in the whole Rust Book
// as the client sees it, over a pipe: didChange sent → publishDiagnostics
// for that version received.
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	b.Run("book", func(b *testing.B) { benchKeystroke(b, readBook(b), nil) })
	// The spelling rules' share of a keystroke: the same with them off.
	b.Run("book-nospelling", func(b *testing.B) {
		benchKeystroke(b, readBook(b), map[string]any{"categories": map[string]any{"spelling": false, "dialect": false}})
	})
	// The book with a finding in every tenth paragraph: diagnostics to
	// convert and publish on every keystroke.
	b.Run("book+findings", func(b *testing.B) {
		paras := strings.Split(readBook(b), "\n\n")
		for i := range paras {
			if i%10 == 0 {
				paras[i] += "\n\nWe will liaison with them."
			}
		}
		benchKeystroke(b, strings.Join(paras, "\n\n"), nil)
	})
}

// benchKeystroke times keystrokes in book under the initialization
// options opts (debounceMs is 0 whatever they say).
func benchKeystroke(b *testing.B, book string, opts map[string]any) {
	linter, err := server.DefaultLinter()
	if err != nil {
		b.Fatal(err)
	}
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go server.New(server.Options{Linter: linter}).Serve(ctx, serverEnd)
	c := lsptest.New(ctx, clientEnd)
	defer clientEnd.Close()
	init := map[string]any{"debounceMs": 0}
	for k, v := range opts {
		if k != "debounceMs" {
			init[k] = v
		}
	}
	if _, err := c.Initialize(ctx, protocol.ClientCapabilities{}, init); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/book.md")
	if err := c.Open(ctx, u, "markdown", 1, book); err != nil {
		b.Fatal(err)
	}
	first, _, err := c.WaitVersion(ctx, u, 0, 1)
	if err != nil {
		b.Fatal(err)
	}
	doc := text.New(book)
	rng := rand.New(rand.NewPCG(1, 2))
	var p protocol.Position
	b.ResetTimer()
	defer reportCPU(b)()
	for i := range b.N {
		if i%2 == 0 { // type at the end of a random line, then delete it
			_, end := doc.LineBounds(rng.IntN(doc.LineCount()))
			at := doc.Position(end, text.UTF16)
			p = protocol.Position{Line: uint32(at.Line), Character: uint32(at.Character)}
		}
		r := protocol.Range{Start: p, End: p}
		insert := "s"
		if i%2 == 1 {
			r.End.Character++
			insert = ""
		}
		n := c.DiagnosticsCount()
		if err := c.Change(ctx, u, int32(i+2), &r, insert); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.WaitVersion(ctx, u, n, int32(i+2)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(first.Diagnostics)), "diagnostics")
	writeHeapProfile(b)
}

// writeHeapProfile writes a heap profile to the file the
// LIAISON_HEAPPROFILE environment variable names, if any, while the server
// and its caches are still alive: go test's -memprofile is written after
// the benchmark has shut the server down, so it shows only what outlives
// it (the tagger, the rules), not what a document's caches hold.
func writeHeapProfile(b *testing.B) {
	path := os.Getenv("LIAISON_HEAPPROFILE")
	if path == "" {
		return
	}
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkHover is a hover request at a random place in the whole Rust
// Book, open as one document, over a pipe: request sent → response read.
func BenchmarkHover(b *testing.B) {
	book := readBook(b)
	linter, err := server.DefaultLinter()
	if err != nil {
		b.Fatal(err)
	}
	serverEnd, clientEnd := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go server.New(server.Options{Linter: linter}).Serve(ctx, serverEnd)
	c := lsptest.New(ctx, clientEnd)
	defer clientEnd.Close()
	if _, err := c.Initialize(ctx, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/book.md")
	if err := c.Open(ctx, u, "markdown", 1, book); err != nil {
		b.Fatal(err)
	}
	if _, _, err := c.WaitVersion(ctx, u, 0, 1); err != nil {
		b.Fatal(err)
	}
	doc := text.New(book)
	rng := rand.New(rand.NewPCG(1, 2))
	hover := func() {
		start, end := doc.LineBounds(rng.IntN(doc.LineCount()))
		pos := doc.Position(start+rng.IntN(end-start+1), text.UTF16)
		var h *protocol.Hover
		if err := c.Call(ctx, protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: uint32(pos.Line), Character: uint32(pos.Character)}}}, &h); err != nil {
			b.Fatal(err)
		}
	}
	hover() // the first loads the dictionary
	b.ResetTimer()
	defer reportCPU(b)()
	for range b.N {
		hover()
	}
}
