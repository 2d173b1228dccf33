package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis/spell/internal/wordfile"
)

// Known reports whether word is a correct spelling in dialect d, in the
// case it is written: a listed lower-case word is also accepted
// Capitalised and in ALL CAPS, a listed Capitalised one in ALL CAPS, but
// "paris" is not "Paris". The curly apostrophe reads as ', the possessive
// 's (or ' after s) of a known word is known, and a hyphenated compound is
// known when every part is.
func (l *Lexicon) Known(word string, d Dialect) bool {
	return l.dialects(word)&d.bit() != 0
}

// Dialects returns the dialects in which word is a correct spelling (see
// Known), en-US first; nil for a word no dialect knows. A word with fewer
// than all five is dialect-marked ("colour", "color", "organise"): a
// document's marked words tell its dialect (see Majority).
func (l *Lexicon) Dialects(word string) []Dialect {
	set := l.dialects(word)
	var out []Dialect
	for _, d := range Dialects() {
		if set&d.bit() != 0 {
			out = append(out, d)
		}
	}
	return out
}

// Frequency returns the SCOWL size class of word (10 common … 95 rare,
// 80 for a word only OEWN knows), 0 if the word is unknown; the case rules
// are Known's.
func (l *Lexicon) Frequency(word string) int {
	w := NormalizeApostrophes(word)
	e, ok := l.find(w)
	if ok && w != strings.ToLower(w) {
		// "The" is listed (The Hague) but is "the": the commoner reading.
		if le, lok := l.lookup(strings.ToLower(w)); lok && le.size < e.size {
			e = le
		}
	}
	if !ok {
		base, possessive := cutPossessive(w)
		if !possessive {
			return 0
		}
		if e, ok = l.find(base); !ok {
			return 0
		}
	}
	return wordfile.Size(int(e.size))
}

// dialects is Known for all dialects at once, as a bit set.
func (l *Lexicon) dialects(word string) uint8 {
	w := NormalizeApostrophes(word)
	if w == "" {
		return 0
	}
	if e, ok := l.find(w); ok {
		return e.dialects
	}
	if base, ok := cutPossessive(w); ok {
		if e, ok := l.find(base); ok {
			return e.dialects
		}
	}
	if strings.IndexByte(w, '-') > 0 && !strings.HasSuffix(w, "-") {
		set := uint8(1<<wordfile.NDialects - 1)
		for part := range strings.SplitSeq(w, "-") {
			if set &= l.dialects(part); set == 0 {
				return 0
			}
		}
		return set
	}
	return 0
}

// find looks w up as written, then in the other cases Known allows.
func (l *Lexicon) find(w string) (entry, bool) {
	if e, ok := l.lookup(w); ok {
		return e, true
	}
	c := caseOf(w)
	if c != caseTitle && c != caseUpper {
		return entry{}, false
	}
	var buf [64]byte
	lower := appendLower(buf[:0], w)
	if e, ok := lookup(l, lower); ok {
		return e, true
	}
	if c == caseUpper {
		return lookup(l, appendTitle(buf[:0], w))
	}
	return entry{}, false
}

func cutPossessive(w string) (string, bool) {
	for _, suf := range [...]string{"'s", "'S"} {
		if base, ok := strings.CutSuffix(w, suf); ok && base != "" {
			return base, true
		}
	}
	if base, ok := strings.CutSuffix(w, "'"); ok && (strings.HasSuffix(base, "s") || strings.HasSuffix(base, "S")) {
		return base, true
	}
	return "", false
}

// NormalizeApostrophes writes the typographic apostrophe (’) as the
// typewriter one, the form the word list stores ("don’t" → "don't").
// strings.Contains, not ContainsRune: ContainsRune of a non-ASCII rune
// encodes it on every call, and this runs for every word checked.
func NormalizeApostrophes(w string) string {
	if strings.Contains(w, "’") {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

type wordCase int

const (
	caseLower wordCase = iota // no capitals
	caseTitle                 // a capital, then none
	caseUpper                 // two letters or more, all capitals
	caseMixed                 // anything else (iPhone, McDonald)
)

func caseOf(w string) wordCase {
	if c, ok := caseOfASCII(w); ok {
		return c
	}
	upper, lower, letters := 0, 0, 0
	firstUpper := false
	for i, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
			if i == 0 {
				firstUpper = true
			}
		} else {
			lower++
		}
	}
	switch {
	case upper == 0:
		return caseLower
	case upper == 1 && firstUpper:
		return caseTitle
	case lower == 0 && letters >= 2:
		return caseUpper
	}
	return caseMixed
}

// title capitalises the first letter of w.
func title(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// caseOfASCII is caseOf without decoding runes, for the usual word.
func caseOfASCII(w string) (wordCase, bool) {
	upper, lower := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return 0, false
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		}
	}
	switch {
	case upper == 0:
		return caseLower, true
	case upper == 1 && 'A' <= w[0] && w[0] <= 'Z':
		return caseTitle, true
	case lower == 0 && upper >= 2:
		return caseUpper, true
	}
	return caseMixed, true
}

// appendLower appends w in lower case to buf (no allocation for ASCII
// words that fit).
func appendLower(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// appendTitle appends w with only its first letter a capital.
func appendTitle(buf []byte, w string) []byte {
	buf = appendLower(buf, w)
	if len(buf) > 0 && 'a' <= buf[0] && buf[0] <= 'z' {
		buf[0] -= 'a' - 'A'
	} else if len(buf) > 0 {
		lower := string(buf)
		buf = append(buf[:0], title(lower)...)
	}
	return buf
}
