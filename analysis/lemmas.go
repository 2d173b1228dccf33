package analysis

import (
	"strings"
	"sync/atomic"

	"liaison/analysis/morph"
	"liaison/analysis/tag"
)

// lemmaCache gives the lemma of a tagged word, remembering earlier
// answers: a lexicon lookup costs about half a microsecond, a hit some
// nanoseconds and no allocation. It is safe for concurrent use; its
// answers are exactly those of the lexicon, so sharing one between
// documents is fine.
//
// It is an open-addressing table whose slots hold a fingerprint of the
// (word, tag) hash beside the entry's index, so a probe reads one slot and
// a hit one entry: the direct-mapped cache it replaces kept one pointer
// per slot, and on the Rust Book (17k distinct pairs in 32k slots) a
// third of the pairs shared a slot with another, evicting each other —
// 180-300 ns a word, most of it lexicon lookups. Entries are never
// evicted one by one: when the table fills up, the next miss starts an
// empty one, so the cache stays bounded in a long-running server.
type lemmaCache struct {
	lex *morph.Lexicon
	cur atomic.Pointer[lemmaTable]
}

// lemmaTable is one generation of the cache. Its entries are written once,
// before the slot that points to them is published (an atomic store the
// reader's atomic load observes), and never changed.
type lemmaTable struct {
	slots   []atomic.Uint32 // fingerprint<<16 | index+1; 0 is empty
	entries []lemmaEntry
	next    atomic.Int64 // entries handed out so far
}

type lemmaEntry struct {
	word  string
	lemma string
	upos  tag.UPOS
}

// lemmaEntries is the number of (word, tag) pairs a generation holds:
// about twice the pairs of a book (the Rust Book has 17k), 1.3 MB of
// entries, touched only as they fill, and 256 KiB of slots (32-bit: with
// 64-bit ones a probe missed the processor's cache twice as often, and
// the slot load was a third of Lemma's time).
const (
	lemmaEntries = 1 << 15          // index+1 must fit the 16 low bits of a slot
	lemmaSlots   = 2 * lemmaEntries // load factor at most 1/2: short probes
	lemmaProbes  = 16               // slots looked at before giving up on a full run
)

// newLemmaCache returns an empty cache in front of lex.
func newLemmaCache(lex *morph.Lexicon) *lemmaCache {
	c := &lemmaCache{lex: lex}
	c.cur.Store(newLemmaTable())
	return c
}

func newLemmaTable() *lemmaTable {
	return &lemmaTable{slots: make([]atomic.Uint32, lemmaSlots), entries: make([]lemmaEntry, lemmaEntries)}
}

// Lemma returns the lemma of word tagged upos: the lexicon's lemma for
// nouns, verbs and auxiliaries, adjectives and adverbs; a proper noun
// itself; any other word lower-cased.
func (c *lemmaCache) Lemma(word string, upos tag.UPOS) string {
	switch upos {
	case tag.PROPN:
		return word
	case tag.NOUN, tag.VERB, tag.AUX, tag.ADJ, tag.ADV:
	default:
		// A closed-class word is its own lemma, lower-cased: most are
		// lower case already (the, of, it), which costs a scan of a few
		// bytes and no allocation; only "The" and the like are cached.
		if isLowerASCII(word) {
			return word
		}
	}
	h := fnv1a(word) ^ uint64(upos)*0x9e3779b97f4a7c15
	h ^= h >> 29
	fp := uint32(h >> 48)
	t := c.cur.Load()
	j := h & (lemmaSlots - 1)
	free := -1 // the first empty slot of the probe run, for the insert
	for range lemmaProbes {
		s := t.slots[j].Load()
		if s == 0 {
			free = int(j)
			break
		}
		if s>>16 == fp {
			if e := &t.entries[s&0xffff-1]; e.upos == upos && e.word == word {
				return e.lemma
			}
		}
		j = (j + 1) & (lemmaSlots - 1)
	}
	lemma := c.compute(word, upos)
	c.insert(t, free, fp, word, upos, lemma)
	return lemma
}

// insert keeps (word, upos) → lemma in t, starting at slot free (-1: the
// probe run was full), or starts a new generation when t is full.
func (c *lemmaCache) insert(t *lemmaTable, free int, fp uint32, word string, upos tag.UPOS, lemma string) {
	if free < 0 {
		return // a run of lemmaProbes taken slots: rare at load 1/2, and harmless
	}
	i := t.next.Add(1) - 1
	if i >= lemmaEntries {
		// Full: the next generation starts empty (a concurrent miss may
		// start one too; one of them wins, and nothing is wrong either way).
		c.cur.CompareAndSwap(t, newLemmaTable())
		return
	}
	// word (and lemma, when it is word) may be a slice of a larger text:
	// the entry keeps a copy, so the cache does not pin that text.
	e := lemmaEntry{word: strings.Clone(word), upos: upos, lemma: lemma}
	if lemma == word {
		e.lemma = e.word
	}
	t.entries[i] = e
	v := fp<<16 | uint32(i+1)
	for j := uint64(free); ; j = (j + 1) & (lemmaSlots - 1) {
		if t.slots[j].CompareAndSwap(0, v) {
			return
		}
		// Another miss took the slot meanwhile: the next empty one will
		// do (a duplicate entry is harmless, the probe finds the first).
	}
}

// isLowerASCII reports whether s has no byte outside ASCII and no upper
// case letter: strings.ToLower(s) == s without building anything.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

func (c *lemmaCache) compute(word string, upos tag.UPOS) string {
	switch upos {
	case tag.NOUN:
		return c.lex.Lemma(word, morph.Noun)
	case tag.VERB, tag.AUX:
		return c.lex.Lemma(word, morph.Verb)
	case tag.ADJ:
		return c.lex.Lemma(word, morph.Adj)
	case tag.ADV:
		return c.lex.Lemma(word, morph.Adv)
	}
	return strings.ToLower(word)
}

// fnv1a is the 64-bit FNV-1a hash of s.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
