package spell

import (
	"bytes"
	"math/bits"

	"liaison/analysis/spell/internal/wordfile"
)

// suggestIndex finds the listed words within two edits of a word
// (SymSpell's symmetric deletes, one level deep): every word is filed
// under its lower-case form and each form with one letter deleted, so a
// query looks up its own edits and their deletions, a few thousand bucket
// reads instead of a scan of the list. Buckets are keyed by hash, not by
// string, and each id a bucket gives is checked against the key (the
// word's length first, then its letters), so a word that merely collides
// is no candidate. Built on the first Suggest, as one flat array (the CSR
// layout) of ids packed in as few bits as the list needs (18 for 190k
// words), about eight keys a bucket: 5.7 MB for SCOWL's 190k words and
// their 1.9M keys (beside the 2.2 MB of words), where 32-bit ids, two keys
// a bucket and a lower-cased copy of the list took 14.3 MB.
type suggestIndex struct {
	data  []byte   // the decoded word list (decodeWords)
	off   []uint32 // word i is data[off[i]+2:off[i+1]-1] (without its metadata and newline)
	heads []uint32 // bucket b's ids are ids[heads[b]:heads[b+1]]
	ids   packed
	mask  uint64
}

// maxIndexedLen bounds the words filed under their deletions; longer
// words are still found by their own form.
const maxIndexedLen = 24

// keysPerBucket: a false candidate costs two loads (its length rules out
// most), a bucket four bytes.
const keysPerBucket = 8

func (ix *suggestIndex) len() int { return len(ix.off) - 1 }

// word returns word i as listed.
func (ix *suggestIndex) word(i uint32) string { return string(ix.data[ix.off[i]+2 : ix.off[i+1]-1]) }

// wordLen is the length in bytes of word i.
func (ix *suggestIndex) wordLen(i uint32) int { return int(ix.off[i+1]-ix.off[i]) - 3 }

// lowerWord appends word i lower-cased (ASCII letters) to buf.
func (ix *suggestIndex) lowerWord(buf []byte, i uint32) []byte {
	for _, c := range ix.data[ix.off[i]+2 : ix.off[i+1]-1] {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func (ix *suggestIndex) entry(i uint32) entry {
	o := ix.off[i]
	return entry{size: ix.data[o] - 'a', dialects: ix.data[o+1] - '@'}
}

// forKeys calls f with every key of word lw (lower case): the word itself
// and, when it is short enough to be filed so, each distinct deletion of
// one letter. The slice is reused after f returns.
func forKeys(lw []byte, buf []byte, f func(key []byte)) []byte {
	f(lw)
	if len(lw) > maxIndexedLen {
		return buf
	}
	for j := 0; j < len(lw); j++ {
		if j > 0 && lw[j] == lw[j-1] {
			continue // deleting either of a doubled letter gives one key
		}
		buf = append(append(buf[:0], lw[:j]...), lw[j+1:]...)
		f(buf)
	}
	return buf
}

// isKeyOf reports whether key is a key of word lw (lower case): lw
// itself, or lw without one letter when lw is filed under its deletions.
func isKeyOf(key, lw []byte) bool {
	switch len(lw) - len(key) {
	case 0:
		return string(lw) == string(key)
	case 1:
		if len(lw) > maxIndexedLen {
			return false
		}
		i := 0
		for i < len(key) && key[i] == lw[i] {
			i++
		}
		return string(key[i:]) == string(lw[i+1:])
	}
	return false
}

func buildIndex(data []byte) *suggestIndex {
	ix := &suggestIndex{data: data}
	n := bytes.Count(data, []byte{'\n'})
	ix.off = make([]uint32, 0, n+1)
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
		keys++
		if n := ix.wordLen(i); n <= maxIndexedLen {
			keys += n
		}
	}
	buckets := 1
	for buckets < keys/keysPerBucket {
		buckets <<= 1
	}
	ix.mask = uint64(buckets - 1)
	ix.heads = make([]uint32, buckets+1)
	// Two passes over the same keys: count per bucket, then fill.
	var lw, buf []byte
	each := func(f func(b uint64, id uint32)) {
		for i := range uint32(ix.len()) {
			lw = ix.lowerWord(lw[:0], i)
			buf = forKeys(lw, buf, func(key []byte) { f(wordfile.Hash(key)&ix.mask, i) })
		}
	}
	each(func(b uint64, _ uint32) { ix.heads[b+1]++ })
	for b := 1; b <= buckets; b++ {
		ix.heads[b] += ix.heads[b-1]
	}
	ix.ids = newPacked(int(ix.heads[buckets]), bits.Len(uint(ix.len())))
	fill := make([]uint32, buckets)
	copy(fill, ix.heads[:buckets])
	each(func(b uint64, id uint32) {
		ix.ids.set(int(fill[b]), id)
		fill[b]++
	})
	return ix
}

// packed is an array of unsigned integers of width bits each.
type packed struct {
	w     []uint64
	width uint
	mask  uint64
}

func newPacked(n, width int) packed {
	width = max(width, 1)
	return packed{w: make([]uint64, (n*width+63)/64+1), width: uint(width), mask: 1<<uint(width) - 1}
}

func (p *packed) get(i int) uint32 {
	bit := uint(i) * p.width
	k, s := bit/64, bit%64
	v := p.w[k] >> s
	if s+p.width > 64 {
		v |= p.w[k+1] << (64 - s)
	}
	return uint32(v & p.mask)
}

func (p *packed) set(i int, v uint32) {
	bit := uint(i) * p.width
	k, s := bit/64, bit%64
	p.w[k] |= uint64(v) << s
	if s+p.width > 64 {
		p.w[k+1] |= uint64(v) >> (64 - s)
	}
}

// candidates returns the ids of the words that may be within two edits of
// w (lower case): those filed under w, under an edit of w, or, when deep,
// under a deletion of an edit of w (a second substitution or deletion).
// The shallow pass finds every word one edit away and many two away; the
// deep one costs ten times as much.
func (ix *suggestIndex) candidates(w string, deep bool) []uint32 {
	seen := make([]uint64, (ix.len()+63)/64)
	var out []uint32
	var lw []byte
	add := func(key []byte) {
		b := wordfile.Hash(key) & ix.mask
		for k := ix.heads[b]; k < ix.heads[b+1]; k++ {
			id := ix.ids.get(int(k))
			if seen[id/64]&(1<<(id%64)) != 0 {
				continue
			}
			if d := ix.wordLen(id) - len(key); d != 0 && d != 1 {
				continue // no key of this word: a collision
			}
			if lw = ix.lowerWord(lw[:0], id); !isKeyOf(key, lw) {
				continue
			}
			seen[id/64] |= 1 << (id % 64)
			out = append(out, id)
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
