package spell

import (
	"bytes"

	"liaison/analysis/spell/internal/wordfile"
)

// suggestIndex finds the listed words within two edits of a word
// (SymSpell's symmetric deletes, one level deep): every word is filed
// under its lower-case form and each form with one letter deleted, so a
// query looks up its own edits and their deletions, a few thousand bucket
// reads instead of a scan of the list. Buckets are keyed by hash, not by
// string: a bucket can hold words that merely collide, which the caller's
// edit distance drops. Built on the first Suggest, as one flat array (the
// CSR layout) to keep it to a few allocations.
type suggestIndex struct {
	words    []string // spellings as listed
	lower    []string // their lower-case forms
	size     []uint8  // size class index
	dialects []uint8
	heads    []uint32 // bucket b's word ids are ids[heads[b]:heads[b+1]]
	ids      []uint32
	mask     uint64
}

// maxIndexedLen bounds the words filed under their deletions; longer
// words are still found by their own form.
const maxIndexedLen = 24

func buildIndex(data []byte) *suggestIndex {
	ix := &suggestIndex{}
	each(data, func(w []byte, e entry) {
		ix.words = append(ix.words, string(w))
		ix.size = append(ix.size, e.size)
		ix.dialects = append(ix.dialects, e.dialects)
	})
	ix.lower = make([]string, len(ix.words))
	keys := 0
	for i, w := range ix.words {
		l := string(bytes.ToLower([]byte(w)))
		if l == w {
			l = w
		}
		ix.lower[i] = l
		keys++
		if len(l) <= maxIndexedLen {
			keys += len(l)
		}
	}
	buckets := 1
	for buckets < keys {
		buckets <<= 1
	}
	ix.mask = uint64(buckets - 1)
	ix.heads = make([]uint32, buckets+1)
	ix.ids = make([]uint32, keys)
	// Two passes over the same keys: count per bucket, then fill.
	var buf []byte
	forKeys := func(f func(b uint64, id uint32)) {
		for i, l := range ix.lower {
			f(wordfile.Hash(l)&ix.mask, uint32(i))
			if len(l) > maxIndexedLen {
				continue
			}
			for j := 0; j < len(l); j++ {
				if j > 0 && l[j] == l[j-1] {
					continue // deleting either of a doubled letter gives one key
				}
				buf = append(append(buf[:0], l[:j]...), l[j+1:]...)
				f(wordfile.Hash(buf)&ix.mask, uint32(i))
			}
		}
	}
	forKeys(func(b uint64, _ uint32) { ix.heads[b+1]++ })
	for b := 1; b <= buckets; b++ {
		ix.heads[b] += ix.heads[b-1]
	}
	fill := make([]uint32, buckets)
	copy(fill, ix.heads[:buckets])
	forKeys(func(b uint64, id uint32) {
		ix.ids[fill[b]] = id
		fill[b]++
	})
	ix.ids = ix.ids[:ix.heads[buckets]]
	return ix
}

// bucket returns the ids filed under key (and any that collide with it).
func (ix *suggestIndex) bucket(key []byte) []uint32 {
	b := wordfile.Hash(key) & ix.mask
	return ix.ids[ix.heads[b]:ix.heads[b+1]]
}

// candidates returns the ids of the words that may be within two edits of
// w (lower case): those filed under w, under an edit of w, or under a
// deletion of an edit of w.
func (ix *suggestIndex) candidates(w string) map[uint32]bool {
	out := map[uint32]bool{}
	add := func(key []byte) {
		for _, id := range ix.bucket(key) {
			out[id] = true
		}
	}
	add([]byte(w))
	var del []byte
	edits1(w, func(e []byte) {
		add(e)
		for j := 0; j < len(e); j++ {
			if j > 0 && e[j] == e[j-1] {
				continue
			}
			del = append(append(del[:0], e[:j]...), e[j+1:]...)
			add(del)
		}
	})
	return out
}

// alphabet is what an insertion or substitution may bring in.
const alphabet = "abcdefghijklmnopqrstuvwxyz'-"

// edits1 calls f with every string one deletion, transposition,
// substitution or insertion from w; the slice is reused after f returns.
func edits1(w string, f func([]byte)) {
	buf := make([]byte, 0, len(w)+1)
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		f(append(append(buf[:0], w[:i]...), w[i+1:]...))
	}
	for i := 0; i+1 < len(w); i++ {
		if w[i] == w[i+1] {
			continue
		}
		buf = append(buf[:0], w...)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		f(buf)
	}
	for i := 0; i < len(w); i++ {
		for k := 0; k < len(alphabet); k++ {
			if alphabet[k] == w[i] {
				continue
			}
			buf = append(buf[:0], w...)
			buf[i] = alphabet[k]
			f(buf)
		}
	}
	for i := 0; i <= len(w); i++ {
		for k := 0; k < len(alphabet); k++ {
			buf = append(append(append(buf[:0], w[:i]...), alphabet[k]), w[i:]...)
			f(buf)
		}
	}
}
