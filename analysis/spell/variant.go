package spell

import (
	"strings"

	"liaison/analysis/spell/internal/variant"
)

// Variant reports, for a word that is not a spelling of d but is a correct
// spelling of another dialect, d's spelling of it and that other dialect:
// "colour" in en-US gives "color", en-GB; "color" in en-GB gives "colour",
// en-US; "organise" in en-GB-oxendict gives "organize", en-GB. The
// spelling keeps the word's case. It finds d's spelling by the regular
// correspondences between the dialects (our/or, re/er, ise/ize, ll/l,
// ogue/og, ae/e, ence/ense, …); the word list accepts in d every marked
// word without a counterpart there, so a word Known rejects in d always
// has one when it is another dialect's.
func (l *Lexicon) Variant(word string, d Dialect) (spelling string, other Dialect, ok bool) {
	set := l.dialects(word)
	bit := d.bit()
	if set == 0 || set&bit != 0 {
		return "", "", false
	}
	w := NormalizeApostrophes(word)
	suffix := ""
	if _, found := l.find(w); !found {
		if base, ok := cutPossessive(w); ok {
			suffix = w[len(base):]
			w = base
		}
	}
	lower := strings.ToLower(w)
	cands := variant.Candidates(lower)
	// A counterpart of d only (color for colour) before one that all the
	// word's dialects share too (license for licence: en-GB's verb).
	for pass := range 2 {
		for _, c := range cands {
			cs := l.dialects(c)
			if cs&bit != 0 && (pass == 1 || cs&set != set) {
				sp := matchCase(w, c) + suffix
				if strings.Contains(word, "’") {
					sp = strings.ReplaceAll(sp, "'", "’")
				}
				return sp, otherDialect(set, d), true
			}
		}
	}
	return "", "", false
}

// otherDialect names the dialect a marked word belongs to: the first of
// its dialects in Dialects order, preferring en-GB's -ise for a word both
// British dialects share.
func otherDialect(set uint8, d Dialect) Dialect {
	for _, o := range Dialects() {
		if o != d && set&o.bit() != 0 {
			return o
		}
	}
	return EnUS
}

// Majority returns the dialect with the most marked spellings in counts
// (as a document's words tell them, see Dialects), or fallback when none
// has more than every other; a document written mostly in one dialect
// should then get findings only for its minority spellings.
func Majority(counts map[Dialect]int, fallback Dialect) Dialect {
	best, bestN, tie := fallback, 0, false
	for _, d := range Dialects() {
		n := counts[d]
		switch {
		case n > bestN:
			best, bestN, tie = d, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie || bestN == 0 {
		return fallback
	}
	return best
}

// matchCase gives word the case pattern of surface: Capitalised, ALL CAPS
// or as listed.
func matchCase(surface, word string) string {
	switch caseOf(surface) {
	case caseTitle:
		return title(word)
	case caseUpper:
		return strings.ToUpper(word)
	}
	return word
}
