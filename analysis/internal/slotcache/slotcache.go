package slotcache

import "sync/atomic"

// Entries is how many entries a generation holds: about twice the distinct
// words of a book (the Rust Book has 17k), with 256 KiB of slots.
const (
	Entries = 1 << 15     // index+1 must fit the 16 low bits of a slot
	slots   = 2 * Entries // load factor at most 1/2: short probes
	probes  = 16          // slots looked at before giving up on a full run
)

// Cache holds entries of type E by a 64-bit hash of their key; the caller
// hashes and compares keys. The zero value is an empty cache, safe for
// concurrent use; its table is made on first use.
type Cache[E any] struct {
	cur atomic.Pointer[table[E]]
}

// table is one generation. An entry is written once, before the slot that
// points to it is published (an atomic store the reader's atomic load
// observes), and never changed.
type table[E any] struct {
	slots   []atomic.Uint32 // fingerprint<<16 | index+1; 0 is empty
	entries []E
	next    atomic.Int64 // entries handed out so far
}

// Miss is where a Find that found nothing ended, for Keep.
type Miss[E any] struct {
	t    *table[E]
	free int // the first empty slot of the probe run; -1: the run was full
	fp   uint32
}

// Find returns the first entry with the fingerprint of h that is reports
// to be the key's, or nil and where to Keep the entry once computed.
func (c *Cache[E]) Find(h uint64, is func(*E) bool) (*E, Miss[E]) {
	t := c.cur.Load()
	if t == nil {
		c.cur.CompareAndSwap(nil, newTable[E]())
		t = c.cur.Load()
	}
	fp := uint32(h >> 48)
	j := h & (slots - 1)
	free := -1
	for range probes {
		s := t.slots[j].Load()
		if s == 0 {
			free = int(j)
			break
		}
		if s>>16 == fp {
			if e := &t.entries[s&0xffff-1]; is(e) {
				return e, Miss[E]{}
			}
		}
		j = (j + 1) & (slots - 1)
	}
	return nil, Miss[E]{t: t, free: free, fp: fp}
}

// Keep stores e where Find missed, or starts a new generation when the one
// Find read is full. An entry must not share memory the caller wants
// freed (clone strings sliced from a document).
func (c *Cache[E]) Keep(m Miss[E], e E) {
	if m.t == nil || m.free < 0 {
		return // a run of taken slots: rare at load 1/2, and harmless
	}
	i := m.t.next.Add(1) - 1
	if i >= Entries {
		// Full: the next generation starts empty (a concurrent miss may
		// start one too; one of them wins, and nothing is wrong either way).
		c.cur.CompareAndSwap(m.t, newTable[E]())
		return
	}
	m.t.entries[i] = e
	v := m.fp<<16 | uint32(i+1)
	for j := uint64(m.free); ; j = (j + 1) & (slots - 1) {
		if m.t.slots[j].CompareAndSwap(0, v) {
			return
		}
		// Another miss took the slot meanwhile: the next empty one will
		// do (a duplicate entry is harmless, Find returns the first).
	}
}

// Len returns the entries of the current generation.
func (c *Cache[E]) Len() int {
	t := c.cur.Load()
	if t == nil {
		return 0
	}
	return int(min(t.next.Load(), Entries))
}

func newTable[E any]() *table[E] {
	return &table[E]{slots: make([]atomic.Uint32, slots), entries: make([]E, Entries)}
}
