package tag

import (
	"strings"
	"sync/atomic"

	"liaison/analysis/morph"
)

// LemmaCache gives the lemma of a tagged word, remembering recent answers:
// a lexicon lookup costs about a microsecond, a hit some nanoseconds and no
// allocation. It is safe for concurrent use; its answers are exactly those
// of the lexicon, so sharing one between documents is fine.
type LemmaCache struct {
	lex   *morph.Lexicon
	slots []atomic.Pointer[lemmaEntry]
	mask  uint64
}

// lemmaEntry is immutable once published in a slot.
type lemmaEntry struct {
	word  string
	upos  UPOS
	lemma string
}

// lemmaSlots is the number of cached (word, tag) pairs, at most: about
// twice the word forms of a book (the Rust Book has 9k), 256 KiB of slots.
const lemmaSlots = 1 << 15

// NewLemmaCache returns an empty cache in front of lex.
func NewLemmaCache(lex *morph.Lexicon) *LemmaCache {
	return &LemmaCache{lex: lex, slots: make([]atomic.Pointer[lemmaEntry], lemmaSlots), mask: lemmaSlots - 1}
}

// Lemma returns the lemma of word tagged upos: the lexicon's lemma for
// nouns, verbs and auxiliaries, adjectives and adverbs; a proper noun
// itself; any other word lower-cased.
func (c *LemmaCache) Lemma(word string, upos UPOS) string {
	if upos == PROPN {
		return word
	}
	h := hashExact(word) ^ uint64(upos)*0x9e3779b97f4a7c15
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

func (c *LemmaCache) compute(word string, upos UPOS) string {
	switch upos {
	case NOUN:
		return c.lex.Lemma(word, morph.Noun)
	case VERB, AUX:
		return c.lex.Lemma(word, morph.Verb)
	case ADJ:
		return c.lex.Lemma(word, morph.Adj)
	case ADV:
		return c.lex.Lemma(word, morph.Adv)
	}
	return strings.ToLower(word)
}
