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
	data  []byte   // the decoded word list (decodeWords)
	lower []byte   // the same bytes with ASCII letters lower-cased
	off   []uint32 // word i is data[off[i]:off[i+1]-1] (without its metadata and newline)
	heads []uint32 // bucket b's word ids are ids[heads[b]:heads[b+1]]
	ids   []uint32
	mask  uint64
}

// maxIndexedLen bounds the words filed under their deletions; longer
// words are still found by their own form.
const maxIndexedLen = 24

func (ix *suggestIndex) len() int { return len(ix.off) - 1 }

// word returns word i as listed, and lowered.
func (ix *suggestIndex) word(i uint32) string      { return string(ix.data[ix.off[i]+2 : ix.off[i+1]-1]) }
func (ix *suggestIndex) lowerWord(i uint32) []byte { return ix.lower[ix.off[i]+2 : ix.off[i+1]-1] }
func (ix *suggestIndex) entry(i uint32) entry {
	o := ix.off[i]
	return entry{size: ix.data[o] - 'a', dialects: ix.data[o+1] - '@'}
}

func buildIndex(data []byte) *suggestIndex {
	ix := &suggestIndex{data: data, lower: make([]byte, len(data))}
	for i, c := range data {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		ix.lower[i] = c
	}
	for o := 0; o < len(data); {
		ix.off = append(ix.off, uint32(o))
		nl := bytes.IndexByte(data[o:], '\n')
		if nl < 0 {
			break
		}
		o += nl + 1
	}
	ix.off = append(ix.off, uint32(len(data)))
	keys := 0
	for i := range uint32(ix.len()) {
		n := len(ix.lowerWord(i))
		keys++
		if n <= maxIndexedLen {
			keys += n
		}
	}
	// About two keys a bucket: a false candidate costs one bounded
	// distance, a bucket four bytes.
	buckets := 1
	for buckets < keys/2 {
		buckets <<= 1
	}
	ix.mask = uint64(buckets - 1)
	ix.heads = make([]uint32, buckets+1)
	ix.ids = make([]uint32, keys)
	// Two passes over the same keys: count per bucket, then fill.
	var buf []byte
	forKeys := func(f func(b uint64, id uint32)) {
		for i := range uint32(ix.len()) {
			l := ix.lowerWord(i)
			f(wordfile.Hash(l)&ix.mask, i)
			if len(l) > maxIndexedLen {
				continue
			}
			for j := 0; j < len(l); j++ {
				if j > 0 && l[j] == l[j-1] {
					continue // deleting either of a doubled letter gives one key
				}
				buf = append(append(buf[:0], l[:j]...), l[j+1:]...)
				f(wordfile.Hash(buf)&ix.mask, i)
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
// w (lower case): those filed under w, under an edit of w, or, when deep,
// under a deletion of an edit of w (a second substitution or deletion).
// The shallow pass finds every word one edit away and many two away; the
// deep one costs ten times as much.
func (ix *suggestIndex) candidates(w string, deep bool) []uint32 {
	seen := make([]uint64, (ix.len()+63)/64)
	var out []uint32
	add := func(key []byte) {
		for _, id := range ix.bucket(key) {
			if seen[id/64]&(1<<(id%64)) == 0 {
				seen[id/64] |= 1 << (id % 64)
				out = append(out, id)
			}
		}
	}
	add([]byte(w))
	var del []byte
	edits1(w, func(e []byte, insertion bool) {
		add(e)
		// An insertion's deletions are w itself or strings the shallow
		// keys already cover (an insertion and a deletion are a
		// substitution or a shift, found through w's own deletions).
		if !deep || insertion {
			return
		}
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
// substitution or insertion from w, saying which are insertions; the
// slice is reused after f returns.
func edits1(w string, f func(e []byte, insertion bool)) {
	buf := make([]byte, 0, len(w)+1)
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		f(append(append(buf[:0], w[:i]...), w[i+1:]...), false)
	}
	for i := 0; i+1 < len(w); i++ {
		if w[i] == w[i+1] {
			continue
		}
		buf = append(buf[:0], w...)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		f(buf, false)
	}
	for i := 0; i < len(w); i++ {
		for k := 0; k < len(alphabet); k++ {
			if alphabet[k] == w[i] {
				continue
			}
			buf = append(buf[:0], w...)
			buf[i] = alphabet[k]
			f(buf, false)
		}
	}
	for i := 0; i <= len(w); i++ {
		for k := 0; k < len(alphabet); k++ {
			buf = append(append(append(buf[:0], w[:i]...), alphabet[k]), w[i:]...)
			f(buf, true)
		}
	}
}
