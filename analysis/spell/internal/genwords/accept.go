package main

import (
	"maps"
	"slices"
	"strings"

	"liaison/analysis/spell/internal/variant"
	"liaison/analysis/spell/internal/wordfile"
)

// entry is one word of the output list.
type entry struct {
	word     string
	size     int // SCOWL size class, or oewnSize for a word only OEWN or morph vouches for
	dialects int // wordfile dialect bits
}

// oewnSize is the size class given to a word SCOWL does not list but OEWN
// (or an inflection of an OEWN lemma) does: rare, so that suggestions
// prefer listed words.
const oewnSize = 80

// limits is the largest SCOWL size class accepted per sub-category.
type limits [nSubs]int

// defaultLimits: size 70 is SCOWL's "large" list, words found in most
// dictionaries; OEWN vouches for rarer words. Measured on
// testdata/misspellings.tsv and correct-words-fresh.txt: with words to
// size 70, 0 of 769 wrong forms are known and 85.2% of the fresh correct
// words; to 80 (Scrabble words), 11 wrong forms (wich, nife, enuf, artic,
// aswell…) for 89.6%; to 95, over 30 (untill, wierd, millenium…) for
// 92.2%. Rare technical words are better added one by one
// (technical.txt) than by taking a size class full of misspellings.
func defaultLimits() limits {
	return limits{subWords: 70, subUpper: 70, subProper: 70, subAbbrev: 70, subContraction: 70}
}

// accept decides, for every spelling SCOWL or OEWN knows, which dialects
// accept it, and returns the accepted ones sorted.
//
// The words of technical.txt (tech) count as OEWN's, also where SCOWL
// has them only as variants. The confusable
// filter leaves alone the words of keep: technical.txt's (struct is one
// edit from strict, on purpose) and those OEWN's glosses write with.
func accept(s map[string]*scowlWord, oewn, tech, keep map[string]bool, lim limits) (out []entry, confusable []string) {
	oewn = maps.Clone(oewn)
	maps.Copy(oewn, tech)
	byWord := map[string]*entry{}
	for _, w := range slices.Sorted(maps.Keys(s)) {
		sw := s[w]
		e := entry{word: w, size: sw.minSize()}
		for d := range wordfile.NDialects {
			if acceptsSCOWL(sw, d, lim[sw.sub]) {
				e.dialects |= 1 << d
			}
		}
		if e.dialects != 0 {
			byWord[w] = &e
		}
	}
	for _, w := range slices.Sorted(maps.Keys(oewn)) {
		if w == "" {
			continue
		}
		sw := s[w]
		if sw == nil {
			if e := byWord[w]; e == nil {
				byWord[w] = &entry{word: w, size: oewnSize, dialects: allDialects}
			}
			continue
		}
		// SCOWL knows the spelling: OEWN vouches for it only in the
		// dialects SCOWL puts in the main lists at some size (colour
		// stays out of en-US, traveled out of en-GB), never for a variant
		// spelling.
		e := byWord[w]
		if e == nil {
			e = &entry{word: w, size: sw.minSize()}
		}
		for d := range wordfile.NDialects {
			if sw.size[d][tierMain] != 0 {
				e.dialects |= 1 << d
			}
		}
		if e.dialects != 0 {
			byWord[w] = e
		}
	}
	// A word of technical.txt that SCOWL has only as a variant (snuck,
	// tradeoff, automata, savannah) or above the size limit is accepted
	// as OEWN's words are: the list's reviewer vouches for each.
	for _, w := range slices.Sorted(maps.Keys(tech)) {
		if e := byWord[w]; w != "" && (e == nil || e.dialects == 0) {
			byWord[w] = &entry{word: w, size: oewnSize, dialects: allDialects}
		}
	}
	dropCapitalised(byWord)
	oxford(byWord)
	confusable = dropConfusable(byWord, keep)
	unmatched(byWord)
	dropPossessives(byWord)
	out = make([]entry, 0, len(byWord))
	for _, w := range slices.Sorted(maps.Keys(byWord)) {
		out = append(out, *byWord[w])
	}
	return out, confusable
}

// acceptsSCOWL: a main-list (or variant_1) spelling up to the size limit.
// variant_2 spellings are not accepted: SCOWL calls them acceptable, but
// they are where the common misspellings hide (dependancy, surprize,
// incase, miniscule — 4 of 778 wrong forms of testdata/misspellings.tsv
// were known with them).
func acceptsSCOWL(sw *scowlWord, d int, limit int) bool {
	m := sw.size[d][tierMain]
	return m != 0 && m <= limit
}

// oxford takes from en-GB-oxendict the British -ise spellings
// (organise, organisation, analysing stays: -yse is Oxford too) whose -ize
// spelling it accepts: SCOWL's british_variant_1 list, which both British
// dialects read, has -ise forms.
func oxford(byWord map[string]*entry) {
	for _, w := range slices.Sorted(maps.Keys(byWord)) {
		e := byWord[w]
		if e.dialects&wordfile.GBOxford == 0 || !strings.Contains(w, "is") {
			continue
		}
		for i := 0; i+2 < len(w); i++ {
			if w[i:i+2] != "is" || !strings.ContainsRune("aei", rune(w[i+2])) {
				continue
			}
			z := w[:i] + "iz" + w[i+2:]
			if ze := byWord[z]; ze != nil && ze.dialects&wordfile.GBOxford != 0 && ze.dialects&wordfile.GB == 0 {
				e.dialects &^= wordfile.GBOxford
				break
			}
		}
	}
}

// dropPossessives removes X's where X is accepted in the same dialects:
// the reader accepts the possessive of any word it knows.
func dropPossessives(byWord map[string]*entry) {
	for _, w := range slices.Sorted(maps.Keys(byWord)) {
		base, ok := strings.CutSuffix(w, "'s")
		if !ok {
			continue
		}
		if b := byWord[base]; b != nil && b.dialects&byWord[w].dialects == byWord[w].dialects {
			delete(byWord, w)
		}
	}
}

// unmatched accepts a dialect-marked word in the dialects for which no
// counterpart spelling exists (variant.Candidates finds none the dialect
// accepts): with nothing to offer instead, reporting it would only be
// noise. The reader finds counterparts the same way, so a word it cannot
// map is never left unknown.
func unmatched(byWord map[string]*entry) {
	orig := make(map[string]int, len(byWord))
	for w, e := range byWord {
		orig[w] = e.dialects
	}
	for _, w := range slices.Sorted(maps.Keys(byWord)) {
		e := byWord[w]
		if e.dialects == allDialects {
			continue
		}
		cands := variant.Candidates(strings.ToLower(w))
		add := 0
		for d := range wordfile.NDialects {
			if e.dialects&(1<<d) != 0 {
				continue
			}
			found := false
			for _, c := range cands {
				if m, ok := orig[c]; ok && m&(1<<d) != 0 {
					found = true
					break
				}
			}
			if !found {
				add |= 1 << d
			}
		}
		e.dialects |= add
	}
}

// dropCapitalised removes a capitalised or upper-case spelling whose
// lower-case form is accepted in the same dialects: the reader accepts a
// listed lower-case word in those cases anyway ("The", from The Hague).
func dropCapitalised(byWord map[string]*entry) {
	for _, w := range slices.Sorted(maps.Keys(byWord)) {
		l := strings.ToLower(w)
		if l == w {
			continue
		}
		if t := strings.ToUpper(l[:1]) + l[1:]; w != t && w != strings.ToUpper(w) {
			continue // mixed case (iPhone, McDonald) is its own spelling
		}
		if le := byWord[l]; le != nil && le.dialects&byWord[w].dialects == byWord[w].dialects {
			delete(byWord, w)
		}
	}
}
