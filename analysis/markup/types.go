package markup

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

// Span maps a run of prose to its source. When the prose and source runs
// have the same length the mapping is byte for byte (text copied
// verbatim); otherwise the span is atomic (an entity, an escape, a
// placeholder for inline code) and any prose byte in it maps to the whole
// source run.
type Span struct {
	ProseStart, ProseEnd   int  // in Block.Prose
	SourceStart, SourceEnd int  // relative to Block.Start
	Placeholder            bool // stands in for inline code
}

// Block is one prose block: a paragraph, heading, list item's paragraph,
// table cell, block-quote paragraph or footnote paragraph.
type Block struct {
	Kind       BlockKind
	Start, End int    // source byte range in the document
	Prose      string // the prose text with the markup removed
	Spans      []Span // sorted, covering Prose without gaps
}
