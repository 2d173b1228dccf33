package rules

import (
	"strings"

	"liaison/analysis/spell"
)

// What the spelling rule leaves alone, near words: whether one edit (or a
// doubled letter) turns an unknown word into a common one, the test that
// keeps a slip flagged where its context would excuse a name.

// commonSize is the largest SCOWL size class counted as a common word
// for nearCommon (50: the words of a mid-sized dictionary).
const commonSize = 50

// nearCommon reports whether one edit (a letter deleted, inserted,
// changed, or two neighbours swapped) turns w (lower case) into a common
// word.
func nearCommon(lex *spell.Lexicon, w string) bool { return nearCommonBut(lex, w, nil) }

// nearMistyped is nearCommon for a word of known parts ("usefull",
// "commited"), leaving out the common words it only extends by a letter
// or falls a letter short of: "profiler" is not "profile" mistyped, nor
// "undefine" "undefined"; but a doubled last letter is a slip
// ("helpfull").
//
// Nor does a consonant added or left out count unless it doubles its
// neighbour ("satelite", "helpfull", "discared" are slips; "memoized"
// is not "memorized", nor "manpage" "manage"), nor a last letter changed
// ("hasher" is not "hashes"), nor a letter changed for one that is
// neither a neighbouring key, nor a vowel for a vowel, nor a consonant
// spelt for it ("uncurried" is not "unhurried"): a word made of known
// parts differs from a common word that way by design.
func nearMistyped(lex *spell.Lexicon, w string) bool {
	return nearCommonBut(lex, w, func(c string) bool {
		long, short := c, w
		if len(c) < len(w) {
			long, short = w, c
		}
		if len(c) == len(w) && c[:len(c)-1] == w[:len(w)-1] {
			return true // another suffix on the same stem: hasher, hashes
		}
		if len(c) == len(w) {
			if k := onlyDifference(c, w); k >= 0 && !spell.LikelySubstitution(c[k], w[k]) {
				return true // uncurried is not unhurried, nor unsetting upsetting
			}
		}
		if len(long) != len(short)+1 {
			return false // a letter changed or two swapped: a slip
		}
		k := 0
		for k < len(short) && short[k] == long[k] {
			k++
		}
		x := long[k]
		if isVowelByte(x) || k > 0 && long[k-1] == x || k+1 < len(long) && long[k+1] == x {
			return false
		}
		if len(c) == len(w)-1 && k == len(w)-1 {
			return true // w extends c by a letter: profile, profiler
		}
		return true
	})
}

// onlyDifference returns the one position at which a and b (of the
// same length) differ, or -1 if they differ at none or at more.
func onlyDifference(a, b string) int {
	k := -1
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if k >= 0 {
				return -1
			}
			k = i
		}
	}
	return k
}

func isVowelByte(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// nearCommonBut is nearCommon, not counting the common words skip
// reports (nil: none).
func nearCommonBut(lex *spell.Lexicon, w string, skip func(string) bool) bool {
	return nearSize(lex, w, commonSize, skip)
}

// nearKnown reports whether one edit turns w (lower case, five letters
// or more) into any word of the list: a context that marks a name or a
// term does not tell a term from a slip of another term ("the timout
// option": timeout).
func nearKnown(lex *spell.Lexicon, w string) bool {
	return len(w) >= 5 && nearSize(lex, w, 100, func(c string) bool {
		return w == c+"s" // its plural (regtests: regtest), not a slip of it
	})
}

// nearSize is nearCommonBut for words of size class limit or less.
func nearSize(lex *spell.Lexicon, w string, limit int, skip func(string) bool) bool {
	if len(w) < 3 || len(w) > 30 {
		return false
	}
	common := func(c string) bool {
		f := lex.Frequency(c)
		return f > 0 && f <= limit && (skip == nil || !skip(c))
	}
	b := []byte(w)
	buf := make([]byte, 0, len(b)+1)
	// The first letter stays: a typo there is rare, and a name is often a
	// letter away from a word that way (Rustaceans, crustaceans).
	for i := 1; i < len(b); i++ {
		buf = append(append(buf[:0], b[:i]...), b[i+1:]...)
		if common(string(buf)) {
			return true
		}
		if i+1 < len(b) && b[i] != b[i+1] {
			buf = append(buf[:0], b...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if common(string(buf)) {
				return true
			}
		}
	}
	for i := 1; i <= len(b); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(b) && b[i] != c {
				buf = append(buf[:0], b...)
				buf[i] = c
				if common(string(buf)) {
					return true
				}
			}
			buf = append(append(append(buf[:0], b[:i]...), c), b[i:]...)
			if common(string(buf)) {
				return true
			}
		}
	}
	return false
}

// nearCommon2 reports whether w (lower case) is one edit from a common
// word, or one edit and a doubled letter ("attatchedd": attached, the
// key held too long beside another slip): the test of the contexts that
// excuse a word by its sentence alone. Any two edits would be too many:
// most short names and terms are two edits from some common word
// (dblatex, termux, cquery). It runs only for the few unknown words such
// a context holds.
func nearCommon2(lex *spell.Lexicon, w string) bool {
	if nearCommon(lex, w) {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for i := 2; i < len(w); i++ {
		if w[i] != w[i-1] || i > 2 && w[i] == w[i-2] {
			continue // only a doubled letter, once
		}
		if nearCommon(lex, w[:i]+w[i+1:]) {
			return true
		}
	}
	return false
}
