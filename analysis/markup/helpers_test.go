package markup

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// parseWhole parses a whole Markdown document in one goldmark pass, with
// no help from Split or ScanDefinitions: the reference that chunked
// parsing must reproduce.
func parseWhole(src string) []Block {
	fm := frontMatterLen(src)
	blocks := parseMarkdown(src[fm:], nil)
	for i := range blocks {
		blocks[i].Start += fm
		blocks[i].End += fm
	}
	return blocks
}

// extractByChunk is the incremental path: every chunk Split cuts parsed
// on its own, as a caching caller parses it.
func extractByChunk(languageID, src string) []Block {
	chunks := Split(languageID, src)
	var defs *Definitions
	if IsMarkdown(languageID) {
		defs = ScanDefinitionsIn(src, chunks)
	}
	var blocks []Block
	for _, c := range chunks {
		blocks = appendParsed(blocks, FormatFor(languageID), src, c, defs)
	}
	return blocks
}

// describe renders blocks as text, one line per block and one per span,
// with the source each span covers.
func describe(src string, blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "%s [%d,%d) %q\n", b.Kind, b.Start, b.End, b.Prose)
		for _, s := range b.Spans {
			mark := ""
			switch {
			case s.Placeholder:
				mark = " placeholder"
			case s.Atomic:
				mark = " atomic"
			}
			fmt.Fprintf(&sb, "\t%q <- %q%s\n", b.Prose[s.ProseStart:s.ProseEnd], src[b.Start+s.SourceStart:b.Start+s.SourceEnd], mark)
		}
	}
	return sb.String()
}

// checkMapping checks the span invariants of every block: spans cover the
// prose in order without gaps, stay inside the source, and every verbatim
// span's prose is exactly its source.
func checkMapping(t testing.TB, src string, blocks []Block) {
	t.Helper()
	for bi, b := range blocks {
		if b.Start < 0 || b.End > len(src) || b.Start > b.End {
			t.Fatalf("block %d: range [%d,%d) outside source of %d bytes", bi, b.Start, b.End, len(src))
		}
		if bi > 0 && blocks[bi-1].Start > b.Start {
			t.Fatalf("block %d starts at %d, before block %d at %d", bi, b.Start, bi-1, blocks[bi-1].Start)
		}
		p := 0
		for si, s := range b.Spans {
			if s.ProseStart != p || s.ProseEnd <= s.ProseStart {
				t.Fatalf("block %d span %d: prose [%d,%d), want start %d and non-empty", bi, si, s.ProseStart, s.ProseEnd, p)
			}
			p = s.ProseEnd
			if si > 0 && s.SourceStart < b.Spans[si-1].SourceEnd {
				t.Fatalf("block %d span %d: source starts at %d, inside the previous span ending at %d", bi, si, s.SourceStart, b.Spans[si-1].SourceEnd)
			}
			if s.SourceStart < 0 || b.Start+s.SourceEnd > b.End || s.SourceStart > s.SourceEnd {
				t.Fatalf("block %d span %d: source [%d,%d) outside block of %d bytes", bi, si, s.SourceStart, s.SourceEnd, b.End-b.Start)
			}
			if !s.Atomic {
				if got, want := b.Prose[s.ProseStart:s.ProseEnd], src[b.Start+s.SourceStart:b.Start+s.SourceEnd]; got != want {
					t.Fatalf("block %d span %d: verbatim prose %q != source %q", bi, si, got, want)
				}
			} else if s.Placeholder && b.Prose[s.ProseStart:s.ProseEnd] != PlaceholderWord {
				t.Fatalf("block %d span %d: placeholder prose %q", bi, si, b.Prose[s.ProseStart:s.ProseEnd])
			}
		}
		if p != len(b.Prose) {
			t.Fatalf("block %d: spans cover %d of %d prose bytes", bi, p, len(b.Prose))
		}
	}
}

// sameBlocks reports the first difference between two block lists, or "".
func sameBlocks(src string, got, want []Block) string {
	if g, w := describe(src, got), describe(src, want); g != w {
		gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				return fmt.Sprintf("line %d:\n got  %s\n want %s", i, gl[i], wl[i])
			}
		}
		return fmt.Sprintf("got %d lines, want %d", len(gl), len(wl))
	}
	return ""
}

// rustBook returns the Rust Book chapters shipped under testdata, in
// name order.
func rustBook(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/rust-book/*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Rust Book chapters under testdata: %v", err)
	}
	sort.Strings(paths)
	chapters := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		chapters[filepath.Base(p)] = string(b)
	}
	return chapters
}

// wholeBook is the Rust Book concatenated in name order, as
// `cat testdata/rust-book/*.md` gives it.
func wholeBook(t testing.TB) string {
	t.Helper()
	chapters := rustBook(t)
	names := make([]string, 0, len(chapters))
	for n := range chapters {
		names = append(names, n)
	}
	sort.Strings(names)
	var sb strings.Builder
	for _, n := range names {
		sb.WriteString(chapters[n])
	}
	return sb.String()
}

// checkExtract checks the invariants of extraction for one document and
// returns its blocks: chunk-by-chunk parsing (the incremental path) and
// Extract give the same blocks, which are those of one whole parse unless
// a chunk is TooDeep; every block's spans map back exactly.
func checkExtract(t testing.TB, languageID, src string) []Block {
	t.Helper()
	chunks := Split(languageID, src)
	checkChunks(t, src, chunks)
	byChunk := extractByChunk(languageID, src)
	checkMapping(t, src, byChunk)
	if diff := sameBlocks(src, Extract(languageID, src), byChunk); diff != "" {
		t.Fatalf("Extract differs from parsing chunk by chunk: %s", diff)
	}
	var whole []Block
	if IsMarkdown(languageID) {
		for _, c := range chunks {
			if c.Flags&TooDeep != 0 {
				return byChunk // read as plain text on purpose
			}
		}
		whole = parseWhole(src)
	} else {
		whole = FormatFor(languageID).Parse(lfLines(src), 0, nil)
	}
	if diff := sameBlocks(src, byChunk, whole); diff != "" {
		t.Fatalf("chunked parse differs from whole parse: %s", diff)
	}
	return byChunk
}
