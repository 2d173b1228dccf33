package main

import (
	"maps"
	"slices"
	"strings"

	"liaison/analysis/spell/internal/soundkey"
)

// Thresholds of the confusable filter.
const (
	commonSize = 20 // a word this common is what a near-spelling was likely meant as
	rareSize   = 60 // a word at least this rare (or only in OEWN) can hide a misspelling
	minLen     = 6
)

// dropConfusable removes the rare words that are more likely a misspelling
// of a common word than themselves: one edit (or two adjacent deleted
// letters) from a word of SCOWL size ≤ 20 that sounds the same, starts
// with the same letter and is accepted in the same dialects, the rare word
// of six letters or more, the difference not in the last letter alone nor
// a suffix. SCOWL does this by
// hand for a few (it moved calender to size 70 for calendar); the rule
// finds the rest in OEWN and SCOWL's large sizes alike: calender, wether
// (whether), therefor (therefore), publically (publicly). It returns the
// words dropped, for the generator's report.
func dropConfusable(byWord map[string]*entry, keep map[string]bool) []string {
	type commonWord struct {
		key      string
		dialects int
	}
	common := map[string]commonWord{}
	for w, e := range byWord {
		if e.size <= commonSize && e.dialects != 0 {
			l := strings.ToLower(w)
			c := common[l]
			common[l] = commonWord{soundkey.Key(l), c.dialects | e.dialects}
		}
	}
	var dropped []string
	for _, w := range slices.Sorted(maps.Keys(byWord)) {
		e := byWord[w]
		if e.size < rareSize || len(w) < minLen || w != strings.ToLower(w) || strings.ContainsAny(w, "'-") {
			continue
		}
		if _, isCommon := common[w]; isCommon || keep[w] {
			continue
		}
		key := soundkey.Key(w)
		hit := false
		near(w, func(c string) bool {
			cw, ok := common[c]
			// Not when the common word lacks one of w's dialects (atomise
			// is en-GB's atomize), starts otherwise, or is w with a suffix
			// added or taken off (departmentally, departmental).
			if !ok || cw.key != key || cw.dialects&e.dialects != e.dialects || c[0] != w[0] || suffixed(w, c) || endingOnly(w, c) {
				return false
			}
			hit = true
			return true
		})
		if hit {
			dropped = append(dropped, w)
			delete(byWord, w)
		}
	}
	return dropped
}

// near calls f with the strings one deletion, transposition, substitution
// or insertion from w, and two adjacent deletions, until f returns true.
func near(w string, f func(string) bool) {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	for i := 0; i < len(w); i++ {
		if f(w[:i] + w[i+1:]) {
			return
		}
		if i+2 <= len(w) && f(w[:i]+w[i+2:]) {
			return
		}
	}
	for i := 0; i+1 < len(w); i++ {
		if f(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]) {
			return
		}
	}
	for i := 0; i <= len(w); i++ {
		for k := 0; k < len(letters); k++ {
			if i < len(w) && f(w[:i]+string(letters[k])+w[i+1:]) {
				return
			}
			if f(w[:i] + string(letters[k]) + w[i:]) {
				return
			}
		}
	}
}

// suffixed reports whether one of a and b is the other with two letters or
// more added at the end.
func suffixed(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return len(a)-len(b) >= 2 && strings.HasPrefix(a, b)
}

// endingOnly reports whether a and b differ only in their last letter, an
// inflection or derivation more often than a slip (advisee, adviser;
// invaluably, invaluable), unless the difference is a silent final e
// (therefor, therefore).
func endingOnly(a, b string) bool {
	if a+"e" == b || b+"e" == a {
		return false
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return p >= min(len(a), len(b))-1
}
