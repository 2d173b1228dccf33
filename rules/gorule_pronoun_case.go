package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// pronounCase flags a personal pronoun in the wrong case inside a
// coordination, where a pattern cannot see far enough to know which case
// the slot needs, and offers the coordination rewritten:
//
//   - an object form in a coordinated subject, at the start of a clause and
//     before its finite verb: "Me and him went" → "He and I went", "Her and
//     her sister own" → "She and her sister own";
//   - "us" + plural noun as a subject: "Us students need" → "We students";
//   - a subject form in a coordination that is the object of a preposition
//     or of a verb, with no finite verb after it in the clause (so the
//     pronoun cannot be a subject): "to Sarah and I" → "to Sarah and me",
//     "asked he and I to stay" → "asked him and me to stay".
//
// It says nothing where the case is a matter of style (after "than", "as",
// a form of "be": "It was John and I"), where the coordination can begin a
// clause ("I think he and I should talk", "for you and I was worried"), or
// where "her" is a possessive ("me and her sister" is judged by "me").
func pronounCase(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for j := 1; j+1 < len(toks); j++ {
		if n := len(toks[j].Text); n < 2 || n > 3 {
			continue // the cheap test first: neither "and" nor "or"
		}
		if w := pcLower(toks[j].Text); w != "and" && w != "or" {
			continue
		}
		if m, ok := objectAsSubject(toks, j); ok {
			out = append(out, m)
			continue
		}
		if m, ok := subjectAsObject(toks, j); ok {
			out = append(out, m)
		}
	}
	if m, ok := usAsSubject(toks); ok {
		out = append(out, m)
	}
	for i := 1; i+2 < len(toks); i++ {
		// "They told we to leave": a lone subject form between a verb
		// and its infinitive is the verb's object.
		if n := len(toks[i].Text); n < 2 || n > 4 {
			continue
		}
		w := pcLower(toks[i].Text)
		if _, ok := subjectToObject[w]; !ok || w == "i" {
			continue
		}
		// "They gave he a prize", "He thanked we for coming": so is one
		// between a verb and a second object or a preposition (not "had
		// he the means", an inversion).
		// An article or a possessive, and a noun phrase after it, not a
		// floating quantifier: "where one goes they all go".
		// (In lower case: "dropping we The horse" is a broken text.)
		secondObject := (isAnyOf(toks[i+1].Text, "a", "an", "the") || toks[i+1].PTB == tag.PRPS) && !capitalisedWord(toks[i+1].Text) &&
			toks[i+2].UPOS != tag.VERB && toks[i+2].UPOS != tag.AUX ||
			toks[i+1].PTB == tag.IN && governs(&toks[i+1])
		// "They gave we volunteers a free lunch": "we" with a plural noun
		// in apposition is one object the same way, before the second.
		if w == "we" && toks[i+1].PTB == tag.NNS && i+3 < len(toks) {
			next := &toks[i+2]
			secondObject = secondObject || (isAnyOf(next.Text, "a", "an", "the") || next.PTB == tag.PRPS) && !capitalisedWord(next.Text) &&
				toks[i+3].UPOS != tag.VERB && toks[i+3].UPOS != tag.AUX
		}
		secondObject = secondObject && toks[i-1].UPOS == tag.VERB && !isAnyOf(toks[i-1].Lemma, "be", "have", "do")
		if (toks[i+1].PTB == tag.TO && toks[i+2].PTB == tag.VB || secondObject) && isVerbTag(toks[i-1].PTB) && governs(&toks[i-1]) {
			out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{objectForm(toks[i].Text)}})
		}
	}
	for k := range out {
		// The engine cases a pattern's replacement like the match; a Go
		// rule's is its own, so a sentence-initial "Me and him" gets "He
		// and I".
		if t := toks[out[k].Start].Text; t != "" && t[0] >= 'A' && t[0] <= 'Z' {
			for r, rep := range out[k].Replacements {
				if rep != "" && rep[0] >= 'a' && rep[0] <= 'z' {
					out[k].Replacements[r] = strings.ToUpper(rep[:1]) + rep[1:]
				}
			}
		}
	}
	return out
}

func isVerbTag(p tag.PTB) bool {
	switch p {
	case tag.VB, tag.VBD, tag.VBG, tag.VBN, tag.VBP, tag.VBZ:
		return true
	}
	return false
}

var (
	objectToSubject = map[string]string{"me": "I", "him": "he", "her": "she", "us": "we", "them": "they"}
	subjectToObject = map[string]string{"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
)

// objectAsSubject handles "X and Y" with the conjunction at j, where the
// first conjunct is one pronoun at the start of a clause.
func objectAsSubject(toks []analysis.Token, j int) (GoMatch, bool) {
	first := pcLower(toks[j-1].Text)
	if _, ok := objectToSubject[first]; !ok {
		if _, ok := subjectToObject[first]; !ok || first == "i" {
			return nounAndObject(toks, j)
		}
	}
	if !clauseStart(toks, j-1) {
		return GoMatch{}, false
	}
	end, ok := conjunctEnd(toks, j+1)
	// In a sentence with no verb the tagger read the verb as a word of
	// the noun phrase: "Him and his wife travel a lot".
	if (!ok || !finiteNext(toks, end)) && statementWithoutVerb(toks) {
		for k := j + 2; k < len(toks) && k-j <= 4 && nounPhraseTag(toks[k].PTB); k++ {
			if nounTag(toks[k-1].PTB) && finiteNext(toks, k) {
				end, ok = k, true
				break
			}
		}
	}
	if !ok || !finiteNext(toks, end) {
		return GoMatch{}, false
	}
	second := toks[j+1 : end]
	secondObj := false
	if len(second) == 1 {
		w := pcLower(second[0].Text)
		_, secondObj = objectToSubject[w]
		if _, subj := subjectToObject[w]; !subj && !secondObj && second[0].PTB == tag.PRP {
			// "it", "you": no case to get wrong, but the first conjunct
			// may have one ("Me and you should talk" → "You and I").
			if _, firstObj := objectToSubject[first]; !firstObj {
				return GoMatch{}, false
			}
		}
	}
	_, firstObj := objectToSubject[first]
	if !firstObj && !secondObj {
		return GoMatch{}, false
	}
	a := subjectForm(toks[j-1].Text)
	b := conjunctText(second, subjectForm)
	conj := pcLower(toks[j].Text)
	var rep string
	if pcLower(a) == "i" {
		rep = b + " " + conj + " I"
	} else {
		rep = a + " " + conj + " " + b
	}
	return GoMatch{Start: j - 1, End: end, Replacements: []string{rep}}, true
}

// nounAndObject handles "John and me went": a noun phrase at the start of
// a clause, then an object pronoun, then the finite verb they are the
// subject of.
func nounAndObject(toks []analysis.Token, j int) (GoMatch, bool) {
	start, ok := conjunctStart(toks, j)
	if !ok || toks[j-1].PTB == tag.PRP || !clauseStart(toks, start) || j+2 > len(toks) {
		return GoMatch{}, false
	}
	obj := pcLower(toks[j+1].Text)
	subj, isObj := objectToSubject[obj]
	if !isObj || obj == "her" && j+2 < len(toks) && nounPhraseTag(toks[j+2].PTB) || !finiteNext(toks, j+2) {
		return GoMatch{}, false
	}
	rep := conjunctText(toks[start:j], func(w string) string { return w }) + " " + pcLower(toks[j].Text) + " " + subj
	return GoMatch{Start: start, End: j + 2, Replacements: []string{rep}}, true
}

// subjectAsObject handles "X and I" or "he and X" with the conjunction at
// j, governed by a preposition or a verb before the coordination.
func subjectAsObject(toks []analysis.Token, j int) (GoMatch, bool) {
	// The second conjunct: "I" alone, or anything after a subject pronoun.
	var start, end int
	second := pcLower(toks[j+1].Text)
	if second == "i" {
		end = j + 2
		s, ok := conjunctStart(toks, j)
		if !ok {
			return GoMatch{}, false
		}
		start = s
	} else {
		first := pcLower(toks[j-1].Text)
		if _, ok := subjectToObject[first]; !ok || first == "i" {
			return GoMatch{}, false
		}
		e, ok := conjunctEnd(toks, j+1)
		if !ok {
			return GoMatch{}, false
		}
		start, end = j-1, e
	}
	if start == 0 || !governs(&toks[start-1]) {
		return GoMatch{}, false
	}
	if verbLater(toks, end, bareInfinitiveVerb(&toks[start-1])) {
		return GoMatch{}, false
	}
	rep := conjunctText(toks[start:j], objectForm) + " " + pcLower(toks[j].Text) + " " + conjunctText(toks[j+1:end], objectForm)
	return GoMatch{Start: start, End: end, Replacements: []string{rep}}, true
}

// usAsSubject flags "Us students need …" at the start of a clause.
func usAsSubject(toks []analysis.Token) (GoMatch, bool) {
	for i := 0; i+2 < len(toks); i++ {
		if len(toks[i].Text) != 2 || pcLower(toks[i].Text) != "us" || !clauseStart(toks, i) {
			continue
		}
		// The tagger may read the plural as a verb and the verb as a noun
		// ("Us developers hate meetings"): the lexicon decides then.
		lex := morph.Default()
		misread := toks[i+1].PTB == tag.VBZ && lex.Classes(pcLower(toks[i+1].Text)).Has(morph.Noun, morph.Plural) &&
			toks[i+2].PTB == tag.NN && lex.Classes(pcLower(toks[i+2].Text)).Has(morph.Verb, morph.Base)
		if toks[i+1].PTB != tag.NNS && !misread {
			continue
		}
		if misread || finiteNext(toks, i+2) {
			return GoMatch{Start: i, End: i + 1, Replacements: []string{"we"}}, true
		}
	}
	return GoMatch{}, false
}

// clauseStart reports whether token i can begin a clause: the sentence's
// first word (after an opening adverb such as "Yesterday"), or a word after
// a comma, semicolon, colon or coordinating conjunction.
func clauseStart(toks []analysis.Token, i int) bool {
	if i == 0 {
		return true
	}
	p := &toks[i-1]
	if p.Kind == token.Punct {
		switch p.Text {
		case ",", ";", ":", "(", "\"", "“", "—":
			return true
		}
		return false
	}
	switch pcLower(p.Text) {
	case "and", "but", "so", "because", "when", "while", "although", "though", "since", "until", "if", "that", "then":
		return true
	}
	if i != 1 {
		return false
	}
	switch pcLower(p.Text) {
	case "yesterday", "today", "tomorrow", "now", "then", "later", "recently", "tonight", "afterwards", "sometimes":
		return true
	}
	return p.PTB == tag.RB
}

// conjunctEnd returns the end of a short noun phrase starting at i (a
// pronoun, or up to four words of determiner, adjective, noun, number).
func conjunctEnd(toks []analysis.Token, i int) (int, bool) {
	if i >= len(toks) {
		return 0, false
	}
	if toks[i].PTB == tag.PRP {
		return i + 1, true
	}
	if pcLower(toks[i].Text) == "her" && (i+1 == len(toks) || !nounPhraseTag(toks[i+1].PTB)) {
		return i + 1, true // "me and her met": not the possessive
	}
	k := i
	for k < len(toks) && k-i < 4 && nounPhraseTag(toks[k].PTB) {
		k++
	}
	if k == i || !nounTag(toks[k-1].PTB) {
		return 0, false
	}
	return k, true
}

// conjunctStart returns the start of a short noun phrase ending just
// before the conjunction at j.
func conjunctStart(toks []analysis.Token, j int) (int, bool) {
	if toks[j-1].PTB == tag.PRP {
		if pcLower(toks[j-1].Text) == "i" {
			return 0, false
		}
		return j - 1, true
	}
	if !nounTag(toks[j-1].PTB) {
		return 0, false
	}
	k := j - 1
	for k > 0 && j-k < 4 && nounPhraseTag(toks[k-1].PTB) {
		k--
	}
	return k, true
}

func nounTag(p tag.PTB) bool {
	return p == tag.NN || p == tag.NNS || p == tag.NNP || p == tag.NNPS
}

func nounPhraseTag(p tag.PTB) bool {
	switch p {
	case tag.DT, tag.PRPS, tag.JJ, tag.CD, tag.NN, tag.NNS, tag.NNP, tag.NNPS:
		return true
	}
	return false
}

// finiteNext reports whether a finite verb comes at i, after at most one
// adverb: the coordination before it is the verb's subject.
func finiteNext(toks []analysis.Token, i int) bool {
	if i < len(toks) && (toks[i].PTB == tag.RB) {
		i++
	}
	if i >= len(toks) {
		return false
	}
	switch toks[i].PTB {
	case tag.VBD, tag.VBZ, tag.VBP, tag.MD:
		return true
	case tag.VB:
		// The tagger reads a present verb after a coordination as a
		// base form ("him and her live next door"); after a noun phrase
		// at the start of a clause it cannot be an imperative.
		return true
	case tag.VBN:
		// "me and my dad built this table": a past tagged as a participle;
		// a real participle here would be a passive's ("… built by").
		return i+1 < len(toks) && pcLower(toks[i+1].Text) != "by"
	}
	// "her sister own a bakery": the tagger even reads the verb as a
	// preposition.
	if i+1 < len(toks) && toks[i].PTB == tag.IN && toks[i+1].PTB == tag.DT && pcLower(toks[i].Text) == "own" {
		return true
	}
	// A sentence the tagger found no verb in has one all the same: a
	// word that can be a plain verb after the subject ("Me and my sister
	// like pizza", "like" read as a preposition).
	// Something must follow it: "Me and my big mouth!" ends on its noun.
	if t := &toks[i]; t.Kind == token.Word && (t.PTB == tag.IN || t.PTB == tag.NN) && i+1 < len(toks) && toks[i+1].Kind != token.Punct && statementWithoutVerb(toks) &&
		morph.Default().Classes(pcLower(t.Text)).Has(morph.Verb, morph.Base) {
		return true
	}
	return false
}

// bareInfinitiveVerb reports whether t takes an object and a bare
// infinitive ("let you and I go", "made him and me wait"): after it a base
// verb does not show that the coordination is a subject.
func bareInfinitiveVerb(t *analysis.Token) bool {
	switch t.Lemma {
	case "let", "make", "see", "hear", "watch", "help", "have":
		return t.PTB != tag.IN && t.PTB != tag.TO
	}
	return false
}

// verbLater reports whether a verb that can have a subject comes after i
// in the same clause: "for you and I was worried". With bare, a base form
// does not count.
func verbLater(toks []analysis.Token, i int, bare bool) bool {
	for k := i; k < len(toks); k++ {
		t := &toks[k]
		if t.Kind == token.Punct {
			switch t.Text {
			case ",", ";", ":", ".", "!", "?", "—", ")":
				return false
			}
		}
		// A word the lexicon knows as no verb is none, whatever the
		// tagger, which expects one after "I", says: "for my partner and
		// I before the toast".
		if isVerbTag(t.PTB) && t.Kind == token.Word && !strings.Contains(t.Text, "'") && !morph.Default().Classes(pcLower(t.Text)).HasPOS(morph.Verb) {
			continue
		}
		switch t.PTB {
		case tag.VBP:
			// After let, make, see and the like, a plain form right after
			// the coordination is the bare infinitive, whatever the
			// tagger says: "Let you and I go together".
			if bare && k == i {
				continue
			}
			return true
		case tag.VBD, tag.VBZ, tag.MD, tag.CC:
			return t.PTB != tag.CC
		case tag.VB:
			if !bare && (k == 0 || toks[k-1].PTB != tag.TO) {
				return true
			}
		}
	}
	return false
}

// governs reports whether t takes the coordination after it as its
// object: a preposition (not a comparison or a subordinator), or a verb
// other than "be" and the verbs that take a clause.
func governs(t *analysis.Token) bool {
	w := pcLower(t.Text)
	switch t.PTB {
	case tag.IN, tag.TO:
		switch w {
		case "than", "as", "because", "if", "that", "while", "although", "though", "whether", "since", "until", "so", "once", "unless", "after", "before":
			return false
		}
		return true
	case tag.VB, tag.VBD, tag.VBG, tag.VBN, tag.VBP, tag.VBZ:
		switch t.Lemma {
		case "be", "become", "remain", "seem", "say", "think", "know", "believe", "hope", "guess", "feel", "suppose",
			"realise", "realize", "mean", "wish", "doubt", "assume", "reckon", "bet", "swear", "notice", "claim",
			"insist", "agree", "understand", "decide", "remember", "forget", "figure", "learn",
			"guarantee", "promise", "pray", "worry", "fear", "suspect", "admit", "confirm", "deny", "predict", "argue",
			"explain", "show", "prove", "imagine", "pretend", "note", "mention", "recall", "report", "ensure":
			return false
		}
		return true
	}
	return false
}

// pcLower is s in lower case for the comparisons of the pronoun rules; most
// words already are, and are returned as they are, without the allocation
// strings.ToLower would make.
func pcLower(s string) string {
	if len(s) > 12 {
		// No word these rules look for is longer; inline code and URLs,
		// which can be long, are not lowered at all.
		return s
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// subjectForm and objectForm give a pronoun in the other case, and any
// other word as written ("Sarah", "my").
func subjectForm(w string) string {
	if s, ok := objectToSubject[pcLower(w)]; ok {
		return s
	}
	if pcLower(w) == "i" {
		return "I"
	}
	return w
}

func objectForm(w string) string {
	if s, ok := subjectToObject[pcLower(w)]; ok {
		return s
	}
	return w
}

// conjunctText writes a conjunct's tokens, a one-word pronoun conjunct in
// the form f gives; the other words keep their text ("her sister").
func conjunctText(ts []analysis.Token, f func(string) string) string {
	if len(ts) == 1 {
		return f(ts[0].Text)
	}
	parts := make([]string, len(ts))
	for i := range ts {
		parts[i] = ts[i].Text
	}
	if len(parts) > 0 && parts[0] != "I" && isPronounWord(parts[0]) {
		parts[0] = pcLower(parts[0])
	}
	return strings.Join(parts, " ")
}

func isPronounWord(w string) bool {
	switch pcLower(w) {
	case "my", "your", "his", "her", "our", "their", "its", "the", "a", "an", "this", "that":
		return true
	}
	return false
}
