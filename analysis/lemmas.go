package analysis

import (
	"strings"
	"sync/atomic"

	"liaison/analysis/morph"
	"liaison/analysis/tag"
)

// lemmaCache gives the lemma of a tagged word, remembering recent answers:
// a lexicon lookup costs about a microsecond, a hit some nanoseconds and no
// allocation. It is safe for concurrent use; its answers are exactly those
// of the lexicon, so sharing one between documents is fine.
type lemmaCache struct {
	lex   *morph.Lexicon
	slots []atomic.Pointer[lemmaEntry]
	mask  uint64
}

// lemmaEntry is immutable once published in a slot.
type lemmaEntry struct {
	word  string
	upos  tag.UPOS
	lemma string
}

// lemmaSlots is the number of cached (word, tag) pairs, at most: about
// twice the word forms of a book (the Rust Book has 9k), 256 KiB of slots.
const lemmaSlots = 1 << 15

// newLemmaCache returns an empty cache in front of lex.
func newLemmaCache(lex *morph.Lexicon) *lemmaCache {
	return &lemmaCache{lex: lex, slots: make([]atomic.Pointer[lemmaEntry], lemmaSlots), mask: lemmaSlots - 1}
}

// Lemma returns the lemma of word tagged upos: the lexicon's lemma for
// nouns, verbs and auxiliaries, adjectives and adverbs; a proper noun
// itself; any other word lower-cased.
func (c *lemmaCache) Lemma(word string, upos tag.UPOS) string {
	if upos == tag.PROPN {
		return word
	}
	h := fnv1a(word) ^ uint64(upos)*0x9e3779b97f4a7c15
	slot := &c.slots[(h^h>>29)&c.mask]
	if e := slot.Load(); e != nil && e.upos == upos && e.word == word {
		return e.lemma
	}
	lemma := c.compute(word, upos)
	// word (and lemma, when it is word) may be a slice of a larger text:
	// the entry keeps a copy, so the cache does not pin that text.
	e := &lemmaEntry{word: strings.Clone(word), upos: upos, lemma: lemma}
	if lemma == word {
		e.lemma = e.word
	}
	slot.Store(e)
	return lemma
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
