package text

import (
	"sort"
	"strings"
)

// Position is a place in a document as LSP gives it: a zero-based line and
// a zero-based Character counted in code units of some Encoding.
type Position struct{ Line, Character int }

// Range is a span between two Positions; End is exclusive.
type Range struct{ Start, End Position }

// Document is the UTF-8 text of one document revision with its line index.
// It is immutable after construction and safe for concurrent reads. Build
// one with New; the zero Document is an empty text.
type Document struct {
	text string
	// lineStarts holds the byte offset at which each line starts, in
	// increasing order; lineStarts[0] == 0. Empty only in the zero Document.
	lineStarts []int
}

// New returns a Document holding text. Any bytes are accepted.
func New(text string) *Document {
	return &Document{text: text, lineStarts: appendLineStarts(make([]int, 0, estimateLines(text)), text, 0)}
}

// estimateLines guesses the number of lines of text, for preallocation.
func estimateLines(text string) int {
	return strings.Count(text, "\n") + 1
}

// appendLineStarts appends 0 and the start of every further line of text,
// each increased by base, to starts.
func appendLineStarts(starts []int, text string, base int) []int {
	starts = append(starts, base)
	if !strings.Contains(text, "\r") {
		// Fast path: only LF terminators.
		for i := 0; ; {
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return starts
			}
			i += j + 1
			starts = append(starts, base+i)
		}
	}
	for i := 1; i <= len(text); i++ {
		if isLineStart(text, i) {
			starts = append(starts, base+i)
		}
	}
	return starts
}

// isLineStart reports whether a line starts at byte offset i of text, for
// 0 < i <= len(text): whether a terminator ends just before i. It looks only
// at text[i-1] and text[i], which is what lets Apply update the index
// locally.
func isLineStart(text string, i int) bool {
	switch text[i-1] {
	case '\n':
		return true
	case '\r':
		return i == len(text) || text[i] != '\n'
	}
	return false
}

// Text returns the document's text.
func (d *Document) Text() string { return d.text }

// Len returns the length of the text in bytes.
func (d *Document) Len() int { return len(d.text) }

// LineCount returns the number of lines: one more than the number of line
// terminators.
func (d *Document) LineCount() int { return max(1, len(d.lineStarts)) }

// lineStart returns the offset at which line starts, for a line in
// [0, LineCount()].
func (d *Document) lineStart(line int) int {
	if line >= len(d.lineStarts) {
		if line == 0 {
			return 0
		}
		return len(d.text)
	}
	return d.lineStarts[line]
}

// LineBounds returns the byte offsets of the start and end of line; end
// excludes the line terminator. A line below 0 is taken as the first line,
// one past the last as the last line.
func (d *Document) LineBounds(line int) (start, end int) {
	count := d.LineCount()
	line = min(max(line, 0), count-1)
	start = d.lineStart(line)
	if line == count-1 {
		return start, len(d.text)
	}
	next := d.lineStarts[line+1]
	end = next - 1
	if d.text[end] == '\n' && end > start && d.text[end-1] == '\r' {
		end--
	}
	return start, end
}

// lineOf returns the line holding byte offset, which must be in
// [0, Len()].
func (d *Document) lineOf(offset int) int {
	// The last line whose start is <= offset.
	return max(sort.SearchInts(d.lineStarts, offset+1)-1, 0)
}

// Offset returns the byte offset of p, whose Character counts code units of
// enc. Out-of-range positions clamp as the package documentation says: a
// negative field is 0, a Line past the last line is the end of the
// document, a Character past the end of the line is the end of the line, and
// a Character inside a character is the start of that character.
func (d *Document) Offset(p Position, enc Encoding) int {
	line := max(p.Line, 0)
	if line >= d.LineCount() {
		return len(d.text)
	}
	want := max(p.Character, 0)
	start, end := d.LineBounds(line)
	i, col := start, 0
	for i < end && col < want {
		size, units := nextChar(d.text[i:end], enc)
		if col+units > want {
			break // want falls inside this character
		}
		i += size
		col += units
	}
	return i
}

// Position returns the position of byte offset in code units of enc. An
// offset below 0 or past the end clamps to 0 or the end; an offset inside a
// character, or between the CR and LF of a CRLF, clamps to the start of that
// character or terminator.
func (d *Document) Position(offset int, enc Encoding) Position {
	offset = min(max(offset, 0), len(d.text))
	line := d.lineOf(offset)
	start, end := d.LineBounds(line)
	offset = min(offset, end)
	i, col := start, 0
	for i < offset {
		size, units := nextChar(d.text[i:end], enc)
		if i+size > offset {
			break // offset falls inside this character
		}
		i += size
		col += units
	}
	return Position{Line: line, Character: col}
}

// Offsets returns the byte offsets of r's start and end, each clamped as
// Offset does. If the end comes before the start, the range is empty at its
// start: end == start.
func (d *Document) Offsets(r Range, enc Encoding) (start, end int) {
	start = d.Offset(r.Start, enc)
	end = d.Offset(r.End, enc)
	return start, max(start, end)
}

// RangeOf returns the Range from byte offset start to byte offset end in code
// units of enc, each clamped as Position does. If end < start the range is
// empty at start.
func (d *Document) RangeOf(start, end int, enc Encoding) Range {
	s := d.Position(start, enc)
	if end <= start {
		return Range{Start: s, End: s}
	}
	return Range{Start: s, End: d.Position(end, enc)}
}
