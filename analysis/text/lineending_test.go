package text

import (
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
