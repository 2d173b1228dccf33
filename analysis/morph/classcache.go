package morph

import (
	"hash/maphash"
	"strings"

	"liaison/analysis/internal/slotcache"
)

// classCache remembers Classes' answers by normalised word: the rules ask
// the classes of the same words again and again (a verb form's, a noun's
// plural), each a lexicon lookup and up to a dozen suffix-rule lookups of
// a few hundred nanoseconds. Its table (slotcache) is made on first use (a
// check that asks nothing pays nothing), holds a generation of 32k words
// and starts a new one when full; it is safe for concurrent use, and its
// answers are exactly collect's.
type classCache struct {
	cache slotcache.Cache[classEntry]
}

type classEntry struct {
	word  string
	class Class
}

// classes returns the classes of the normalised word w, computing them
// with l.collect on a miss.
func (c *classCache) classes(l *Lexicon, w []byte) Class {
	e, miss := c.cache.Find(maphash.Bytes(l.seed, w), func(e *classEntry) bool { return e.word == string(w) })
	if e != nil {
		return e.class
	}
	var rs readings
	l.collect(w, &rs)
	c.cache.Keep(miss, classEntry{word: strings.Clone(string(w)), class: rs.class})
	return rs.class
}
