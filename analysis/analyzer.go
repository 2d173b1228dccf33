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
	"liaison/analysis/token"
)

// Analyzer analyses documents. It caches the analysis of each chunk of a
// document by content, so analysing a new revision of a document re-tags
// only the chunks whose text changed. It is safe for concurrent use.
type Analyzer struct {
	tagger *tag.Tagger
	lemmas *lemmaCache

	mu     sync.Mutex
	chunks map[chunkKey]*chunkEntry
	blocks map[blockKey]*blockEntry
	tick   uint64 // counts Analyze calls, for eviction
	bytes  int    // source bytes held by the caches
}

// chunkKey identifies a chunk's analysis: it depends on the markup, the
// chunk's text and flags, and the document's link reference definitions.
type chunkKey struct {
	markdown bool
	flags    markup.ChunkFlags
	text     string
	defs     uint64
}

type chunkEntry struct {
	blocks  []Block // Start and End relative to the chunk
	lastUse uint64
}

// blockKey identifies a block's analysis within a chunk that changed, so an
// edit in a long chunk (a long list, say) re-tags only the edited block.
// Spans are compared on a hit: equal source and prose nearly always mean
// equal spans, but the mapping must be exact.
type blockKey struct {
	kind          markup.BlockKind
	source, prose string
}

type blockEntry struct {
	analysis *BlockAnalysis
	spans    []markup.Span
	lastUse  uint64
}

// cacheLimit is the number of source bytes the chunk and block caches may
// hold before entries unused by recent calls are evicted.
const cacheLimit = 64 << 20

// evictAge is how many Analyze calls an entry survives unused once the cache
// is over its limit.
const evictAge = 4

// New returns an Analyzer using the embedded tagger model and lexicon.
func New() *Analyzer {
	return NewWith(tag.Default(), morph.Default())
}

// NewWith returns an Analyzer using the given tagger and lexicon.
func NewWith(tagger *tag.Tagger, lexicon *morph.Lexicon) *Analyzer {
	return &Analyzer{
		tagger: tagger,
		lemmas: newLemmaCache(lexicon),
		chunks: make(map[chunkKey]*chunkEntry),
		blocks: make(map[blockKey]*blockEntry),
	}
}

// Analyze analyses src, a document in the given language ("markdown" or
// "plaintext"; any other id is read as plain text). It returns ctx.Err() if
// ctx is cancelled before it is done.
func (a *Analyzer) Analyze(ctx context.Context, languageID, src string) (*Result, error) {
	chunks := markup.Split(languageID, src)
	var defs *markup.Definitions // nil for plain text: the key is then 0
	if markup.IsMarkdown(languageID) {
		defs = markup.ScanDefinitionsIn(src, chunks)
	}

	// Look up every chunk; collect the misses, each distinct text once.
	entries := make([]*chunkEntry, len(chunks))
	var misses []int          // indexes of chunks to analyse
	var dups map[chunkKey]int // first miss of each key, when a text repeats
	a.mu.Lock()
	a.tick++
	tick := a.tick
	for i, c := range chunks {
		k := keyOf(languageID, c, src, defs)
		if e, ok := a.chunks[k]; ok {
			e.lastUse = tick
			entries[i] = e
			continue
		}
		if dups == nil {
			dups = make(map[chunkKey]int)
		}
		if _, seen := dups[k]; !seen {
			dups[k] = i
			misses = append(misses, i)
		}
	}
	a.mu.Unlock()

	if err := a.analyzeChunks(ctx, languageID, src, chunks, defs, misses, entries); err != nil {
		return nil, err
	}

	a.mu.Lock()
	for _, i := range misses {
		k := keyOf(languageID, chunks[i], src, defs)
		entries[i].lastUse = tick
		if _, raced := a.chunks[k]; raced { // another call cached it meanwhile
			continue
		}
		k.text = strings.Clone(k.text) // the key must not pin the whole document
		a.chunks[k] = entries[i]
		a.bytes += len(k.text)
	}
	for i, c := range chunks {
		if entries[i] == nil { // a repeat of a chunk analysed above
			entries[i] = entries[dups[keyOf(languageID, c, src, defs)]]
		}
	}
	if a.bytes > cacheLimit {
		a.evict(tick)
	}
	a.mu.Unlock()

	res := &Result{}
	n := 0
	for _, e := range entries {
		n += len(e.blocks)
	}
	res.Blocks = make([]Block, 0, n)
	for i, e := range entries {
		base := chunks[i].Start
		for _, b := range e.blocks {
			res.Blocks = append(res.Blocks, Block{Start: base + b.Start, End: base + b.End, BlockAnalysis: b.BlockAnalysis})
		}
	}
	return res, nil
}

func keyOf(languageID string, c markup.Chunk, src string, defs *markup.Definitions) chunkKey {
	text := c.Text(src)
	return chunkKey{markdown: markup.IsMarkdown(languageID), flags: c.Flags, text: text, defs: defs.KeyFor(text)}
}

// evict drops entries not used by the last few calls. Called with a.mu held.
func (a *Analyzer) evict(tick uint64) {
	for k, e := range a.chunks {
		if tick-e.lastUse >= evictAge {
			delete(a.chunks, k)
			a.bytes -= len(k.text)
		}
	}
	for k, e := range a.blocks {
		if tick-e.lastUse >= evictAge {
			delete(a.blocks, k)
			a.bytes -= len(k.source)
		}
	}
}

// analyzeChunks fills entries[i] for every i in todo, using every core when
// there is more than a little work.
func (a *Analyzer) analyzeChunks(ctx context.Context, languageID, src string, chunks []markup.Chunk, defs *markup.Definitions, todo []int, entries []*chunkEntry) error {
	a.mu.Lock()
	tick := a.tick
	a.mu.Unlock()
	work := func(s *scratch, i int) error {
		c := chunks[i]
		blocks, err := a.analyzeChunk(ctx, s, tick, languageID, c.Text(src), c, defs)
		if err != nil {
			return err
		}
		entries[i] = &chunkEntry{blocks: blocks}
		return nil
	}
	workers := runtime.GOMAXPROCS(0)
	if len(todo) < 4 || workers == 1 {
		s := &scratch{}
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
			s := &scratch{}
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
}

// analyzeChunk parses one chunk and analyses its blocks. Offsets in the
// result are relative to the chunk. It returns ctx.Err() if ctx is
// cancelled first, looking between blocks and sentences: a superseded
// lint of a document of one long paragraph stops at once.
func (a *Analyzer) analyzeChunk(ctx context.Context, s *scratch, tick uint64, languageID, text string, c markup.Chunk, defs *markup.Definitions) ([]Block, error) {
	mblocks := markup.Parse(languageID, text, c.Flags, defs)
	blocks := make([]Block, len(mblocks))
	for i := range mblocks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		mb := &mblocks[i]
		ba, err := a.cachedBlock(ctx, s, tick, text, mb)
		if err != nil {
			return nil, err
		}
		blocks[i] = Block{Start: mb.Start, End: mb.End, BlockAnalysis: ba}
	}
	return blocks, nil
}

// cachedBlock returns the analysis of mb from the block cache, or analyses
// it and caches it. text is the chunk mb's offsets refer to. A block whose
// analysis is cancelled is not cached.
func (a *Analyzer) cachedBlock(ctx context.Context, s *scratch, tick uint64, text string, mb *markup.Block) (*BlockAnalysis, error) {
	k := blockKey{kind: mb.Kind, source: text[mb.Start:mb.End], prose: mb.Prose}
	a.mu.Lock()
	e, ok := a.blocks[k]
	if ok && slices.Equal(e.spans, mb.Spans) {
		e.lastUse = tick
		a.mu.Unlock()
		return e.analysis, nil
	}
	a.mu.Unlock()
	ba, err := a.analyzeBlock(ctx, s, mb)
	if err != nil {
		return nil, err
	}
	ba.Markup = mb.Markup(k.source)
	k.source = strings.Clone(k.source)
	k.prose = ba.Prose
	a.mu.Lock()
	if _, ok := a.blocks[k]; !ok {
		a.blocks[k] = &blockEntry{analysis: ba, spans: mb.Spans, lastUse: tick}
		a.bytes += len(k.source)
	}
	a.mu.Unlock()
	return ba, nil
}

// cancelCheckTokens is how many tokens of one sentence analyzeBlock
// handles between two looks at its context (well under a millisecond).
const cancelCheckTokens = 4096

// analyzeBlock tokenizes, tags and lemmatizes one prose block, looking at
// ctx between sentences and every cancelCheckTokens tokens of a long one.
func (a *Analyzer) analyzeBlock(ctx context.Context, s *scratch, mb *markup.Block) (*BlockAnalysis, error) {
	prose := strings.Clone(mb.Prose)
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
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.words = s.words[:0]
		for _, t := range ts.Tokens {
			s.words = append(s.words, prose[t.Start:t.End])
		}
		if err := a.tagSentence(ctx, s); err != nil {
			return nil, err
		}
		first := len(all)
		for j, t := range ts.Tokens {
			if j > 0 && j%cancelCheckTokens == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			word := s.words[j]
			kind := t.Kind
			if kind == token.Word && placeholderAt(mb.Spans, t.Start, t.End) {
				kind = token.Placeholder
			}
			start, end := mb.SourceRange(t.Start, t.End)
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
		ba.Sentences = append(ba.Sentences, sen)
	}
	return ba, nil
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

// placeholderAt reports whether the prose range [start, end) lies in a
// placeholder span (inline code or math).
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
	return lo < len(spans) && spans[lo].Placeholder && spans[lo].ProseStart <= start && end <= spans[lo].ProseEnd
}

// lemma returns the lemma of a token: for a word, its lemma for its
// universal part of speech (see lemmaCache.Lemma); any other token itself.
func (a *Analyzer) lemma(word string, kind token.Kind, upos tag.UPOS) string {
	if kind != token.Word {
		return word
	}
	return a.lemmas.Lemma(word, upos)
}
