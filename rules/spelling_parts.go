package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis/spell"
)

// What the spelling rule leaves alone, words of known parts: derivations,
// conversions, accents, hyphenated and joined words the word list does not
// hold but whose parts it knows.

// known is Known in any of the two main dialects.
func known(lex *spell.Lexicon, w string) bool {
	return lex.Known(w, spell.EnUS) || lex.Known(w, spell.EnGB)
}

// derivedKnown reports whether w (lower case) is a known word with a
// productive prefix or suffix, or two known words of four letters or
// more written as one: how technical prose makes its terms
// ("deallocated", "growable", "monomorphization", "tradeoffs"), which no
// word list can hold all of. depth bounds the recursion.
func derivedKnown(lex *spell.Lexicon, w string, depth int) bool {
	if depth > 2 || len(w) < 5 {
		return false
	}
	for _, p := range derivPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			if known(lex, rest) || derivedKnown(lex, rest, depth+1) {
				return true
			}
		}
	}
	if combined(lex, w, 0) {
		return true
	}
	for _, sf := range derivSuffixes {
		stem, ok := strings.CutSuffix(w, sf)
		if !ok || len(stem) < 3 {
			continue
		}
		if known(lex, stem) || known(lex, stem+"e") || derivedKnown(lex, stem, depth+1) {
			return true
		}
		if n := len(stem); stem[n-1] == stem[n-2] && known(lex, stem[:n-1]) {
			return true // shippable
		}
		if n := len(stem); stem[n-1] == 'i' && known(lex, stem[:n-1]+"y") {
			return true // reliability
		}
	}
	for i := 3; i+4 <= len(w); i++ {
		limit := commonSize
		if i == 3 {
			limit = 35 // "newtype", but not "theuser"-like slips of rarer words
		}
		if known(lex, w[:i]) && known(lex, w[i:]) && lex.Frequency(w[:i]) <= limit && lex.Frequency(w[i:]) <= limit {
			return true
		}
	}
	return false
}

// converted reports whether w (lower case) is a known word with -s,
// -es, -ed or -ing where the word list has no inflection of its own for
// it: a noun used as a verb ("sharded", "inlines"). A word whose stem
// inflects otherwise ("committed", "preferred") is that stem mistyped
// ("commited").
func converted(lex *spell.Lexicon, w string) bool {
	for _, suf := range []string{"s", "es", "ed", "ing"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 || !known(lex, stem) {
			continue
		}
		n := len(stem)
		forms := []string{stem + suf, stem + stem[n-1:] + suf}
		if stem[n-1] == 'e' {
			forms = append(forms, stem[:n-1]+suf)
		}
		if stem[n-1] == 'y' {
			forms = append(forms, stem[:n-1]+"i"+suf)
		}
		competing := false
		for _, f := range forms {
			if f != w && known(lex, f) {
				competing = true
			}
		}
		if !competing {
			return true
		}
	}
	return false
}

// foldDiacritics returns w with the accents of its Latin letters taken
// off (naïve: naive), and whether it had any.
func foldDiacritics(w string) (string, bool) {
	var b strings.Builder
	changed := false
	for _, r := range w {
		if r >= 0xC0 && r <= 0xFF {
			if i := strings.IndexRune(latin1Accented, r); i >= 0 {
				b.WriteByte(latin1Plain[utf8.RuneCountInString(latin1Accented[:i])])
				changed = true
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String(), changed
}

// latin1Accented and latin1Plain pair the accented letters of Latin-1
// with their plain ones.
const (
	latin1Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ"
	latin1Plain    = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY"
)

// derivPrefixes and derivSuffixes are the productive affixes of
// derivedKnown, longer first where one holds another.
var (
	derivPrefixes = []string{"counter", "super", "hyper", "micro", "multi", "pseudo", "trans", "inter", "intra", "under",
		"meta", "mono", "poly", "auto", "over", "semi", "anti", "self", "post", "non", "sub", "pre", "mis", "dis", "bio",
		"out", "de", "re", "un", "co", "e"}
	// combiningForms are the first parts of science's compounds
	// (dihydroxyacetone, chloroplatinic, isosyllabic), read only before
	// a word the list knows itself, not a derivation: "disipline" is no
	// di + sip + line.
	combiningForms = []string{"electro", "hydroxy", "chloro", "fluoro", "cyclo", "methyl", "phospho", "thermo",
		"amino", "ethyl", "hydro", "neuro", "nitro", "photo", "tetra", "penta", "hexa", "iso", "oxy", "tri", "di"}
	derivSuffixes = []string{"izations", "ization", "isations", "isation", "abilities", "ability", "ibility", "ables", "able",
		"ably", "ible", "izing", "ising", "izes", "ised", "ized", "ises", "ize", "ise", "ness", "less", "ment", "ments",
		"ers", "ors", "er", "or", "ity", "ities", "istic", "ful", "ifying", "ified", "ifies", "ify", "ings", "ing", "ed", "ly", "es", "s"}
)

// combined reports whether w is a combining form, or two stacked, before
// a word the list knows itself, of five letters or more (chloroplatinic,
// di + hydroxy + acetone).
func combined(lex *spell.Lexicon, w string, depth int) bool {
	for _, p := range combiningForms {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 5 && (known(lex, rest) || depth == 0 && combined(lex, rest, 1)) {
			return true
		}
	}
	return false
}

// hyphenPartsKnown reports whether every part of a hyphenated word is a
// word or a prefix ("non-trivial", "multi-threaded", "re-export").
func hyphenPartsKnown(lex *spell.Lexicon, w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	parts := strings.Split(w, "-")
	for _, part := range parts {
		if utf8.RuneCountInString(part) == 1 {
			return true // a key or a variable: ctrl-C, x-axis
		}
	}
	if len(parts) == 2 && hyphenSuffixes[strings.ToLower(parts[1])] {
		// a word, a term or a name with a suffix: yellow-ish, macro-ify,
		// noop-ing, Kafka-esque
		p, lower := parts[0], strings.ToLower(parts[0])
		r, _ := utf8.DecodeRuneInString(p)
		return known(lex, p) || derivedKnown(lex, lower, 0) || unicode.IsUpper(r) && !nearCommon(lex, lower)
	}
	// A part no list knows is a name or a term of its field when the
	// compound holds a word too and the part is not one slip from a
	// common word: lsp-mode, org-elpa, gmail-specific, cmake-language-server
	// (but "well-knwon" is "well-known" mistyped).
	words := 0
	for k, part := range parts {
		lower := strings.ToLower(part)
		if part == "" || hyphenPrefixes[lower] || k > 0 && hyphenSuffixes[lower] {
			continue
		}
		if known(lex, part) || derivedKnown(lex, lower, 0) {
			words++
			continue
		}
		if nearCommon(lex, lower) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(part); unicode.IsUpper(r) {
			words++ // a name: co-Yoneda
		}
	}
	return words > 0
}

// hyphenPrefixes are prefixes written with a hyphen that are not words
// of their own.
var hyphenPrefixes = map[string]bool{
	"non": true, "pre": true, "re": true, "co": true, "multi": true, "anti": true, "un": true,
	"sub": true, "inter": true, "semi": true, "de": true, "mis": true, "post": true, "pro": true,
	"self": true, "meta": true, "micro": true, "macro": true, "mid": true, "bi": true, "tri": true,
	"uni": true, "ex": true, "intra": true, "extra": true, "ultra": true, "pseudo": true, "quasi": true,
	"auto": true, "cross": true, "hyper": true, "over": true, "under": true, "out": true, "e": true,
}

// hyphenSuffixes are suffixes a writer joins with a hyphen to a word, a
// name or a term the list lacks ("yellow-ish", "Kafka-esque", "noop-ing",
// "macro-ify"): they stand for the suffix, not for a word of their own.
var hyphenSuffixes = map[string]bool{
	"ish": true, "esque": true, "ing": true, "ed": true, "ify": true, "ified": true, "ifying": true,
	"ize": true, "ized": true, "izing": true, "ise": true, "ised": true, "ising": true, "er": true, "ers": true,
}

// markedSuffix reports whether w is a known word, a term, or an
// initialism with an inflection set off by an apostrophe (decref'ed,
// grep'd, cd'ing, PR'd), or an initialism in capitals with -ed or -ing
// joined on ("PRed", "ANDed", "CCing"): how technical prose inflects a
// word it does not want to respell (decrefed, grepped).
func markedSuffix(lex *spell.Lexicon, w string) bool {
	if i := strings.LastIndexByte(w, '\''); i > 0 {
		stem, suf := w[:i], w[i+1:]
		switch suf {
		case "d", "ed", "ing", "er", "ers":
		default:
			return false
		}
		return isAllCaps(stem) && utf8.RuneCountInString(stem) <= maxInitialism ||
			known(lex, stem) || derivedKnown(lex, strings.ToLower(stem), 0)
	}
	for _, suf := range []string{"ed", "ing"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && isAllCaps(stem) && utf8.RuneCountInString(stem) <= maxInitialism && known(lex, stem) {
			return true
		}
	}
	return false
}

// joinedAbbreviation reports whether w (lower case) is one of the
// abbreviations build tools and code join to a word (joinedAbbrevs)
// written together with a common word of three letters or more, or with
// another of them: srcdir, pkgdir, iconsdir, cpuprofile, tmpfile, the
// names of options and variables. It is not when w is a name in lower
// case (december), one slip from a common word, or two common words run
// together (everytime, eachother, infact: a missing space). The list is
// closed: a rare word or an initialism as the part would pass slips such
// as "exelent" (exe + lent) and "iraland" (IRA + land).
func joinedAbbreviation(lex *spell.Lexicon, w string) bool {
	if len(w) < 6 || len(w) > 24 {
		return false
	}
	part := func(p string) bool {
		f := lex.Frequency(p)
		return joinedAbbrevs[p] || len(p) >= 3 && f > 0 && f <= commonSize
	}
	// The split first, which costs no allocation and fails for almost
	// every word; the word-level tests only for the few it passes.
	split := false
	for i := 3; i+3 <= len(w) && !split; i++ {
		a, b := w[:i], w[i:]
		split = (joinedAbbrevs[a] || joinedAbbrevs[b]) && part(a) && part(b)
	}
	if !split || known(lex, title(w)) || nearCommon(lex, w) {
		return false
	}
	for i := 2; i+2 <= len(w); i++ {
		if a, b := lex.Frequency(w[:i]), lex.Frequency(w[i:]); a > 0 && a <= commonSize && b > 0 && b <= commonSize {
			return false // in fact, even though, at least
		}
	}
	return true
}

// joinedAbbrevs are the abbreviations joinedAbbreviation reads.
var joinedAbbrevs = map[string]bool{
	"bin": true, "buf": true, "cfg": true, "cmd": true, "conf": true, "cpu": true, "ctx": true, "dir": true,
	"dirs": true, "env": true, "idx": true, "img": true, "init": true, "lib": true, "libs": true, "mem": true,
	"obj": true, "opt": true, "opts": true, "pkg": true, "pkgs": true, "ptr": true, "src": true, "srcs": true,
	"str": true, "tmp": true,
}
