package spell

import (
	"cmp"
	"slices"
	"strings"

	"liaison/analysis/spell/internal/soundkey"
	"liaison/analysis/spell/internal/wordfile"
)

// Suggest returns at most n corrections of word in dialect d, best first,
// in word's case (Teh → The, TEH → THE). Candidates are the listed words
// within two edits (transpositions count as one), ranked by a weighted
// edit distance (doubled letters, swaps, vowels, QWERTY neighbours and
// often-silent letters cost less), sound (an English sound key), and how
// common the word is (SCOWL's size class); a word run together ("alot",
// "infact") is offered split, and two words written apart ("with out")
// joined. Only d's spellings are offered; a word of another dialect gets
// its d spelling. It builds an index on the first call (8 MB with the
// decoded words, 0.4 s of CPU on a loaded machine) and takes under a millisecond afterwards (6 ms for a
// 24-letter non-word): call it when a suggestion is asked for, not for
// every word.
func (l *Lexicon) Suggest(word string, d Dialect, n int) []string {
	if n <= 0 || word == "" {
		return nil
	}
	ix, err := l.index()
	if err != nil {
		return nil
	}
	w := NormalizeApostrophes(word)
	if sp, _, ok := l.Variant(w, d); ok {
		return []string{sp}
	}
	lower := strings.ToLower(w)
	bit := d.bit()
	var cands []scored
	if strings.ContainsAny(lower, " ") {
		cands = append(cands, l.joined(lower, bit)...)
	}
	cands = append(cands, ix.score(w, lower, bit, false)...)
	// Two edits deep only when one edit finds nothing close: most slips
	// are one edit, and the deep pass is where the time goes.
	if best := bestScore(cands); best > deepBelow {
		cands = append(cands, ix.score(w, lower, bit, true)...)
	}
	cands = append(cands, l.splits(lower, bit)...)
	cands = append(cands, clitic(lower)...)
	slices.SortFunc(cands, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.size, b.size), strings.Compare(a.word, b.word))
	})
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		s := matchCase(w, c.word)
		if seen[s] || s == w {
			continue
		}
		seen[s] = true
		out = append(out, s)
		if len(out) == n {
			break
		}
	}
	return out
}

// deepBelow: a candidate this close ends the search at one edit.
const deepBelow = 0.75

func bestScore(cands []scored) float64 {
	best := 99.0
	for _, c := range cands {
		best = min(best, c.score)
	}
	return best
}

// score returns the candidates of the index for lower (w lower-cased) in
// the dialect bit, scored; see Suggest.
func (ix *suggestIndex) score(w, lower string, bit uint8, deep bool) []scored {
	var out []scored
	key := soundkey.Key(lower)
	var buf []byte
	for _, id := range ix.candidates(lower, deep) {
		e := ix.entry(id)
		if e.dialects&bit == 0 {
			continue
		}
		buf = ix.lowerWord(buf[:0], id)
		cand := string(buf)
		if !within2(lower, cand) {
			continue
		}
		word := ix.word(id)
		wt, plain := distance(lower, cand)
		if plain == 0 && word == w {
			continue
		}
		s := wt + sizePenalty(e.size)
		if len(key) >= 3 && soundkey.Key(cand) == key {
			s -= soundBonus
		}
		if word != cand && caseOf(w) == caseLower {
			s += costCapital // a name offered for a lower-case word
		}
		out = append(out, scored{word, s, e.size})
	}
	return out
}

type scored struct {
	word  string
	score float64
	size  uint8
}

const (
	soundBonus  = 0.3 // the candidate sounds like what was written (keys of 3 sounds or more: short keys match too much)
	costCapital = 0.5 // a name offered for a lower-case word
	costSplit   = 0.7 // alot → a lot: one missing space, dearer than a slip within a word
	// costSplitCommon is a split into two words of SCOWL size 10, one of
	// them a function word (what writers run together). It
	// sounds exactly as written, so it gets the sound bonus as well: "a
	// lot" beats "allot" (0.6, less the bonus), "in fact" "infect".
	costSplitCommon = 0.5 - soundBonus
	costJoin        = 0.4
	// costSplitAffix is added to a split one of whose parts is a word
	// spelt like an affix, a prefix first or a suffix last (re known,
	// extent ion, perform ace, public ally): the parts of a derived word
	// mistyped, not two words run together.
	costSplitAffix = 0.8
)

// affixWord reports whether a, the first part of a split, is a word
// spelt like a prefix, or b, the last, one spelt like a suffix.
func affixWord(a, b string) bool {
	switch a {
	case "re", "de", "con", "pro", "ex", "sub", "mis", "dis", "pre", "non", "anti", "semi", "super", "trans", "inter":
		return true
	}
	switch b {
	case "re", "ll", "ve", // you re, they ll: a contraction's apostrophe left out, not a split
		"ion", "ions", "ace", "ally", "ate", "ant", "ants", "ism", "ward", "wards", "wise", "age", "ages", "able", "ably", "ness", "ship", "hood", "less", "ly", "al", "ic", "ed", "er", "ers", "est", "ing", "ive", "ous", "ent":
		return true
	}
	return false
}

// sizePenalty ranks common words first among equally close candidates:
// SCOWL size 10 costs nothing, size 95 most of an edit.
func sizePenalty(sizeIndex uint8) float64 {
	return [wordfile.NSizes]float64{0, 0.05, 0.15, 0.2, 0.3, 0.35, 0.45, 0.6, 0.8, 1}[min(int(sizeIndex), wordfile.NSizes-1)]
}

// splits offers w cut in two known words, both common enough that the
// split is likely what was meant (a lot, in fact, of the; not "al ot").
func (l *Lexicon) splits(w string, bit uint8) []scored {
	var out []scored
	for i := 1; i < len(w); i++ {
		a, b := w[:i], w[i:]
		if !splitPart(l, a, bit) || !splitPart(l, b, bit) {
			continue
		}
		ea, _ := l.find(a)
		eb, _ := l.find(b)
		s := costSplit + sizePenalty(ea.size) + sizePenalty(eb.size)
		if ea.size == 0 && eb.size == 0 && (functionWord(a) || functionWord(b)) {
			s = costSplitCommon // alot, infact, ofthe; not accessable, legable
		}
		if affixWord(a, b) {
			s += costSplitAffix // extent ion, public ally, re known
		}
		out = append(out, scored{a + " " + b, s, max(ea.size, eb.size)})
	}
	return out
}

// splitPart: a part of a split must be a common word (SCOWL ≤ 20: the
// words run together are short function words and their neighbours) and
// only "a" and "I" may be a single letter.
func splitPart(l *Lexicon, p string, bit uint8) bool {
	if len(p) == 1 && p != "a" && p != "i" {
		return false
	}
	if p == "i" {
		p = "I"
	}
	e, ok := l.find(p)
	return ok && e.dialects&bit != 0 && wordfile.Size(int(e.size)) <= 20
}

// joined offers two words written apart as one, when that is a word.
func (l *Lexicon) joined(w string, bit uint8) []scored {
	j := strings.ReplaceAll(w, " ", "")
	if e, ok := l.find(j); ok && e.dialects&bit != 0 {
		return []scored{{j, costJoin + sizePenalty(e.size), e.size}}
	}
	return nil
}

// index builds the suggestion index once.
func (l *Lexicon) index() (*suggestIndex, error) {
	l.suggestOnce.Do(func() {
		data, err := l.decodeWords()
		if err != nil {
			l.suggestErr = err
			return
		}
		l.suggest = buildIndex(data)
	})
	return l.suggest, l.suggestErr
}

// functionWord reports whether w is one of the short closed-class words
// (articles, prepositions, conjunctions, pronouns, a few auxiliaries) that
// writers run into the next word.
func functionWord(w string) bool {
	switch w {
	case "a", "an", "the", "in", "on", "at", "of", "to", "for", "as", "by", "with", "from", "up", "into", "onto",
		"and", "or", "but", "so", "if", "no", "not", "all", "any", "some", "every", "each",
		"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "our", "their", "its",
		"is", "be", "am", "are", "was", "can", "will", "may", "do", "this", "that":
		return true
	}
	return false
}

// clitic offers "that's" for "thats": the 's (is, has) of a pronoun or a
// word like there, here, what, where, who, let with its apostrophe left
// out. The word list holds no X's where it holds X (the reader accepts
// every possessive), so the index cannot offer these; the cost is a
// left-out apostrophe's, as for "dont" (don't).
func clitic(lower string) []scored {
	stem, ok := strings.CutSuffix(lower, "s")
	if !ok {
		return nil
	}
	switch stem {
	case "that", "he", "she", "it", "what", "there", "here", "who", "where", "when", "how", "let", "everyone", "everything", "nobody", "nothing", "somebody", "someone", "something":
		return []scored{{stem + "'s", costPunct - soundBonus, 0}}
	}
	return nil
}
