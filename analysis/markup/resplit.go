package markup

import (
	"sort"
	"strings"

	"liaison/analysis/text"
)

// SplitEdit is Split(languageID, src) for a revision of prev, whose chunks
// prevChunks are Split(languageID, prev), when the two agree in their
// first prefix and last suffix bytes (prefix+suffix at most the shorter's
// length). It re-splits only around the edit: the first head chunks are
// prev's (same offsets), the last tail chunks are prev's last tail chunks
// moved by len(src)-len(prev). A keystroke in a document of a megabyte
// re-reads a few chunks instead of every line (1.6 ms of a 5 ms keystroke
// in the Rust Book, profiled).
//
// Markdown chunks are cut where the splitter's state is fresh, so what
// follows a cut depends only on the text after it: splitting from a cut
// before the edit gives Split's chunks, and once such a split cuts after
// the edit where prev was cut too, the rest are prev's. Other formats are
// split whole (head and tail 0).
func SplitEdit(languageID, prev string, prevChunks []Chunk, src string, prefix, suffix int) (chunks []Chunk, head, tail int) {
	return splitEdit(languageID, len(prev), prevChunks, text.String(src), prefix, suffix, resplitWindow)
}

// SplitEditSource is SplitEdit for a revision read a span at a time (an
// editor's text.Document, never joined): prevLen is the previous
// revision's length. Only the text from the chunk before the edit to
// where the chunks agree again is read, a window at a time.
func SplitEditSource(languageID string, prevLen int, prevChunks []Chunk, src text.Source, prefix, suffix int) (chunks []Chunk, head, tail int) {
	return splitEdit(languageID, prevLen, prevChunks, src, prefix, suffix, resplitWindow)
}

// ChunkList is a document's chunks, in order, with document offsets, read
// one at a time: a store that keeps them another way (an editor's
// revisions keep theirs in pages, so that an edit copies one page, not
// every chunk) need not make them one slice for Resplit.
type ChunkList interface {
	Len() int
	At(i int) Chunk
}

// chunkSlice is a slice as a ChunkList.
type chunkSlice []Chunk

func (s chunkSlice) Len() int       { return len(s) }
func (s chunkSlice) At(i int) Chunk { return s[i] }

// Resplit is SplitEditSource giving only what the edit changed: the first
// head and last tail chunks of src are prev's (the last moved by
// src.Len()-prevLen), and mid are the chunks between, with offsets in
// src. When head and tail are both 0 (a format other than Markdown, an
// edit in the first chunks), mid is every chunk of src (Split's).
// Making the whole new slice was a quarter of what a keystroke in the
// Rust Book allocated (128 KB for its 5,300 chunks), profiled.
func Resplit(languageID string, prevLen int, prev ChunkList, src text.Source, prefix, suffix int) (mid []Chunk, head, tail int) {
	return resplit(languageID, prevLen, prev, src, prefix, suffix, resplitWindow)
}

// resplitWindow is how many bytes past the edit SplitEditSource reads
// first: the chunks nearly always agree again at the first cut after the
// edit, a paragraph or two on. A window that ends before they do is
// followed by one twice as long.
const resplitWindow = 4 << 10

func splitEdit(languageID string, prevLen int, prevChunks []Chunk, src text.Source, prefix, suffix, window int) (chunks []Chunk, head, tail int) {
	mid, head, tail := resplit(languageID, prevLen, chunkSlice(prevChunks), src, prefix, suffix, window)
	if head+tail == 0 {
		return mid, 0, 0
	}
	delta := src.Len() - prevLen
	out := make([]Chunk, 0, head+len(mid)+tail)
	out = append(out, prevChunks[:head]...)
	out = append(out, mid...)
	for _, c := range prevChunks[len(prevChunks)-tail:] {
		out = append(out, Chunk{Start: c.Start + delta, End: c.End + delta, Flags: c.Flags})
	}
	return out, head, tail
}

func resplit(languageID string, prevLen int, prevChunks ChunkList, src text.Source, prefix, suffix, window int) (mid []Chunk, head, tail int) {
	m := prevChunks.Len()
	if FormatFor(languageID) != markdownFormat || m < 3 {
		return Split(languageID, text.Whole(src)), 0, 0
	}
	// The chunk holding the first changed byte, and one more before it: the
	// cut at a chunk's start depends on the line there.
	i := sort.Search(m, func(i int) bool { return prevChunks.At(i).End > prefix }) - 1
	if i < 1 || prevChunks.At(i).Flags&FrontMatter != 0 {
		return Split(languageID, text.Whole(src)), 0, 0
	}
	from := prevChunks.At(i).Start
	n := src.Len()
	delta := n - prevLen
	editEnd := n - suffix // the changed bytes end here in src
	// isPrevCut reports whether prev was cut at p (an offset in prev).
	isPrevCut := func(p int) (int, bool) {
		j := sort.Search(m, func(j int) bool { return prevChunks.At(j).Start >= p })
		return j, j < m && prevChunks.At(j).Start == p
	}
	stop := func(p int) int {
		if p < editEnd {
			return -1
		}
		j, ok := isPrevCut(p - delta)
		if !ok {
			return -1
		}
		return j
	}
	head = i
	// Split a window of whole lines at a time from a cut (where the
	// splitter's state is fresh, so what follows depends on the text
	// after it alone); a window that ends before the chunks agree again
	// gives its chunks up to its last cut, and the next starts there.
	resync := -1
	for size := max(window, 1); ; {
		end := min(max(editEnd, from)+size, n)
		w := src.Slice(from, end)
		if end < n {
			// End the window after a line feed, so that every line it
			// holds is whole (a lone CR may be half of a CRLF).
			nl := strings.LastIndexByte(w, '\n')
			if nl < 0 {
				size *= 2
				continue
			}
			w = w[:nl+1]
		}
		chunks, j, rest := splitMarkdownFrom(w, from, end >= n, stop)
		mid = append(mid, chunks...)
		if j >= 0 || end >= n {
			resync = j
			break
		}
		if rest == from {
			size *= 2 // no cut in the window: read more
		}
		from = rest
	}
	if resync >= 0 {
		tail = m - resync
	}
	return mid, head, tail
}

// splitMarkdownFrom is splitMarkdown's loop over src, the text from a cut
// at document offset base (so with the splitter's fresh state), of whole
// lines. At each cut at p it asks stop(p); when that returns j >= 0 it
// returns the chunks before p and j. Otherwise, when last says src ends
// the document, it splits to the end and returns -1; when it does not, it
// returns the chunks before src's last cut, -1, and that cut, where the
// next window starts (base: no cut in src).
func splitMarkdownFrom(src string, base int, last bool, stop func(p int) int) (chunks []Chunk, j, rest int) {
	src = lfLines(src) // same length: lone CRs become LFs
	start := 0
	states := []mdSplitter{{}}
	noCut := false
	for pos := 0; pos < len(src); {
		end := lineEnd(src, pos)
		line := src[pos:end]
		if states[0].prevBlank && !noCut && pos > start && line[0] != ' ' && line[0] != '\t' && cleanCut(states) && !isBlankLine(line) {
			chunks = append(chunks, Chunk{Start: base + start, End: base + pos, Flags: flagsOf(states)})
			if j := stop(base + pos); j >= 0 {
				return chunks, j, base + pos
			}
			start = pos
			states = append(states[:0], mdSplitter{})
		}
		n := len(states)
		for i := 0; i < n; i++ {
			states[i].line(line)
			if f := states[i].fork; f != nil {
				states[i].fork = nil
				states = append(states, *f)
			}
		}
		if len(states) > 1 {
			states = dedupe(states)
			if len(states) > maxReadings {
				noCut = true
				states = states[:1]
			}
		}
		pos = end
	}
	if !last {
		return chunks, -1, base + start
	}
	if len(src) > start {
		chunks = append(chunks, Chunk{Start: base + start, End: base + len(src), Flags: flagsOf(states)})
	}
	return chunks, -1, base + len(src)
}
