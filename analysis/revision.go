package analysis

import (
	"context"
	"strings"

	"liaison/analysis/markup"
	"liaison/analysis/text"
)

// ChunkHandle is a Cache's handle on a chunk it keeps (Chunks, PutChunk),
// which a later call gives back to Retain. Its type is the cache's own.
type ChunkHandle any

// Revision is what AnalyzeNext keeps of one revision of a document for
// the next: its text, chunks, their blocks and the cache's handles on
// them, and its link definitions. With it the next revision is split,
// keyed and looked up only around the edit (a keystroke in the Rust Book
// touches 2 or 3 of its 5,000 chunks): re-splitting every line, re-scanning
// the link definitions and hashing every chunk's text into the cache were
// 3.5 ms of a 5 ms keystroke, profiled. It is immutable, and valid only
// with the Cache it was made with.
type Revision struct {
	format, optsKey string
	src             text.Source
	table           chunkTable // the chunks, their blocks and handles
	defs            *markup.Definitions
	// The edit from the previous revision: src[start:end] replaced
	// previous[start:prevEnd]; edited is false when there was none to
	// compare with.
	start, prevEnd, end int
	edited              bool
}

// Edit says how a text was made from an earlier one, Base: the text has
// Base's first Start bytes, and its bytes from End on are Base's from
// BaseEnd on; what lies between was replaced (the span may be wider than
// what differs). An editor's document knows it (text.Document.Edit), so
// that two revisions of a megabyte need not be compared to find a
// keystroke: CommonEnds over the Rust Book, twice per keystroke, was 5%
// of its CPU, profiled.
type Edit struct {
	Base                string
	Start, BaseEnd, End int
}

// Ends returns the lengths of a common prefix and a common suffix of a
// and b, b being a revision of a, as text.CommonEnds does but from e when
// e tells how b was made from a (e.Base == a, which costs nothing when
// they are the same string): prefix+suffix is at most the shorter length,
// and each may be shorter than the longest. e is trusted to be about b.
func (e *Edit) Ends(a, b string) (prefix, suffix int) {
	if e != nil && len(e.Base) == len(a) && 0 <= e.Start && e.Start <= e.BaseEnd && e.BaseEnd <= len(a) &&
		e.Start <= e.End && e.End <= len(b) && len(a)-e.BaseEnd == len(b)-e.End && e.Base == a {
		return e.Start, len(b) - e.End
	}
	return text.CommonEnds(a, b)
}

// Edit returns what changed from the previous revision: src[start:end]
// replaced the previous text's [start:prevEnd]. ok is false when r was
// analysed without a previous revision (everything may have changed).
func (r *Revision) Edit() (start, prevEnd, end int, ok bool) {
	if r == nil {
		return 0, 0, 0, false
	}
	return r.start, r.prevEnd, r.end, r.edited
}

// AnalyzeNext is AnalyzeWith for a revision of the document whose
// previous revision prev describes (nil: none, or another document): the
// chunks before and after the edit are prev's, kept in the cache with
// Retain rather than looked up again. It returns the Revision to give the
// next call. The result is AnalyzeWith's, exactly.
func (a *Analyzer) AnalyzeNext(ctx context.Context, cache Cache, prev *Revision, languageID, src string) (*Result, *Revision, error) {
	return a.analyze(ctx, cache, prev, nil, languageID, text.String(src), true)
}

// AnalyzeEdit is AnalyzeNext for a src that edit says how was made from
// an earlier text (nil: unknown): when that text is prev's, the two are
// not compared to find the edit. The result is AnalyzeWith's, exactly.
func (a *Analyzer) AnalyzeEdit(ctx context.Context, cache Cache, prev *Revision, languageID, src string, edit *Edit) (*Result, *Revision, error) {
	return a.analyze(ctx, cache, prev, edit, languageID, text.String(src), true)
}

// AnalyzeSource is AnalyzeNext for a revision read a span at a time: an
// editor's text.Document, whose text is never joined when prev is its
// previous revision's (a Document that Apply made shares the chunks an
// edit did not touch, so finding the edit compares no text either). Only
// the chunks around the edit are read. The result is AnalyzeWith's on
// the whole text, exactly.
func (a *Analyzer) AnalyzeSource(ctx context.Context, cache Cache, prev *Revision, languageID string, src text.Source) (*Result, *Revision, error) {
	return a.analyze(ctx, cache, prev, nil, languageID, src, true)
}

// reuse is the part of a new revision that prev already has: its first
// head and last tail chunks (both 0: none), and the link definitions; mid
// are the chunks between them, with offsets in src (every chunk when head
// and tail are 0). When the edit changed a definition, relabelled are the
// labels it changed: a kept chunk that may refer to one
// (markup.RefersToAny) is analysed again. edit, when not nil, says how src
// was made from prev's text.
func (a *Analyzer) reuse(prev *Revision, edit *Edit, format, languageID string, src text.Source) (mid []markup.Chunk, head, tail int, defs *markup.Definitions, relabelled map[string]bool, rev *Revision) {
	rev = &Revision{format: format, optsKey: a.optsKey, src: src}
	if prev == nil || prev.format != format || prev.optsKey != a.optsKey {
		whole := text.Whole(src)
		mid = markup.Split(languageID, whole)
		if markup.IsMarkdown(languageID) {
			defs = markup.ScanDefinitionsIn(whole, mid)
		}
		return mid, 0, 0, defs, nil, rev
	}
	prefix, suffix := ends(edit, prev.src, src)
	n, m := src.Len(), prev.src.Len()
	rev.start, rev.prevEnd, rev.end, rev.edited = prefix, m-suffix, n-suffix, true
	pt := &prev.table
	mid, head, tail = markup.Resplit(languageID, m, pt, src, prefix, suffix)
	if !markup.IsMarkdown(languageID) {
		return mid, head, tail, nil, nil, rev
	}
	// The definitions are parsed from the chunks that may hold one, in
	// order: if no chunk the edit replaced or made holds one, they are
	// prev's.
	if definesAnyIn(prev.src, pt, head, pt.n-tail) || definesAny(src, mid) {
		defs = markup.ScanDefinitionsSource(src, joinChunks(pt, head, tail, mid, n-m))
		if defs.Key() != prev.defs.Key() {
			// A chunk's key holds the definitions' fingerprint: the
			// chunks kept are kept by handle, but those that may refer
			// to a changed label are parsed again.
			relabelled = defs.ChangedLabels(prev.defs)
		}
	} else {
		defs = prev.defs
	}
	return mid, head, tail, defs, relabelled, rev
}

// joinChunks returns the chunks of a revision made from t's: its first
// head and last tail chunks, moved by delta, about mid.
func joinChunks(t *chunkTable, head, tail int, mid []markup.Chunk, delta int) []markup.Chunk {
	out := make([]markup.Chunk, 0, head+len(mid)+tail)
	for i := range head {
		out = append(out, t.At(i))
	}
	out = append(out, mid...)
	for i := t.n - tail; i < t.n; i++ {
		c := t.At(i)
		out = append(out, markup.Chunk{Start: c.Start + delta, End: c.End + delta, Flags: c.Flags})
	}
	return out
}

// ends returns the lengths of a common prefix and suffix of two revisions
// a and b (see Edit.Ends): from edit when it tells how the string b was
// made from the string a, else compared (two Documents chunk by chunk,
// text.SourceEnds).
func ends(edit *Edit, a, b text.Source) (prefix, suffix int) {
	sa, okA := a.(text.String)
	sb, okB := b.(text.String)
	if okA && okB {
		return edit.Ends(string(sa), string(sb))
	}
	return text.SourceEnds(a, b)
}

// definesAny reports whether a chunk may hold a link reference definition
// (as markup.ScanDefinitionsIn picks them).
func definesAny(src text.Source, chunks []markup.Chunk) bool {
	for _, c := range chunks {
		if defines(src, c) {
			return true
		}
	}
	return false
}

// definesAnyIn is definesAny for chunks lo..hi-1 of t.
func definesAnyIn(src text.Source, t *chunkTable, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if defines(src, t.At(i)) {
			return true
		}
	}
	return false
}

func defines(src text.Source, c markup.Chunk) bool {
	return c.Flags&(markup.FrontMatter|markup.TooDeep) == 0 && strings.Contains(src.Slice(c.Start, c.End), "]:")
}
