package rules

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"weak"

	"liaison/analysis"
	ltext "liaison/analysis/text"
	"liaison/analysis/token"
)

// CodeWords are the words a document writes outside its prose (code
// blocks, inline code, comments, other markup) in one revision. The
// words are counted region by region, and a revision made from the
// previous one (CodeWordsOf's prev) counts only the regions the edit
// touched: the others are at the same offsets of a text that is the same
// before the edit, or at the same distance from its end after it. A
// keystroke in the Rust Book's code thus reads one region, not the book's
// tens of thousands (a search of the whole text for each candidate word
// took 20 ms of a keystroke's 29 ms of CPU, lspbench on the book). It is
// safe for concurrent use; what it holds never changes once made, except
// the counts, built once when first asked.
type CodeWords struct {
	src    ltext.Source     // the revision's text, read a region at a time
	res    *analysis.Result // what the regions are read from
	lo, hi int              // the stretch of text res covers

	mu     sync.Mutex                 // held while counting
	counts atomic.Pointer[codeCounts] // nil until first asked (or derived from prev's)
	// joined counts the words (lower case) the prose writes joined to
	// code (see Joined), block by block: a block analysis the previous
	// revision has too (the analysis cache hands back the same one for an
	// unchanged block) is not read again.
	joined atomic.Pointer[codeCounts]

	// next is the revision last made from this one, so that a second
	// CodeWordsOf for the same text and analysis (the checker asks once
	// while checking and once to remember it) returns it. It is weak: a
	// strong pointer would chain every later revision, text and all, to
	// any earlier one still referenced.
	next atomic.Pointer[weak.Pointer[CodeWords]]
}

// codeCounts is how often each code word occurs in a revision: the counts
// of an earlier revision (parent) plus a difference. The root holds the
// counts themselves. It never changes once made, so revisions checked
// concurrently may share a parent. Its keys are copies, not substrings of
// a revision's text, which would keep every revision's text alive.
type codeCounts struct {
	parent *codeCounts
	diff   map[string]int32
	depth  int // parents up to the root
}

// maxCountDepth is how many differences are stacked before they are
// folded into a new root: a lookup walks them all, a fold copies the
// root's map (about 0.2 ms for the Rust Book's 15,000 code words).
const maxCountDepth = 24

func (c *codeCounts) count(w string) int32 {
	var n int32
	for ; c != nil; c = c.parent {
		n += c.diff[w]
	}
	return n
}

// derive returns c with diff added, folded into a new root when the
// stack is deep.
func (c *codeCounts) derive(diff map[string]int32) *codeCounts {
	if len(diff) == 0 {
		return c
	}
	if c.depth+1 < maxCountDepth {
		return &codeCounts{parent: c, diff: diff, depth: c.depth + 1}
	}
	var chain []*codeCounts
	for p := c; p != nil; p = p.parent {
		chain = append(chain, p)
	}
	root := maps.Clone(chain[len(chain)-1].diff)
	for i := len(chain) - 2; i >= 0; i-- {
		addCounts(root, chain[i].diff)
	}
	addCounts(root, diff)
	return &codeCounts{diff: root}
}

// ownKeys returns counts with keys of its own, not slices of a
// document's text, which would keep the text alive as long as the counts.
// (Assigning to a map's existing string key stores the new key, so a
// key cloned once does not stay cloned: hence a copy at the end.)
func ownKeys(counts map[string]int32) map[string]int32 {
	out := make(map[string]int32, len(counts))
	for w, n := range counts {
		if n != 0 {
			out[strings.Clone(w)] = n
		}
	}
	return out
}

func addCounts(dst, diff map[string]int32) {
	for w, n := range diff {
		if m := dst[w] + n; m > 0 {
			dst[w] = m
		} else {
			delete(dst, w)
		}
	}
}

// Has reports whether the document writes word as code, or, for a
// capitalised word (a sentence's first), its lower-case form.
func (cw *CodeWords) Has(word string) bool {
	if cw == nil || cw.res == nil || word == "" {
		return false
	}
	c := cw.built()
	if c.count(word) > 0 {
		return true
	}
	if r, size := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		return c.count(string(unicode.ToLower(r))+word[size:]) > 0
	}
	return false
}

// Joined reports whether the document's prose writes word (in any case)
// joined to code somewhere: as part of a path, a dotted or qualified name
// or a call (gopls/internal/lsp, os.env, printf(): see joinedToCode).
// A writer who writes a name that way also means it elsewhere.
func (cw *CodeWords) Joined(word string) bool {
	if cw == nil || cw.res == nil || word == "" {
		return false
	}
	return cw.joinedBuilt().count(strings.ToLower(word)) > 0
}

// joinedBuilt returns the joined counts, reading every block the first
// time.
func (cw *CodeWords) joinedBuilt() *codeCounts {
	if c := cw.joined.Load(); c != nil {
		return c
	}
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if c := cw.joined.Load(); c != nil {
		return c
	}
	diff := map[string]int32{}
	for _, b := range cw.res.Blocks {
		addJoinedWords(diff, b.BlockAnalysis, 1)
	}
	c := &codeCounts{diff: ownKeys(diff)}
	cw.joined.Store(c)
	return c
}

// addJoinedWords adds n to the count of each word ba joins to code, in
// lower case (wordsJoinedToCode's words, block by block).
func addJoinedWords(counts map[string]int32, ba *analysis.BlockAnalysis, n int32) {
	if ba == nil {
		return
	}
	for _, sen := range ba.Sentences {
		toks := sen.Tokens
		for i := range toks {
			if toks[i].Kind == token.Word && joinedToCode(toks, i) {
				counts[strings.ToLower(toks[i].Text)] += n
			}
		}
	}
}

// deriveJoined counts cw's joined words from prev's: the blocks both
// revisions share at their start and at their end (the same analyses)
// are skipped, the rest of prev's subtracted and of cw's added.
func (cw *CodeWords) deriveJoined(prev *CodeWords, pc *codeCounts) {
	old, cur := prev.res.Blocks, cw.res.Blocks
	head := 0
	for head < len(old) && head < len(cur) && old[head].BlockAnalysis == cur[head].BlockAnalysis {
		head++
	}
	tail := 0
	for tail < len(old)-head && tail < len(cur)-head && old[len(old)-1-tail].BlockAnalysis == cur[len(cur)-1-tail].BlockAnalysis {
		tail++
	}
	diff := map[string]int32{}
	for _, b := range old[head : len(old)-tail] {
		addJoinedWords(diff, b.BlockAnalysis, -1)
	}
	for _, b := range cur[head : len(cur)-tail] {
		addJoinedWords(diff, b.BlockAnalysis, 1)
	}
	cw.joined.Store(pc.derive(ownKeys(diff)))
}

// built returns the counts, counting every region the first time.
func (cw *CodeWords) built() *codeCounts {
	if c := cw.counts.Load(); c != nil {
		return c
	}
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if c := cw.counts.Load(); c != nil {
		return c
	}
	diff := map[string]int32{}
	for c := cw.regions(); ; {
		r, ok := c.next()
		if !ok {
			break
		}
		addCodeWords(diff, cw.src.Slice(r[0], r[1]), 1)
	}
	c := &codeCounts{diff: ownKeys(diff)}
	cw.counts.Store(c)
	return c
}

// CodeWordsOf returns the words text writes outside its prose: in code
// blocks, inline code, comments and other markup (res's blocks are the
// prose; a block's Markup ranges are markup inside it). prev, the code
// words of the document's previous revision (nil: none), is what the new
// revision is counted from: only the regions that differ are read, and
// prev itself is returned when nothing differs. With whole false, res
// covers a part of text, and only the stretch its blocks span is read.
func CodeWordsOf(text string, res *analysis.Result, whole bool, prev *CodeWords) *CodeWords {
	return CodeWordsAfter(text, res, whole, prev, nil)
}

// CodeWordsAfter is CodeWordsOf for a text that edit says how was made
// from an earlier one (nil: unknown): when that is prev's text, the two
// are not compared to find what changed.
func CodeWordsAfter(text string, res *analysis.Result, whole bool, prev *CodeWords, edit *analysis.Edit) *CodeWords {
	return codeWords(ltext.String(text), res, whole, prev, edit)
}

// CodeWordsIn is CodeWordsOf for a revision read a span at a time (an
// editor's text.Document, whose text is never joined): only the regions
// counted are read, and what changed since prev is found by comparing the
// two Documents chunk by chunk (text.SourceEnds).
func CodeWordsIn(src ltext.Source, res *analysis.Result, whole bool, prev *CodeWords) *CodeWords {
	return codeWords(src, res, whole, prev, nil)
}

func codeWords(src ltext.Source, res *analysis.Result, whole bool, prev *CodeWords, edit *analysis.Edit) *CodeWords {
	if res == nil {
		return nil
	}
	if prev != nil {
		if wp := prev.next.Load(); wp != nil {
			if n := wp.Value(); n != nil && n.res == res && sameSource(n.src, src) {
				return n
			}
		}
	}
	n := src.Len()
	lo, hi := 0, n
	if !whole {
		if len(res.Blocks) == 0 {
			return nil
		}
		lo, hi = res.Blocks[0].Start, min(res.Blocks[len(res.Blocks)-1].End, n)
	}
	cw := &CodeWords{src: src, res: res, lo: lo, hi: hi}
	if prev == nil {
		return cw
	}
	if pj := prev.joined.Load(); pj != nil && prev.res != nil {
		cw.deriveJoined(prev, pj)
	}
	if prev.counts.Load() == nil {
		// Nothing asked of prev: the new revision is counted when asked.
		prev.setNext(cw)
		return cw
	}
	pc := prev.counts.Load()
	diff := map[string]int32{}
	p, s := sourceEnds(edit, prev.src, src)
	changed := diffRegions(prev.src.Len(), prev.regions(), n, cw.regions(), p, s, func(old bool, r [2]int) {
		if old {
			addCodeWords(diff, prev.src.Slice(r[0], r[1]), -1)
		} else {
			addCodeWords(diff, src.Slice(r[0], r[1]), 1)
		}
	})
	if !changed && sameSource(prev.src, src) {
		return prev
	}
	cw.counts.Store(pc.derive(ownKeys(diff)))
	prev.setNext(cw)
	return cw
}

// regionCursor walks the regions of a revision's text that are not prose,
// in order: the stretches between its blocks and the markup inside them.
// Walking them again costs less than keeping them (tens of thousands in
// the Rust Book, a new list on every keystroke).
type regionCursor struct {
	blocks []analysis.Block
	lo, hi int
	at     int  // where the stretch before the next block starts
	bi     int  // the block being walked
	stop   int  // the block the walk ends before (len(blocks): after the last)
	mi     int  // the next markup range of blocks[bi]; -1: the stretch before it
	done   bool // the stretch after the last block was given
}

func (cw *CodeWords) regions() *regionCursor {
	c := &regionCursor{lo: cw.lo, hi: cw.hi, at: cw.lo, mi: -1}
	if cw.res != nil {
		c.blocks = cw.res.Blocks
	}
	c.stop = len(c.blocks)
	return c
}

// next returns the next region, ok false after the last.
func (c *regionCursor) next() (r [2]int, ok bool) {
	for c.bi < c.stop {
		b := &c.blocks[c.bi]
		if c.mi < 0 {
			c.mi = 0
			if start := max(b.Start, c.lo); start > c.at {
				return [2]int{c.at, start}, true
			}
			continue
		}
		if b.BlockAnalysis != nil && c.mi < len(b.Markup) {
			m := b.Markup[c.mi]
			c.mi++
			if ms, me := b.Start+m.Start, min(b.Start+m.End, c.hi); me > ms {
				return [2]int{ms, me}, true
			}
			continue
		}
		c.at = max(c.at, min(b.End, c.hi))
		c.bi, c.mi = c.bi+1, -1
	}
	if !c.done {
		c.done = true
		end := c.hi // the stretch after the last block, or before the stop
		if c.stop < len(c.blocks) {
			end = max(c.blocks[c.stop].Start, c.lo)
		}
		if c.at < end {
			return [2]int{c.at, end}, true
		}
	}
	return r, false
}

// skipShared moves two fresh cursors, over a text of length oldLen and its
// revision of length newLen that agree in their first p and last s bytes,
// past the blocks both have at their start (the same analysis at the same
// offsets, inside the common prefix), and stops them before those both
// have at their end (at the same distance from it, inside the common
// suffix): those blocks' regions are twins, which diffRegions would pair
// one by one, tens of thousands in the Rust Book (1.3 ms of a keystroke,
// profiled). The stretch before the first block of the end stays in the
// walk: it may begin before the suffix.
func skipShared(old, cur *regionCursor, oldLen, newLen, p, s int) {
	if old.lo != cur.lo || oldLen-old.hi != newLen-cur.hi || old.bi != 0 || cur.bi != 0 {
		return
	}
	ob, nb := old.blocks, cur.blocks
	k := 0
	for k < len(ob) && k < len(nb) && ob[k] == nb[k] && ob[k].End <= p {
		old.at, cur.at = max(old.at, min(ob[k].End, old.hi)), max(cur.at, min(nb[k].End, cur.hi))
		k++
	}
	old.bi, cur.bi = k, k
	j := 0
	for j < len(ob)-k && j < len(nb)-k {
		a, b := ob[len(ob)-1-j], nb[len(nb)-1-j]
		if a.BlockAnalysis != b.BlockAnalysis || a.Start-oldLen != b.Start-newLen || a.End-oldLen != b.End-newLen || a.Start < oldLen-s {
			break
		}
		j++
	}
	if j == 0 {
		return
	}
	// The blocks before the stop must end before it, in both, for the
	// stretches after it to be twins.
	for _, c := range []*regionCursor{old, cur} {
		stop := len(c.blocks) - j
		for _, b := range c.blocks[:stop] {
			if b.End > c.blocks[stop].Start {
				return
			}
		}
	}
	old.stop, cur.stop = len(ob)-j, len(nb)-j
}

func (cw *CodeWords) setNext(n *CodeWords) {
	wp := weak.Make(n)
	cw.next.Store(&wp)
}

// diffRegions calls f for each region of old (old true) and of new that
// has no twin in the other list, and reports whether there was one. A
// twin is a region at the same offsets inside the texts' common prefix,
// or at the same distance from the end inside their common suffix: its
// text is the same. A region may be reported that has a twin (the lists
// are walked in step), never one left out.
//
// The old and new texts, of lengths oldLen and newLen, agree in their
// first p and last s bytes (p+s at most the shorter length).
func diffRegions(oldLen int, old *regionCursor, newLen int, cur *regionCursor, p, s int, f func(old bool, r [2]int)) bool {
	skipShared(old, cur, oldLen, newLen, p, s)
	// key places a region of a text of length n: kind 0 inside the common
	// prefix (its offsets), 2 inside the common suffix (offsets from the
	// end), 1 elsewhere (no twin).
	type key struct{ kind, start, end int }
	place := func(r [2]int, n int) key {
		switch {
		case r[1] <= p:
			return key{0, r[0], r[1]}
		case r[0] >= n-s:
			return key{2, r[0] - n, r[1] - n}
		}
		return key{1, r[0], r[1]}
	}
	less := func(a, b key) bool {
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end < b.end
	}
	changed := false
	a, aok := old.next()
	b, bok := cur.next()
	for aok && bok {
		ka, kb := place(a, oldLen), place(b, newLen)
		switch {
		case ka == kb && ka.kind != 1:
			a, aok = old.next()
			b, bok = cur.next()
			continue
		case less(ka, kb):
			f(true, a)
			a, aok = old.next()
		default:
			f(false, b)
			b, bok = cur.next()
		}
		changed = true
	}
	for ; aok; a, aok = old.next() {
		f(true, a)
		changed = true
	}
	for ; bok; b, bok = cur.next() {
		f(false, b)
		changed = true
	}
	return changed
}

// addCodeWords adds n to the count of each word of code, leaving out
// those of a liaison-words comment (on its line from the marker on),
// whose words count in their own document only.
func addCodeWords(counts map[string]int32, code string, n int32) {
	for {
		i := strings.Index(code, "liaison-words")
		if i < 0 {
			break
		}
		addWords(counts, code[:i], n)
		code = code[i:]
		if j := strings.IndexAny(code, "\r\n"); j >= 0 {
			code = code[j:]
		} else {
			code = ""
		}
	}
	addWords(counts, code, n)
}

// addWords adds n to the count of each word of code: runs of letters,
// digits, '_', '-' and apostrophes (trimmed of the last two at their
// ends), and of the parts of a hyphenated one. The keys are slices of
// code (see ownKeys).
func addWords(counts map[string]int32, code string, n int32) {
	add := func(w string) { counts[w] += n }
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(code[start:end], "-'")
		start = -1
		if w == "" || len(w) > 64 {
			return
		}
		add(w)
		if strings.Contains(w, "-") {
			for part := range strings.SplitSeq(w, "-") {
				if part != "" {
					add(part)
				}
			}
		}
	}
	for i, r := range code {
		if isWordRune(r) || r == '-' || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(code))
}

// CountWords counts the words of text (runs of letters, digits, '_' and
// '-'), case-sensitively.
func CountWords(text string) map[string]int {
	out := map[string]int{}
	start := -1
	for i, r := range text {
		if isWordRune(r) || r == '-' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out[strings.TrimRight(text[start:i], "-")]++
			start = -1
		}
	}
	if start >= 0 {
		out[strings.TrimRight(text[start:], "-")]++
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// sameSource reports whether a and b are the same text: the same Document,
// or equal strings.
func sameSource(a, b ltext.Source) bool {
	if sa, ok := a.(ltext.String); ok {
		sb, ok := b.(ltext.String)
		return ok && sa == sb
	}
	return a == b
}

// sourceEnds is what two revisions share around an edit: from edit when
// both are strings (analysis.Edit.Ends), else text.SourceEnds.
func sourceEnds(edit *analysis.Edit, a, b ltext.Source) (prefix, suffix int) {
	sa, okA := a.(ltext.String)
	sb, okB := b.(ltext.String)
	if okA && okB {
		return edit.Ends(string(sa), string(sb))
	}
	return ltext.SourceEnds(a, b)
}
