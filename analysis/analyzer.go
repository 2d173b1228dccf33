package analysis

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"liaison/analysis/markup"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/text"
	"liaison/analysis/token"
)

// Analyzer analyses documents. It keeps no cache of its own: AnalyzeWith
// takes one from the caller (rules/checker's keeps analyses and findings
// together, bounded by the memory they hold), so re-analysing a new
// revision re-tags only the chunks whose text changed. It is safe for
// concurrent use.
type Analyzer struct {
	tagger  *tag.Tagger
	lemmas  *lemmaCache
	opts    *markup.Options // how documents are read; nil: the defaults
	optsKey string          // opts.Key(), for the chunk keys
	lookups *sync.Pool      // of *lookupBuffers, shared by WithOptions copies
}

// WithOptions returns an Analyzer that reads documents under a project's
// markup options (nil: the defaults), sharing a's tagger and lexicon.
func (a *Analyzer) WithOptions(opts *markup.Options) *Analyzer {
	if opts.Key() == "" {
		opts = nil
	}
	if opts == a.opts {
		return a
	}
	c := *a
	c.opts, c.optsKey = opts, opts.Key()
	return &c
}

// Cache keeps analyses between calls of AnalyzeWith, by content. A chunk's
// analysis depends on its ChunkKey alone; a block's on its BlockKey and its
// spans, which a hit must match exactly (equal source and prose nearly
// always mean equal spans, but the mapping must be exact). Keys given to
// Put own their strings (they are copies, never slices of the document).
// Implementations must be safe for concurrent use; they may drop anything
// at any time.
type Cache interface {
	// Chunks looks the chunks of a document up, all at once (one lock, not
	// one per chunk: a document has thousands): for each key it has, it
	// sets found[i] and blocks[i], the blocks with offsets relative to the
	// chunk, and handles[i], the cache's handle on it (see Retain).
	Chunks(keys []ChunkKey, blocks [][]Block, found []bool, handles []ChunkHandle)
	// PutChunk keeps a chunk's blocks, each analysed afresh (and given to
	// PutBlock first) or found by Block, and returns its handle.
	PutChunk(k ChunkKey, blocks []Block) ChunkHandle
	// Retain marks the chunks of these handles (given by earlier calls) as
	// in use, as a hit of Chunks would, without hashing their keys: a new
	// revision keeps the chunks before and after its edit this way. ok[i]
	// reports whether the cache still has handles[i] (a nil handle: no);
	// a chunk it dropped is looked up by key again.
	Retain(handles []ChunkHandle, ok []bool)
	// Block returns a block analysed before with exactly these spans: an
	// edit in a long chunk (a long list, say) re-tags only the edited block.
	Block(k BlockKey, spans []markup.Span) (*BlockAnalysis, bool)
	// PutBlock keeps a block analysed afresh.
	PutBlock(k BlockKey, spans []markup.Span, b *BlockAnalysis)
}

// ChunkKey identifies a chunk's analysis: it depends on the markup (the
// format's canonical name, so that aliases share entries), the chunk's
// text and flags, and the document's link reference definitions.
type ChunkKey struct {
	Format string
	Opts   string // markup.Options.Key of the options read under
	Flags  markup.ChunkFlags
	Text   string
	Defs   uint64
}

// BlockKey identifies a block's analysis within a chunk that changed.
type BlockKey struct {
	Kind          markup.BlockKind
	Source, Prose string
}

// New returns an Analyzer using the embedded tagger model and lexicon.
// The two are decoded at once, on two goroutines: neither needs the other
// to load (the tagger asks the lexicon only when it tags), and each is
// about half of a `liaison check`'s start-up CPU.
func New() *Analyzer {
	lexicon := make(chan *morph.Lexicon, 1)
	go func() { lexicon <- morph.Default() }()
	tagger := tag.Default()
	return NewWith(tagger, <-lexicon)
}

// NewWith returns an Analyzer using the given tagger and lexicon.
func NewWith(tagger *tag.Tagger, lexicon *morph.Lexicon) *Analyzer {
	return &Analyzer{tagger: tagger, lemmas: newLemmaCache(lexicon), lookups: new(sync.Pool)}
}

// Analyze analyses src, a document in the given language ("markdown" or
// "plaintext"; any other id is read as plain text), caching nothing. It
// returns ctx.Err() if ctx is cancelled before it is done.
func (a *Analyzer) Analyze(ctx context.Context, languageID, src string) (*Result, error) {
	return a.AnalyzeWith(ctx, nil, languageID, src)
}

// AnalyzeWith is Analyze taking what it can from cache and giving it what
// it analyses; nil caches nothing. Nothing partial is given to the cache:
// a chunk whose analysis is cancelled is not kept.
func (a *Analyzer) AnalyzeWith(ctx context.Context, cache Cache, languageID, src string) (*Result, error) {
	res, _, err := a.analyze(ctx, cache, nil, nil, languageID, text.String(src), false)
	return res, err
}

// analyze is AnalyzeWith, AnalyzeNext and AnalyzeEdit (edit: how src was
// made from prev's text, or nil): with keep it returns the
// Revision for the next call.
func (a *Analyzer) analyze(ctx context.Context, cache Cache, prev *Revision, edit *Edit, languageID string, src text.Source, keep bool) (*Result, *Revision, error) {
	format := markup.FormatFor(languageID).Name
	if cache == nil {
		prev = nil
	}
	mid, head, tail, defs, relabelled, rev := a.reuse(prev, edit, format, languageID, src)

	// The chunks prev has are kept in the cache by handle; mid, and any of
	// those the cache dropped meanwhile or that may refer to a relabelled
	// definition (lost, by index in the new revision), are looked up by
	// key.
	look := mid
	var lost []int
	delta := 0
	if head+tail > 0 {
		pt := &prev.table
		delta = src.Len() - prev.src.Len()
		shift := head + len(mid) + tail - pt.n // new index - old index, in the tail
		look = slices.Clip(look)               // lost chunks are appended to a copy
		k := keptChunks{cache: cache, t: pt, src: src, relabelled: relabelled, look: look}
		k.retain(0, head, 0, 0)
		k.retain(pt.n-tail, pt.n, shift, delta)
		look, lost = k.look, k.lost
	}
	lb := a.lookupBuffers(len(look))
	defer a.releaseLookup(lb)
	lb.used = len(look)
	keys, found, entries, handles := lb.keys, lb.found, lb.entries, lb.handles
	clear(found)
	for i, c := range look {
		keys[i] = a.keyOf(format, c, src, defs)
	}
	if cache != nil && len(look) > 0 {
		cache.Chunks(keys, entries, found, handles)
	}
	var misses []int          // indexes of chunks to analyse
	var dups map[ChunkKey]int // first miss of each key, when a text repeats
	for i := range look {
		if found[i] {
			continue
		}
		if dups == nil {
			dups = make(map[ChunkKey]int)
		}
		if _, seen := dups[keys[i]]; !seen {
			dups[keys[i]] = i
			misses = append(misses, i)
		}
	}

	var hints tagHints
	if head+tail > 0 {
		hints = hintsFrom(prev.table.entriesIn(head, prev.table.n-tail))
	}
	var owned []ChunkKey // the keys whose texts the chunks are parsed from (nil: src)
	if cache != nil {
		// A key given to the cache must not pin the whole document, so a
		// missed chunk's text is copied; it is copied before the chunk is
		// parsed, and parsed from the copy, so that its blocks' keys can
		// share it instead of copying their sources again (cachedBlock).
		for _, i := range misses {
			keys[i].Text = strings.Clone(keys[i].Text)
		}
		owned = keys
	}
	if err := a.analyzeChunks(ctx, cache, languageID, src, owned, look, defs, misses, entries, hints); err != nil {
		return nil, nil, err
	}

	if cache != nil {
		for _, i := range misses {
			handles[i] = cache.PutChunk(keys[i], entries[i])
		}
	}
	for i := range look {
		if !found[i] && entries[i] == nil { // a repeat of a chunk analysed above
			first := dups[keys[i]]
			entries[i], handles[i] = entries[first], handles[first]
		}
	}

	if !keep {
		return &Result{Blocks: appendBlocks(nil, 0, look, entries)}, nil, nil
	}
	if head+tail > 0 {
		nm := len(mid)
		rev.table = prev.table.edit(head, tail, look[:nm], entries[:nm], handles[:nm], delta)
		rev.table.set(lost, entries[nm:], handles[nm:])
	} else {
		rev.table = newChunkTable(look, entries, handles)
	}
	rev.defs = defs
	return &Result{Blocks: rev.table.blocks()}, rev, nil
}

// keptChunks are the chunks a new revision keeps of t's, being marked as
// in use in the cache (retain).
type keptChunks struct {
	cache      Cache
	t          *chunkTable
	src        text.Source     // the new revision's text
	relabelled map[string]bool // labels whose definitions changed (nil: none)
	look       []markup.Chunk  // chunks to look up by key, with offsets in src
	lost       []int           // their indexes in the new revision
}

// retain marks chunks lo..hi-1 of t as in use in the cache, a page at a
// time. Those the cache dropped, and those that may refer to a relabelled
// definition, are appended to look (moved by delta) and their indexes in
// the new revision (old + shift) to lost.
func (k *keptChunks) retain(lo, hi, shift, delta int) {
	var ok [2 * pageChunks]bool
	for i := lo; i < hi; {
		p := k.t.pageOf(i)
		from, to := i-p.first, min(hi-p.first, len(p.chunks))
		var got []bool
		if to-from <= len(ok) {
			got = ok[:to-from]
		} else { // a page is never this long; be safe
			got = make([]bool, to-from)
		}
		k.cache.Retain(p.handles[from:to], got)
		for x, kept := range got {
			if kept && k.relabelled == nil {
				continue
			}
			c := p.chunks[from+x]
			c.Start += p.start + delta
			c.End += p.start + delta
			if !kept || markup.RefersToAny(k.src.Slice(c.Start, c.End), k.relabelled) {
				k.look = append(k.look, c)
				k.lost = append(k.lost, i+x+shift)
			}
		}
		i = p.first + to
	}
}

// appendBlocks appends the blocks of chunks (document offsets less base),
// entries[i] being chunk i's, with document offsets.
func appendBlocks(out []Block, base int, chunks []markup.Chunk, entries [][]Block) []Block {
	if out == nil {
		nb := 0
		for _, e := range entries[:len(chunks)] {
			nb += len(e)
		}
		out = make([]Block, 0, nb)
	}
	for i, e := range entries[:len(chunks)] {
		at := base + chunks[i].Start
		for _, b := range e {
			out = append(out, Block{Start: at + b.Start, End: at + b.End, BlockAnalysis: b.BlockAnalysis})
		}
	}
	return out
}

// lookupBuffers are analyze's per-chunk buffers, reused across calls: a
// keystroke in the Rust Book looks up 5,000 chunks when it has no previous
// revision, which would otherwise make 360 KB of garbage per call.
type lookupBuffers struct {
	keys    []ChunkKey
	entries [][]Block
	found   []bool
	handles []ChunkHandle
	used    int // how many of keys, entries and handles hold anything
}

func (a *Analyzer) lookupBuffers(n int) *lookupBuffers {
	lb, _ := a.lookups.Get().(*lookupBuffers)
	// Buffers far larger than needed are let go: those of a document's
	// first revision (5,000 chunks of the Rust Book, 0.6 MB) would
	// otherwise stay in the pool through every keystroke, which looks up
	// a few.
	if lb == nil || cap(lb.keys) < n || cap(lb.keys) > 8*n+bigLookup {
		c := max(n, smallLookup)
		return &lookupBuffers{keys: make([]ChunkKey, n, c), entries: make([][]Block, n, c), found: make([]bool, n, c),
			handles: make([]ChunkHandle, n, c)}
	}
	lb.keys, lb.entries, lb.found, lb.handles = lb.keys[:n], lb.entries[:n], lb.found[:n], lb.handles[:n]
	return lb
}

// A pooled lookupBuffers holds smallLookup chunks at least (a few KB), so
// that the small lookups of keystrokes share one, and is let go when it
// holds more than 8 times a call's chunks and bigLookup more.
const (
	smallLookup = 64
	bigLookup   = 256
)

// releaseLookup clears what lb holds (its keys hold slices of the
// document, its entries the cache's blocks: neither may be pinned; after
// an edit only a few are used, and clearing all of them was 0.1 ms) and
// pools it.
func (a *Analyzer) releaseLookup(lb *lookupBuffers) {
	clear(lb.keys[:lb.used])
	clear(lb.entries[:lb.used])
	clear(lb.handles[:lb.used])
	lb.used = 0
	a.lookups.Put(lb)
}

func (a *Analyzer) keyOf(format string, c markup.Chunk, src text.Source, defs *markup.Definitions) ChunkKey {
	t := src.Slice(c.Start, c.End)
	return ChunkKey{Format: format, Opts: a.optsKey, Flags: c.Flags, Text: t, Defs: defs.KeyFor(t)}
}

// analyzeChunks fills entries[i] for every i in todo, using every core when
// there is more than a little work. Chunk i's text is owned[i].Text, a copy
// the cache may keep, or with owned nil its range of src.
// hints are the tags of sentences the chunks may repeat (nil: none).
func (a *Analyzer) analyzeChunks(ctx context.Context, cache Cache, languageID string, src text.Source, owned []ChunkKey, chunks []markup.Chunk, defs *markup.Definitions, todo []int, entries [][]Block, hints tagHints) error {
	work := func(s *scratch, i int) error {
		c := chunks[i]
		var t string
		if owned != nil {
			t = owned[i].Text
		} else {
			t = src.Slice(c.Start, c.End)
		}
		blocks, err := a.analyzeChunk(ctx, s, cache, languageID, t, c, defs)
		if err != nil {
			return err
		}
		entries[i] = blocks
		return nil
	}
	workers := runtime.GOMAXPROCS(0)
	if len(todo) < 4 || workers == 1 {
		s := &scratch{hints: hints}
		for _, i := range todo {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("analysis cancelled: %w", err)
			}
			if err := work(s, i); err != nil {
				return fmt.Errorf("analysis cancelled: %w", err)
			}
		}
		return nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	var failed atomic.Pointer[error] // the first worker's error
	for range workers {
		wg.Go(func() {
			s := &scratch{hints: hints}
			for i := range next {
				if failed.Load() != nil {
					continue // cancelled: drain what was sent, cheaply
				}
				if err := work(s, i); err != nil {
					failed.CompareAndSwap(nil, &err)
				}
			}
		})
	}
	var err error
	for _, i := range todo {
		if err = ctx.Err(); err != nil || failed.Load() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if p := failed.Load(); err == nil && p != nil {
		err = *p
	}
	if err != nil {
		return fmt.Errorf("analysis cancelled: %w", err)
	}
	return nil
}

// scratch holds buffers reused across sentences by one worker.
type scratch struct {
	segmenter token.Segmenter
	words     []string
	tagged    []tag.Tagged
	window    []tag.Tagged // one window of a very long sentence (tagSentence)
	hints     tagHints     // tags of sentences seen in the previous revision
}

// analyzeChunk parses one chunk and analyses its blocks. Offsets in the
// result are relative to the chunk. It returns ctx.Err() if ctx is
// cancelled first, looking between blocks and sentences: a superseded
// lint of a document of one long paragraph stops at once.
func (a *Analyzer) analyzeChunk(ctx context.Context, s *scratch, cache Cache, languageID, text string, c markup.Chunk, defs *markup.Definitions) ([]Block, error) {
	mblocks := markup.ParseWith(languageID, text, c.Flags, defs, a.opts)
	blocks := make([]Block, len(mblocks))
	for i := range mblocks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		mb := &mblocks[i]
		ba, err := a.cachedBlock(ctx, s, cache, text, mb)
		if err != nil {
			return nil, err
		}
		blocks[i] = Block{Start: mb.Start, End: mb.End, BlockAnalysis: ba}
	}
	return blocks, nil
}

// cachedBlock returns the analysis of mb from the cache, or analyses it
// and gives it to the cache. text is the chunk mb's offsets refer to, a
// copy of the document's that the cache keeps as the chunk's key when
// cache is not nil. A block whose analysis is cancelled is not cached.
func (a *Analyzer) cachedBlock(ctx context.Context, s *scratch, cache Cache, text string, mb *markup.Block) (*BlockAnalysis, error) {
	k := BlockKey{Kind: mb.Kind, Source: text[mb.Start:mb.End], Prose: mb.Prose}
	if cache != nil {
		if ba, ok := cache.Block(k, mb.Spans); ok {
			return ba, nil
		}
	}
	ba, err := a.analyzeBlock(ctx, s, mb)
	if err != nil {
		return nil, err
	}
	ba.Markup = mb.Markup(k.Source)
	if cache != nil {
		// The key may share the chunk's text when the block is most of it,
		// as a paragraph's is of its chunk; a small block of a long chunk
		// (an item of a long list) is copied, so that its entry, which may
		// outlive the chunk's, never keeps more than twice its own source
		// alive.
		if 2*len(k.Source) < len(text) {
			k.Source = strings.Clone(k.Source)
		}
		k.Prose = ba.Prose
		cache.PutBlock(k, mb.Spans, ba)
	}
	return ba, nil
}

// cancelCheckTokens is how many tokens of one sentence analyzeBlock
// handles between two looks at its context (well under a millisecond).
const cancelCheckTokens = 4096

// analyzeBlock tokenizes, tags and lemmatizes one prose block, looking at
// ctx between sentences and every cancelCheckTokens tokens of a long one.
func (a *Analyzer) analyzeBlock(ctx context.Context, s *scratch, mb *markup.Block) (*BlockAnalysis, error) {
	prose := mb.Prose // a string of its own (markup.Block), which the analysis may keep
	ba := &BlockAnalysis{Kind: mb.Kind, Prose: prose}
	sentences, err := s.segmenter.SentencesContext(ctx, prose) // valid until the next call: copied below
	if err != nil {
		return nil, err
	}
	ntok := 0
	for _, ts := range sentences {
		ntok += len(ts.Tokens)
	}
	all := make([]Token, 0, ntok) // one backing array for the block's tokens
	ba.Sentences = make([]Sentence, 0, len(sentences))
	for _, ts := range sentences {
		var sen Sentence
		all, sen, err = a.appendSentence(ctx, s, mb, prose, ts, 0, all)
		if err != nil {
			return nil, err
		}
		ba.Sentences = append(ba.Sentences, sen)
	}
	return ba, nil
}

// appendSentence tags and lemmatizes ts, a sentence of prose[off:] (its
// offsets are relative to off), appends its tokens to all and returns the
// Sentence over them.
func (a *Analyzer) appendSentence(ctx context.Context, s *scratch, mb *markup.Block, prose string, ts token.Sentence, off int, all []Token) ([]Token, Sentence, error) {
	if err := ctx.Err(); err != nil {
		return all, Sentence{}, err
	}
	s.words = s.words[:0]
	for _, t := range ts.Tokens {
		s.words = append(s.words, prose[off+t.Start:off+t.End])
	}
	if tags, ok := s.hints.lookup(s.words); ok {
		s.tagged = append(s.tagged[:0], tags...)
	} else if err := a.tagSentence(ctx, s); err != nil {
		return all, Sentence{}, err
	}
	first := len(all)
	for j, t := range ts.Tokens {
		if j > 0 && j%cancelCheckTokens == 0 && ctx.Err() != nil {
			return all, Sentence{}, ctx.Err()
		}
		word := s.words[j]
		kind := t.Kind
		if kind == token.Word && placeholderAt(mb.Spans, off+t.Start, off+t.End) {
			kind = token.Placeholder
		}
		start, end := mb.SourceRange(off+t.Start, off+t.End)
		tg := s.tagged[j]
		all = append(all, Token{
			Text:  word,
			Start: start,
			End:   end,
			Kind:  kind,
			UPOS:  tg.UPOS,
			PTB:   tg.PTB,
			Lemma: a.lemma(word, kind, tg.UPOS),
		})
	}
	toks := all[first:len(all):len(all)]
	sen := Sentence{Tokens: toks}
	if len(toks) > 0 {
		sen.Start, sen.End = toks[0].Start, toks[len(toks)-1].End
	}
	return all, sen, nil
}

// tagWindow and tagOverlap cut a sentence of more than tagWindow tokens
// (no real sentence: a list or table without full stops, a pasted log)
// into windows for the tagger, so that its context is looked at between
// them. Each window is tagged with tagOverlap tokens of context on either
// side, more than the tagger's features reach (two words and two tags), so
// the tags are those of the whole sentence but for the tagger's
// sentence-wide heuristics near a cut.
const (
	tagWindow  = cancelCheckTokens
	tagOverlap = 16
)

// tagSentence tags s.words into s.tagged.
func (a *Analyzer) tagSentence(ctx context.Context, s *scratch) error {
	n := len(s.words)
	if n <= tagWindow {
		s.tagged = a.tagger.Tag(s.words, s.tagged)
		return nil
	}
	s.tagged = s.tagged[:0]
	for from := 0; from < n; from += tagWindow {
		if err := ctx.Err(); err != nil {
			return err
		}
		to := min(from+tagWindow, n)
		lo, hi := max(from-tagOverlap, 0), min(to+tagOverlap, n)
		s.window = a.tagger.Tag(s.words[lo:hi], s.window)
		s.tagged = append(s.tagged, s.window[from-lo:to-lo]...)
	}
	return nil
}

// placeholderAt reports whether the prose range [start, end) touches a
// placeholder span (inline code or math): a word made partly of one, as
// "$x$-variant" or "`Reader`s" is, is not a word to check either.
func placeholderAt(spans []markup.Span, start, end int) bool {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		if spans[m].ProseEnd <= start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(spans) && spans[i].ProseStart < end; i++ {
		if spans[i].Placeholder {
			return true
		}
	}
	return false
}

// lemma returns the lemma of a token: for a word, its lemma for its
// universal part of speech (see lemmaCache.Lemma); any other token itself.
func (a *Analyzer) lemma(word string, kind token.Kind, upos tag.UPOS) string {
	if kind != token.Word {
		return word
	}
	return a.lemmas.Lemma(word, upos)
}
