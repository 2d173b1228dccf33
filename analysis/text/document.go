package text

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"weak"
)

// Position is a place in a document as LSP gives it: a zero-based line and
// a zero-based Character counted in code units of some Encoding.
type Position struct{ Line, Character int }

// Range is a span between two Positions; End is exclusive.
type Range struct{ Start, End Position }

// defaultChunkSize is the size in bytes the text is cut into. An edit copies
// about one chunk and touches one entry per chunk, so the cost of Apply is
// about chunk size + document size / chunk size.
const defaultChunkSize = 8 << 10

// Document is the UTF-8 text of one document revision with its line index.
// It is immutable after construction and safe for concurrent reads. Build
// one with New; the zero Document is an empty text.
//
// The text is held in chunks of whole lines, each with its own line index,
// so that Apply copies only the chunks an edit touches and never the whole
// text. Text joins the chunks on first use and keeps the result.
type Document struct {
	chunks []chunk
	// offsets[k] is the byte offset at which chunks[k] starts and lines[k]
	// the index of its first line; offsets[len(chunks)] is the length of
	// the text and lines[len(chunks)] the number of lines.
	offsets, lines []int
	chunkSize      int
	stride         int                    // between checkpoints of long lines; 0 is defaultStride (columns.go)
	text           atomic.Pointer[string] // the joined text, once built
	// edit says how Apply made the text from an earlier revision's joined
	// text, base (see Edit); base is weak so that a revision never pins
	// an earlier one's text.
	base                           weak.Pointer[string]
	editStart, editBaseEnd, edited int
	hasEdit                        bool
}

// chunk is a run of whole lines: it starts at a line start, and every chunk
// but the last ends with a line terminator, so no terminator is cut in two.
// Only the sole chunk of an empty document is empty.
type chunk struct {
	text string
	// starts holds the offset, relative to the chunk, of each line that
	// starts in it: starts[0] == 0. The last chunk's starts include
	// len(text) when the document ends with a line terminator.
	starts []int
	// cols indexes the columns of the chunk's long lines (columns.go);
	// nil only in the empty chunk of an empty document.
	cols *columnIndex
}

// emptyDocument stands in for the zero Document and a nil *Document.
var emptyDocument = sync.OnceValue(func() *Document { return New("") })

// New returns a Document holding text. Any bytes are accepted.
func New(text string) *Document {
	return newDocument(text, defaultChunkSize)
}

// newDocument returns a Document holding text cut into chunks of about
// chunkSize bytes. The chunks share text's memory.
func newDocument(text string, chunkSize int) *Document {
	d := assemble(split(text, chunkSize, true), chunkSize)
	d.text.Store(&text)
	return d
}

// assemble returns a Document of chunks, with its prefix tables.
func assemble(chunks []chunk, chunkSize int) *Document {
	if len(chunks) == 0 {
		chunks = []chunk{{starts: []int{0}}}
	}
	d := &Document{
		chunks:    chunks,
		offsets:   make([]int, len(chunks)+1),
		lines:     make([]int, len(chunks)+1),
		chunkSize: chunkSize,
	}
	for k, c := range chunks {
		d.offsets[k+1] = d.offsets[k] + len(c.text)
		d.lines[k+1] = d.lines[k] + len(c.starts)
	}
	return d
}

// split cuts text, which must start at a line start and end at a line start
// or at the end of the document, into chunks of whole lines of about
// chunkSize bytes: each cut is the first line start at least chunkSize bytes
// after the previous one, unless less than half a chunk would be left. last
// says whether text ends the document. An empty text gives no chunks. The
// chunks share text's memory and one array of line starts.
func split(text string, chunkSize int, last bool) []chunk {
	if text == "" {
		return nil
	}
	chunkSize = max(chunkSize, 1)
	all := appendLineStarts(make([]int, 0, strings.Count(text, "\n")+1), text)
	chunks := make([]chunk, 0, len(text)/chunkSize+1)
	for p, first := 0, 0; p < len(text); {
		cut, next := len(text), len(all) // the chunk's end and its lines' end in all
		if len(text)-p >= chunkSize+chunkSize/2 {
			if i := first + lastAtMost(all[first:], p+chunkSize-1) + 1; i < len(all) && all[i] < len(text) {
				cut, next = all[i], i
			}
		}
		starts := all[first:next:next]
		for j := range starts {
			starts[j] -= p
		}
		if cut == len(text) && !last && starts[len(starts)-1] == cut-p {
			starts = starts[:len(starts)-1] // that line starts in the next chunk
		}
		chunks = append(chunks, chunk{text: text[p:cut], starts: starts, cols: new(columnIndex)})
		p, first = cut, next
	}
	return chunks
}

// appendLineStarts appends 0 and the offset of the start of every further
// line of text to starts, including len(text) if text ends with a line
// terminator.
func appendLineStarts(starts []int, text string) []int {
	starts = append(starts, 0)
	if !strings.Contains(text, "\r") {
		// Fast path: only LF terminators.
		for i := 0; ; {
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return starts
			}
			i += j + 1
			starts = append(starts, i)
		}
	}
	for i := 1; i <= len(text); i++ {
		if isLineStart(text, i) {
			starts = append(starts, i)
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

// nonZero returns d, or the empty Document for the zero Document or nil.
func (d *Document) nonZero() *Document {
	if d == nil || len(d.chunks) == 0 {
		return emptyDocument()
	}
	return d
}

// Text returns the document's text. After Apply the text is joined from its
// chunks on the first call, which costs a copy of the whole text; later
// calls return the same string.
func (d *Document) Text() string {
	d = d.nonZero()
	if t := d.text.Load(); t != nil {
		return *t
	}
	var b strings.Builder
	b.Grow(d.Len())
	for _, c := range d.chunks {
		b.WriteString(c.text)
	}
	t := b.String()
	d.text.Store(&t) // a concurrent caller may store an equal string: harmless
	return t
}

// DominantEnding returns DominantEnding of the document's text, joining
// the text only when some chunk holds a CR: a document without one ends
// its lines with LF, found without the join (1.2 MB for the Rust Book).
func (d *Document) DominantEnding() string {
	d = d.nonZero()
	for _, c := range d.chunks {
		if strings.IndexByte(c.text, '\r') >= 0 {
			return DominantEnding(d.Text())
		}
	}
	return LF
}

// Slice returns the text from byte offset start to byte offset end, each
// clamped to [0, Len()]; empty if end <= start. It does not need the whole
// text joined, and copies nothing when the span lies within one chunk.
func (d *Document) Slice(start, end int) string {
	d = d.nonZero()
	start = min(max(start, 0), d.Len())
	end = min(max(end, start), d.Len())
	if t := d.text.Load(); t != nil {
		return (*t)[start:end]
	}
	k := d.chunkAt(start)
	if end-d.offsets[k] <= len(d.chunks[k].text) {
		return d.chunks[k].text[start-d.offsets[k] : end-d.offsets[k]]
	}
	var b strings.Builder
	b.Grow(end - start)
	for ; k < len(d.chunks) && d.offsets[k] < end; k++ {
		c, base := d.chunks[k].text, d.offsets[k]
		b.WriteString(c[max(start-base, 0):min(end-base, len(c))])
	}
	return b.String()
}

// Len returns the length of the text in bytes.
func (d *Document) Len() int {
	d = d.nonZero()
	return d.offsets[len(d.chunks)]
}

// LineCount returns the number of lines: one more than the number of line
// terminators.
func (d *Document) LineCount() int {
	d = d.nonZero()
	return d.lines[len(d.chunks)]
}

// chunkAt returns the index of the chunk holding byte offset, which must be
// in [0, Len()]; the end of the text is in the last chunk.
func (d *Document) chunkAt(offset int) int {
	return min(lastAtMost(d.offsets, offset), len(d.chunks)-1)
}

// lastAtMost returns the index of the last element of sorted that is at
// most x, or 0 if there is none.
func lastAtMost(sorted []int, x int) int {
	lo, hi := 0, len(sorted) // the answer + 1 is in [lo, hi]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if sorted[mid] <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return max(lo-1, 0)
}

// line locates line, which must be in [0, LineCount()): the index of its
// chunk and the offsets of its start and end (before the terminator)
// relative to that chunk.
func (d *Document) line(line int) (k, start, end int) {
	k = min(lastAtMost(d.lines, line), len(d.chunks)-1)
	start, end = d.lineIn(k, line-d.lines[k])
	return k, start, end
}

// lineIn returns the offsets of the start and end (before the terminator)
// of the j-th line of chunk k, relative to the chunk.
func (d *Document) lineIn(k, j int) (start, end int) {
	c := d.chunks[k]
	start = c.starts[j]
	if k == len(d.chunks)-1 && j == len(c.starts)-1 {
		return start, len(c.text) // the last line has no terminator
	}
	next := len(c.text)
	if j+1 < len(c.starts) {
		next = c.starts[j+1]
	}
	end = next - 1
	if c.text[end] == '\n' && end > start && c.text[end-1] == '\r' {
		end--
	}
	return start, end
}

// LineBounds returns the byte offsets of the start and end of line; end
// excludes the line terminator. A line below 0 is taken as the first line,
// one past the last as the last line.
func (d *Document) LineBounds(line int) (start, end int) {
	d = d.nonZero()
	line = min(max(line, 0), d.LineCount()-1)
	k, start, end := d.line(line)
	return d.offsets[k] + start, d.offsets[k] + end
}

// Offset returns the byte offset of p, whose Character counts code units of
// enc. Out-of-range positions clamp as the package documentation says: a
// negative field is 0, a Line past the last line is the end of the
// document, a Character past the end of the line is the end of the line, and
// a Character inside a character is the start of that character.
func (d *Document) Offset(p Position, enc Encoding) int {
	offset, _ := d.offset(p, enc)
	return offset
}

// offset is Offset, also returning how many bytes it walked: at most
// about a stride, however long the line (see columns.go).
func (d *Document) offset(p Position, enc Encoding) (offset, walked int) {
	d = d.nonZero()
	line := max(p.Line, 0)
	if line >= d.LineCount() {
		return d.Len(), 0
	}
	want := max(p.Character, 0)
	k, start, end := d.line(line)
	text := d.chunks[k].text
	i, col := d.resumeAtColumn(k, start, end, want, enc)
	from := i
	for i < end && col < want {
		if text[i] < utf8.RuneSelf { // ASCII, inline
			i++
			col++
			continue
		}
		size, units := nextChar(text[i:end], enc)
		if col+units > want {
			break // want falls inside this character
		}
		i += size
		col += units
	}
	return d.offsets[k] + i, i - from
}

// Position returns the position of byte offset in code units of enc. An
// offset below 0 or past the end clamps to 0 or the end; an offset inside a
// character, or between the CR and LF of a CRLF, clamps to the start of that
// character or terminator.
func (d *Document) Position(offset int, enc Encoding) Position {
	p, _ := d.position(offset, enc)
	return p
}

// position is Position, also returning how many bytes it walked: at most
// about a stride, however long the line (see columns.go).
func (d *Document) position(offset int, enc Encoding) (p Position, walked int) {
	d = d.nonZero()
	offset = min(max(offset, 0), d.Len())
	k := d.chunkAt(offset)
	c := d.chunks[k]
	rel := offset - d.offsets[k]
	j := lastAtMost(c.starts, rel)
	start, end := d.lineIn(k, j)
	rel = min(rel, end)
	i, col := d.resumeAtOffset(k, start, rel, enc)
	from := i
	for i < rel {
		if c.text[i] < utf8.RuneSelf { // ASCII, inline
			i++
			col++
			continue
		}
		size, units := nextChar(c.text[i:end], enc)
		if i+size > rel {
			break // offset falls inside this character
		}
		i += size
		col += units
	}
	return Position{Line: d.lines[k] + j, Character: col}, i - from
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
