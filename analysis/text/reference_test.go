package text

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds straightforward reference implementations that the tests
// and fuzz targets compare the Document against. They favour obviousness
// over speed: every conversion walks the whole text from its start.

// boundary is a character boundary of a text: a byte offset at which a
// position can point, with that position.
type boundary struct {
	offset int
	pos    Position
}

// referenceBoundaries lists every character boundary of text in increasing
// order of offset, with its position in code units of enc. The offset
// between the CR and LF of a CRLF is not a boundary; len(text) is.
func referenceBoundaries(text string, enc Encoding) []boundary {
	var out []boundary
	line, col := 0, 0
	for i := 0; i < len(text); {
		out = append(out, boundary{i, Position{line, col}})
		switch {
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			line, col, i = line+1, 0, i+2
			continue
		case text[i] == '\r' || text[i] == '\n':
			line, col, i = line+1, 0, i+1
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		units := 1
		if size > 1 { // a valid multi-byte character; an invalid byte is 1 unit
			switch enc {
			case UTF8:
				units = size
			case UTF16:
				units = utf16.RuneLen(r)
			}
		}
		col += units
		i += size
	}
	return append(out, boundary{len(text), Position{line, col}})
}

// referenceLineStarts returns the byte offset of the start of every line.
func referenceLineStarts(text string) []int {
	starts := []int{0}
	for _, b := range referenceBoundaries(text, UTF8) {
		if b.pos.Line == len(starts) {
			starts = append(starts, b.offset)
		}
	}
	return starts
}

// referenceOffset converts p to a byte offset by searching all boundaries.
func referenceOffset(text string, p Position, enc Encoding) int {
	line, char := max(p.Line, 0), max(p.Character, 0)
	bs := referenceBoundaries(text, enc)
	if line > bs[len(bs)-1].pos.Line {
		return len(text)
	}
	best := -1
	for _, b := range bs {
		if b.pos.Line == line && b.pos.Character <= char {
			best = b.offset // the last boundary of the line not past char
		}
	}
	return best
}

// referencePosition converts a byte offset to a position: that of the last
// boundary at or before it.
func referencePosition(text string, offset int, enc Encoding) Position {
	var pos Position
	for _, b := range referenceBoundaries(text, enc) {
		if b.offset <= offset {
			pos = b.pos
		}
	}
	return pos
}

// referenceApply applies changes by converting each range to offsets
// naively and splicing strings.
func referenceApply(text string, changes []Change, enc Encoding) string {
	for _, c := range changes {
		if c.Range == nil {
			text = c.Text
			continue
		}
		start := referenceOffset(text, c.Range.Start, enc)
		end := max(start, referenceOffset(text, c.Range.End, enc))
		text = text[:start] + c.Text + text[end:]
	}
	return text
}

// lineStarts returns d's line index flattened to absolute line starts.
func (d *Document) lineStarts() []int {
	d = d.nonZero()
	var out []int
	for k, c := range d.chunks {
		for _, s := range c.starts {
			out = append(out, d.offsets[k]+s)
		}
	}
	return out
}

// checkInvariants reports the first broken invariant of d's chunks, or "".
func (d *Document) checkInvariants() string {
	d = d.nonZero()
	text := d.Text()
	var joined strings.Builder
	for k, c := range d.chunks {
		if c.text == "" && len(d.chunks) > 1 {
			return fmt.Sprintf("chunk %d of %d is empty", k, len(d.chunks))
		}
		if d.offsets[k] != joined.Len() {
			return fmt.Sprintf("offsets[%d] = %d, want %d", k, d.offsets[k], joined.Len())
		}
		joined.WriteString(c.text)
		if k > 0 && !isLineStart(text, d.offsets[k]) {
			return fmt.Sprintf("chunk %d starts at %d, which is not a line start", k, d.offsets[k])
		}
	}
	if joined.String() != text {
		return "the chunks do not join to Text()"
	}
	if got, want := d.lineStarts(), referenceLineStarts(text); !slices.Equal(got, want) {
		return fmt.Sprintf("line index %v, want %v", got, want)
	}
	if d.LineCount() != len(d.lineStarts()) || d.Len() != len(text) {
		return fmt.Sprintf("LineCount %d, Len %d: tables out of date", d.LineCount(), d.Len())
	}
	return ""
}
