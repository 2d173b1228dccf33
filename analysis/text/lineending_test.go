package text

import (
	"fmt"
	"strings"
	"testing"
)

func TestDominantEnding(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", LF},
		{"no terminator", LF},
		{"a\nb\n", LF},
		{"a\r\nb\r\n", CRLF},
		{"a\rb\r", CR},
		{"a\r\nb\nc\r\n", CRLF},
		{"a\rb\nc\r", CR},
		{"a\nb\r", LF},     // a tie: the first wins
		{"a\r\nb\r", CRLF}, // a tie: the first wins
		{"a\rb\r\n", CR},
		{"\r\r\n\n", CR}, // CR, CRLF, LF: one each
	}
	for _, tt := range tests {
		if got := DominantEnding(tt.src); got != tt.want {
			t.Errorf("DominantEnding(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestLineEndingModel: the scanner here and the Document's line index read
// the same lines, on every short text over the alphabet of terminators.
func TestLineEndingModel(t *testing.T) {
	alphabet := []string{"a", "\r", "\n"}
	var texts []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		texts = append(texts, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(prefix+c, n-1)
		}
	}
	gen("", 6)
	for _, s := range texts {
		// Lines by NextBreak.
		var byScan []int
		for start := 0; ; {
			byScan = append(byScan, start)
			at, size := NextBreak(s, start)
			if size == 0 {
				break
			}
			start = at + size
		}
		doc := New(s)
		if doc.LineCount() != len(byScan) {
			t.Fatalf("%q: %d lines by the scanner, %d by the Document", s, len(byScan), doc.LineCount())
		}
		for line, start := range byScan {
			if got, _ := doc.LineBounds(line); got != start {
				t.Errorf("%q line %d: starts at %d by the scanner, %d by the Document", s, line, start, got)
			}
		}
		for i := 0; i <= len(s); i++ {
			want := false
			for _, start := range byScan {
				want = want || start == i
			}
			if IsLineStart(s, i) != want {
				t.Errorf("%q: IsLineStart(%d) = %v", s, i, !want)
			}
		}
		if strings.Count(s, "\r\n") == 0 && BreakLen(s, strings.IndexByte(s, '\r')) > 1 {
			t.Errorf("%q: a lone CR read as two bytes", s)
		}
	}
}

// TestDocumentDominantEnding: the Document's DominantEnding, which joins
// the text only when a chunk holds a CR, agrees with DominantEnding of
// the text, for documents of small chunks edited so that a CR sits in
// any chunk, or none does.
func TestDocumentDominantEnding(t *testing.T) {
	var sb strings.Builder
	for i := range 400 {
		fmt.Fprintf(&sb, "line %d of the document\n", i)
	}
	base := sb.String()
	for _, ins := range []string{"", "\r", "\r\n", "\r\n\r\n", "x\ry"} {
		for _, at := range []int{0, 1, len(base) / 3, len(base) - 1, len(base)} {
			d := newDocument(base, 64)
			d = d.Apply([]Change{{Range: &Range{Start: d.Position(at, UTF8), End: d.Position(at, UTF8)}, Text: ins}}, UTF8)
			if got, want := d.DominantEnding(), DominantEnding(d.Text()); got != want {
				t.Errorf("%q inserted at %d: %q, want %q", ins, at, got, want)
			}
		}
	}
	// CRs only in the later chunks, and more of them than LFs.
	crlf := base[:len(base)/3] + strings.ReplaceAll(base[len(base)/3:], "\n", "\r\n")
	if got := newDocument(crlf, 64).DominantEnding(); got != CRLF {
		t.Errorf("document ending in CRLF lines: %q, want CRLF", got)
	}
}
