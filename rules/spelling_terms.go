package rules

import (
	"strings"

	"liaison/analysis/spell"
)

// What a document that writes code means by a lower-case word no list
// knows: the abbreviations and the names of tools, types and options it
// writes in its prose as its code does (len, util, reqs; sqpoll, mapfs,
// recentf). A typist's slip in such a document is still a slip: a short
// word with two letters swapped or a letter doubled or dropped ("teh",
// "stil"), a longer one a letter or two from a word of the list
// ("intead", "perfomance", "impelementation").

// shortSlipSize is the largest SCOWL size class a short word's slip is
// read against: the words typed often enough to be typed wrong (the,
// and, with, still, help).
const shortSlipSize = 20

// codeAbbreviation reports whether w, a lower-case word of three or four
// letters, reads as an abbreviation in a document that writes code (bufs,
// reqs, ptc): it is not a plain slip of a very common word (shortSlip:
// neighbours swapped, teh, hlep; a letter typed twice, ttoo, or left out
// after the first, stil, wich, hav), nor two words run together (upto).
// So "util" (until) stays a finding, as technical.txt leaves it out.
func codeAbbreviation(lex *spell.Lexicon, w string) bool {
	return len(w) >= 3 && len(w) <= 4 && asciiLower(w) && !tripled(w) && !missingSpace(lex, w) && !shortSlip(lex, w, true)
}

// shortSlip reports whether w (lower case letters) is a plain slip of a
// very common word: neighbours swapped, a letter typed twice, a doubled
// letter typed once, or, with dropped, any letter after the first left
// out or a final e.
func shortSlip(lex *spell.Lexicon, w string, dropped bool) bool {
	common := func(c string) bool {
		f := lex.Frequency(c)
		return f > 0 && f <= shortSlipSize
	}
	b := []byte(w)
	buf := make([]byte, 0, len(b)+1)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == b[i+1] {
			// a doubled letter typed once too often: "ttoo"
			if common(string(append(append(buf[:0], b[:i]...), b[i+1:]...))) {
				return true
			}
			continue
		}
		buf = append(buf[:0], b...)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		if common(string(buf)) {
			return true
		}
	}
	for i := 1; i <= len(b); i++ {
		// a letter left out after the first: "stil", "wich", "hav"; or
		// only a doubled one, and a final e
		for c := byte('a'); c <= 'z'; c++ {
			if !dropped && c != b[i-1] && !(c == 'e' && i == len(b)) {
				continue
			}
			if common(string(append(append(append(buf[:0], b[:i]...), c), b[i:]...))) {
				return true
			}
		}
	}
	return false
}

// codeTerm reports whether w, a lower-case word of five letters or more,
// reads as a term or a name of code in a document that writes code
// (sqpoll, cfdata, melpa, regtests, msbuild): no common word is one edit
// from it, nor one edit from it with a doubled letter undone. A slip of a
// word of five letters or more almost always lies that near the word
// meant; a name coined for code seldom does, and one a letter from a
// rarer word is more often that word's relative (regtests, regtest) than
// its slip.
//
// Past maxCodeTerm letters a slip is often two edits from its word
// ("implemtned", "inadvertedly"), and a name of code seldom that long
// without a separator; so is one with two letters left out together
// ("goroutes": goroutines).
func codeTerm(lex *spell.Lexicon, w string) bool {
	if len(w) < 5 || len(w) > maxCodeTerm || !asciiLower(w) || tripled(w) {
		return false
	}
	return !nearCommon2(lex, w) && !pairDropped(lex, w) && !missingSpace(lex, w)
}

// missingSpace reports whether w is a function word run together with a
// common word: inthe, atleast, thankyou, noone. (Two content words run
// together are often a name of code: buildtag, nounset.)
func missingSpace(lex *spell.Lexicon, w string) bool {
	for i := 1; i < len(w); i++ {
		a, b := w[:i], w[i:]
		if !joinedFunctionWords[a] && !joinedFunctionWords[b] {
			continue
		}
		if fa, fb := lex.Frequency(a), lex.Frequency(b); fa > 0 && fa <= commonSize && fb > 0 && fb <= commonSize {
			return true
		}
	}
	return false
}

// joinedFunctionWords are the short words a missing space most often joins to
// the next or the last.
var joinedFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true, "up": true,
	"as": true, "and": true, "you": true,
}

// maxCodeTerm is the longest word codeTerm reads as a name of code.
const maxCodeTerm = 8

// pairDropped reports whether two letters put in together, after the
// first, one of them a vowel, make w a word of the list: goroutes,
// goroutines. (A syllable left out has its vowel; trying only such pairs
// is 276 lookups a place, not 676.)
func pairDropped(lex *spell.Lexicon, w string) bool {
	buf := make([]byte, 0, len(w)+2)
	for i := 1; i <= len(w); i++ {
		for a := byte('a'); a <= 'z'; a++ {
			for b := byte('a'); b <= 'z'; b++ {
				if !isVowelByte(a) && !isVowelByte(b) {
					continue
				}
				buf = append(append(append(buf[:0], w[:i]...), a, b), w[i:]...)
				if f := lex.Frequency(string(buf)); f > 0 && f <= 80 {
					return true
				}
			}
		}
	}
	return false
}

// tripled reports whether w holds a letter three times in a row: a word
// drawn out (sooo, yesss), not a name.
func tripled(w string) bool {
	for i := 2; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] == w[i-2] {
			return true
		}
	}
	return false
}

// asciiLower reports whether w is made of the letters a to z alone.
func asciiLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// codeCompound reports whether w reads as a name of code made of parts
// in a document that writes code: a hyphenated word whose parts are
// words, prefixes, names in lower case or the abbreviations and terms
// above, one of them a word (lsp-mode, smex-powered, non-linux, uv-unix),
// or a known word of three letters or more with one of the short
// abbreviations code joins to a word before or after it (macos, sunos,
// mapfs, lineno, uvtee).
func codeCompound(lex *spell.Lexicon, w string) bool {
	if strings.Contains(w, "-") {
		words := 0
		for _, p := range strings.Split(w, "-") {
			switch {
			case p == "":
				return false
			case known(lex, p) || derivedKnown(lex, p, 0):
				words++
			case hyphenPrefixes[p] || codeAffixes[p] || codeAbbreviation(lex, p) || codeTerm(lex, p) || asciiLower(p) && known(lex, title(p)):
			default:
				return false
			}
		}
		return words > 0
	}
	if len(w) < 5 || !asciiLower(w) || missingSpace(lex, w) {
		return false
	}
	word := func(s string) bool {
		f := lex.Frequency(s)
		return len(s) >= 3 && f > 0 && f <= compoundRare
	}
	a, b := w[:2], w[2:]
	if codeAffixes[a] && word(b) {
		return true
	}
	a, b = w[:len(w)-2], w[len(w)-2:]
	return codeAffixes[b] && word(a)
}

// codeAffixes are the two-letter abbreviations code joins to a word:
// systems, file systems, databases, input and output, identifiers,
// numbers (lineno, errno), libuv's uv.
var codeAffixes = map[string]bool{
	"os": true, "fs": true, "db": true, "io": true, "ui": true, "vm": true, "js": true, "id": true,
	"ip": true, "no": true, "uv": true, "gc": true, "rx": true, "tx": true,
}
