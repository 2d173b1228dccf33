package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"liaison/analysis/markup"
)

// TestAnalyzeNextEqualsFresh: a run of edits analysed revision by revision
// (AnalyzeNext) gives, at every step, what AnalyzeWith gives the same text
// with the same cache (the same blocks at the same offsets), and at the
// end what a fresh analysis gives. The edits type and delete characters,
// open and close a code fence, change a link definition and a chunk's
// reference to it, and edit the first and last chunks.
func TestAnalyzeNextEqualsFresh(t *testing.T) {
	src := book(t)
	ctx := context.Background()
	a, c := New(), newMapCache()
	res, rev, err := a.AnalyzeNext(ctx, c, nil, "markdown", src)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := rev.Edit(); ok {
		t.Error("a first revision has an edit")
	}
	def := strings.Index(src, "]: ")
	if def < 0 {
		t.Fatal("no link definition in the book")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	edits := append(bookEdits(rng),
		func(s string) string { at := strings.Index(s, "[ch"); return insertAt(s, at, "[new link][] ") },
	)
	for i := range 24 {
		prev := src
		src = edits[i%len(edits)](src)
		if src == prev {
			continue
		}
		res, rev, err = a.AnalyzeNext(ctx, c, rev, "markdown", src)
		if err != nil {
			t.Fatal(err)
		}
		want := analyzeWith(t, a, c, "markdown", src)
		if !reflect.DeepEqual(res.Blocks, want.Blocks) {
			t.Fatalf("edit %d: AnalyzeNext's blocks differ from AnalyzeWith's", i)
		}
		if start, prevEnd, end, ok := rev.Edit(); !ok || src[:start] != prev[:start] || src[end:] != prev[prevEnd:] {
			t.Fatalf("edit %d: Edit() = %d, %d, %d, %v", i, start, prevEnd, end, ok)
		}
	}
	if cold := analyze(t, New(), "markdown", src); !reflect.DeepEqual(cold.Blocks, res.Blocks) {
		t.Error("the last revision differs from a fresh analysis")
	}
}

// TestAnalyzeNextRetainsChunks: a revision keeps the chunks around its
// edit by handle (Retain), looking up by key only those the edit touched
// and those the cache dropped.
func TestAnalyzeNextRetainsChunks(t *testing.T) {
	src := book(t)
	ctx := context.Background()
	a := New()
	c := &countingCache{mapCache: newMapCache()}
	_, rev, err := a.AnalyzeNext(ctx, c, nil, "markdown", src)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "Rust is a")
	c.looked = 0
	src = src[:at] + "X" + src[at:]
	if _, rev, err = a.AnalyzeNext(ctx, c, rev, "markdown", src); err != nil {
		t.Fatal(err)
	}
	if c.looked == 0 || c.looked > 4 {
		t.Errorf("a one-character edit looked up %d chunks by key, want 1 to 4", c.looked)
	}
	// The cache forgets everything: every chunk is looked up again, and
	// the result is still right.
	c.chunks = map[ChunkKey][]Block{}
	c.looked = 0
	src = src[:at] + src[at+1:]
	res, _, err := a.AnalyzeNext(ctx, c, rev, "markdown", src)
	if err != nil {
		t.Fatal(err)
	}
	if c.looked < 1000 {
		t.Errorf("after the cache dropped its chunks, %d looked up by key", c.looked)
	}
	if want := analyze(t, a, "markdown", src); !reflect.DeepEqual(want.Blocks, res.Blocks) {
		t.Error("result after the cache dropped its chunks differs from a fresh analysis")
	}
}

type countingCache struct {
	*mapCache
	looked int
}

func (c *countingCache) Chunks(keys []ChunkKey, blocks [][]Block, found []bool, handles []ChunkHandle) {
	c.looked += len(keys)
	c.mapCache.Chunks(keys, blocks, found, handles)
}

// bookEdits are the edits the revision tests make to the book at random:
// characters typed and deleted, a code fence opened and closed, a link
// definition changed, and the first and last chunks edited.
func bookEdits(rng *rand.Rand) []func(string) string {
	return []func(string) string{
		func(s string) string { at := rng.IntN(len(s)); return s[:at] + "x" + s[at:] },
		func(s string) string { at := rng.IntN(len(s) - 1); return s[:at] + s[at+1:] },
		func(s string) string {
			from := rng.IntN(len(s))
			if at := strings.Index(s[from:], "\n\n"); at >= 0 {
				return insertAt(s, from+at, "\n\n```\n")
			}
			return s
		},
		func(s string) string { return strings.Replace(s, "\n\n```\n", "", 1) },
		func(s string) string {
			at := strings.Index(s, "]: ")
			return s[:at+3] + "https://example.com/" + s[at+3:]
		},
		func(s string) string { return "Intro. " + s },
		func(s string) string { return s + "\nThe end, [see][ch01-00-getting-started].\n" },
	}
}

func insertAt(s string, at int, ins string) string {
	if at < 0 {
		at = len(s) / 2
	}
	return s[:at] + ins + s[at:]
}

// TestAnalyzeNextRelabelled: an edit of a link definition parses again
// the chunks that may refer to the labels it changed, and only those (a
// chunk's parse depends on the definitions through its labels alone): a
// reference that stops resolving reads as its bracketed text, one that
// starts to resolve as its link text, and every other chunk with a
// bracket is kept by handle, not looked up.
func TestAnalyzeNextRelabelled(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Title\n\nSee [the guide][g] and [the book][b] for more.\n\n")
	for i := range 300 {
		fmt.Fprintf(&b, "Paragraph %d has a [bracket] and a [link](https://example.com/%d) in it.\n\n", i, i)
	}
	b.WriteString("> A quote reads [the\n> long guide] over two lines.\n\n")
	b.WriteString("Read [Other][] too.\n\n[g]: https://example.com/guide\n[b]: https://example.com/book\n[the long guide]: https://example.com/long\n")
	src := b.String()
	ctx := context.Background()
	a := New()
	c := &countingCache{mapCache: newMapCache()}
	_, rev, err := a.AnalyzeNext(ctx, c, nil, "markdown", src)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, to string
		maxLooked      int
	}{
		{"a destination changed", "https://example.com/guide", "https://example.com/guides", 4},
		{"a label renamed", "[g]: ", "[other]: ", 5},
		{"a label back", "[other]: ", "[g]: ", 5},
		{"a definition removed", "[b]: https://example.com/book\n", "", 4},
		{"a label read over lines renamed", "[the long guide]: ", "[the short guide]: ", 5},
		{"and back", "[the short guide]: ", "[the long guide]: ", 5},
	} {
		next := strings.Replace(src, tc.from, tc.to, 1)
		if next == src {
			t.Fatalf("%s: %q not in the text", tc.name, tc.from)
		}
		src = next
		c.looked = 0
		var res *Result
		if res, rev, err = a.AnalyzeNext(ctx, c, rev, "markdown", src); err != nil {
			t.Fatal(err)
		}
		if want := analyze(t, New(), "markdown", src); !reflect.DeepEqual(res.Blocks, want.Blocks) {
			t.Fatalf("%s: the blocks differ from a fresh analysis", tc.name)
		}
		if c.looked == 0 || c.looked > tc.maxLooked {
			t.Errorf("%s: %d chunks looked up by key, want 1 to %d", tc.name, c.looked, tc.maxLooked)
		}
	}
}

// TestRefersToAny: a chunk refers to a label through a bracketed run that
// normalises to it (case, inner spaces), also over lines whose block
// markers goldmark does not read as part of it.
func TestRefersToAny(t *testing.T) {
	labels := map[string]bool{"the guide": true, `a\]b`: true}
	for _, tc := range []struct {
		chunk string
		want  bool
	}{
		{"See [The  Guide] here.", true},
		{"See [x][the guide].", true},
		{"See [the guide][].", true},
		{"See [guide] here.", false},
		{"No brackets at all.", false},
		{"An [outer [the guide] run].", true},
		{`An escaped [a\]b] one.`, true},
		{"A run [over\nlines] is read too.", false},
		{"A quoted run [the\n> guide] reads without its marker.", true},
		{"A list item's run [the\n   Guide] too.", true},
		{"And as it stands [the\n    guide].", true},
		{"Unclosed [the guide", false},
	} {
		if got := markup.RefersToAny(tc.chunk, labels); got != tc.want {
			t.Errorf("RefersToAny(%q) = %v, want %v", tc.chunk, got, tc.want)
		}
	}
}
