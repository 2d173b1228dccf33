package markup

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/text"
)

// TestSplitEditEqualsSplit: after random edits of random documents (the
// line shapes of TestRandomDocuments, so fences, HTML blocks and lists
// open and close across the edit) and of the Rust Book, SplitEdit's chunks
// are Split's, and the head and tail it reports are the previous
// revision's chunks.
func TestSplitEditEqualsSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	randomDoc := func(lines int) string {
		var sb strings.Builder
		for range lines {
			sb.WriteString(markdownLines[rng.IntN(len(markdownLines))])
			sb.WriteByte('\n')
		}
		return sb.String()
	}
	book := wholeBook(t)
	reused := 0
	for i := range 4000 {
		prev := book
		if i%4 != 0 {
			prev = randomDoc(5 + rng.IntN(60))
		}
		// Replace a random range with random text: a character, a line,
		// some lines of markup, or nothing (a deletion).
		start := rng.IntN(len(prev) + 1)
		end := min(len(prev), start+[]int{0, 1, 3, 40}[rng.IntN(4)])
		var ins string
		switch rng.IntN(4) {
		case 0:
		case 1:
			ins = string("ab\n `$<>-[]:#"[rng.IntN(13)])
		case 2:
			ins = markdownLines[rng.IntN(len(markdownLines))] + "\n"
		default:
			ins = randomDoc(1 + rng.IntN(4))
		}
		src := prev[:start] + ins + prev[end:]
		prefix, suffix := commonEndsForTest(prev, src)
		prevChunks := Split("markdown", prev)
		got, head, tail := SplitEdit("markdown", prev, prevChunks, src, prefix, suffix)
		want := Split("markdown", src)
		if !slices.Equal(got, want) {
			t.Fatalf("edit %d: [%d:%d] = %q of %q:\nSplitEdit %v\nSplit     %v", i, start, end, ins, prev, got, want)
		}
		// The same read from a Document a window at a time, the windows
		// small enough to end before the chunks agree again, mid-chunk and
		// inside code blocks.
		window := 1 + rng.IntN(400)
		gotW, headW, tailW := splitEdit("markdown", len(prev), prevChunks, text.New(src), prefix, suffix, window)
		if !slices.Equal(gotW, want) || headW != head || tailW != tail {
			t.Fatalf("edit %d: [%d:%d] = %q, window %d: head %d tail %d (want %d %d)\nsplitEdit %v\nSplit     %v", i, start, end, ins, window, headW, tailW, head, tail, gotW, want)
		}
		if head+tail > len(got) || head+tail > len(prevChunks) {
			t.Fatalf("edit %d: head %d + tail %d of %d chunks (before: %d)", i, head, tail, len(got), len(prevChunks))
		}
		if !slices.Equal(got[:head], prevChunks[:head]) {
			t.Fatalf("edit %d: head %d differs from the previous chunks", i, head)
		}
		delta := len(src) - len(prev)
		for j := range tail {
			g, p := got[len(got)-tail+j], prevChunks[len(prevChunks)-tail+j]
			if g.Start != p.Start+delta || g.End != p.End+delta || g.Flags != p.Flags || g.Text(src) != p.Text(prev) {
				t.Fatalf("edit %d: tail chunk %d is not the previous one moved", i, j)
			}
		}
		if i%4 == 0 {
			reused += head + tail
			if len(got)-head-tail > 4 {
				t.Errorf("edit %d of the book: %d of %d chunks re-split", i, len(got)-head-tail, len(got))
			}
		}
	}
	if reused == 0 {
		t.Error("no chunk reused: SplitEdit split everything")
	}
}

func commonEndsForTest(a, b string) (prefix, suffix int) {
	n := min(len(a), len(b))
	for prefix < n && a[prefix] == b[prefix] {
		prefix++
	}
	for suffix < n-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}
