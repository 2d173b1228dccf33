package checker

import (
	"cmp"
	"slices"
	"sync"
	"unsafe"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/rules"
)

// cache is the one cache of analyses and findings: chunks and blocks by
// content (analysis.Cache), and each block's findings kept in the block's
// own entry, per engine, so they are dropped with it and never pin a block
// that is gone. It is bounded by the memory it retains, estimated from what
// its entries hold (tokens, sentences, prose, keys, findings), not by
// source bytes: the analysis kept per source byte is about twenty times the
// source.
//
// What each document's latest revision used is live (its entries carry
// that check's tick: docs holds each document's latest); the rest is stale
// (earlier revisions, closed documents), useful only if the text comes
// back (an undo). Stale chunks are dropped, least recently used first,
// once they hold more than a sixteenth of the bound (6 MB of the default
// 96 MB: about a thousand one-paragraph revisions), down to three quarters
// of that, or the whole exceeds it; live chunks only when live ones alone
// exceed it. So a long editing
// session holds the open documents and a few MB of history, whatever the
// number of edits: with no bound of their own, stale entries grew the live
// heap 30% over the second half of 5,000 edits (TestCacheHeapFlatOverEdits).
type cache struct {
	limit, staleLimit int64

	mu    sync.Mutex
	tick  uint64 // counts begin calls, for recency
	bytes int64  // estimated, of everything below
	// liveAtScan is what the last stale scan (evict) found live, and
	// scannedAt its tick: the cache's growth since is mostly new entries
	// whose old versions went stale, so a scan is due once it grew by the
	// stale bound.
	liveAtScan int64
	scannedAt  uint64
	chunks     map[analysis.ChunkKey]*chunkEntry
	blocks     map[analysis.BlockKey]*blockEntry       // blocks findable by content
	byAnalysis map[*analysis.BlockAnalysis]*blockEntry // every block entry, for its findings
	orphans    map[*blockEntry]struct{}                // block entries no chunk holds yet
	docs       map[string]uint64                       // tick of each document's latest check
	revs       map[string]docRevision                  // each document's latest revision, for the next
}

// chunkEntry is a chunk's analysis: its blocks, each an entry of its own.
type chunkEntry struct {
	key     analysis.ChunkKey
	blocks  []analysis.Block
	members []*blockEntry
	bytes   int64 // the key and the slices, not the members
	lastUse uint64
	dropped bool // no longer in chunks: a handle on it is stale
}

// blockEntry is a block's analysis and its findings. A block analysed
// afresh is entered with its key; chunks hold their blocks by reference
// (refs), and a block no chunk holds is dropped.
type blockEntry struct {
	key      analysis.BlockKey
	keyed    bool // in blocks under key
	spans    []markup.Span
	ba       *analysis.BlockAnalysis
	bytes    int64 // the analysis, the key and the spans
	findings []engineFindings
	refs     int
	lastUse  uint64
}

// engineFindings are one engine's findings for a block.
type engineFindings struct {
	gen      uint64
	findings []rules.Finding
	bytes    int64
}

// maxEngines is how many engines' findings a block keeps: a project whose
// configuration changed leaves its old engine's behind until then.
const maxEngines = 2

func newCache(limit int64) *cache {
	return &cache{
		limit:      limit,
		staleLimit: limit / 16,
		chunks:     map[analysis.ChunkKey]*chunkEntry{},
		blocks:     map[analysis.BlockKey]*blockEntry{},
		byAnalysis: map[*analysis.BlockAnalysis]*blockEntry{},
		orphans:    map[*blockEntry]struct{}{},
		docs:       map[string]uint64{},
		revs:       map[string]docRevision{},
	}
}

// view is the cache as one Check call sees it: analysis.Cache for the
// analyzer, rules.BlockCache for the engine of generation gen. The entries
// it uses take its tick, which becomes its document's if it succeeds.
type view struct {
	c    *cache
	doc  string
	gen  uint64
	tick uint64
	prev docRevision // the document's latest revision (zero: none)

	// The findings of a document's blocks, looked up at once (prefetch)
	// and handed out in order by Findings: the engine asks block by block.
	pre     []prefetched
	preBA   []*analysis.BlockAnalysis
	preNext int
}

func (c *cache) begin(doc string, gen uint64) *view {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tick++
	v := &view{c: c, doc: doc, gen: gen, tick: c.tick}
	if doc != "" {
		v.prev = c.revs[doc]
		if p := v.prev; p.blocks != nil {
			// The view takes the revision's per-block arrays, to update
			// them in place (prefetch): no other view may read them
			// meanwhile. One that begins from the same revision before
			// this one ends looks every block up instead.
			p.blocks, p.findings = nil, nil
			c.revs[doc] = p
		}
	}
	return v
}

// end closes the call: when it succeeded, the chunks it used (marked with
// its tick) are its document's live set in place of the previous
// revision's. Then the cache is brought back within its bounds.
//
// A chunk two open documents share is live as long as the one that checked
// it last keeps it; if that one drops it, it may be dropped while the other
// still has it, which costs the other a re-analysis of that chunk.
func (v *view) end(ok bool, rev docRevision) {
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok && v.doc != "" {
		c.docs[v.doc] = v.tick
		if rev.rev != nil {
			rev.gen, rev.blocks, rev.findings = v.gen, v.preBA, v.pre
			c.revs[v.doc] = rev
		}
	}
	c.evict(v.tick)
}

func (c *cache) forget(doc string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.docs, doc)
	delete(c.revs, doc)
	c.evict(0) // measure the stale entries now
}

// docRevision is what the cache keeps of a document's latest revision for
// its next: its analysis revision, and whether its text mentions a
// directive (if not, the next revision's text does only if its edit made
// one: directive.MentionedNear).
type docRevision struct {
	rev      *analysis.Revision
	mentions bool
	// The findings of the revision's blocks (those with an analysis, in
	// order) under the engine of generation gen: see prefetch.
	gen      uint64
	blocks   []*analysis.BlockAnalysis
	findings []prefetched
}

// liveTicks returns the ticks of the open documents' latest checks: a
// chunk whose lastUse is one of them is live. The stale scan asks for
// each of 5,000 chunks; walking the docs map each time was half of the
// scan (1 ms every staleScanEvery keystrokes in the Rust Book, profiled).
func (c *cache) liveTicks() []uint64 {
	ticks := make([]uint64, 0, len(c.docs))
	for _, t := range c.docs {
		ticks = append(ticks, t)
	}
	return ticks
}

// Chunks implements analysis.Cache.
func (v *view) Chunks(keys []analysis.ChunkKey, blocks [][]analysis.Block, found []bool, handles []analysis.ChunkHandle) {
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, k := range keys {
		e, ok := c.chunks[k]
		if !ok {
			continue
		}
		e.lastUse = v.tick
		blocks[i], found[i], handles[i] = e.blocks, true, e
	}
}

// Retain implements analysis.Cache: a handle is its *chunkEntry.
func (v *view) Retain(handles []analysis.ChunkHandle, ok []bool) {
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, h := range handles {
		e, _ := h.(*chunkEntry)
		ok[i] = e != nil && !e.dropped
		if ok[i] {
			e.lastUse = v.tick
		}
	}
}

// PutChunk implements analysis.Cache.
func (v *view) PutChunk(k analysis.ChunkKey, blocks []analysis.Block) analysis.ChunkHandle {
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.chunks[k]; ok { // another call entered it meanwhile
		e.lastUse = v.tick
		return e
	}
	e := &chunkEntry{key: k, blocks: blocks, members: make([]*blockEntry, 0, len(blocks)), lastUse: v.tick}
	for _, b := range blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		m := c.byAnalysis[b.BlockAnalysis]
		if m == nil { // its own entry was dropped before the chunk was done
			m = &blockEntry{ba: b.BlockAnalysis, bytes: analysisBytes(b.BlockAnalysis) + entryOverhead}
			c.byAnalysis[m.ba] = m
			c.bytes += m.bytes
		}
		m.refs++
		m.lastUse = v.tick
		delete(c.orphans, m)
		e.members = append(e.members, m)
	}
	e.bytes = int64(len(k.Text)) + int64(cap(blocks))*int64(unsafe.Sizeof(analysis.Block{})) +
		int64(cap(e.members))*8 + entryOverhead
	c.bytes += e.bytes
	c.chunks[k] = e
	return e
}

// Block implements analysis.Cache.
func (v *view) Block(k analysis.BlockKey, spans []markup.Span) (*analysis.BlockAnalysis, bool) {
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.blocks[k]
	if !ok || !slices.Equal(m.spans, spans) {
		return nil, false
	}
	m.lastUse = v.tick
	return m.ba, true
}

// PutBlock implements analysis.Cache. The block is held by no chunk until
// its chunk is done (PutChunk); evict drops it if that never happens.
func (v *view) PutBlock(k analysis.BlockKey, spans []markup.Span, ba *analysis.BlockAnalysis) {
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byAnalysis[ba]; ok {
		return
	}
	m := &blockEntry{key: k, spans: spans, ba: ba, lastUse: v.tick}
	m.bytes = analysisBytes(ba) + int64(len(k.Source)) + int64(cap(spans))*int64(unsafe.Sizeof(markup.Span{})) + entryOverhead
	if old, ok := c.blocks[k]; !ok || !slices.Equal(old.spans, spans) {
		if ok {
			old.keyed = false
		}
		c.blocks[k] = m
		m.keyed = true
	}
	c.byAnalysis[ba] = m
	c.orphans[m] = struct{}{}
	c.bytes += m.bytes
}

// prefetch gathers the findings of a document's blocks before the engine
// asks for them block by block, in order: a lock, a map lookup and a chase
// of pointers per block were 0.5 ms of a keystroke in the Rust Book
// (10,000 blocks), profiled. The blocks the previous revision had at the
// start and the end (the same analyses, in the same order) take its
// findings, when the engine is the same; the others are looked up under
// one lock. Their findings and those the engine computes (Keep) are the
// revision's, for the next.
//
// The previous revision's arrays (begin gave them to this view) are
// updated in place: a keystroke changes a few of the 5,000 blocks, and
// making both arrays anew was 240 KB of garbage per keystroke, a tenth of
// what one made, profiled.
func (v *view) prefetch(blocks []analysis.Block) {
	c := v.c
	n := 0
	for _, b := range blocks {
		if b.BlockAnalysis != nil {
			n++
		}
	}
	p := v.prev
	oldBA, oldPre := p.blocks, p.findings
	m := len(oldBA)
	if len(oldPre) != m {
		oldBA, oldPre, m = nil, nil, 0
	}
	// head and tail: the blocks both revisions have at the start and the
	// end, in order.
	head, tail := 0, 0
	for _, b := range blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		if head == m || b.BlockAnalysis != oldBA[head] {
			break
		}
		head++
	}
	for i := len(blocks) - 1; i >= 0 && tail < n-head && tail < m-head; i-- {
		if ba := blocks[i].BlockAnalysis; ba != nil {
			if ba != oldBA[m-1-tail] {
				break
			}
			tail++
		}
	}
	sameEngine := p.rev != nil && p.gen == v.gen
	var pre []prefetched
	var preBA []*analysis.BlockAnalysis
	if cap(oldBA) >= n && cap(oldPre) >= n {
		pre, preBA = oldPre[:max(n, m)], oldBA[:max(n, m)]
		copy(pre[n-tail:n], pre[m-tail:m]) // memmove: the ranges may overlap
		copy(preBA[n-tail:n], preBA[m-tail:m])
		clear(pre[n:])
		clear(preBA[n:])
		pre, preBA = pre[:n], preBA[:n]
	} else {
		size := n + n/16 // room for the blocks an edit adds
		pre, preBA = make([]prefetched, n, size), make([]*analysis.BlockAnalysis, n, size)
		copy(pre, oldPre[:head])
		copy(preBA, oldBA[:head])
		copy(pre[n-tail:], oldPre[m-tail:])
		copy(preBA[n-tail:], oldBA[m-tail:])
	}
	if !sameEngine { // the findings are another engine's
		clear(pre[:head])
		clear(pre[n-tail:])
		head, tail = 0, 0
	}
	i := 0
	for _, b := range blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		if i >= head && i < n-tail {
			preBA[i], pre[i] = b.BlockAnalysis, prefetched{}
		}
		i++
	}
	v.pre, v.preBA, v.preNext = pre, preBA, 0
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := head; i < n-tail; i++ {
		if m := c.byAnalysis[preBA[i]]; m != nil {
			pre[i] = m.findingsOf(v.gen)
		}
	}
}

// prefetched is a block's findings as prefetch found them.
type prefetched struct {
	findings []rules.Finding
	ok       bool
}

func (m *blockEntry) findingsOf(gen uint64) prefetched {
	for _, f := range m.findings {
		if f.gen == gen {
			return prefetched{f.findings, true}
		}
	}
	return prefetched{}
}

// Findings implements rules.BlockCache, from prefetch when ba is the next
// block it gathered.
func (v *view) Findings(ba *analysis.BlockAnalysis) ([]rules.Finding, bool) {
	if i := v.preNext; i < len(v.preBA) && v.preBA[i] == ba {
		v.preNext++
		if p := v.pre[i]; p.ok {
			return p.findings, true
		}
		return nil, false // prefetch looked it up
	}
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.byAnalysis[ba]
	if m == nil {
		return nil, false
	}
	p := m.findingsOf(v.gen)
	return p.findings, p.ok
}

// Keep implements rules.BlockCache: the findings join their block's entry,
// or are not kept there when it is gone; the revision keeps them either
// way (see prefetch).
func (v *view) Keep(ba *analysis.BlockAnalysis, fs []rules.Finding) {
	if i := v.preNext - 1; i >= 0 && i < len(v.preBA) && v.preBA[i] == ba {
		v.pre[i] = prefetched{fs, true}
	}
	c := v.c
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.byAnalysis[ba]
	if m == nil {
		return
	}
	for _, f := range m.findings {
		if f.gen == v.gen {
			return
		}
	}
	if len(m.findings) == maxEngines {
		c.bytes -= m.findings[0].bytes
		m.findings = slices.Delete(m.findings, 0, 1)
	}
	ef := engineFindings{gen: v.gen, findings: fs, bytes: findingsBytes(fs)}
	m.findings = append(m.findings, ef)
	c.bytes += ef.bytes
}

// evict brings the cache within its bounds; called with c.mu held. Blocks
// no chunk holds are dropped once two calls have passed since they were
// entered (a call still analysing their chunk has them in use).
func (c *cache) evict(tick uint64) {
	for m := range c.orphans {
		if m.lastUse+2 <= tick {
			c.dropBlock(m.ba, m)
		}
	}
	if c.bytes <= c.limit && c.bytes-c.liveAtScan <= c.staleLimit && tick != 0 && tick-c.scannedAt < staleScanEvery {
		return // the stale bound is looked at only when it may be reached: it takes a scan
	}
	var stale []*chunkEntry
	var staleBytes int64
	c.scannedAt = tick
	defer func() { c.liveAtScan = c.bytes - staleBytes }()
	ticks := c.liveTicks()
	for _, e := range c.chunks {
		if !slices.Contains(ticks, e.lastUse) {
			stale = append(stale, e)
			staleBytes += e.bytes
			for _, m := range e.members {
				if m.refs == 1 {
					staleBytes += m.bytes
				}
			}
		}
	}
	if c.bytes <= c.limit && staleBytes <= c.staleLimit {
		return
	}
	// Down to three quarters of the bound, so that the next scan is due
	// only after as many bytes again.
	low := c.staleLimit * 3 / 4
	slices.SortFunc(stale, func(a, b *chunkEntry) int { return cmp.Compare(a.lastUse, b.lastUse) })
	for _, e := range stale {
		if c.bytes <= c.limit && staleBytes <= low {
			return
		}
		staleBytes -= c.dropChunk(e)
	}
	if c.bytes <= c.limit {
		return
	}
	// Live chunks alone exceed the bound: drop those of the documents
	// checked least recently, never those of this call.
	live := make([]*chunkEntry, 0, len(c.chunks))
	for _, e := range c.chunks {
		if e.lastUse < tick {
			live = append(live, e)
		}
	}
	slices.SortFunc(live, func(a, b *chunkEntry) int { return cmp.Compare(a.lastUse, b.lastUse) })
	for _, e := range live {
		if c.bytes <= c.limit {
			return
		}
		c.dropChunk(e)
	}
}

// dropChunk removes e and the blocks only it held; it returns the bytes
// freed.
func (c *cache) dropChunk(e *chunkEntry) int64 {
	freed := e.bytes
	c.bytes -= e.bytes
	delete(c.chunks, e.key)
	e.dropped = true
	for _, m := range e.members {
		m.refs--
		if m.refs == 0 {
			freed += m.bytes
			c.dropBlock(m.ba, m)
		}
	}
	e.blocks, e.members = nil, nil
	return freed
}

func (c *cache) dropBlock(ba *analysis.BlockAnalysis, m *blockEntry) {
	delete(c.byAnalysis, ba)
	delete(c.orphans, m)
	if m.keyed {
		delete(c.blocks, m.key)
	}
	c.bytes -= m.bytes
	for _, f := range m.findings {
		c.bytes -= f.bytes
	}
	m.findings = nil
}

func (c *cache) stats() (bytes int64, chunks, blocks int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, len(c.chunks), len(c.byAnalysis)
}

// staleScanEvery is how many calls at most pass between two scans of the
// stale entries (evict), whatever the cache's growth says. A scan of every
// chunk takes 0.8 ms in the Rust Book: made every 16 calls, as before, it
// was 6% of the keystrokes, each slower than the median keystroke
// (0.35 ms) by more than twice, profiled; a scan when the cache grew by
// the stale bound comes every 150 keystrokes or so.
const staleScanEvery = 256

// entryOverhead is an entry's share of map buckets and headers.
const entryOverhead = 96

// analysisBytes estimates the memory a block analysis holds: its prose,
// sentences, tokens (whose texts are slices of the prose and whose lemmas
// are shared with the analyzer's lemma cache) and markup ranges.
func analysisBytes(ba *analysis.BlockAnalysis) int64 {
	n := int64(unsafe.Sizeof(*ba)) + int64(len(ba.Prose))
	n += int64(cap(ba.Sentences)) * int64(unsafe.Sizeof(analysis.Sentence{}))
	ntok := 0
	for _, s := range ba.Sentences {
		ntok += len(s.Tokens)
	}
	n += int64(ntok) * int64(unsafe.Sizeof(analysis.Token{}))
	n += int64(cap(ba.Markup)) * int64(unsafe.Sizeof(markup.Range{}))
	return n
}

// findingsBytes estimates the memory a block's findings hold.
func findingsBytes(fs []rules.Finding) int64 {
	n := int64(cap(fs)) * int64(unsafe.Sizeof(rules.Finding{}))
	for _, f := range fs {
		n += int64(len(f.Message)) + int64(cap(f.Replacements))*16
		for _, r := range f.Replacements {
			n += int64(len(r))
		}
	}
	return n
}
