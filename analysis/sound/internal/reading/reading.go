// Package reading decides how a written word is read aloud far enough to
// tell the sound it starts with: letter names for initialisms, numbers
// read as words, hyphenated compounds by their first part, and spelling
// rules for everything else. A lookup function supplies what the
// dictionary knows; the generator calls the same code without one, so the
// table it writes holds exactly the words the rules alone get wrong.
package reading

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Classes, numerically equal to sound.Class.
const (
	Unknown uint8 = iota
	Vowel
	Consonant
)

// Dict is what the dictionary knows: Class returns the class it records
// for a written form, if any; Near reports whether any form it holds
// starts with the same three letters as w, ignoring case, so that most
// words are passed over with one probe.
type Dict interface {
	Class(form string) (uint8, bool)
	Near(w string) bool
}

// Lookup is kept for readability at call sites.
type Lookup = Dict

// Initial returns the class of the sound word starts with. lookup may be
// nil (the generator's case).
func Initial(word string, lookup Lookup) uint8 {
	w := Trim(word)
	if w == "" {
		return Unknown
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r >= '0' && r <= '9' {
		return number(w)
	}
	if !isLetter(r) {
		return Unknown
	}
	if c, ok := find(w, lookup); ok {
		return c
	}
	// A hyphenated compound is read by its first part: one-time, X-ray,
	// 8-bit, e-mail, U-turn.
	if head, _, ok := strings.Cut(w, "-"); ok && head != "" {
		return Initial(head, lookup)
	}
	return guess(w, lookup)
}

// Trim drops what stands before or after a word without being read: an
// opening quote or bracket, closing punctuation, a possessive. Table keys
// are stored trimmed.
func Trim(w string) string {
	if w != "" && plain(w[0]) && plain(w[len(w)-1]) && !hasQuote(w) {
		return w // the common case, without the cutset scans
	}
	w = strings.TrimLeft(w, "\"'“‘’«‹([{*_`")
	w = strings.TrimRight(w, "\"'”’»›)]}*_`.,;:!?")
	for _, s := range []string{"'s", "’s"} {
		if len(w) > len(s)+1 && strings.HasSuffix(w, s) {
			w = w[:len(w)-len(s)]
			break
		}
	}
	return w
}

func hasQuote(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' || w[i] == 0xE2 { // ’ is E2 80 99
			return true
		}
	}
	return false
}

// letters counts the ASCII letters of w; a non-ASCII byte counts as one.
func letters(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if isLower(w[i]) || isUpper(w[i]) || w[i] >= 0x80 {
			n++
		}
	}
	return n
}

func hasVowelLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if vowelLetter(w[i]) || w[i]|0x20 == 'y' {
			return true
		}
	}
	return false
}

func plain(b byte) bool {
	return isLower(b) || isUpper(b) || isDigit(b)
}

// Prefix3 is a 15-bit key of the first three bytes of w, the same for
// upper and lower case (the low five bits of an ASCII letter): what
// Dict.Near compares. Other bytes may collide, which costs only a lookup.
func Prefix3(w string) uint16 {
	var p uint16
	for i := 0; i < 3; i++ {
		var b byte
		if i < len(w) {
			b = w[i]
		}
		p = p<<5 | uint16(b&31)
	}
	return p
}

// find looks the form up as written, then lowercased (unless it is all
// capitals: "LED" is letters, "led" a word), then with an inflection
// removed, since the dictionary lists lemmas (ewes → ewe, heirs → heir).
func find(w string, lookup Lookup) (uint8, bool) {
	if lookup == nil || !lookup.Near(w) {
		return 0, false
	}
	if c, ok := lookup.Class(w); ok {
		return c, true
	}
	if allCaps(w) {
		return 0, false
	}
	low := strings.ToLower(w)
	if low != w {
		if c, ok := lookup.Class(low); ok {
			return c, true
		}
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing", "er", "ers", "ly"} {
		stem, ok := strings.CutSuffix(low, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		if c, ok := lookup.Class(stem); ok {
			return c, true
		}
		if suf == "ing" || suf == "ed" || suf == "er" || suf == "ers" {
			if c, ok := lookup.Class(stem + "e"); ok {
				return c, true
			}
		}
	}
	return 0, false
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }
func isLower(b byte) bool { return b >= 'a' && b <= 'z' }

// allCaps reports whether w has at least two letters and no lowercase
// letter: an initialism or acronym (URL, MP3, NASA).
func allCaps(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case isLower(b):
			return false
		case isUpper(b):
			letters++
		case b >= 0x80:
			return false
		}
	}
	return letters >= 2
}

// letterName is the class of a letter's name: "ay, ee, eff, aitch, eye, el,
// em, en, oh, ar, ess, ex" start with a vowel; "you" and the rest with a
// consonant. (aitch: "haitch" in Irish and some Australian English.)
func letterName(b byte) uint8 {
	switch b | 0x20 {
	case 'a', 'e', 'f', 'h', 'i', 'l', 'm', 'n', 'o', 'r', 's', 'x':
		return Vowel
	case 'b', 'c', 'd', 'g', 'j', 'k', 'p', 'q', 't', 'u', 'v', 'w', 'y', 'z':
		return Consonant
	}
	return Unknown
}

func vowelLetter(b byte) bool {
	switch b | 0x20 {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// guess reads a word the dictionary does not know.
func guess(w string, lookup Lookup) uint8 {
	if len(w) == 1 {
		// A letter on its own is read by its name: an A, an x, a U.
		return letterName(w[0])
	}
	if allCaps(w) {
		return acronym(w, lookup)
	}
	if w[0] < 0x80 && isLower(w[0]) && isUpper(w[1]) {
		// iPhone, eBay, xUnit: the first letter by its name.
		return letterName(w[0])
	}
	if len(w) >= 2 && isUpper(w[0]) && isUpper(w[1]) {
		// MSc, HTTPs, PDFs: an initialism with a lowercase tail.
		return letterName(w[0])
	}
	if letters(w) == 1 {
		// One letter among digits or symbols (U$, l/c, x86 aside):
		// the letter's name.
		return letterName(w[0])
	}
	if !hasVowelLetter(w) && isLower(w[0]) {
		// A lowercase word without a vowel letter is spelled out (npm,
		// ssh, nth) or is a unit read as its words (fps, mph, rpm):
		// for the letters whose name begins with a vowel the two
		// disagree, and only the writer knows. (A capitalised one is an
		// abbreviation of a word, St, Dr, Mt, read as the word.)
		if letterName(w[0]) == Vowel {
			return Unknown
		}
		return Consonant
	}
	// spelled reads at most the first eight letters; fold those on the
	// stack rather than allocating a lowercase copy.
	var buf [8]byte
	n := copy(buf[:], w)
	for i := range n {
		if isUpper(buf[i]) {
			buf[i] |= 0x20
		}
	}
	return spelled(string(buf[:n]), len(w))
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) && !(s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return s != ""
}

// acronym decides whether an all-capitals word is read as letters (FBI,
// HTML, URL) or as a word (NASA, NATO, SCUBA), and returns the class of
// that reading. Only the letters whose name and sound differ in class
// (F H L M N R S X, and U) can change the answer; for the others both
// readings agree.
func acronym(w string, lookup Lookup) uint8 {
	low := strings.ToLower(w)
	first := low[0]
	asLetters := letterName(first)
	if first == 'u' {
		// Spelled, U is "you"; said, a U acronym has the /juː/ of a
		// u before one consonant (UNIX, UNICEF, UNESCO): either way /j/.
		return Consonant
	}
	word := pronounceable(low)
	switch {
	case word == wordYes:
		if c, ok := find(low, lookup); ok {
			return c
		}
		return spelled(low, len(low))
	case word == wordNo:
		return asLetters
	}
	// Three letters that could go either way (SAT, LAN, SUV): the
	// dictionary may know the word; otherwise answer only where both
	// readings agree.
	if openPairEnd(low) {
		// A consonant and two vowels that no English word ends in (SEO,
		// ROI, MIA, NEO) are spelled: said, they would be the open
		// syllables of a foreign word.
		return asLetters
	}
	asWord := spelled(low, len(low))
	if asWord == asLetters {
		return asWord
	}
	return Unknown
}

// openPairEnd reports whether a three-letter word is a consonant and then
// two vowel letters that do not end English words (ee, ea, ie, ue, oe, oo,
// oa do: see, sea, lie, hue, toe, zoo, boa), the shape of an initialism
// read by its letters.
func openPairEnd(low string) bool {
	if len(low) != 3 || vowelLetter(low[0]) || !vowelLetter(low[1]) || !vowelLetter(low[2]) {
		return false
	}
	switch low[1:] {
	case "ee", "ea", "ie", "ue", "oe", "oo", "oa":
		return false
	}
	return true
}

const (
	wordNo = iota
	wordMaybe
	wordYes
)

// onsets are the consonant clusters an English word may begin with.
var onsets = map[string]bool{
	"": true, "b": true, "c": true, "d": true, "f": true, "g": true, "h": true, "j": true, "k": true,
	"l": true, "m": true, "n": true, "p": true, "q": true, "r": true, "s": true, "t": true, "v": true,
	"w": true, "x": true, "y": true, "z": true,
	"bl": true, "br": true, "ch": true, "cl": true, "cr": true, "dr": true, "dw": true, "fl": true,
	"fr": true, "gl": true, "gr": true, "gw": true, "kl": true, "kn": true, "kr": true, "ph": true,
	"pl": true, "pr": true, "sc": true, "sh": true, "sk": true, "sl": true, "sm": true, "sn": true,
	"sp": true, "st": true, "sw": true, "th": true, "tr": true, "tw": true, "wh": true, "wr": true,
	"scr": true, "shr": true, "spl": true, "spr": true, "str": true, "squ": true, "thr": true,
}

// pronounceable reports whether an all-capitals word can be read as an
// English word: a permitted onset, then vowels and consonants alternating
// without a run of three consonants, at least four letters. Three-letter
// words are left undecided: SAT and SUV are spelled, LAN and SIM are said.
func pronounceable(low string) int {
	if !isASCIIWord(low) || strings.ContainsAny(low, "0123456789") {
		return wordNo
	}
	i := 0
	for i < len(low) && !vowelLetter(low[i]) && !(low[i] == 'y' && i > 0) {
		i++
	}
	onset := low[:i]
	if strings.HasPrefix(low, "squ") {
		onset = "squ"
	}
	if i == len(low) || !onsets[onset] {
		return wordNo
	}
	isV := func(j int) bool { return vowelLetter(low[j]) || (low[j] == 'y' && j > 0) }
	vowels := 0
	for j := range len(low) {
		if isV(j) {
			vowels++
		}
	}
	run := 0
	for j := 0; j < len(low); j++ {
		if isV(j) {
			run = 0
			continue
		}
		run++
		if run >= 3 && j >= len(onset) && len(low) < 5 {
			// Three consonants inside a short word mark letters (SCSI);
			// a longer word may have them (LITTLE, SPECTRUM).
			return wordNo
		}
	}
	if len(low) == 2 {
		return wordNo
	}
	if len(low) == 3 {
		return wordMaybe
	}
	// A word needs a vowel letter in every four to be read as one
	// (NULL, NASA; not NTSC, which the onset test catches anyway), or
	// the shape of one syllable: an onset, one run of vowels and at most
	// two consonants after it (SCORM, BLAST, like storm and blast).
	if vowels*4 < len(low) && !oneSyllable(low, len(onset)) {
		return wordNo
	}
	return wordYes
}

// oneSyllable reports whether low, after an onset of n letters, is one
// run of vowels and at most two consonants.
func oneSyllable(low string, n int) bool {
	j := n
	for j < len(low) && (vowelLetter(low[j]) || low[j] == 'y') {
		j++
	}
	return j > n && len(low)-j <= 2 && strings.IndexFunc(low[j:], func(r rune) bool { return r < 0x80 && vowelLetter(byte(r)) }) < 0
}

// spelled reads the first sound from the spelling of a lowercase word: a
// vowel letter is a vowel sound and a consonant letter a consonant sound,
// except where English spelling regularly says otherwise. w may be the
// word's first eight letters only; size is the whole word's length.
func spelled(w string, size int) uint8 {
	if w == "" {
		return Unknown
	}
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	cons := func(b byte) bool { return b != 0 && isLower(b) && !vowelLetter(b) }
	switch w[0] {
	case 'a', 'i':
		return Vowel
	case 'e':
		// eu- and ewe- are /juː/: Europe, eulogy, ewe, ewer.
		if strings.HasPrefix(w, "eu") || strings.HasPrefix(w, "ewe") {
			return Consonant
		}
		return Vowel
	case 'o':
		// one and once begin with /w/; onerous and onion do not.
		if size == len(w) {
			switch w {
			case "one", "ones", "oneself", "once":
				return Consonant
			}
		}
		if strings.HasPrefix(w, "ouija") {
			return Consonant
		}
		return Vowel
	case 'u':
		return spelledU(w, at, cons)
	case 'h':
		// The h is silent in hour, honest, honour/honor, heir and their
		// derivatives (hourly, honesty, honorary, heirloom).
		for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
			if strings.HasPrefix(w, p) {
				return Vowel
			}
		}
		return Consonant
	case 'x':
		// Before a consonant the letter's name is said (Xbox, XHTML as
		// "ex"); before a vowel it is /z/ (xylophone, xenon).
		if cons(at(1)) && at(1) != 'y' {
			return Vowel
		}
		return Consonant
	case 'y':
		// Before a consonant y is a vowel (yttrium, Yggdrasil).
		if cons(at(1)) {
			return Vowel
		}
		return Consonant
	}
	if cons(w[0]) {
		return Consonant
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch unicode.ToLower(r) {
	case 'á', 'à', 'â', 'ä', 'å', 'é', 'è', 'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ó', 'ò', 'ô', 'ö', 'ø', 'œ', 'æ':
		return Vowel
	case 'ç', 'ñ', 'ß', 'š', 'ž', 'č':
		return Consonant
	}
	return Unknown
}

// spelledU: u before a single consonant and a vowel is usually /juː/, an
// open syllable (unit, use, usual, utility, urine, ubiquitous, uvula,
// Uganda); before two consonants, or a consonant digraph, it is /ʌ/
// (umbrella, under, utter, usher). The prefix un- is /ʌn/ (unable,
// unimportant, uninstall) except in uni- "one" (union, unique, unit,
// university) and unanimous; up- is /ʌp/ (upon, upend).
func spelledU(w string, at func(int) byte, cons func(byte) bool) uint8 {
	switch {
	case strings.HasPrefix(w, "unanim"):
		return Consonant
	case strings.HasPrefix(w, "uni"):
		if b := at(3); b == 'm' || b == 'n' {
			return Vowel
		}
		return Consonant
	case strings.HasPrefix(w, "un"), strings.HasPrefix(w, "up"):
		return Vowel
	}
	c1, c2 := at(1), at(2)
	switch {
	case !cons(c1):
		return Vowel // uh-oh
	case c1 == 'k':
		return Consonant // ukulele, Ukraine
	case c2 == 'h':
		return Vowel // usher, ugh: a digraph closes the syllable
	case vowelLetter(c2) || c2 == 'y':
		return Consonant
	}
	return Vowel
}
