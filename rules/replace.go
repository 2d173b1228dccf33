package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/tag"
)

// Form is the inflected form of a word; the values are those of
// morph.Form.
type Form uint8

const (
	Base Form = iota
	Plural
	ThirdSingular
	Past
	PastParticiple
	Gerund
	Comparative
	Superlative
)

// inflector inflects a lemma; it returns "" when it does not know how.
type inflector func(lemma string, pos PartOfSpeech, f Form) string

// replacement renders one replacement for the matched tokens: inflected
// to the matched head word's form when the rule asks for it, and cased
// like the matched text.
func (e *Engine) replacement(r *Rule, toks []analysis.Token, rep string) string {
	// The form is the head's: the matched word whose lemma is the
	// replacement ("reverted back" → "reverted"), else the last token of
	// the match ("ATM machines" → "ATMs").
	if r.Inflect != NoInflection && !strings.ContainsAny(rep, " -") {
		if f := formOf(&toks[headOf(toks, rep)], r.Inflect); f != Base {
			w := ""
			if rep == strings.ToLower(rep) {
				w = e.infl(rep, r.Inflect, f)
			} else {
				w = regularInflect(rep, r.Inflect, f) // an abbreviation such as "ATM"
			}
			if w != "" {
				rep = w
			}
		}
	}
	return matchCase(matchedText(toks), rep)
}

// headOf returns the index of the matched token whose form the
// replacement rep takes: the one whose lemma is rep, if any, else the last.
func headOf(toks []analysis.Token, rep string) int {
	if len(toks) > 1 {
		for i := range toks {
			if strings.ToLower(toks[i].Lemma) == rep {
				return i
			}
		}
	}
	return len(toks) - 1
}

// formOf works out which form of its lemma the token is, read as the part
// of speech pos: from the word's ending compared with its lemma, then from
// its Penn tag.
func formOf(t *analysis.Token, pos PartOfSpeech) Form {
	w := normalise(t.Text)
	lemma := strings.ToLower(t.Lemma)
	f := Base
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 4:
		f = Gerund
	case strings.HasSuffix(w, "ed") && len(w) > 3:
		f = Past
		if t.PTB == tag.VBN {
			f = PastParticiple
		}
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && (lemma == "" || !strings.HasSuffix(lemma, "s")):
		f = Plural
	default:
		switch t.PTB {
		case tag.VBD:
			f = Past
		case tag.VBN:
			f = PastParticiple
		case tag.VBG:
			f = Gerund
		case tag.VBZ:
			f = ThirdSingular
		case tag.NNS, tag.NNPS:
			f = Plural
		case tag.JJR, tag.RBR:
			f = Comparative
		case tag.JJS, tag.RBS:
			f = Superlative
		}
	}
	switch {
	case pos == Verb && f == Plural:
		f = ThirdSingular
	case pos == Noun && f == ThirdSingular:
		f = Plural
	}
	return f
}

// regularInflect inflects by the regular spelling rules of English; it is
// the fallback when the lexicon has no entry.
func regularInflect(lemma string, pos PartOfSpeech, f Form) string {
	if lemma == "" {
		return ""
	}
	last := lemma[len(lemma)-1]
	consonantY := last == 'y' && len(lemma) > 1 && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2]))
	switch f {
	case Base:
		return lemma
	case Plural, ThirdSingular:
		switch {
		case consonantY:
			return lemma[:len(lemma)-1] + "ies"
		case strings.HasSuffix(lemma, "s"), strings.HasSuffix(lemma, "x"), strings.HasSuffix(lemma, "z"),
			strings.HasSuffix(lemma, "ch"), strings.HasSuffix(lemma, "sh"):
			return lemma + "es"
		}
		return lemma + "s"
	case Past, PastParticiple:
		if pos != Verb {
			return ""
		}
		switch {
		case last == 'e':
			return lemma + "d"
		case consonantY:
			return lemma[:len(lemma)-1] + "ied"
		}
		return lemma + "ed"
	case Gerund:
		if pos != Verb {
			return ""
		}
		switch {
		case strings.HasSuffix(lemma, "ie"):
			return lemma[:len(lemma)-2] + "ying"
		case last == 'e' && !strings.HasSuffix(lemma, "ee") && !strings.HasSuffix(lemma, "ye") && !strings.HasSuffix(lemma, "oe") && len(lemma) > 2:
			return lemma[:len(lemma)-1] + "ing"
		}
		return lemma + "ing"
	case Comparative, Superlative:
		if pos != Adjective {
			return ""
		}
		suffix := "er"
		if f == Superlative {
			suffix = "est"
		}
		switch {
		case last == 'e':
			return lemma + suffix[1:]
		case consonantY:
			return lemma[:len(lemma)-1] + "i" + suffix
		}
		return lemma + suffix
	}
	return ""
}

// matchCase gives a replacement the capitalisation of the text it
// replaces: all capitals stay all capitals, an initial capital stays an
// initial capital; otherwise the replacement is kept as written.
func matchCase(matched, rep string) string {
	letters, upper := 0, 0
	for _, r := range matched {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && upper == letters {
		return strings.ToUpper(rep)
	}
	first, _ := utf8.DecodeRuneInString(matched)
	if unicode.IsUpper(first) {
		r, n := utf8.DecodeRuneInString(rep)
		if unicode.IsLower(r) {
			return string(unicode.ToUpper(r)) + rep[n:]
		}
	}
	return rep
}
