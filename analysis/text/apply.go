package text

import (
	"strings"
	"weak"
)

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
// The text and its line index are updated incrementally: only the chunks of
// lines that an edit touches are copied and rescanned (a few kilobytes);
// the others are shared with d.
//
// The new Document records what changed (Edit) since the latest revision
// it descends from whose text was joined (by Text or New): the span one
// edit or several replaced, so that an analysis of its text need not
// compare two whole revisions to find it.
func (d *Document) Apply(changes []Change, enc Encoding) *Document {
	d = d.nonZero()
	orig := d
	// The edit so far, against base: text[:start] == base[:start] and the
	// last suffix bytes of both agree.
	var base *string
	var start, suffix int
	if t := d.text.Load(); t != nil {
		base, start, suffix = t, d.Len(), d.Len()
	} else if b := d.base.Value(); d.hasEdit && b != nil {
		base, start, suffix = b, d.editStart, d.Len()-d.edited
	}
	for _, c := range changes {
		if c.Range == nil {
			stride := d.stride
			d = newDocument(c.Text, d.chunkSize)
			d.stride = stride
			base = nil
			continue
		}
		from, to := d.Offsets(*c.Range, enc)
		if from == to && c.Text == "" {
			continue
		}
		start, suffix = min(start, from), min(suffix, d.Len()-to)
		d = d.replace(from, to, c.Text)
	}
	if d != orig && base != nil {
		// d is new: no one else holds it yet.
		suffix = min(suffix, d.Len()-start, len(*base)-start)
		d.base = weak.Make(base)
		d.editStart, d.editBaseEnd, d.edited, d.hasEdit = start, len(*base)-suffix, d.Len()-suffix, true
	}
	return d
}

// Edit returns how d's text was made from base, an earlier revision's:
// text[:start] is base[:start] and text[end:] is base[baseEnd:], the
// edit having replaced base[start:baseEnd] with text[start:end] (the span
// may be wider than what differs). ok is false when d was not made by
// Apply from a revision whose text had been joined, or when that text is
// no longer held anywhere else (base is not kept alive for this).
func (d *Document) Edit() (base string, start, baseEnd, end int, ok bool) {
	d = d.nonZero()
	if !d.hasEdit {
		return "", 0, 0, 0, false
	}
	b := d.base.Value()
	if b == nil {
		return "", 0, 0, 0, false
	}
	return *b, d.editStart, d.editBaseEnd, d.edited, true
}

// replace returns a new Document whose text is d's with the bytes
// [start, end) replaced by insert; 0 <= start <= end <= d.Len().
//
// Whether a line starts at offset i depends only on the bytes at i-1 and i
// (see isLineStart). The chunks from the one holding start to the one
// holding end are rebuilt; the chunk boundary after them stays a line start
// because the two bytes around it are unchanged. The boundary before them
// stays one too unless the edit starts right at it, in which case the
// previous chunk is rebuilt as well.
func (d *Document) replace(start, end int, insert string) *Document {
	if start == end && insert == "" {
		return d
	}
	lo, hi := d.chunkAt(start), d.chunkAt(end)
	if start == d.offsets[lo] && lo > 0 {
		lo--
	}
	size := d.offsets[hi+1] - d.offsets[lo] - (end - start) + len(insert)
	// Merge a region that has become small with a neighbour (always
	// allowed: chunks hold whole lines), so chunks do not dwindle.
	if size < d.chunkSize/4 {
		if hi+1 < len(d.chunks) {
			hi++
		} else if lo > 0 {
			lo--
		}
	}

	var b strings.Builder
	b.Grow(d.offsets[hi+1] - d.offsets[lo] - (end - start) + len(insert))
	for k := lo; k <= hi; k++ {
		c, base := d.chunks[k].text, d.offsets[k]
		b.WriteString(c[:min(max(start-base, 0), len(c))])
	}
	b.WriteString(insert)
	for k := lo; k <= hi; k++ {
		c, base := d.chunks[k].text, d.offsets[k]
		b.WriteString(c[min(max(end-base, 0), len(c)):])
	}
	rebuilt := split(b.String(), d.chunkSize, hi == len(d.chunks)-1)

	chunks := make([]chunk, 0, len(d.chunks)-(hi-lo+1)+len(rebuilt))
	chunks = append(chunks, d.chunks[:lo]...)
	chunks = append(chunks, rebuilt...)
	chunks = append(chunks, d.chunks[hi+1:]...)
	nd := assemble(chunks, d.chunkSize)
	nd.stride = d.stride
	return nd
}
