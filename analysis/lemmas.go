package analysis

import (
	"strings"

	"liaison/analysis/internal/slotcache"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
)

// lemmaCache gives the lemma of a tagged word, remembering earlier
// answers: a lexicon lookup costs about half a microsecond, a hit some
// nanoseconds and no allocation. It is safe for concurrent use; its
// answers are exactly those of the lexicon, so sharing one between
// documents is fine. Its table (slotcache) holds a generation of 32k
// (word, tag) pairs, about twice a book's, and starts a new one when full,
// so it stays bounded in a long-running server.
type lemmaCache struct {
	lex   *morph.Lexicon
	cache slotcache.Cache[lemmaEntry]
}

type lemmaEntry struct {
	word  string
	lemma string
	upos  tag.UPOS
}

// newLemmaCache returns an empty cache in front of lex.
func newLemmaCache(lex *morph.Lexicon) *lemmaCache {
	return &lemmaCache{lex: lex}
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
	e, miss := c.cache.Find(h, func(e *lemmaEntry) bool { return e.upos == upos && e.word == word })
	if e != nil {
		return e.lemma
	}
	lemma := c.compute(word, upos)
	// word (and lemma, when it is word) may be a slice of a larger text:
	// the entry keeps a copy, so the cache does not pin that text.
	kept := lemmaEntry{word: strings.Clone(word), upos: upos, lemma: lemma}
	if lemma == word {
		kept.lemma = kept.word
	}
	c.cache.Keep(miss, kept)
	return lemma
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
