package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
)

// inflector inflects a lemma; it returns "" when it does not know how.
type inflector func(lemma string, pos PartOfSpeech, f morph.Form) string

// replacement renders one replacement for the matched tokens: inflected
// to the matched head word's form when the rule asks for it, and cased
// like the matched text.
func (e *Engine) replacement(r *Rule, toks []analysis.Token, rep string) string {
	// The form is the head's: the matched word whose lemma is the
	// replacement ("reverted back" → "reverted"), else the last token of
	// the match ("ATM machines" → "ATMs").
	if r.Inflect != NoInflection && !strings.ContainsAny(rep, " -") {
		if f := formOf(&toks[headOf(toks, rep)], r.Inflect); f != morph.Base {
			if w := inflectAs(e.infl, rep, r.Inflect, f); w != "" {
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
func formOf(t *analysis.Token, pos PartOfSpeech) morph.Form {
	w := normalise(t.Text)
	lemma := strings.ToLower(t.Lemma)
	f := morph.Base
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 4:
		f = morph.Gerund
	case strings.HasSuffix(w, "ed") && len(w) > 3:
		f = morph.Past
		if t.PTB == tag.VBN {
			f = morph.PastParticiple
		}
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && (lemma == "" || !strings.HasSuffix(lemma, "s")):
		f = morph.Plural
	default:
		switch t.PTB {
		case tag.VBD:
			f = morph.Past
		case tag.VBN:
			f = morph.PastParticiple
		case tag.VBG:
			f = morph.Gerund
		case tag.VBZ:
			f = morph.ThirdSingular
		case tag.NNS, tag.NNPS:
			f = morph.Plural
		case tag.JJR, tag.RBR:
			f = morph.Comparative
		case tag.JJS, tag.RBS:
			f = morph.Superlative
		}
	}
	switch {
	case pos == Verb && f == morph.Plural:
		f = morph.ThirdSingular
	case pos == Noun && f == morph.ThirdSingular:
		f = morph.Plural
	}
	return f
}

// inflectAs inflects the replacement rep to form f. An abbreviation
// written in capitals ("ATM") is inflected as its lower-case word and
// keeps its capitals: ATM → ATMs. It returns "" when there is no such form.
func inflectAs(infl inflector, rep string, pos PartOfSpeech, f morph.Form) string {
	lower := strings.ToLower(rep)
	w := infl(lower, pos, f)
	if rep == lower || w == "" {
		return w
	}
	if !strings.HasPrefix(w, lower) {
		return "" // an irregular form of an abbreviation: leave it alone
	}
	return rep + w[len(lower):]
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
