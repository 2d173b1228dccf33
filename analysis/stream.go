package analysis

import (
	"context"
	"fmt"
	"slices"

	"liaison/analysis/markup"
	"liaison/analysis/text"
	"liaison/analysis/token"
)

// Part is one part of a document's analysis, as AnalyzeParts gives it:
// blocks with document offsets, in document order.
type Part struct {
	Result
	// From is the document offset where the part's own sentences start. A
	// part that continues a long block begins with the block's previous
	// sentence, repeated as the context of rules that read it (a rule
	// matches within one sentence, reading the one before); what is found
	// in it, before From, belongs to the previous part.
	From int
}

// AnalyzeParts analyses src as Analyze does, but about partBytes of source
// at a time, giving each part to yield and keeping nothing of it, so that
// memory holds one part's analysis, not the whole document's (about 35
// bytes per byte of source): `liaison check`, which checks each file once,
// checks each part and drops it. A block whose prose is longer than
// partBytes (a document of one long line) is given a run of sentences at a
// time: each such part holds the block whole but for its sentences, which
// are the part's, after the one before them (see Part.From). A sentence
// longer than partBytes is analysed whole. It stops at the first error of
// yield and returns it, or ctx.Err() when ctx is cancelled.
func (a *Analyzer) AnalyzeParts(ctx context.Context, languageID, src string, partBytes int, yield func(Part) error) error {
	return a.AnalyzePartsWith(ctx, languageID, src, nil, partBytes, yield)
}

// AnalyzePartsWith is AnalyzeParts for src when it is one segment of a
// Markdown document too large to hold (`liaison check` reads such a file a
// few megabytes at a time): defs are the whole document's link reference
// definitions, so that a reference resolves against a definition in
// another segment. nil defs are src's own, as in AnalyzeParts.
func (a *Analyzer) AnalyzePartsWith(ctx context.Context, languageID, src string, defs *markup.Definitions, partBytes int, yield func(Part) error) error {
	partBytes = max(partBytes, 1)
	chunks := markup.Split(languageID, src)
	if !markup.IsMarkdown(languageID) {
		defs = nil // as in AnalyzeWith
	} else if defs == nil {
		defs = markup.ScanDefinitionsIn(src, chunks)
	}
	lo, size := 0, 0 // the chunks of the part being gathered, and their bytes
	flush := func(hi int) error {
		if hi == lo {
			return nil
		}
		part := chunks[lo:hi]
		lo, size = hi, 0
		todo := make([]int, len(part))
		for i := range todo {
			todo[i] = i
		}
		entries := make([][]Block, len(part))
		if err := a.analyzeChunks(ctx, nil, languageID, text.String(src), nil, part, defs, todo, entries, nil); err != nil {
			return err
		}
		var res Result
		for i, e := range entries {
			base := part[i].Start
			for _, b := range e {
				res.Blocks = append(res.Blocks, Block{Start: base + b.Start, End: base + b.End, BlockAnalysis: b.BlockAnalysis})
			}
		}
		return yieldPart(res, yield)
	}
	for i, c := range chunks {
		n := c.End - c.Start
		if n > partBytes {
			if err := flush(i); err != nil {
				return err
			}
			if err := a.longChunk(ctx, languageID, src, c, defs, partBytes, yield); err != nil {
				return err
			}
			lo = i + 1
			continue
		}
		if size+n > partBytes {
			if err := flush(i); err != nil {
				return err
			}
		}
		size += n
	}
	return flush(len(chunks))
}

// yieldPart gives res, a part with no repeated sentence, to yield.
func yieldPart(res Result, yield func(Part) error) error {
	if len(res.Blocks) == 0 {
		return nil
	}
	return yield(Part{Result: res, From: res.Blocks[0].Start})
}

// longChunk is AnalyzeParts for one chunk longer than partBytes: its
// blocks are given a few at a time, and a block of more prose than that a
// run of sentences at a time (longBlock).
func (a *Analyzer) longChunk(ctx context.Context, languageID, src string, c markup.Chunk, defs *markup.Definitions, partBytes int, yield func(Part) error) error {
	text := c.Text(src)
	mblocks := markup.ParseWith(languageID, text, c.Flags, defs, a.opts)
	s := &scratch{}
	var res Result
	size := 0
	for i := range mblocks {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("analysis cancelled: %w", err)
		}
		mb := &mblocks[i]
		if len(mb.Prose) > partBytes {
			if err := yieldPart(res, yield); err != nil {
				return err
			}
			res, size = Result{}, 0
			if err := a.longBlock(ctx, s, text, c.Start, mb, partBytes, yield); err != nil {
				return err
			}
			continue
		}
		if n := mb.End - mb.Start; size+n > partBytes {
			if err := yieldPart(res, yield); err != nil {
				return err
			}
			res, size = Result{}, 0
		}
		ba, err := a.cachedBlock(ctx, s, nil, text, mb)
		if err != nil {
			return fmt.Errorf("analysis cancelled: %w", err)
		}
		res.Blocks = append(res.Blocks, Block{Start: c.Start + mb.Start, End: c.Start + mb.End, BlockAnalysis: ba})
		size += mb.End - mb.Start
	}
	return yieldPart(res, yield)
}

// longBlock gives mb, a block of chunk text at document offset base, a run
// of sentences at a time. Its prose is split into sentences a window of
// partBytes at a time; the last two sentences of a window that does not
// reach the end are left to the next, which starts at the first of them:
// a cut sentence, or a boundary the segmenter decides by looking at the
// text after it, is then read as in the whole prose.
func (a *Analyzer) longBlock(ctx context.Context, s *scratch, text string, base int, mb *markup.Block, partBytes int, yield func(Part) error) error {
	prose := mb.Prose
	ranges := mb.Markup(text[mb.Start:mb.End])
	var seg token.Segmenter
	var prev []Token // the previous part's last sentence, copied: it must not pin that part
	window := partBytes
	for off := 0; off < len(prose); {
		end := min(off+window, len(prose))
		sentences, err := seg.SentencesContext(ctx, prose[off:end])
		if err != nil {
			return fmt.Errorf("analysis cancelled: %w", err)
		}
		if len(sentences) == 0 {
			break
		}
		keep, next := len(sentences), len(prose)
		if end < len(prose) {
			if len(sentences) < 3 { // sentences as long as the window: widen it
				window *= 2
				continue
			}
			keep = len(sentences) - 2
			next = off + sentences[keep].Start
		}
		window = partBytes
		ntok := len(prev)
		for _, ts := range sentences[:keep] {
			ntok += len(ts.Tokens)
		}
		all := make([]Token, 0, ntok)
		ba := &BlockAnalysis{Kind: mb.Kind, Prose: prose, Markup: ranges, Sentences: make([]Sentence, 0, keep+1)}
		if len(prev) > 0 {
			all = append(all, prev...)
			toks := all[:len(prev):len(prev)]
			ba.Sentences = append(ba.Sentences, Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks})
		}
		own := len(ba.Sentences)
		for _, ts := range sentences[:keep] {
			var sen Sentence
			all, sen, err = a.appendSentence(ctx, s, mb, prose, ts, off, all)
			if err != nil {
				return fmt.Errorf("analysis cancelled: %w", err)
			}
			ba.Sentences = append(ba.Sentences, sen)
		}
		from := base + mb.Start
		if own > 0 {
			from += ba.Sentences[own].Start
		}
		last := ba.Sentences[len(ba.Sentences)-1].Tokens
		prev = slices.Clone(last)
		if err := yield(Part{Result: Result{Blocks: []Block{{Start: base + mb.Start, End: base + mb.End, BlockAnalysis: ba}}}, From: from}); err != nil {
			return err
		}
		off = next
	}
	return nil
}
