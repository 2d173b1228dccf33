package morph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inflect returns lemma as part of speech pos in form: the irregular form
// from the exception lists where there is one (go → went, gone; commit →
// committed, committing; child → children), else the regular spelling
// (carry → carries, carried; liaise → liaised, liaising; make → making;
// see → seeing; panic → panicked; stop → stopped, by the doubling rule:
// a final consonant after a single vowel doubles when the last syllable is
// stressed, as OEWN's pronunciation tells, or when the word has one
// syllable). Spelling is US: travel → traveled, cancel → canceled, but
// compel → compelled. Where UD English-EWT attests a regular spelling more
// often than WordNet's irregular one (learned, not learnt) the regular one
// is used.
//
// Form Base, and forms that do not apply to pos (a noun in the past), give
// lemma unchanged. The result is lower case when lemma is; a lemma with
// capitals gets its capitalisation pattern (see MatchCase).
func (l *Lexicon) Inflect(lemma string, pos POS, form Form) string {
	if form == Base || !form.Applies(pos) || lemma == "" {
		return lemma
	}
	lower := normalizeString(lemma)
	out := l.inflectLower(lower, pos, form)
	if lower != lemma {
		return MatchCase(lemma, out)
	}
	return out
}

func (l *Lexicon) inflectLower(lemma string, pos POS, form Form) string {
	if s, ok := l.inflections()[inflectionKey{lemma, pos, form}]; ok {
		return s
	}
	if form == PastParticiple {
		if s, ok := l.inflections()[inflectionKey{lemma, pos, Past}]; ok {
			return s
		}
	}
	// Adjectives and adverbs share their irregular degrees (far →
	// farther): WordNet lists some under one only.
	switch pos {
	case Adj:
		if s, ok := l.inflections()[inflectionKey{lemma, Adv, form}]; ok {
			return s
		}
	case Adv:
		if s, ok := l.inflections()[inflectionKey{lemma, Adj, form}]; ok {
			return s
		}
	}
	switch form {
	case Plural, ThirdSingular:
		if pos == Noun && strings.HasSuffix(lemma, "ies") {
			return lemma // series, species
		}
		return sibilantS(lemma, pos == Verb)
	case Past, PastParticiple:
		switch {
		case strings.HasSuffix(lemma, "e"):
			return lemma + "d"
		case consonantY(lemma):
			return lemma[:len(lemma)-1] + "ied"
		case l.doubles(lemma):
			return lemma + lemma[len(lemma)-1:] + "ed"
		case strings.HasSuffix(lemma, "ic"):
			return lemma + "ked"
		}
		return lemma + "ed"
	case Gerund:
		switch {
		case strings.HasSuffix(lemma, "ie"):
			return lemma[:len(lemma)-2] + "ying"
		case strings.HasSuffix(lemma, "ee"), strings.HasSuffix(lemma, "ye"), strings.HasSuffix(lemma, "oe"), len(lemma) <= 2:
			return lemma + "ing"
		case strings.HasSuffix(lemma, "e"):
			return lemma[:len(lemma)-1] + "ing"
		case l.doubles(lemma):
			return lemma + lemma[len(lemma)-1:] + "ing"
		case strings.HasSuffix(lemma, "ic"):
			return lemma + "king"
		}
		return lemma + "ing"
	case Comparative, Superlative:
		suffix := "er"
		if form == Superlative {
			suffix = "est"
		}
		switch {
		case strings.HasSuffix(lemma, "e"):
			return lemma + suffix[1:]
		case consonantY(lemma):
			return lemma[:len(lemma)-1] + "i" + suffix
		case l.doubles(lemma) && !strings.HasSuffix(lemma, "l"):
			return lemma + lemma[len(lemma)-1:] + suffix
		}
		return lemma + suffix
	}
	return lemma
}

// sibilantS adds -s, -es or -ies.
func sibilantS(lemma string, verb bool) string {
	switch {
	case consonantY(lemma):
		return lemma[:len(lemma)-1] + "ies"
	case takesES(lemma, verb):
		return lemma + "es"
	}
	return lemma + "s"
}

// takesES reports whether the plural or third person of w adds -es: after
// s, x, z, ch, sh, and for verbs after a consonant and o (goes, vetoes).
func takesES[S ~string | ~[]byte](w S, verb bool) bool {
	n := len(w)
	if n == 0 {
		return false
	}
	switch w[n-1] {
	case 's', 'x', 'z':
		return true
	case 'h':
		return n >= 2 && (w[n-2] == 'c' || w[n-2] == 's')
	case 'o':
		return verb && n >= 2 && isConsonant(w[n-2])
	}
	return false
}

func consonantY[S ~string | ~[]byte](w S) bool {
	return len(w) >= 2 && w[len(w)-1] == 'y' && isConsonant(w[len(w)-2])
}

// doubles reports whether the final consonant of lemma doubles before a
// vowel suffix.
func (l *Lexicon) doubles(w string) bool {
	var buf wordBuf
	b, ok := normalize(&buf, w)
	if !ok {
		return false
	}
	e, _ := l.lookup(b)
	return doubles(w, &e)
}

// doubles reports whether the final consonant of w doubles before a vowel
// suffix: it follows a single vowel (qu counts as a consonant) and the
// last syllable is stressed — by OEWN's pronunciation in e, or, for words
// without one, when the word has a single vowel group. So a final l after
// an unstressed syllable does not double (US spelling).
func doubles[S ~string | ~[]byte](w S, e *entry) bool {
	n := len(w)
	if n < 2 {
		return false
	}
	last := w[n-1]
	if !isConsonant(last) || last == 'w' || last == 'x' || last == 'y' || last == 'h' {
		return false
	}
	if !isVowel(w[n-2]) || n >= 3 && isVowel(w[n-3]) && !(w[n-3] == 'u' && n >= 4 && w[n-4] == 'q') {
		return false
	}
	if e != nil && e.pronKnown() {
		return e.stressFinal()
	}
	return vowelGroups(w) == 1
}

func vowelGroups[S ~string | ~[]byte](w S) int {
	n := 0
	in := false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i]) || w[i] == 'y' && i > 0 && !isVowel(w[i-1])
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// FormOf guesses the form of a surface word from its ending alone, for
// when no tag is at hand: -ing is Gerund, -ed is Past (the past participle
// of a regular verb is spelled the same, and Inflect treats both alike
// for regular verbs), -s (not -ss, -us, -is) is ThirdSingular — which is
// also the noun plural: the regular spellings of the two coincide, so a
// caller fixing a noun should pass Plural to Inflect. Everything else,
// comparatives and irregular forms included, is Base: use
// Lexicon.Analyze when the lexicon can say more.
func FormOf(surface string) Form {
	w := normalizeString(surface)
	switch {
	case len(w) >= 5 && strings.HasSuffix(w, "ing") && hasVowel(w[:len(w)-3]):
		return Gerund
	case len(w) >= 4 && strings.HasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		return Past
	case len(w) >= 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s"):
		return ThirdSingular
	}
	return Base
}

func hasVowel(w string) bool {
	return strings.ContainsAny(w, "aeiouy")
}

// MatchCase gives word the capitalisation pattern of surface: ALL CAPS
// (two or more letters, none lower case), Title (first letter upper
// case), or lower case (all letters lower case). A surface with another
// pattern (iPhone), or without letters, leaves word unchanged.
func MatchCase(surface, word string) string {
	upper, lower := 0, 0
	firstUpper, seenLetter := false, false
	for _, r := range surface {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			upper++
			if !seenLetter {
				firstUpper = true
			}
		} else if unicode.IsLower(r) {
			lower++
		}
		seenLetter = true
	}
	switch {
	case upper >= 2 && lower == 0:
		return strings.ToUpper(word)
	case firstUpper:
		r, size := utf8.DecodeRuneInString(word)
		if r == utf8.RuneError {
			return word
		}
		return string(unicode.ToTitle(r)) + word[size:]
	case upper == 0 && lower > 0:
		return strings.ToLower(word)
	}
	return word
}
