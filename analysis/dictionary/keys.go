package dictionary

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
)

// lemmaKeys holds the folded key of every lemma record, in record order
// (ascending), decompressed once: every lookup searches the keys several
// times (the word, its lemmas, the expressions that may start around it),
// and most searches find nothing or an entry already decoded, so they
// should not decompress a block of records.
//
// The keys are front-coded in buckets of keyBucket: the first key of a
// bucket whole, each next one as the length of the prefix it shares with
// the key before it and the rest. Sorted keys share long prefixes (run,
// run across, run away, …): profiled after hovers over the Rust Book, the
// 128k keys as one string each with a 32-bit offset were 2.3-2.5 MB of
// the live heap (1.95 MB and what append left spare); front-coded they
// are 0.98 MB. A search bisects the buckets' first keys and then reads on
// from one bucket's start without spelling out the keys it passes: about
// 15% slower than a bisection of plain keys (210 against 180 ns).
type lemmaKeys struct {
	data []byte   // the buckets, back to back
	head []uint32 // bucket b's first key is data[head[2b]:head[2b+1]], the rest follow
	n    int      // keys
}

// keyBucket is how many keys a bucket holds: a search reads up to this
// many keys after bisecting, and each bucket costs a 4-byte offset.
const keyBucket = 16

// readLemmaKeys reads the keys of the lemma table, block after block.
func readLemmaKeys(t interface {
	Len() int
	Record(int) ([]byte, error)
}) (*lemmaKeys, error) {
	var b keysBuilder
	for i := range t.Len() {
		rec, err := t.Record(i)
		if err != nil {
			return nil, fmt.Errorf("dictionary: lemma keys: %w", err)
		}
		r := recordReader{b: rec}
		key := r.str()
		if r.err != nil {
			return nil, fmt.Errorf("dictionary: lemma %d: %w", i, r.err)
		}
		if err := b.add(key); err != nil {
			return nil, fmt.Errorf("dictionary: lemma %d: %w", i, err)
		}
	}
	return b.done(), nil
}

// keysBuilder front-codes keys given in ascending order.
type keysBuilder struct {
	k    lemmaKeys
	prev []byte
}

func (b *keysBuilder) add(key string) error {
	if b.k.n > 0 && key < string(b.prev) {
		return fmt.Errorf("key %q after %q: not in ascending order", key, b.prev)
	}
	rest := key
	if b.k.n%keyBucket == 0 {
		b.k.head = append(b.k.head, uint32(len(b.k.data)), uint32(len(b.k.data)+len(key)))
	} else {
		shared := commonPrefix(b.prev, key)
		b.k.data = binary.AppendUvarint(b.k.data, uint64(shared))
		rest = key[shared:]
		b.k.data = binary.AppendUvarint(b.k.data, uint64(len(rest)))
	}
	b.k.data = append(b.k.data, rest...)
	b.prev = append(b.prev[:0], key...)
	b.k.n++
	return nil
}

// done returns the keys, their arrays cut to size (append leaves up to a
// quarter spare).
func (b *keysBuilder) done() *lemmaKeys {
	return &lemmaKeys{data: bytes.Clone(b.k.data), head: append([]uint32(nil), b.k.head...), n: b.k.n}
}

// commonPrefix is the length of the prefix a and b share.
func commonPrefix(a []byte, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func (k *lemmaKeys) len() int { return k.n }

// first returns the first key of bucket b, sharing the keys' bytes.
func (k *lemmaKeys) first(b int) []byte { return k.data[k.head[2*b]:k.head[2*b+1]] }

// uvarint reads the number at data[p], mostly one byte, and returns it and
// the offset after it.
func uvarint(data []byte, p int) (int, int) {
	if c := data[p]; c < 0x80 {
		return int(c), p + 1
	}
	v, m := binary.Uvarint(data[p:])
	return int(v), p + m
}

// keyCursor reads the keys in order from one of them: key holds key i
// (valid until the next step), and the one after it is read from data[p].
type keyCursor struct {
	i, p int
	key  []byte
}

// seek returns a cursor at the first key not less than q (at i == len if
// none). Its key is read into buf, which it grows as it needs: a caller's
// array on its stack spares an allocation.
func (k *lemmaKeys) seek(q string, buf []byte) keyCursor {
	if k.n == 0 {
		return keyCursor{key: buf[:0]}
	}
	// The first key ≥ q is in the last bucket whose first key is < q, or
	// it is the next bucket's first (< and not ≤: equal keys may begin in
	// a bucket before the one whose first key is q).
	b := max(sort.Search(len(k.head)/2, func(b int) bool { return string(k.first(b)) >= q })-1, 0)
	c := keyCursor{i: b * keyBucket, key: buf[:0]}
	// The keys before the one sought are not spelled out: lcp is how much
	// of q the key before shares, and that key is less than q. A key that
	// shares more than lcp with it is less than q too; one that shares
	// less is greater (it differs from the one before where that one
	// still matched q, and sorts after it), and it is q[:shared] and its
	// own rest.
	lcp := 0
	for ; c.i < k.n; c.i++ {
		var shared int
		var rest []byte
		if c.i%keyBucket == 0 {
			h := 2 * (c.i / keyBucket)
			rest, c.p, lcp = k.data[k.head[h]:k.head[h+1]], int(k.head[h+1]), 0
		} else {
			var l int
			shared, c.p = uvarint(k.data, c.p)
			l, c.p = uvarint(k.data, c.p)
			rest, c.p = k.data[c.p:c.p+l], c.p+l
		}
		switch {
		case shared > lcp:
			continue
		case shared == lcp:
			n := commonPrefix(rest, q[lcp:])
			if lcp+n < len(q) && (n == len(rest) || rest[n] < q[lcp+n]) {
				lcp += n // a prefix of q, or less where it differs
				continue
			}
		}
		c.key = append(append(c.key[:0], q[:shared]...), rest...)
		return c
	}
	return c
}

// read reads key c.i into c.key and moves c.p past it; false at the end.
// Cursors go by value: through a pointer, the compiler would move every
// caller's buffer to the heap.
func (k *lemmaKeys) read(c keyCursor) (keyCursor, bool) {
	if c.i >= k.n {
		return c, false
	}
	if c.i%keyBucket == 0 {
		h := 2 * (c.i / keyBucket)
		c.key, c.p = append(c.key[:0], k.data[k.head[h]:k.head[h+1]]...), int(k.head[h+1])
		return c, true
	}
	var shared, l int
	shared, c.p = uvarint(k.data, c.p)
	l, c.p = uvarint(k.data, c.p)
	c.key = append(c.key[:shared], k.data[c.p:c.p+l]...)
	c.p += l
	return c, true
}

// search returns the index of the first key ≥ key (len if none).
func (k *lemmaKeys) search(key string) int {
	var buf [64]byte
	return k.seek(key, buf[:0]).i
}

// find returns the indexes [lo, hi) of the keys equal to key (lo == hi if
// none).
func (k *lemmaKeys) find(key string) (lo, hi int) {
	var buf [64]byte
	c := k.seek(key, buf[:0])
	lo = c.i
	for c.i < k.n && string(c.key) == key {
		c.i++
		c, _ = k.read(c)
	}
	return lo, c.i
}

// has reports whether key is a key.
func (k *lemmaKeys) has(key string) bool {
	var buf [64]byte
	c := k.seek(key, buf[:0])
	return c.i < k.n && string(c.key) == key
}

// hasPrefix reports whether some key begins with prefix.
func (k *lemmaKeys) hasPrefix(prefix string) bool {
	var buf [64]byte
	c := k.seek(prefix, buf[:0])
	return c.i < k.n && strings.HasPrefix(string(c.key), prefix)
}
