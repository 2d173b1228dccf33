package server_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/text"
	"liaison/server"
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
	if _, err := linter.Lint(ctx, "markdown", doc.Text(), server.DefaultSettings()); err != nil {
		b.Fatal(err)
	}
	_, end := doc.LineBounds(doc.LineCount() / 2)
	at := doc.Position(end, text.UTF8)
	b.ResetTimer()
	for i := range b.N {
		r := text.Range{Start: at, End: at}
		change := text.Change{Range: &r, Text: "s"}
		if i%2 == 1 {
			r.End.Character++
			change.Text = ""
		}
		doc = doc.Apply([]text.Change{change}, text.UTF8)
		if _, err := linter.Lint(ctx, "markdown", doc.Text(), server.DefaultSettings()); err != nil {
			b.Fatal(err)
		}
	}
}
