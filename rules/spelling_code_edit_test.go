package rules

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"liaison/analysis"
	"liaison/analysis/markup"
	ltext "liaison/analysis/text"
)

// TestCodeWordsAfterEdit is TestCodeWordsIncremental with the revisions
// analysed through a cache, as the checker does, so that the blocks
// before and after an edit are the same analyses and diffRegions skips
// them (skipShared), and with the edit given (exact, wider than the
// change, or about another text): the counts are those counted afresh.
func TestCodeWordsAfterEdit(t *testing.T) {
	chapter, err := os.ReadFile(filepath.Join("..", "testdata", "rust-book", "ch04-01-what-is-ownership.md"))
	if err != nil {
		t.Skip("no Rust Book under testdata")
	}
	ctx := context.Background()
	a, c := analysis.New(), newTestCache()
	inserts := []string{"s", "`", "```\n", "\n", " foo_bar ", "<!-- liaison-words: zork -->", "-", "x-y", "\n\n    indented code\n\n", ""}
	for _, src := range []string{string(chapter), "Some `code` here.\n\n```rust\nlet sneaky_name = 1;\n```\n\nAnd `more-code` too.\n\nEnd.\n"} {
		rng := rand.New(rand.NewPCG(9, uint64(len(src))))
		res, rev, err := a.AnalyzeEdit(ctx, c, nil, "markdown", src, nil)
		if err != nil {
			t.Fatal(err)
		}
		prev := CodeWordsAfter(src, res, true, nil, nil)
		prev.Has("x")
		// The same revisions as an editor's Documents (CodeWordsIn).
		doc := ltext.New(src)
		prevDoc := CodeWordsIn(doc, res, true, nil)
		prevDoc.Has("x")
		skipped := 0
		for i := range 200 {
			at := rng.IntN(len(src) + 1)
			if regions := allRegions(prev); len(regions) > 0 && rng.IntN(2) == 0 {
				r := regions[rng.IntN(len(regions))]
				at = max(0, min(len(src), r[rng.IntN(2)]+rng.IntN(3)-1))
			}
			end := min(len(src), at+rng.IntN(4))
			for !utf8Boundary(src, at) {
				at--
			}
			for !utf8Boundary(src, end) {
				end++
			}
			ins := inserts[rng.IntN(len(inserts))]
			old := src
			src = src[:at] + ins + src[end:]
			edit := &analysis.Edit{Base: old, Start: at, BaseEnd: end, End: at + len(ins)}
			switch i % 3 {
			case 1: // wider
				w := min(at, len(old)-end, rng.IntN(300))
				edit = &analysis.Edit{Base: old, Start: at - w, BaseEnd: end + w, End: at + len(ins) + w}
			case 2:
				edit = nil
			}
			if res, rev, err = a.AnalyzeEdit(ctx, c, rev, "markdown", src, edit); err != nil {
				t.Fatal(err)
			}
			p, s := edit.Ends(old, src)
			oc, nc := prev.regions(), (&CodeWords{src: ltext.String(src), res: res, hi: len(src)}).regions()
			skipShared(oc, nc, len(old), len(src), p, s)
			if oc.bi > 0 || oc.stop < len(oc.blocks) {
				skipped++
			}
			got := CodeWordsAfter(src, res, true, prev, edit)
			fresh := CodeWordsOf(src, res, true, nil)
			if g, w := flatCounts(got), flatCounts(fresh); !mapsEqual(g, w) {
				t.Fatalf("edit %d (%q at %d): counted from the previous revision %v, afresh %v", i, ins, at, diffCounts(g, w), diffCounts(w, g))
			}
			prev = got
			r := doc.RangeOf(at, end, ltext.UTF8)
			doc = doc.Apply([]ltext.Change{{Range: &r, Text: ins}}, ltext.UTF8)
			gotDoc := CodeWordsIn(doc, res, true, prevDoc)
			if g, w := flatCounts(gotDoc), flatCounts(fresh); !mapsEqual(g, w) {
				t.Fatalf("edit %d (%q at %d), Document: counted from the previous revision %v, afresh %v", i, ins, at, diffCounts(g, w), diffCounts(w, g))
			}
			if again := CodeWordsIn(doc, res, true, prevDoc); again != gotDoc {
				t.Fatalf("edit %d: a second CodeWordsIn of the same Document made another", i)
			}
			prevDoc = gotDoc
		}
		if skipped < 100 {
			t.Errorf("the walk skipped shared blocks in %d of 200 edits", skipped)
		}
	}
}

// testCache is an unbounded analysis.Cache.
type testCache struct {
	mu     sync.Mutex
	chunks map[analysis.ChunkKey][]analysis.Block
	blocks map[analysis.BlockKey]testBlock
}

type testBlock struct {
	spans []markup.Span
	ba    *analysis.BlockAnalysis
}

func newTestCache() *testCache {
	return &testCache{chunks: map[analysis.ChunkKey][]analysis.Block{}, blocks: map[analysis.BlockKey]testBlock{}}
}

func (c *testCache) Chunks(keys []analysis.ChunkKey, blocks [][]analysis.Block, found []bool, handles []analysis.ChunkHandle) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, k := range keys {
		if blocks[i], found[i] = c.chunks[k]; found[i] {
			handles[i] = k
		}
	}
}

func (c *testCache) PutChunk(k analysis.ChunkKey, blocks []analysis.Block) analysis.ChunkHandle {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.chunks[k] = blocks
	return k
}

func (c *testCache) Retain(handles []analysis.ChunkHandle, ok []bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, h := range handles {
		k, isKey := h.(analysis.ChunkKey)
		_, ok[i] = c.chunks[k]
		ok[i] = ok[i] && isKey
	}
}

func (c *testCache) Block(k analysis.BlockKey, spans []markup.Span) (*analysis.BlockAnalysis, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.blocks[k]
	if !ok || !slices.Equal(b.spans, spans) {
		return nil, false
	}
	return b.ba, true
}

func (c *testCache) PutBlock(k analysis.BlockKey, spans []markup.Span, ba *analysis.BlockAnalysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.blocks[k] = testBlock{spans, ba}
}
