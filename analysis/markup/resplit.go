package markup

import "sort"

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
	if FormatFor(languageID) != markdownFormat || len(prevChunks) < 3 {
		return Split(languageID, src), 0, 0
	}
	// The chunk holding the first changed byte, and one more before it: the
	// cut at a chunk's start depends on the line there.
	i := sort.Search(len(prevChunks), func(i int) bool { return prevChunks[i].End > prefix }) - 1
	if i < 1 || prevChunks[i].Flags&FrontMatter != 0 {
		return Split(languageID, src), 0, 0
	}
	from := prevChunks[i].Start
	delta := len(src) - len(prev)
	editEnd := len(src) - suffix // the changed bytes end here in src
	// isPrevCut reports whether prev was cut at p (an offset in prev).
	isPrevCut := func(p int) (int, bool) {
		j := sort.Search(len(prevChunks), func(j int) bool { return prevChunks[j].Start >= p })
		return j, j < len(prevChunks) && prevChunks[j].Start == p
	}
	mid, resync := splitMarkdownFrom(src, from, func(p int) int {
		if p < editEnd {
			return -1
		}
		j, ok := isPrevCut(p - delta)
		if !ok {
			return -1
		}
		return j
	})
	head = i
	out := make([]Chunk, 0, len(prevChunks)+len(mid))
	out = append(out, prevChunks[:head]...)
	out = append(out, mid...)
	if resync >= 0 {
		tail = len(prevChunks) - resync
		for _, c := range prevChunks[resync:] {
			out = append(out, Chunk{Start: c.Start + delta, End: c.End + delta, Flags: c.Flags})
		}
	}
	return out, head, tail
}

// splitMarkdownFrom is splitMarkdown's loop over src[from:], from a cut
// (so with the splitter's fresh state). At each cut at p it asks stop(p);
// when that returns j >= 0 it returns the chunks before p and j; otherwise
// it splits to the end of src and returns -1.
func splitMarkdownFrom(full string, from int, stop func(p int) int) ([]Chunk, int) {
	src := lfLines(full[from:]) // same length: lone CRs become LFs
	var chunks []Chunk
	start := 0
	states := []mdSplitter{{}}
	noCut := false
	for pos := 0; pos < len(src); {
		end := lineEnd(src, pos)
		line := src[pos:end]
		if states[0].prevBlank && !noCut && pos > start && line[0] != ' ' && line[0] != '\t' && cleanCut(states) && !isBlankLine(line) {
			chunks = append(chunks, Chunk{Start: from + start, End: from + pos, Flags: flagsOf(states)})
			if j := stop(from + pos); j >= 0 {
				return chunks, j
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
	if len(src) > start {
		chunks = append(chunks, Chunk{Start: from + start, End: from + len(src), Flags: flagsOf(states)})
	}
	return chunks, -1
}
