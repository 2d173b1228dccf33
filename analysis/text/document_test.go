package text

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var encodings = []Encoding{UTF16, UTF8, UTF32}

// chunkSizes are the chunk sizes the tests cut documents into: tiny ones put
// chunk boundaries everywhere in short test texts.
var chunkSizes = []int{1, 2, 3, 5, defaultChunkSize}

// forEachChunkSize runs f on text cut into chunks of each of chunkSizes.
func forEachChunkSize(t *testing.T, text string, f func(t *testing.T, d *Document)) {
	t.Helper()
	for _, size := range chunkSizes {
		t.Run(fmt.Sprintf("chunks of %d", size), func(t *testing.T) {
			d := newDocument(text, size)
			if msg := d.checkInvariants(); msg != "" {
				t.Fatal(msg)
			}
			f(t, d)
		})
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines []string // each line without its terminator
	}{
		{"empty", "", []string{""}},
		{"no terminator", "abc", []string{"abc"}},
		{"LF", "a\nb", []string{"a", "b"}},
		{"trailing LF", "a\n", []string{"a", ""}},
		{"CRLF", "a\r\nb\r\n", []string{"a", "b", ""}},
		{"lone CR", "a\rb\r", []string{"a", "b", ""}},
		{"LF CR is two", "a\n\rb", []string{"a", "", "b"}},
		{"CR CR LF", "a\r\r\nb", []string{"a", "", "b"}},
		{"only terminators", "\r\n\n\r", []string{"", "", "", ""}},
		{"NUL is a character", "a\x00b\n\x00", []string{"a\x00b", "\x00"}},
		{"invalid UTF-8", "\xff\xfe\n\xc3", []string{"\xff\xfe", "\xc3"}},
	}
	for _, tt := range tests {
		forEachChunkSize(t, tt.text, func(t *testing.T, d *Document) {
			if d.Text() != tt.text || d.Len() != len(tt.text) {
				t.Fatalf("Text/Len = %q/%d, want %q/%d", d.Text(), d.Len(), tt.text, len(tt.text))
			}
			if got := d.LineCount(); got != len(tt.lines) {
				t.Fatalf("LineCount = %d, want %d", got, len(tt.lines))
			}
			for i, want := range tt.lines {
				start, end := d.LineBounds(i)
				if got := tt.text[start:end]; got != want {
					t.Errorf("line %d = %q, want %q", i, got, want)
				}
			}
			if got, want := d.lineStarts(), referenceLineStarts(tt.text); !slices.Equal(got, want) {
				t.Errorf("line starts = %v, want %v", got, want)
			}
		})
	}
}

func TestLineBoundsClamps(t *testing.T) {
	tests := []struct{ line, start, end int }{
		{-5, 0, 2},
		{0, 0, 2},
		{1, 4, 6},
		{2, 7, 9},
		{3, 7, 9},
		{1 << 40, 7, 9},
	}
	forEachChunkSize(t, "ab\r\ncd\nef", func(t *testing.T, d *Document) {
		for _, tt := range tests {
			start, end := d.LineBounds(tt.line)
			if start != tt.start || end != tt.end {
				t.Errorf("LineBounds(%d) = %d, %d; want %d, %d", tt.line, start, end, tt.start, tt.end)
			}
		}
	})
}

func TestZeroDocument(t *testing.T) {
	var zero Document
	for _, d := range []*Document{&zero, nil} {
		testEmpty(t, d)
	}
}

func testEmpty(t *testing.T, d *Document) {
	if d.LineCount() != 1 || d.Len() != 0 || d.Text() != "" || d.Slice(0, 4) != "" {
		t.Fatalf("zero Document: LineCount %d, Len %d", d.LineCount(), d.Len())
	}
	if s, e := d.LineBounds(3); s != 0 || e != 0 {
		t.Errorf("LineBounds = %d, %d", s, e)
	}
	if o := d.Offset(Position{2, 2}, UTF16); o != 0 {
		t.Errorf("Offset = %d", o)
	}
	if p := d.Position(5, UTF16); p != (Position{}) {
		t.Errorf("Position = %v", p)
	}
	got := d.Apply([]Change{{Range: &Range{}, Text: "a\nb"}}, UTF16)
	if got.Text() != "a\nb" || got.LineCount() != 2 {
		t.Errorf("Apply on zero Document: %q with %d lines", got.Text(), got.LineCount())
	}
}

// mixed has one line of each kind of character: ASCII, 2-, 3- and 4-byte
// UTF-8, invalid bytes, NUL, and all three terminators.
const mixed = "aé€😀b\r\n\xff\x00z\rx\xe2\x82y\n😀😀"

func TestOffset(t *testing.T) {
	// Byte layout of mixed, line 0: a(0) é(1-2) €(3-5) 😀(6-9) b(10) CRLF(11-12).
	// Line 1 starts at 13: \xff(13) \x00(14) z(15) CR(16).
	// Line 2 starts at 17: x(17) \xe2(18) \x82(19) y(20) LF(21).
	// Line 3 starts at 22: 😀(22-25) 😀(26-29); end 30.
	tests := []struct {
		name string
		pos  Position
		enc  Encoding
		want int
	}{
		{"start", Position{0, 0}, UTF16, 0},
		{"after é utf16", Position{0, 2}, UTF16, 3},
		{"after é utf8", Position{0, 3}, UTF8, 3},
		{"inside é utf8", Position{0, 2}, UTF8, 1},
		{"after € utf32", Position{0, 3}, UTF32, 6},
		{"inside surrogate pair", Position{0, 4}, UTF16, 6},
		{"after emoji utf16", Position{0, 5}, UTF16, 10},
		{"after emoji utf8", Position{0, 10}, UTF8, 10},
		{"inside emoji utf8", Position{0, 8}, UTF8, 6},
		{"after emoji utf32", Position{0, 4}, UTF32, 10},
		{"end of line", Position{0, 6}, UTF16, 11},
		{"past end of line", Position{0, 99}, UTF16, 11},
		{"past end of line utf8", Position{0, 99}, UTF8, 11},
		{"invalid byte is one unit", Position{1, 1}, UTF16, 14},
		{"invalid byte is one unit utf8", Position{1, 1}, UTF8, 14},
		{"NUL", Position{1, 2}, UTF32, 15},
		{"lone CR line end", Position{1, 9}, UTF8, 16},
		{"truncated sequence is two units", Position{2, 3}, UTF16, 20},
		{"truncated sequence utf8", Position{2, 2}, UTF8, 19},
		{"last line", Position{3, 2}, UTF16, 26},
		{"last line past end", Position{3, 9}, UTF16, 30},
		{"line past last", Position{4, 0}, UTF16, 30},
		{"line far past last", Position{1 << 50, 1}, UTF8, 30},
		{"negative line", Position{-1, 1}, UTF16, 1},
		{"negative character", Position{2, -3}, UTF16, 17},
		{"unknown encoding is utf16", Position{0, 2}, Encoding(9), 3},
	}
	for _, tt := range tests {
		if ref := referenceOffset(mixed, tt.pos, tt.enc%3); ref != tt.want {
			t.Errorf("%s: reference disagrees with the table: %d", tt.name, ref)
		}
	}
	forEachChunkSize(t, mixed, func(t *testing.T, d *Document) {
		for _, tt := range tests {
			if got := d.Offset(tt.pos, tt.enc); got != tt.want {
				t.Errorf("%s: Offset(%v, %v) = %d, want %d", tt.name, tt.pos, tt.enc, got, tt.want)
			}
		}
	})
}

func TestPosition(t *testing.T) {
	tests := []struct {
		name   string
		offset int
		enc    Encoding
		want   Position
	}{
		{"start", 0, UTF16, Position{0, 0}},
		{"negative", -7, UTF16, Position{0, 0}},
		{"inside é", 2, UTF16, Position{0, 1}},
		{"after é", 3, UTF16, Position{0, 2}},
		{"after é utf8", 3, UTF8, Position{0, 3}},
		{"inside €", 5, UTF32, Position{0, 2}},
		{"inside emoji", 8, UTF16, Position{0, 3}},
		{"after emoji utf16", 10, UTF16, Position{0, 5}},
		{"after emoji utf8", 10, UTF8, Position{0, 10}},
		{"after emoji utf32", 10, UTF32, Position{0, 4}},
		{"before CRLF", 11, UTF16, Position{0, 6}},
		{"between CR and LF", 12, UTF16, Position{0, 6}},
		{"after CRLF", 13, UTF16, Position{1, 0}},
		{"after invalid byte", 14, UTF16, Position{1, 1}},
		{"after lone CR", 17, UTF8, Position{2, 0}},
		{"after truncated sequence", 20, UTF16, Position{2, 3}},
		{"end", 30, UTF16, Position{3, 4}},
		{"end utf32", 30, UTF32, Position{3, 2}},
		{"past end", 1000, UTF8, Position{3, 8}},
	}
	for _, tt := range tests {
		if ref := referencePosition(mixed, tt.offset, tt.enc); ref != tt.want {
			t.Errorf("%s: reference disagrees with the table: %v", tt.name, ref)
		}
	}
	forEachChunkSize(t, mixed, func(t *testing.T, d *Document) {
		for _, tt := range tests {
			if got := d.Position(tt.offset, tt.enc); got != tt.want {
				t.Errorf("%s: Position(%d, %v) = %v, want %v", tt.name, tt.offset, tt.enc, got, tt.want)
			}
		}
	})
}

func TestOffsetsAndRangeOf(t *testing.T) {
	d := New("héllo\nwörld")
	tests := []struct {
		name       string
		r          Range
		start, end int
	}{
		{"forward", Range{Position{0, 1}, Position{1, 2}}, 1, 10},
		{"empty", Range{Position{1, 1}, Position{1, 1}}, 8, 8},
		{"reversed is empty at start", Range{Position{1, 2}, Position{0, 1}}, 10, 10},
		{"clamped", Range{Position{-1, -1}, Position{9, 9}}, 0, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := d.Offsets(tt.r, UTF16)
			if start != tt.start || end != tt.end {
				t.Fatalf("Offsets = %d, %d; want %d, %d", start, end, tt.start, tt.end)
			}
			r := d.RangeOf(start, end, UTF16)
			if s, e := d.Offsets(r, UTF16); s != start || e != end {
				t.Errorf("RangeOf(%d, %d) = %v, which is %d, %d", start, end, r, s, e)
			}
		})
	}
	if r := d.RangeOf(5, 2, UTF8); r.Start != r.End || r.Start != (Position{0, 5}) {
		t.Errorf("reversed RangeOf = %v, want empty at {0 5}", r)
	}
}

func TestSlice(t *testing.T) {
	const text = "one\ntwo\r\nthree\rfour"
	tests := []struct{ start, end int }{
		{0, 0}, {0, 3}, {2, 9}, {4, len(text)}, {-3, 5}, {5, 1 << 30}, {9, 2}, {0, len(text)},
	}
	forEachChunkSize(t, text, func(t *testing.T, d *Document) {
		// An edit that changes nothing visible drops the cached joined text,
		// so Slice has to read the chunks.
		d = d.Apply([]Change{{rng(1, 1, 1, 2), "w"}}, UTF8)
		for _, tt := range tests {
			s, e := min(max(tt.start, 0), len(text)), min(max(tt.end, 0), len(text))
			want := ""
			if s < e {
				want = text[s:e]
			}
			if got := d.Slice(tt.start, tt.end); got != want {
				t.Errorf("Slice(%d, %d) = %q, want %q", tt.start, tt.end, got, want)
			}
		}
	})
}

func TestEncodingNames(t *testing.T) {
	for _, enc := range encodings {
		got, ok := ParseEncoding(enc.String())
		if !ok || got != enc {
			t.Errorf("ParseEncoding(%q) = %v, %v", enc.String(), got, ok)
		}
	}
	if _, ok := ParseEncoding("utf-7"); ok {
		t.Error("ParseEncoding accepted utf-7")
	}
}

// readBook returns the Rust Book chapters concatenated, as the server would
// hold them as one document.
func readBook(tb testing.TB) string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "rust-book", "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no rust-book chapters: %v", err)
	}
	slices.Sort(paths)
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

// TestBookAgainstReference checks the line index and a sample of position
// conversions on a large real document against the reference walk.
func TestBookAgainstReference(t *testing.T) {
	book := readBook(t)
	d := New(book)
	if got, want := d.lineStarts(), referenceLineStarts(book); !slices.Equal(got, want) {
		t.Fatalf("line index differs from the reference: %d lines, want %d", len(got), len(want))
	}
	for _, enc := range encodings {
		bs := referenceBoundaries(book, enc)
		for i := 0; i < len(bs); i += 13 {
			b := bs[i]
			if got := d.Position(b.offset, enc); got != b.pos {
				t.Fatalf("%v: Position(%d) = %v, want %v", enc, b.offset, got, b.pos)
			}
			if got := d.Offset(b.pos, enc); got != b.offset {
				t.Fatalf("%v: Offset(%v) = %d, want %d", enc, b.pos, got, b.offset)
			}
		}
	}
}

func ExampleDocument_Position() {
	d := New("liaise 😀\r\nliaison")
	for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
		fmt.Println(enc, d.Position(d.Len(), enc), d.Position(11, enc))
	}
	// Output:
	// utf-8 {1 7} {0 11}
	// utf-16 {1 7} {0 9}
	// utf-32 {1 7} {0 8}
}

// TestConcurrentReads reads one Document from several goroutines, including
// the first call to Text, which builds and caches the joined text (run with
// -race).
func TestConcurrentReads(t *testing.T) {
	base := newDocument(strings.Repeat("liaise 😀\r\nliaison\n", 50), 64)
	d := base.Apply([]Change{{rng(3, 0, 3, 0), "x"}}, UTF16)
	want := referenceApply(base.Text(), []Change{{rng(3, 0, 3, 0), "x"}}, UTF16)
	done := make(chan string)
	for g := range 4 {
		go func() {
			var msg string
			for o := g; o < d.Len(); o += 7 {
				p := d.Position(o, UTF16)
				if got := referencePosition(want, o, UTF16); got != p {
					msg = fmt.Sprintf("Position(%d) = %v, want %v", o, p, got)
					break
				}
			}
			if d.Text() != want || d.Slice(5, 40) != want[5:40] {
				msg = "Text or Slice differs"
			}
			done <- msg
		}()
	}
	for range 4 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
