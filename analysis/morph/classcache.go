package morph

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
)

// classCache remembers Classes' answers by normalised word: the rules ask
// the classes of the same words again and again (a verb form's, a noun's
// plural), each a lexicon lookup and up to a dozen suffix-rule lookups of
// a few hundred nanoseconds. It is an open-addressing table whose 32-bit
// slots hold a 16-bit fingerprint of the word's hash and the entry's
// index, so a probe reads one slot and a hit one entry; entries are never
// evicted one by one: when a generation fills, the next miss starts an
// empty one, so the cache stays bounded in a long-running server. It is
// built on first use (a check that asks nothing pays nothing) and safe
// for concurrent use; its answers are exactly collect's.
type classCache struct {
	cur atomic.Pointer[classTable]
}

// classTable is one generation. An entry is written once, before the slot
// that points to it is published (an atomic store the reader's atomic
// load observes), and never changed.
type classTable struct {
	slots   []atomic.Uint32 // fingerprint<<16 | index+1; 0 is empty
	entries []classEntry
	next    atomic.Int64
}

type classEntry struct {
	word  string
	class Class
}

const (
	classEntries = 1 << 15 // index+1 must fit the 16 low bits of a slot
	classSlots   = 2 * classEntries
	classProbes  = 16
)

func newClassTable() *classTable {
	return &classTable{slots: make([]atomic.Uint32, classSlots), entries: make([]classEntry, classEntries)}
}

// classes returns the classes of the normalised word w, computing them
// with l.collect on a miss.
func (c *classCache) classes(l *Lexicon, w []byte) Class {
	t := c.cur.Load()
	if t == nil {
		c.cur.CompareAndSwap(nil, newClassTable())
		t = c.cur.Load()
	}
	h := maphash.Bytes(l.index.seed, w)
	fp := uint32(h >> 48)
	j := h & (classSlots - 1)
	free := -1
	for range classProbes {
		s := t.slots[j].Load()
		if s == 0 {
			free = int(j)
			break
		}
		if s>>16 == fp {
			if e := &t.entries[s&0xffff-1]; e.word == string(w) {
				return e.class
			}
		}
		j = (j + 1) & (classSlots - 1)
	}
	var rs readings
	l.collect(w, &rs)
	if free >= 0 {
		c.insert(t, free, fp, w, rs.class)
	}
	return rs.class
}

func (c *classCache) insert(t *classTable, free int, fp uint32, w []byte, class Class) {
	i := t.next.Add(1) - 1
	if i >= classEntries {
		c.cur.CompareAndSwap(t, newClassTable())
		return
	}
	t.entries[i] = classEntry{word: strings.Clone(string(w)), class: class}
	v := fp<<16 | uint32(i+1)
	for j := uint64(free); ; j = (j + 1) & (classSlots - 1) {
		if t.slots[j].CompareAndSwap(0, v) {
			return
		}
	}
}
