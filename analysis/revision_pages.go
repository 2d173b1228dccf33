package analysis

import (
	"slices"
	"sort"

	"liaison/analysis/markup"
)

// chunkTable is a revision's chunks with their blocks and cache handles,
// kept in pages whose chunk offsets are relative to the page's start. A
// new revision shares every page its edit did not touch, moved as a whole
// by changing the page's start: a keystroke in the Rust Book (5,300
// chunks) copies one page and the list of 80 pages instead of three
// arrays of every chunk, 370 KB that made the collector run every 75
// keystrokes and the keystroke it ran in 13 ms slow, profiled. A
// chunkTable is immutable once made; its pages are shared, never written.
type chunkTable struct {
	pages []pageRef
	n     int // chunks in all pages
}

// pageRef places a page in a document.
type pageRef struct {
	start int // document offset the page's chunk offsets are relative to
	first int // index of the page's first chunk in the document
	*chunkPage
}

// chunkPage is a run of chunks: their offsets (relative to the page's
// start), blocks (relative to the chunk) and handles.
type chunkPage struct {
	chunks  []markup.Chunk
	entries [][]Block
	handles []ChunkHandle
}

// pageChunks is how many chunks a page holds when pages are cut; an
// edit's page may grow to twice that before it is cut again.
const pageChunks = 64

// newChunkTable returns the table of chunks (document offsets), their
// blocks and handles.
func newChunkTable(chunks []markup.Chunk, entries [][]Block, handles []ChunkHandle) chunkTable {
	t := chunkTable{n: len(chunks), pages: make([]pageRef, 0, (len(chunks)+pageChunks-1)/pageChunks)}
	t.pages = appendPages(t.pages, 0, chunks, entries, handles, 0)
	return t
}

// appendPages cuts chunks (document offsets less delta) and theirs into
// pages of pageChunks, the first being chunk number first, and appends
// them to pages. The pages own copies of the three slices' parts.
func appendPages(pages []pageRef, first int, chunks []markup.Chunk, entries [][]Block, handles []ChunkHandle, delta int) []pageRef {
	for lo := 0; lo < len(chunks); lo += pageChunks {
		hi := min(lo+pageChunks, len(chunks))
		if len(chunks)-hi < pageChunks/2 {
			hi = len(chunks) // no small page at the end
		}
		start := chunks[lo].Start + delta
		p := &chunkPage{chunks: make([]markup.Chunk, hi-lo), entries: make([][]Block, hi-lo), handles: make([]ChunkHandle, hi-lo)}
		for i, c := range chunks[lo:hi] {
			p.chunks[i] = markup.Chunk{Start: c.Start + delta - start, End: c.End + delta - start, Flags: c.Flags}
		}
		copy(p.entries, entries[lo:hi])
		copy(p.handles, handles[lo:hi])
		pages = append(pages, pageRef{start: start, first: first + lo, chunkPage: p})
		lo = hi - pageChunks // the loop adds it back
	}
	return pages
}

// Len returns the number of chunks (markup.ChunkList).
func (t *chunkTable) Len() int { return t.n }

// At returns chunk i with document offsets (markup.ChunkList).
func (t *chunkTable) At(i int) markup.Chunk {
	p := t.pageOf(i)
	c := p.chunks[i-p.first]
	return markup.Chunk{Start: p.start + c.Start, End: p.start + c.End, Flags: c.Flags}
}

// pageOf returns the page holding chunk i (0 <= i < t.n).
func (t *chunkTable) pageOf(i int) *pageRef {
	k := sort.Search(len(t.pages), func(k int) bool { return t.pages[k].first > i }) - 1
	return &t.pages[k]
}

// edit returns the table of a revision made from t's: its first head and
// last tail chunks are t's, the last moved by delta bytes, and mid are the
// chunks between (document offsets of the new revision), with their
// blocks and handles. Only the pages that held a replaced chunk, or where
// mid goes, are made anew.
func (t *chunkTable) edit(head, tail int, mid []markup.Chunk, entries [][]Block, handles []ChunkHandle, delta int) chunkTable {
	if len(t.pages) == 0 {
		return newChunkTable(mid, entries, handles)
	}
	// Pages lo..hi hold the chunks replaced, or the place where mid goes.
	lo := sort.Search(len(t.pages), func(k int) bool { return t.pages[k].first > head }) - 1
	hi := sort.Search(len(t.pages), func(k int) bool { return t.pages[k].first >= t.n-tail }) - 1
	lo, hi = max(min(lo, hi), 0), max(lo, hi, 0)
	from, to := t.pages[lo].first, t.pages[hi].first+len(t.pages[hi].chunks)

	// The chunks of the new pages, with document offsets of the new
	// revision: those of lo before head, mid, and those of hi after it.
	k := (head - from) + len(mid) + (to - (t.n - tail))
	cs := make([]markup.Chunk, 0, k)
	es := make([][]Block, 0, k)
	hs := make([]ChunkHandle, 0, k)
	for i := from; i < head; i++ {
		cs, es, hs = t.appendChunk(cs, es, hs, i, 0)
	}
	cs, es, hs = append(cs, mid...), append(es, entries...), append(hs, handles...)
	for i := t.n - tail; i < to; i++ {
		cs, es, hs = t.appendChunk(cs, es, hs, i, delta)
	}

	out := chunkTable{n: head + len(mid) + tail, pages: make([]pageRef, 0, len(t.pages)+len(cs)/pageChunks+1)}
	out.pages = append(out.pages, t.pages[:lo]...)
	if len(cs) <= 2*pageChunks {
		if len(cs) > 0 {
			p := &chunkPage{chunks: cs, entries: es, handles: hs}
			start := cs[0].Start
			for i := range p.chunks {
				p.chunks[i].Start -= start
				p.chunks[i].End -= start
			}
			out.pages = append(out.pages, pageRef{start: start, first: from, chunkPage: p})
		}
	} else {
		out.pages = appendPages(out.pages, from, cs, es, hs, 0)
	}
	dn := len(cs) - (to - from)
	for _, p := range t.pages[hi+1:] {
		out.pages = append(out.pages, pageRef{start: p.start + delta, first: p.first + dn, chunkPage: p.chunkPage})
	}
	return out
}

// appendChunk appends t's chunk i, moved by delta, and its blocks and
// handle.
func (t *chunkTable) appendChunk(cs []markup.Chunk, es [][]Block, hs []ChunkHandle, i, delta int) ([]markup.Chunk, [][]Block, []ChunkHandle) {
	p := t.pageOf(i)
	j := i - p.first
	c := p.chunks[j]
	c.Start += p.start + delta
	c.End += p.start + delta
	return append(cs, c), append(es, p.entries[j]), append(hs, p.handles[j])
}

// set gives chunks idx[k] of t, a table no other revision holds yet,
// other blocks and handles (entries[k], handles[k]). Each page they are in
// is copied first, once, being shared: an edit of a definition sets a
// hundred chunks of the Rust Book.
func (t *chunkTable) set(idx []int, entries [][]Block, handles []ChunkHandle) {
	var copied map[*chunkPage]bool
	for k, i := range idx {
		p := t.pageOf(i)
		if !copied[p.chunkPage] {
			p.chunkPage = &chunkPage{chunks: p.chunks, entries: slices.Clone(p.entries), handles: slices.Clone(p.handles)}
			if copied == nil {
				copied = map[*chunkPage]bool{}
			}
			copied[p.chunkPage] = true
		}
		j := i - p.first
		p.entries[j], p.handles[j] = entries[k], handles[k]
	}
}

// entriesIn returns the blocks of chunks lo..hi-1, one slice per chunk.
func (t *chunkTable) entriesIn(lo, hi int) [][]Block {
	out := make([][]Block, 0, hi-lo)
	for i := lo; i < hi; i++ {
		p := t.pageOf(i)
		out = append(out, p.entries[i-p.first])
	}
	return out
}

// chunks returns every chunk, with document offsets, as one slice.
func (t *chunkTable) chunks() []markup.Chunk {
	out := make([]markup.Chunk, 0, t.n)
	for _, p := range t.pages {
		for _, c := range p.chunks {
			out = append(out, markup.Chunk{Start: p.start + c.Start, End: p.start + c.End, Flags: c.Flags})
		}
	}
	return out
}

// blocks returns the blocks of every chunk, with document offsets.
func (t *chunkTable) blocks() []Block {
	nb := 0
	for _, p := range t.pages {
		for _, e := range p.entries {
			nb += len(e)
		}
	}
	out := make([]Block, 0, nb)
	for _, p := range t.pages {
		out = appendBlocks(out, p.start, p.chunks, p.entries)
	}
	return out
}
