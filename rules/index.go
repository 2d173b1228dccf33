package rules

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// The index maps a token to the patterns that can use it. Each pattern is
// indexed by one key element: a required, non-negated element naming
// words, lemmas, Penn tags or Universal tags, so that every token it
// accepts is found by one lookup. The key is the rarest such element of
// the whole pattern (before, match or after):
//
//   - when the key is the pattern's first match element (the usual case:
//     "liaison", "alot"), the pattern is tried at the tokens the key
//     finds, and nowhere else;
//   - otherwise (a pattern that starts on a common tag but needs a rare
//     word later, or a word in before), the pattern is tried at the
//     tokens where its first match element can be, given where the key
//     is: as many tokens away as the elements between them can take.
//
// Either way a token meets only the patterns that can use it, so the cost
// per token does not grow with the number of rules.

// patternRef names one pattern of one rule. A match attempt starts at
// the token the key found plus an offset from lo to hi: 0 and 0 when the
// key is the pattern's first match element (anchored), else the distances
// the elements between them allow (their number, their skips, whether
// they are optional).
type patternRef struct {
	rule, pattern int32
	lo, hi        int32
	need          int32 // 1 + the pattern's entry in index.needs; 0: none
	anchored      bool
	repeat        bool // the pattern needs a word written twice in a row (repeats)
}

// offsets returns the offsets from p's key element (slot k) to its first
// match element: the first match element is at least lo and at most hi
// tokens after the key (negative: before it).
func offsets(p Pattern, k int) (lo, hi int) {
	first := len(p.Before)
	switch {
	case k < first:
		// The key is in before: each element after it up to and
		// including match[0] takes one token (none if optional and
		// absent) and may have its skip before it.
		for j := k + 1; j <= first; j++ {
			e := elementAt(p, j)
			if !e.Optional {
				lo++
			}
			hi += 1 + e.Skip
		}
		return lo, hi
	case k > first:
		for j := first + 1; j <= k; j++ {
			e := elementAt(p, j)
			if !e.Optional {
				lo++
			}
			hi += 1 + e.Skip
		}
		return -hi, -lo
	}
	return 0, 0
}

type index struct {
	// keys numbers the normalised strings some pattern is keyed by, as a
	// word or a lemma, or needs (entries): one lookup finds both for a
	// token whose lemma is its form, and gives the sentence's needed
	// words for free.
	keys    map[string]int32
	entries []keyEntry
	byPTB   [64][]patternRef
	byUPOS  [32][]patternRef
	code    []int // rules written in Go: run on every sentence

	// needs are lists of needed-word numbers, one of which a sentence must
	// hold for a pattern to match in it (patternRef.need); nNeed is how
	// many needed words there are.
	needs [][]int32
	nNeed int
}

// keyEntry is what the index holds for one normalised string: the
// patterns keyed by it as a word and as a lemma, and its numbers among
// the words and the lemmas some pattern needs (-1: none).
type keyEntry struct {
	word, lemma         []patternRef
	needWord, needLemma int32
}

// entry returns what the index holds for the normalised string k.
func (ix *index) entry(k string) (keyEntry, bool) {
	if i, ok := ix.keys[k]; ok {
		return ix.entries[i], true
	}
	return keyEntry{}, false
}

// A pattern's need is one more of its required elements that names words
// or lemmas, besides its key: a sentence that holds none of them cannot
// match, and the pattern is not tried in it. Of the Rust Book's 435,000
// attempts, 170,000 were of patterns keyed on a tag or a common word
// whose other required word was nowhere in the sentence ("did not" +
// past: 21,000 attempts at every verb, for 1 match).
//
// The element whose words are rarest is chosen (see wordsCost), of those
// with at most maxNeedWords words (the test would cost more than it
// saves). Even a common word spares attempts: "not" or "you" is missing
// from most sentences, and a test of the sentence's words costs a few
// nanoseconds where an attempt costs a hundred.
const maxNeedWords = 32

// repeats reports whether p needs two tokens in a row of the same form:
// an element that must have the form of the element just before it (a
// required one, with no skip between them: "the the", the library's
// repeated-word). Such a pattern is tried only in a sentence that holds
// a word written twice in a row, which few do: its three patterns were a
// third of the Rust Book's attempts, for no match.
func repeats(p Pattern) bool {
	slot := 0
	for _, part := range [][]Element{p.Before, p.Match, p.After} {
		for j := range part {
			slot++ // element j's number, from 1 as SameForm counts
			if e := &part[j]; e.SameForm == slot-1 && slot > 1 && !e.Optional && !e.Negate && e.Skip == 0 && !elementAt(p, slot-2).Optional {
				return true
			}
		}
	}
	return false
}

// needOf returns the words (with wordSide) or lemmas of the element of p
// a sentence must hold one of besides the key k, or nil when there is
// none. Words are normalised and lemmas lower-cased, as a
// sentence's are.
func needOf(p Pattern, k int) (ws []string, wordSide bool) {
	best := 1 << 30
	i := -1
	for _, part := range [][]Element{p.Before, p.Match, p.After} {
		for j := range part {
			i++
			e := &part[j]
			if i == k || e.Optional || e.Negate {
				continue
			}
			var list []string
			if len(e.Words) > 0 {
				list = e.Words
			} else if len(e.Lemmas) > 0 {
				list = e.Lemmas
			}
			if len(list) == 0 || len(list) > maxNeedWords {
				continue
			}
			if c := wordsCostUnder(list, best); c < best {
				best, ws, wordSide = c, list, len(e.Words) > 0
			}
		}
	}
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if wordSide {
			out = append(out, normalise(w))
		} else {
			out = append(out, strings.ToLower(w))
		}
	}
	if len(out) == 0 {
		return nil, false
	}
	return out, wordSide
}

// keyCost estimates how many tokens of running text an element accepts,
// relative to the others: a word or lemma is rare, a Penn tag common, a
// Universal tag more so. Lower is rarer.
func keyCost(e *Element) int { return keyCostUnder(e, 1<<30) }

// keyCostUnder is keyCost(e) when that is under limit, and some cost of
// at least limit otherwise (see wordsCostUnder).
func keyCostUnder(e *Element, limit int) int {
	switch {
	case len(e.Words) > 0:
		return wordsCostUnder(e.Words, limit)
	case len(e.Lemmas) > 0:
		return 2 * wordsCostUnder(e.Lemmas, (limit+1)/2)
	case len(e.Tags) > 0:
		return 200 * len(e.Tags)
	case len(e.POS) > 0:
		return 400 * len(e.POS)
	}
	return 1 << 30
}

// commonWordCost is what one of the most frequent words costs as a key:
// as much as a Penn tag, since "the", "in" or a form of "be" is about as
// frequent as a tag. A phrase rule whose match starts on one ("on face
// value", "in the midst of") is then keyed on its rare word instead, and
// not tried at every "on" of the text.
const commonWordCost = 200

// commonWords are the most frequent words of English prose (function
// words and the forms of be, have and do), each of them more than about
// 0.3% of running text.
var commonWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "at": true,
	"for": true, "by": true, "with": true, "from": true, "as": true, "and": true, "or": true,
	"but": true, "that": true, "this": true, "it": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "have": true, "has": true, "had": true, "do": true,
	"not": true, "you": true, "we": true, "they": true, "i": true, "he": true, "she": true,
	"his": true, "her": true, "their": true, "our": true, "your": true, "my": true, "its": true,
	"will": true, "can": true, "if": true, "so": true, "all": true, "one": true, "which": true,
	"what": true, "there": true, "more": true, "when": true, "no": true, "about": true, "up": true,
	"out": true, "into": true, "than": true, "then": true, "some": true, "would": true, "could": true,
	"should": true, "may": true, "'s": true, ",": true, ".": true,
}

// wordsCost is the key cost of a list of words or lemmas: one for each,
// commonWordCost for a common one.
func wordsCost(ws []string) int { return wordsCostUnder(ws, 1<<30) }

// wordsCostUnder is wordsCost(ws) when that is under limit, and some
// cost of at least limit otherwise: the library's long word lists cost
// more than the best key so far after their first few words, and need
// not be read to the end (this was a fifth of NewEngine).
func wordsCostUnder(ws []string, limit int) int {
	n := 0
	for _, w := range ws {
		if n >= limit {
			return n
		}
		if isCommonWord(w) {
			n += commonWordCost
		} else {
			n++
		}
	}
	return n
}

// isCommonWord reports whether w is one of commonWords, in any case.
func isCommonWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return commonWords[strings.ToLower(w)]
		}
	}
	return commonWords[w]
}

// keyOf returns the position of p's key element across before, match and
// after (the numbering of capture slots), or -1 when no element can be
// a key. The first match element is preferred unless another is much
// rarer, since an anchored pattern is tried at fewer places.
func keyOf(p Pattern) int {
	first := len(p.Before)
	best, bestCost := -1, 1<<30
	if p.Match[0].indexable() {
		best, bestCost = first, keyCost(&p.Match[0])
	}
	i := 0
	for _, part := range [][]Element{p.Before, p.Match, p.After} {
		for j := range part {
			e := &part[j]
			if i != first && e.indexable() {
				// Under bestCost/16 rounded up, c*16 < bestCost decides as before.
				if c := keyCostUnder(e, (bestCost+15)/16); c*16 < bestCost {
					best, bestCost = i, c*16
				}
			}
			i++
		}
	}
	return best
}

// elementAt returns element i of p in the slot numbering.
func elementAt(p Pattern, i int) *Element {
	for _, part := range [][]Element{p.Before, p.Match, p.After} {
		if i < len(part) {
			return &part[i]
		}
		i -= len(part)
	}
	return nil
}

// buildIndex indexes the rules, or with onOnly those of the categories
// on by default. Rule numbers are positions in rules.
//
// It runs at every start, before the first check: maps are sized from a
// count of what goes in them, and a needed-word list is found again by
// its numbers written as bytes, not formatted (fmt.Sprint of the lists
// was a fifth of the index's cost).
func buildIndex(rules []*compiledRule, onOnly bool) index {
	n := 0
	for _, r := range rules {
		n += len(r.rule.Patterns)
	}
	ix := index{keys: make(map[string]int32, 3*n)}
	ix.entries = make([]keyEntry, 0, 3*n)
	slot := func(k string) *keyEntry {
		i, ok := ix.keys[k]
		if !ok {
			i = int32(len(ix.entries))
			ix.keys[k] = i
			ix.entries = append(ix.entries, keyEntry{needWord: -1, needLemma: -1})
		}
		return &ix.entries[i]
	}
	// A pattern's refs are added one after another, so a word listed twice
	// ("Liaison", "liaison": one key once normalised) repeats the last ref
	// of its key, and only that one need be compared.
	add := func(refs []patternRef, ref patternRef) []patternRef {
		if n := len(refs); n == 0 || refs[n-1] != ref {
			return append(refs, ref)
		}
		return refs
	}
	needIDs := make(map[string]int32, n) // a list of numbers, as bytes: lists are shared
	var buf []byte
	need := func(ws []string, word bool) int32 {
		ids := make([]int32, 0, len(ws))
		for _, w := range ws {
			e := slot(w)
			id := &e.needLemma
			if word {
				id = &e.needWord
			}
			if *id < 0 {
				*id = int32(ix.nNeed)
				ix.nNeed++
			}
			if !slices.Contains(ids, *id) {
				ids = append(ids, *id)
			}
		}
		slices.Sort(ids)
		buf = buf[:0]
		for _, id := range ids {
			buf = binary.AppendUvarint(buf, uint64(id))
		}
		n, ok := needIDs[string(buf)]
		if !ok {
			ix.needs = append(ix.needs, ids)
			n = int32(len(ix.needs))
			needIDs[string(buf)] = n
		}
		return n
	}
	for ri, r := range rules {
		if onOnly && !CategoryOnByDefault(r.rule.Category) {
			continue
		}
		if r.code != nil {
			ix.code = append(ix.code, ri)
			continue
		}
		for pi, p := range r.rule.Patterns {
			k := r.keys[pi]
			lo, hi := offsets(p, k)
			ref := patternRef{rule: int32(ri), pattern: int32(pi), lo: int32(lo), hi: int32(hi), anchored: k == len(p.Before)}
			if ws, word := needOf(p, k); ws != nil {
				ref.need = need(ws, word)
			}
			ref.repeat = repeats(p)
			a := elementAt(p, k)
			switch {
			case a.Words != nil:
				for _, w := range a.Words {
					e := slot(normalise(w))
					e.word = add(e.word, ref)
				}
			case a.Lemmas != nil:
				for _, l := range a.Lemmas {
					e := slot(strings.ToLower(l))
					e.lemma = add(e.lemma, ref)
				}
			case a.Tags != nil:
				var set uint64
				for _, t := range a.Tags {
					set |= 1 << t
				}
				for set != 0 {
					t := bits.TrailingZeros64(set)
					ix.byPTB[t] = append(ix.byPTB[t], ref)
					set &^= 1 << t
				}
			default:
				var set uint32
				for _, u := range a.POS {
					set |= 1 << u
				}
				for set != 0 {
					u := bits.TrailingZeros32(set)
					ix.byUPOS[u] = append(ix.byUPOS[u], ref)
					set &^= 1 << u
				}
			}
		}
	}
	return ix
}
