package analysis

import (
	"context"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/text"
)

// applyString makes doc's next revision the text next, by the one change
// an editor would send: the span between the two texts' common ends.
func applyString(doc *text.Document, prev, next string) *text.Document {
	p, s := text.CommonEnds(prev, next)
	r := doc.RangeOf(p, len(prev)-s, text.UTF8)
	return doc.Apply([]text.Change{{Range: &r, Text: next[p : len(next)-s]}}, text.UTF8)
}

// TestAnalyzeSourceEqualsFresh: revisions of an editor's Document, made by
// Apply and analysed by AnalyzeSource, give at every step what AnalyzeWith
// gives their text: characters typed and deleted, a code fence opened and
// closed, a link definition changed, the first and last chunks edited, a
// change of several chunks at once, and full-document replacements.
func TestAnalyzeSourceEqualsFresh(t *testing.T) {
	src := book(t)
	ctx := context.Background()
	a, c := New(), newMapCache()
	doc := text.New(src)
	_, rev, err := a.AnalyzeSource(ctx, c, nil, "markdown", doc)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	edits := append(bookEdits(rng),
		func(s string) string { // 20 KB away replaced, across text chunks
			at := rng.IntN(len(s) - 30000)
			return s[:at] + "A new paragraph.\n\n- a list\n- of two\n\n" + s[at+20000:]
		},
	)
	for i := range 32 {
		prev := src
		src = edits[i%len(edits)](src)
		if src == prev {
			continue
		}
		if i == 20 {
			doc = text.New(src) // a full sync: shares nothing with prev
		} else {
			doc = applyString(doc, prev, src)
		}
		var res *Result
		res, rev, err = a.AnalyzeSource(ctx, c, rev, "markdown", doc)
		if err != nil {
			t.Fatal(err)
		}
		if want := analyzeWith(t, a, c, "markdown", src); !reflect.DeepEqual(res.Blocks, want.Blocks) {
			t.Fatalf("edit %d: AnalyzeSource's blocks differ from AnalyzeWith's", i)
		}
		if start, prevEnd, end, ok := rev.Edit(); !ok || src[:start] != prev[:start] || src[end:] != prev[prevEnd:] {
			t.Fatalf("edit %d: Edit() = %d, %d, %d, %v", i, start, prevEnd, end, ok)
		}
	}
}

// TestAnalyzeSourceDoesNotJoin: a keystroke in the Rust Book analysed from
// its Document allocates far less than the book's size: the text is read
// around the edit, never joined (the join alone is 1.2 MB).
func TestAnalyzeSourceDoesNotJoin(t *testing.T) {
	src := book(t)
	ctx := context.Background()
	a, c := New(), newMapCache()
	doc := text.New(src)
	_, rev, err := a.AnalyzeSource(ctx, c, nil, "markdown", doc)
	if err != nil {
		t.Fatal(err)
	}
	at := len(src) / 2
	at += strings.Index(src[at:], " the ") + 1
	var ms runtime.MemStats
	var allocs []uint64
	for i := range 20 {
		r := doc.RangeOf(at, at, text.UTF8)
		change := text.Change{Range: &r, Text: "x"}
		if i%2 == 1 {
			r.End.Character++
			change.Text = ""
		}
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		doc = doc.Apply([]text.Change{change}, text.UTF8)
		if _, rev, err = a.AnalyzeSource(ctx, c, rev, "markdown", doc); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&ms)
		allocs = append(allocs, ms.TotalAlloc-before)
	}
	// The median: a collection may drop the pooled lookup buffers, which
	// a keystroke then makes anew.
	slices.Sort(allocs)
	median := allocs[len(allocs)/2]
	// A revision shares the pages of chunks its edit did not touch
	// (chunkTable): what is left is the result's block list, about a
	// twelfth of the text; the three per-chunk arrays made anew were
	// another 370 KB, 0.3 of the text.
	if limit := uint64(len(src) / 6); median > limit {
		t.Errorf("a keystroke allocated %d bytes (median); want at most %d (a sixth of the text)", median, limit)
	}
	t.Logf("a keystroke allocated %d bytes (median; text %d)", median, len(src))
}
