package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"

	"liaison/analysis/markup"
)

// TestChunkTableEdit: a table edited again and again reads as the flat
// chunk, block and handle slices edited the same way, and never writes a
// page an earlier table shares.
func TestChunkTableEdit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 5, pageChunks - 1, pageChunks, 3*pageChunks + 17, 1000} {
		// The flat model: chunks of 10 bytes, each with a block and a
		// handle naming it.
		chunks := make([]markup.Chunk, n)
		entries := make([][]Block, n)
		handles := make([]ChunkHandle, n)
		next := 0
		mk := func(start int) (markup.Chunk, []Block, ChunkHandle) {
			next++
			return markup.Chunk{Start: start, End: start + 10, Flags: markup.ChunkFlags(next % 3)}, []Block{{Start: next}}, next
		}
		for i := range n {
			chunks[i], entries[i], handles[i] = mk(10 * i)
		}
		tab := newChunkTable(chunks, entries, handles)
		var older []chunkTable
		var olderFlat [][]markup.Chunk
		var olderHandles [][]ChunkHandle
		for step := range 200 {
			check(t, n, step, &tab, chunks, entries, handles)
			for k, o := range older { // earlier tables are unchanged
				if !slices.Equal(o.chunks(), olderFlat[k]) || !slices.Equal(handlesOf(&o), olderHandles[k]) {
					t.Fatalf("n=%d step %d: an earlier table changed", n, step)
				}
			}
			older, olderFlat, olderHandles = append(older, tab), append(olderFlat, tab.chunks()), append(olderHandles, handlesOf(&tab))
			if len(older) > 5 {
				older, olderFlat, olderHandles = older[1:], olderFlat[1:], olderHandles[1:]
			}
			m := len(chunks)
			head := rng.IntN(m + 1)
			tail := rng.IntN(m - head + 1)
			if rng.IntN(4) == 0 {
				tail = m - head // a pure insertion
			}
			nmid := rng.IntN(4)
			if rng.IntN(20) == 0 {
				nmid = 3 * pageChunks // a paste
			}
			// mid fills the gap from the end of head to the start of
			// tail, which move by delta.
			at := 0
			if head > 0 {
				at = chunks[head-1].End
			}
			var mid []markup.Chunk
			var me [][]Block
			var mh []ChunkHandle
			for k := range nmid {
				c, e, h := mk(at + 10*k)
				mid, me, mh = append(mid, c), append(me, e), append(mh, h)
			}
			oldEnd := at
			if tail > 0 {
				oldEnd = chunks[m-tail].Start
			}
			delta := at + 10*nmid - oldEnd
			tab = tab.edit(head, tail, mid, me, mh, delta)
			nc := slices.Concat(chunks[:head], mid)
			for _, c := range chunks[m-tail:] {
				nc = append(nc, markup.Chunk{Start: c.Start + delta, End: c.End + delta, Flags: c.Flags})
			}
			chunks = nc
			entries = slices.Concat(entries[:head], me, entries[m-tail:])
			handles = slices.Concat(handles[:head], mh, handles[m-tail:])
			if len(chunks) > 0 && rng.IntN(5) == 0 { // chunks the cache dropped, looked up again
				var idx []int
				var es [][]Block
				var hs []ChunkHandle
				for range 1 + rng.IntN(3) {
					i := rng.IntN(len(chunks))
					_, e, h := mk(0)
					idx, es, hs = append(idx, i), append(es, e), append(hs, h)
					entries[i], handles[i] = e, h
				}
				tab.set(idx, es, hs)
			}
		}
	}
}

func check(t *testing.T, n, step int, tab *chunkTable, chunks []markup.Chunk, entries [][]Block, handles []ChunkHandle) {
	t.Helper()
	if tab.Len() != len(chunks) {
		t.Fatalf("n=%d step %d: %d chunks, want %d", n, step, tab.Len(), len(chunks))
	}
	if got := tab.chunks(); !slices.Equal(got, chunks) {
		t.Fatalf("n=%d step %d: chunks differ", n, step)
	}
	for i := range chunks {
		if tab.At(i) != chunks[i] {
			t.Fatalf("n=%d step %d: At(%d) = %+v, want %+v", n, step, i, tab.At(i), chunks[i])
		}
		p := tab.pageOf(i)
		if h := p.handles[i-p.first]; h != handles[i] {
			t.Fatalf("n=%d step %d: handle %d = %v, want %v", n, step, i, h, handles[i])
		}
	}
	if got := tab.entriesIn(0, len(chunks)); !slices.EqualFunc(got, entries, func(a, b []Block) bool { return slices.Equal(a, b) }) {
		t.Fatalf("n=%d step %d: entries differ", n, step)
	}
	first := 0
	for _, p := range tab.pages {
		if p.first != first || len(p.chunks) == 0 || len(p.chunks) > 2*pageChunks {
			t.Fatalf("n=%d step %d: page at %d holds %d chunks (first %d)", n, step, first, len(p.chunks), p.first)
		}
		first += len(p.chunks)
	}
}

func handlesOf(t *chunkTable) []ChunkHandle {
	var out []ChunkHandle
	for _, p := range t.pages {
		out = append(out, p.handles...)
	}
	return out
}
