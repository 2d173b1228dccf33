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
// of speech pos. The evidence is taken in order of reliability: the Penn
// tag, when it is a tag of that part of speech (proceed/VBP is the base
// form, whatever its ending says); then the lexicon's analysis of the
// word (string is a verb only in the base form; liaisoned, tagged as an
// adjective, is a past form of liaison); the spelling last, for words
// the lexicon cannot read.
//
// A word the lexicon does not know (a misspelling: "lenghts") was tagged
// from its context and shape alone, so its tag decides only where its
// ending agrees: "Compare the lenghts." may be tagged NN, but the -s
// says plural.
func formOf(t *analysis.Token, pos PartOfSpeech) morph.Form {
	known := len(morph.Default().Analyze(t.Text)) > 0
	if f, ok := formFromTag(t.PTB, pos); ok && (known || sameEnding(f, formFromSpelling(t, pos, known))) {
		return f
	}
	if f, ok := formFromLexicon(t, pos); ok {
		return f
	}
	return formFromSpelling(t, pos, known)
}

// sameEnding reports whether forms a and b are spelt with the same
// regular ending; the simple past and the participle share -ed.
func sameEnding(a, b morph.Form) bool {
	ed := func(f morph.Form) bool { return f == morph.Past || f == morph.PastParticiple }
	return a == b || ed(a) && ed(b)
}

// formFromTag reads the form off a Penn tag of the part of speech pos. A
// tag of another part of speech says nothing about the form pos would
// have (the tagger may have read a verb use of liaison as a noun).
func formFromTag(p tag.PTB, pos PartOfSpeech) (morph.Form, bool) {
	switch pos {
	case Verb:
		switch p {
		case tag.VB, tag.VBP:
			return morph.Base, true
		case tag.VBZ:
			return morph.ThirdSingular, true
		case tag.VBD:
			return morph.Past, true
		case tag.VBN:
			return morph.PastParticiple, true
		case tag.VBG:
			return morph.Gerund, true
		}
	case Noun:
		switch p {
		case tag.NN, tag.NNP:
			return morph.Base, true
		case tag.NNS, tag.NNPS:
			return morph.Plural, true
		}
	case Adjective:
		switch p {
		case tag.JJ, tag.RB:
			return morph.Base, true
		case tag.JJR, tag.RBR:
			return morph.Comparative, true
		case tag.JJS, tag.RBS:
			return morph.Superlative, true
		}
	}
	return morph.Base, false
}

// formFromLexicon reads the form from the lexicon's analyses of the word
// as pos, preferring those of the token's lemma. It answers only when the
// analyses agree on one form; a past that may be either tense (fed,
// liaisoned) is a participle when tagged VBN, else the simple past.
func formFromLexicon(t *analysis.Token, pos PartOfSpeech) (morph.Form, bool) {
	var want [2]morph.POS
	switch pos {
	case Verb:
		want = [2]morph.POS{morph.Verb, morph.Verb}
	case Noun:
		want = [2]morph.POS{morph.Noun, morph.Noun}
	case Adjective:
		want = [2]morph.POS{morph.Adj, morph.Adv}
	default:
		return morph.Base, false
	}
	lemma := strings.ToLower(t.Lemma)
	var forms, ofLemma uint16
	for _, a := range morph.Default().Analyze(t.Text) {
		if a.POS != want[0] && a.POS != want[1] {
			continue
		}
		forms |= 1 << a.Form
		if a.Lemma == lemma {
			ofLemma |= 1 << a.Form
		}
	}
	if ofLemma != 0 {
		forms = ofLemma
	}
	const past = 1<<morph.Past | 1<<morph.PastParticiple
	switch {
	case forms == 0:
		return morph.Base, false
	case forms == past:
		if t.PTB == tag.VBN {
			return morph.PastParticiple, true
		}
		return morph.Past, true
	case forms&(forms-1) == 0: // one form
		for f := morph.Base; f <= morph.Superlative; f++ {
			if forms == 1<<f {
				return f, true
			}
		}
	}
	return morph.Base, false
}

// formFromSpelling guesses the form from the word's ending compared with
// its lemma, then from a Penn tag of another part of speech, mapping a
// plural to the third person singular and back. The lemma of a word the
// lexicon does not know is the word itself and tells nothing.
func formFromSpelling(t *analysis.Token, pos PartOfSpeech, known bool) morph.Form {
	w := normalise(t.Text)
	lemma := strings.ToLower(t.Lemma)
	if !known {
		lemma = ""
	}
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
