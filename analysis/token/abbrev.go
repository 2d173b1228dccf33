package token

import (
	"unicode"
	"unicode/utf8"
)

// abbreviation says how a word followed by a full stop behaves.
type abbreviation uint8

const (
	notAbbreviation abbreviation = iota
	// titleAbbreviation precedes what it qualifies and never ends a
	// sentence: Dr., Mr., e.g., i.e., vs., cf.
	titleAbbreviation
	// initialAbbreviation is one capital letter: J. R. R. Tolkien.
	initialAbbreviation
	// plainAbbreviation may end a sentence: etc., U.S., p.m., Inc.; it
	// ends one when a capitalised word follows.
	plainAbbreviation
	// numberAbbreviation is an abbreviation only before a number: No. 5,
	// p. 12, Fig. 3.
	numberAbbreviation
)

// abbreviationClass classifies the word text[start:end] that a full stop
// follows.
func abbreviationClass(text string, start, end int) abbreviation {
	w := text[start:end]
	if r, size := utf8.DecodeRuneInString(w); size == len(w) {
		if unicode.IsUpper(r) {
			return initialAbbreviation
		}
		switch r {
		case 'p':
			return numberAbbreviation
		case 'v':
			return titleAbbreviation // Hamdan v. Rumsfeld
		}
		return notAbbreviation
	}
	if dotted(w) {
		switch w {
		case "e.g", "i.e", "E.g", "I.e":
			return titleAbbreviation
		}
		return plainAbbreviation
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Gov", "Sen", "Rep", "Reps",
		"Capt", "Lt", "Col", "Sgt", "Cpl", "Adm", "Cmdr", "Rev", "Hon", "Fr", "Messrs", "Mme", "Mmes", "Mlle",
		"Pres", "Supt", "Insp", "st",
		"vs", "cf", "Cf", "viz", "approx", "Approx", "esp", "incl", "ca", "resp", "ibid", "Ibid", "ff":
		return titleAbbreviation
	case "No", "no", "Nos", "nos", "Nr", "pp", "Fig", "fig", "Figs", "figs", "Eq", "Eqs", "eq",
		"Vol", "vol", "Vols", "Ch", "ch", "Chap", "Sec", "Sect", "Art", "Para", "para":
		return numberAbbreviation
	case "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "al", "Ave", "Blvd", "Rd", "Dept",
		"Univ", "Assn", "Assoc", "Intl", "Govt", "est", "Est",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return plainAbbreviation
	}
	return notAbbreviation
}

// dotted reports a word of one- or two-letter parts joined by full stops:
// U.S, e.g, a.m, Ph.D, U.S.A.
func dotted(w string) bool {
	part, dots := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if part == 0 {
				return false
			}
			part = 0
			dots++
		case isASCIILetter(c):
			part++
			if part > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && part > 0
}

// closingAt returns the length of the closing quote or bracket at text[i:],
// or 0.
func closingAt(text string, i int) int {
	switch text[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	}
	if r, size := utf8.DecodeRuneInString(text[i:]); r == '”' || r == '’' || r == '»' {
		return size
	}
	return 0
}

// openingAt returns the length of the opening quote or bracket at text[i:],
// or 0.
func openingAt(text string, i int) int {
	switch text[i] {
	case '"', '\'', '(', '[', '{', '`':
		return 1
	}
	if r, size := utf8.DecodeRuneInString(text[i:]); r == '“' || r == '‘' || r == '«' {
		return size
	}
	return 0
}

// nextWord skips closing marks, whitespace and then opening marks from i
// and returns where the next word starts, whether whitespace came first, and
// whether nothing follows at all.
func nextWord(text string, i int) (at int, spaced, atEnd bool) {
	for i < len(text) {
		n := closingAt(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	for i < len(text) {
		c, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(c) {
			break
		}
		spaced = true
		i += size
	}
	if i == len(text) {
		return i, true, true
	}
	for i < len(text) {
		n := openingAt(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i, spaced, false
}

// abbreviationEnds decides whether the full stop after an abbreviation of
// the given class, ending at i, also ends the sentence: at the end of the
// text, or before a capitalised word that commonly starts sentences (U.S.
// Army, Inc. Telephone and J. R. R. Tolkien go on; "etc. Bob" ends).
func abbreviationEnds(text string, i int, word string, class abbreviation) bool {
	at, spaced, atEnd := nextWord(text, i)
	if atEnd {
		return true
	}
	if !spaced || at == len(text) || class == titleAbbreviation {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[at:])
	if !unicode.IsUpper(r) {
		return false
	}
	if class == plainAbbreviation && word == "etc" {
		return true
	}
	e := at
	for e < len(text) && isASCIILetter(text[e]) {
		e++
	}
	next := text[at:e]
	if class == initialAbbreviation && len(next) == 1 {
		return false // another initial: J. R. R.
	}
	return sentenceStarter(next)
}

// sentenceStarter reports capitalised words that commonly start a sentence
// and rarely continue a name.
func sentenceStarter(w string) bool {
	switch w {
	case "A", "An", "The", "This", "That", "These", "Those", "There", "Then", "Thus", "Therefore",
		"It", "Its", "He", "His", "She", "Her", "We", "Our", "They", "Their", "You", "Your", "I", "My",
		"In", "On", "At", "For", "From", "With", "By", "To", "Of", "As", "After", "Before", "During",
		"But", "And", "Or", "So", "Yet", "If", "When", "While", "Since", "Because", "Although", "Though",
		"What", "Who", "Why", "How", "Where", "Which",
		"However", "Also", "Still", "Now", "Here", "Some", "Many", "Most", "All", "No", "Not", "One",
		"Each", "Every", "Such", "Other", "Another", "Both", "Please", "Thanks", "Yes",
		"Note", "Notice", "See", "Let", "Consider", "Use", "Remember", "Recall", "Finally", "First",
		"Next", "Instead", "Otherwise", "Similarly", "Likewise", "Again", "Sometimes", "Often",
		"Unlike", "Even", "Only", "Just", "Later", "Today", "Meanwhile":
		return true
	}
	return false
}

// digitFollows reports whether a number follows the full stop ending at i.
func digitFollows(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && isASCIIDigit(text[i])
}
