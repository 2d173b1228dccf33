package markup

import "sort"

// BlockKind says what kind of prose block a Block is.
type BlockKind uint8

const (
	Paragraph BlockKind = iota + 1
	Heading
	ListItem
	TableCell
	Quote // a paragraph inside a block quote
	Footnote
)

// String names the kind, for tests and logs.
func (k BlockKind) String() string {
	switch k {
	case Paragraph:
		return "paragraph"
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case TableCell:
		return "table-cell"
	case Quote:
		return "quote"
	case Footnote:
		return "footnote"
	}
	return "unknown"
}

// Span maps a run of prose to its source. A span that is not Atomic is
// text copied verbatim: prose and source runs have the same length and
// the same bytes, and the mapping is byte for byte. An Atomic span (an
// entity, an escape, a line break, a placeholder for inline code) maps as
// a whole: any prose byte in it maps to the whole source run. A span whose
// prose and source runs differ in length is always Atomic.
type Span struct {
	ProseStart, ProseEnd   int  // in Block.Prose
	SourceStart, SourceEnd int  // relative to Block.Start
	Placeholder            bool // stands in for inline code, inline math or a URL
	Atomic                 bool // maps as a whole, not byte for byte
}

// Block is one prose block: a paragraph, heading, list item's paragraph,
// table cell, block-quote paragraph or footnote paragraph.
type Block struct {
	Kind       BlockKind
	Start, End int // source byte range in the document
	// Prose is the prose text with the markup removed: always a string of
	// its own, never a slice of the source, so that an analysis kept in a
	// cache does not keep the document alive.
	Prose string
	Spans []Span // sorted, covering Prose without gaps
}

// SourceRange maps the prose range [proseStart, proseEnd) to the source
// range it came from, relative to Block.Start. A range that touches an
// atomic span widens to the whole of that span's source. Out-of-range
// arguments are clamped; it costs O(log len(Spans)).
func (b *Block) SourceRange(proseStart, proseEnd int) (start, end int) {
	if len(b.Spans) == 0 {
		return 0, 0
	}
	proseStart = min(max(proseStart, 0), len(b.Prose))
	proseEnd = min(max(proseEnd, proseStart), len(b.Prose))
	start = b.sourceOffset(proseStart, false)
	if proseEnd == proseStart {
		return start, start
	}
	end = b.sourceOffset(proseEnd, true)
	return start, max(start, end)
}

// sourceOffset maps one prose offset. For an end offset, the span holding
// the byte before it decides; for a start offset, the span holding the byte
// at it.
func (b *Block) sourceOffset(p int, isEnd bool) int {
	probe := p
	if isEnd {
		probe = p - 1
	}
	i := sort.Search(len(b.Spans), func(i int) bool { return b.Spans[i].ProseEnd > probe })
	if i == len(b.Spans) {
		return b.Spans[len(b.Spans)-1].SourceEnd
	}
	s := b.Spans[i]
	if s.Atomic {
		if isEnd {
			return s.SourceEnd
		}
		return s.SourceStart
	}
	return s.SourceStart + (p - s.ProseStart)
}
