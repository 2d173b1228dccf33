package text

import "sort"

// Change is one edit as LSP's didChange sends it: replace the text in Range
// with Text. A nil Range replaces the whole document (full sync).
type Change struct {
	Range *Range
	Text  string
}

// Apply returns a new Document with changes applied in order, each against
// the result of the previous one (LSP semantics), with ranges counted in code
// units of enc. Ranges clamp as Offsets does, so Apply never fails: a range
// past the end edits at the end, and a range whose End precedes its Start
// inserts at Start. d itself is not modified.
//
// The line index is updated incrementally: the text is copied once per
// change, the line starts before the edit are kept, the replacement text is
// scanned, and the line starts after the edit are shifted; the unchanged text
// is never rescanned.
func (d *Document) Apply(changes []Change, enc Encoding) *Document {
	for _, c := range changes {
		if c.Range == nil {
			d = New(c.Text)
			continue
		}
		start, end := d.Offsets(*c.Range, enc)
		d = d.replace(start, end, c.Text)
	}
	return d
}

// replace returns a new Document whose text is d's with the bytes
// [start, end) replaced by insert; 0 <= start <= end <= d.Len().
//
// Whether a line starts at offset i depends only on the bytes at i-1 and i
// (see isLineStart). So in the new text the line starts below start are the
// old ones, the line starts above start+len(insert) are the old ones above
// end shifted by the change in length, and only the offsets in
// [start, start+len(insert)] need looking at.
func (d *Document) replace(start, end int, insert string) *Document {
	if start == end && insert == "" {
		return d
	}
	old := d.lineStarts
	if len(old) == 0 {
		old = []int{0}
	}
	text := d.text[:start] + insert + d.text[end:]
	delta := len(insert) - (end - start)

	keep := sort.SearchInts(old, start) // old[:keep] are < start
	tail := sort.SearchInts(old, end+1) // old[tail:] are > end

	// The new line starts in [start, start+len(insert)], found by scanning.
	var middle []int
	if keep == 0 {
		middle = append(middle, 0) // start == 0: offset 0 always starts a line
	}
	for i := max(start, 1); i <= start+len(insert); i++ {
		if isLineStart(text, i) {
			middle = append(middle, i)
		}
	}

	starts := make([]int, 0, keep+len(middle)+len(old)-tail)
	starts = append(starts, old[:keep]...)
	starts = append(starts, middle...)
	for _, s := range old[tail:] {
		starts = append(starts, s+delta)
	}
	return &Document{text: text, lineStarts: starts}
}
