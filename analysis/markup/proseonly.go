package markup

import "sort"

// Range is a byte range [Start, End).
type Range struct{ Start, End int }

// Markup returns the parts of the block's source that are not plain prose,
// relative to Block.Start, sorted and disjoint: the bytes no span covers
// (inline tags and comments, emphasis markers, link destinations, a block
// quote's ">" on a continuation line) and the source of every atomic span
// but a plain line ending (entities, escapes, placeholders for inline code,
// hard line breaks). source is the block's source text, the document's
// [Start, End). Replacing a source range that overlaps one of them would
// delete or rewrite markup, so a fix is offered only for a range that
// overlaps none (ProseOnly). A block of plain prose has none.
func (b *Block) Markup(source string) []Range {
	var out []Range
	add := func(start, end int) {
		if start >= end {
			return
		}
		if n := len(out); n > 0 && out[n-1].End >= start {
			out[n-1].End = max(out[n-1].End, end)
			return
		}
		out = append(out, Range{start, end})
	}
	pos := 0
	for _, sp := range b.Spans {
		add(pos, sp.SourceStart)
		if sp.Atomic && !isLineEnding(source, sp.SourceStart, sp.SourceEnd) {
			add(sp.SourceStart, sp.SourceEnd)
		}
		pos = max(pos, sp.SourceEnd)
	}
	add(pos, b.End-b.Start)
	return out
}

// isLineEnding reports whether source[start:end] is exactly one line
// ending: "\n", "\r\n" or "\r". A soft line break is that and reads as a
// space; rewriting it loses nothing.
func isLineEnding(source string, start, end int) bool {
	if start < 0 || end > len(source) {
		return false
	}
	switch source[start:end] {
	case "\n", "\r\n", "\r":
		return true
	}
	return false
}

// ProseOnly reports whether the source range [start, end) overlaps none of
// the markup ranges (sorted and disjoint, as Block.Markup returns them): a
// fix that replaces it rewrites prose only. An empty range is prose when
// it is not strictly inside a markup range. It costs O(log len(markup)).
func ProseOnly(markup []Range, start, end int) bool {
	// The first markup range that ends after start.
	i := sort.Search(len(markup), func(i int) bool { return markup[i].End > start })
	if i == len(markup) {
		return true
	}
	if start == end {
		return markup[i].Start >= start
	}
	return markup[i].Start >= end
}
