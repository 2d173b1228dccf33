package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// This file finds the subject of a verb further away than the agreement
// patterns look: a noun phrase that opens a clause inside the sentence
// ("the manager says that the new hires …", "When the guests …", "…,
// a colleague …"), with any number of modifiers, and a head separated
// from its verb by prepositional phrases ("the printer on the second
// floor"), a relative clause between commas ("the reviewer, who had read
// every chapter twice, …") or a short relative clause without them ("the
// report that the consultants wrote for us …"). What the verb must agree
// with is then the head noun, whose number the tagger and the lexicon
// both give.

// subjectPhrase is a noun phrase read as a verb's subject: the head noun
// and the verb it was followed by.
type subjectPhrase struct {
	head, verb int
	// asVerb: the clause has no verb, and the verb is a word the tagger
	// read as a noun or an adjective ("when the kettle boil,"); subord:
	// the clause opens with a subordinator, not a comma or the sentence.
	asVerb, subord bool
	// relative: a relative clause came between the head and the verb.
	relative bool
}

// distantSingularSubjects returns, for each verb after a singular noun
// subject that opens a clause, the subject: the cases the checks in
// singularSubjectPlainVerb do not reach. The verb is the token right
// after the subject's last word, or after one adverb.
func distantSingularSubjects(toks []analysis.Token) []subjectPhrase {
	var out []subjectPhrase
	lex := morph.Default()
	first := firstWordIndex(toks)
	for s := range toks {
		// Every subject read here begins with its determiner.
		if toks[s].PTB != tag.DT && toks[s].PTB != tag.PRPS || !clauseSubjectStart(toks, s, first) {
			continue
		}
		// A clause opened by a subordinator, or the comma after a
		// sentence-opening one ("Although the road is icy, the bus …").
		subord := s != first && (subordinator(toks[s-1].Text) || toks[s-1].Text == "," && subordinator(toks[first].Text))
		found := false
		if e := verblessClauseEnd(toks, s); e > 0 {
			// The tagger reads a verb that does not agree as a noun or an
			// adjective ("When the kettle boil", "that the valve open
			// only"): in a clause with no verb, the first word after the
			// subject and its phrases that may be a plain verb is read as
			// the verb.
			for c := s + 2; c < e; c++ {
				t := &toks[c]
				if t.PTB != tag.NN && t.PTB != tag.JJ || capitalisedWord(t.Text) || !lex.Classes(strings.ToLower(t.Text)).Has(morph.Verb, morph.Base) {
					continue
				}
				// "an extension name such as json": "such as" gives
				// examples of a noun, never follows a verb.
				if c+2 < len(toks) && strings.EqualFold(toks[c+1].Text, "such") && strings.EqualFold(toks[c+2].Text, "as") {
					continue
				}
				head, end, det := nounPhrase(toks[:c], s)
				if head < 0 || !det {
					continue
				}
				if end == c || postModifiersEnd(toks[:c], head, end) == c {
					out = append(out, subjectPhrase{head: head, verb: c, asVerb: true, subord: subord})
					found = true
					break
				}
			}
		}
		if found {
			continue
		}
		head, end, det := nounPhrase(toks, s)
		if head < 0 || !det {
			continue
		}
		v, rel := afterPostModifiers(toks, head, end)
		if v < 0 {
			continue
		}
		out = append(out, subjectPhrase{head: head, verb: v, subord: subord, relative: rel})
	}
	return out
}

// verblessClauseEnd returns the index of the punctuation that ends the
// clause beginning at toks[s] (or len(toks)) when the clause holds no
// verb, auxiliary or modal and nothing that could begin another clause
// or join another phrase to the subject — a conjunction, a subordinator,
// a relative word ("if the input value or any other value is",
// "though these work from the shell from which …"); otherwise -1.
func verblessClauseEnd(toks []analysis.Token, s int) int {
	for k := s; k < len(toks); k++ {
		t := &toks[k]
		if t.Kind == token.Punct && t.Text != "-" && t.PTB != tag.POS && t.PTB != tag.HYPH {
			return k
		}
		if t.UPOS == tag.VERB || t.UPOS == tag.AUX || t.PTB == tag.MD || t.UPOS == tag.CCONJ || t.UPOS == tag.SCONJ ||
			t.PTB == tag.WDT || t.PTB == tag.WP || t.PTB == tag.WRB || t.Kind != token.Word && t.Kind != token.Number {
			return -1
		}
	}
	return len(toks)
}

// clauseSubjectStart reports whether a subject may begin at toks[s]: the
// sentence's first word (toks[first]), or the word after a word that opens a clause
// ("that", "when", "if", "because", …), after a comma that closes an
// opening clause or phrase, or after ", and" / ", but".
func clauseSubjectStart(toks []analysis.Token, s, first int) bool {
	if toks[s].Kind != token.Word {
		return false
	}
	if s == first {
		return true
	}
	p := &toks[s-1]
	// After a time phrase that opens the sentence: "Every morning my
	// neighbour …", "Last week the printers …".
	if s-2 == first && timeNoun(strings.ToLower(p.Text)) && isAnyOf(toks[first].Text, "every", "each", "last", "next", "this", "that", "one", "some") {
		return true
	}
	if p.Text == "," {
		// Not an item of a list or an apposition: the comma follows a
		// clause or phrase of at least three words.
		return s >= 4
	}
	w := strings.ToLower(p.Text)
	// After a verb of saying or thinking, whose clause may leave out
	// "that": "I think the new manager want …" (not "let", "make",
	// "see", "help", whose object a plain verb follows; and a finite
	// verb, not "Knowing the rules helps").
	if p.UPOS == tag.VERB && (p.PTB == tag.VBD || p.PTB == tag.VBP || p.PTB == tag.VBZ) && sayingVerb(p.Lemma) {
		return true
	}
	switch w {
	case "that":
		// "that" as a determiner begins the phrase itself.
		return p.PTB != tag.DT
	case "when", "if", "because", "although", "though", "while", "once", "unless", "whenever", "where",
		"wherever", "whereas":
		// Not "after", "before", "since", "until": as prepositions they
		// begin a phrase that may end before the verb ("the lines before
		// the list continuation are"), or invert one ("After the header
		// are the fields").
		return true
	case "and", "but", "so":
		return s >= 2 && toks[s-2].Text == ","
	}
	return false
}

// subordinator reports whether w opens a subordinate clause whose
// subject follows it.
func subordinator(w string) bool {
	switch strings.ToLower(w) {
	case "when", "if", "because", "although", "though", "while", "once", "unless", "whenever", "where",
		"wherever", "whereas", "that":
		return true
	}
	return false
}

// nounPhrase reads a noun phrase that begins at toks[i]: a determiner or
// possessive (det reports one), then modifiers — adjectives, numbers,
// nouns, a possessive "'s" — and a common noun as its head. It returns
// the head's index and the index after the phrase, or -1.
func nounPhrase(toks []analysis.Token, i int) (head, end int, det bool) {
	j := i
	if j < len(toks) && (toks[j].PTB == tag.DT && isAnyOf(toks[j].Text, "the", "a", "an", "this", "that", "these", "those", "every", "each", "no", "another") || toks[j].PTB == tag.PRPS) {
		det = true
		j++
	}
	head = -1
	for n := 0; j < len(toks) && n < 6; n, j = n+1, j+1 {
		t := &toks[j]
		if nextDoor(toks, j) > j {
			break // "the man next door": a phrase after the head
		}
		if t.Kind != token.Word && t.PTB != tag.POS && t.PTB != tag.CD && t.PTB != tag.HYPH {
			break
		}
		switch t.PTB {
		case tag.JJ, tag.JJR, tag.JJS, tag.CD, tag.POS, tag.HYPH, tag.NNP, tag.NNPS:
			continue
		case tag.NN, tag.NNS:
			head = j
			continue
		}
		break
	}
	if head < 0 || head != j-1 {
		return -1, -1, det
	}
	return head, j, det
}

// objectPhrase reads the object of a preposition at toks[i]: a noun
// phrase, a name or an object pronoun. It returns the index after it, or
// -1.
func objectPhrase(toks []analysis.Token, i int) int {
	if i >= len(toks) {
		return -1
	}
	if t := &toks[i]; t.PTB == tag.PRP && isAnyOf(t.Text, "me", "him", "her", "us", "them", "it", "you") {
		return i + 1
	}
	j := i
	if toks[j].PTB == tag.DT || toks[j].PTB == tag.PRPS {
		j++
	}
	k := j
	for k < len(toks) && k-j < 6 {
		switch toks[k].PTB {
		case tag.JJ, tag.JJR, tag.JJS, tag.RBS, tag.CD, tag.POS, tag.HYPH, tag.NN, tag.NNS, tag.NNP, tag.NNPS:
			k++
			continue
		}
		break
	}
	if k == j {
		return -1
	}
	switch toks[k-1].PTB {
	case tag.NN, tag.NNS, tag.NNP, tag.NNPS, tag.CD:
		return k
	}
	return -1
}

// subjectPrepositions are the prepositions whose phrase may follow a
// subject's head and say which one it is.
func subjectPreposition(w string) bool {
	switch strings.ToLower(w) {
	case "of", "in", "on", "at", "near", "under", "behind", "beside", "from", "with", "by", "for", "to", "inside",
		"outside", "above", "below", "over", "across", "around", "along", "without", "among", "beneath", "about":
		return true
	}
	return false
}

// afterPostModifiers returns the index of the verb that follows the
// subject whose head is toks[head] and that ends before end, past the
// phrases that may modify the head: up to three prepositional phrases, a
// relative clause between commas, a short relative clause without them,
// and one adverb. It returns -1 where what follows is not that shape, or
// the head is joined to another noun.
func afterPostModifiers(toks []analysis.Token, head, end int) (verb int, relative bool) {
	k := postModifiersEnd(toks, head, end)
	if k < 0 || k >= len(toks) {
		return -1, false
	}
	switch {
	case toks[k].Text == "," && (isAnyOf(tokenText(toks, k+1), "who", "which") || addedPhrase(toks, k+1)):
		// ", who had read every chapter twice,", ", as well as the
		// dogs,": to the next comma.
		c := k + 2
		for c < len(toks) && c < k+16 && toks[c].Text != "," {
			if toks[c].Kind == token.Punct && toks[c].Text != "-" {
				return -1, false
			}
			c++
		}
		if c >= len(toks) || toks[c].Text != "," || c == k+2 {
			return -1, false
		}
		k = c + 1
		relative = true
	case isAnyOf(toks[k].Text, "who", "that", "which") && k == end:
		k = afterRelativeClause(toks, k)
		if k < 0 {
			return -1, false
		}
		relative = true
	}
	if k < len(toks) && toks[k].PTB == tag.RB && !negation(toks[k].Text) {
		k++
	}
	if k >= len(toks) {
		return -1, false
	}
	return k, relative
}

// afterRelativeClause returns the index after a short relative clause
// that begins with the relative word at toks[r]: its own subject (a noun
// phrase or a pronoun) or none, its finite verb, and then only what
// cannot begin a clause of its own: an object pronoun, a particle or an
// adverb, prepositional phrases; an object noun phrase only after a verb
// that does not take a clause ("who fixed the cars", not "who said the
// kids …"). It returns -1 where the clause is not that shape.
func afterRelativeClause(toks []analysis.Token, r int) int {
	k := r + 1
	if k < len(toks) && toks[k].PTB == tag.PRP && isAnyOf(toks[k].Text, "we", "they", "he", "she", "i", "you") {
		k++
	} else if h, e, _ := nounPhrase(toks, k); h >= 0 {
		k = e
	}
	if k >= len(toks) {
		return -1
	}
	v := &toks[k]
	if v.UPOS != tag.VERB && v.UPOS != tag.AUX || v.PTB != tag.VBD && v.PTB != tag.VBZ && v.PTB != tag.VBP {
		return -1
	}
	k++
	if v.UPOS == tag.AUX {
		// "that was written", "who has left": an auxiliary with its verb.
		if !isAnyOf(v.Lemma, "be", "have") || k >= len(toks) || toks[k].PTB != tag.VBN && toks[k].PTB != tag.VBG {
			return -1
		}
		k++
	}
	if e := nextDoor(toks, k); e > k {
		return e // "the man who lives next door own …": the clause ends there
	}
	if k < len(toks) && (toks[k].PTB == tag.RP || toks[k].PTB == tag.RB && !negation(toks[k].Text)) {
		k++
	}
	if k < len(toks) && toks[k].PTB == tag.PRP && isAnyOf(toks[k].Text, "me", "him", "her", "us", "them", "it") {
		k++
	} else if _, e, _ := nounPhrase(toks, k); e > 0 {
		if clauseTakingVerb(v.Lemma) {
			return -1 // "who said the kids …": the phrase may be a clause's subject
		}
		k = e
	}
	for n := 0; n < 2 && k < len(toks) && toks[k].PTB == tag.IN && subjectPreposition(toks[k].Text); n++ {
		e := objectPhrase(toks, k+1)
		if e < 0 {
			return -1
		}
		k = e
	}
	if k == r+2 {
		return -1 // a verb alone may be the main one: "the man who knows"
	}
	return k
}

// postModifiersEnd returns the index after the prepositional phrases (up
// to three) that follow the noun phrase toks[head:end] and say which
// thing its head is: "the printer on the second floor", "the switch next
// to the doors". It returns -1 where a preposition has no object.
func postModifiersEnd(toks []analysis.Token, head, end int) int {
	k := end
	if e := nextDoor(toks, k); e > k {
		return e // "the man next door", an adverb of place
	}
	for n := 0; n < 3 && k < len(toks); n++ {
		p := k
		// "next to", "right behind", "just outside".
		if toks[p].PTB == tag.RB && isAnyOf(toks[p].Text, "next", "right", "just", "directly", "close") && p+1 < len(toks) {
			p++
		}
		if toks[p].PTB != tag.IN || !subjectPreposition(toks[p].Text) {
			break
		}
		// "The number of visitors has", "the total of the bills is": with
		// "the", these are one number.
		theNumber := isAnyOf(toks[head].Text, "number", "total") && head > 0 && strings.EqualFold(toks[head-1].Text, "the")
		if strings.EqualFold(toks[p].Text, "of") && quantityHead(strings.ToLower(toks[head].Text)) && !theNumber {
			return -1 // "the rest of the files are": the number is the phrase's
		}
		e := objectPhrase(toks, p+1)
		if e < 0 {
			return -1
		}
		// "the price of petrol and diesel": a second bare noun joined
		// inside the phrase (with a determiner it may be a second
		// subject: "the price of petrol and the tax").
		if e+1 < len(toks) && isAnyOf(toks[e].Text, "and", "or") && (toks[e+1].PTB == tag.NN || toks[e+1].PTB == tag.NNS) {
			if e2 := objectPhrase(toks, e+1); e2 > 0 {
				e = e2
			}
		}
		k = e
	}
	return k
}

// quantityHead reports whether w is a noun of amount or of a group whose
// "of" phrase gives the number: "a number of tests fail", "the rest of the
// files are", "a team of engineers are".
func quantityHead(w string) bool {
	switch w {
	case "number", "lot", "lots", "couple", "variety", "majority", "minority", "rest", "range", "host", "group",
		"bunch", "pair", "handful", "total", "plenty", "kind", "sort", "type", "percent", "percentage",
		"proportion", "half", "part", "portion", "fraction", "bulk", "remainder", "dozen", "series", "mix",
		"mixture", "multitude", "abundance", "quarter", "third", "amount", "average", "set", "subset",
		"selection", "assortment", "array", "collection", "body", "none", "all", "some", "any", "most", "each",
		"one", "either", "neither", "whole", "full", "lack", "absence", "shortage", "surplus", "category":
		return true
	}
	return collective(w)
}

// distantSingularMatch reads the verb at sp.verb after the singular head
// sp.head and returns its replacement, or "" where the verb agrees or
// may: "are", "were", "have", "do" and a plain present of a verb the
// lexicon cannot read as a past, followed by what a verb takes.
func distantSingularMatch(toks []analysis.Token, sp subjectPhrase) string {
	lex := morph.Default()
	n := &toks[sp.head]
	w := strings.ToLower(n.Text)
	// Not a time ("…, but this time pass a selector"): an adverb of time,
	// before an imperative as often as a subject; nor "anything",
	// "something", which the tagger may read as nouns.
	if isAnyOf(w, "anything", "something", "nothing", "everything", "one") {
		return ""
	}
	theNumber := (w == "number" || w == "total") && sp.head > 0 && strings.EqualFold(toks[sp.head-1].Text, "the")
	if n.PTB != tag.NN || capitalisedWord(n.Text) || collective(w) || countedAsOne(w) && !theNumber || pluralSenseNoun(w) || timeNoun(w) {
		return ""
	}
	if next := tokenAt(toks, sp.head+1); next != nil && (next.UPOS == tag.CCONJ || next.PTB == tag.POS) {
		return ""
	}
	if subjunctive(toks, sp.head) {
		return ""
	}
	v := &toks[sp.verb]
	vw := strings.ToLower(v.Text)
	if v.Kind != token.Word || capitalisedWord(v.Text) {
		return ""
	}
	switch {
	case sp.asVerb:
	case v.UPOS == tag.AUX && v.PTB == tag.VBD && vw == "were":
		if wereSubjunctive(toks, sp.head) {
			return ""
		}
		return "was"
	case (v.UPOS == tag.AUX || v.UPOS == tag.VERB) && (v.PTB == tag.VBP || v.PTB == tag.VB) && isAnyOf(vw, "are", "have", "do"):
		if vw == "do" && !negation(tokenText(toks, sp.verb+1)) {
			return "" // "do" as a main verb may be an imperative's: "…, the rest do later"
		}
		return map[string]string{"are": "is", "have": "has", "do": "does"}[vw]
	case v.UPOS == tag.VERB && (v.PTB == tag.VBP || v.PTB == tag.VB):
	case sp.relative && (v.PTB == tag.JJ || v.PTB == tag.NN):
		// After a relative clause the tagger may read the main verb as
		// an adjective or a noun ("the man who lives next door own three
		// cars"): read only before a determiner or a number, below.
	default:
		return ""
	}
	lemma, c, ok := plainOnlyVerb(lex, toks, sp.verb, vw)
	if !ok {
		return ""
	}
	// What follows must be what a verb takes: a noun may form a compound
	// with a plain form ("the approach run during which").
	next := tokenAt(toks, sp.verb+1)
	if next == nil {
		return ""
	}
	if next.Kind == token.Punct {
		// The clause ends at the verb: only after a subordinator, as a
		// list item or an apposition ends so too ("…, and an open
		// sequence pattern."), and before a comma only where a clause
		// follows it ("When the kettle boil, pour …"; not "when the
		// sender side, tx, is dropped").
		opener := strings.ToLower(toks[sp.head].Text)
		if b := sp.head - 1; b >= 0 {
			for b > 0 && toks[b].Kind == token.Word && !subordinator(toks[b].Text) && toks[b].Text != "," {
				b--
			}
			opener = strings.ToLower(toks[b].Text)
		}
		if !sp.subord || !subordinator(opener) {
			return ""
		}
		switch next.Text {
		case ".", "!", "?", ";":
			return inflect3sg(lex, lemma, vw)
		case ",":
			if a := tokenAt(toks, sp.verb+2); a != nil && (a.PTB == tag.VB || a.PTB == tag.DT ||
				a.PTB == tag.PRP && isAnyOf(a.Text, "i", "you", "he", "she", "it", "we", "they")) {
				return inflect3sg(lex, lemma, vw)
			}
		}
		return ""
	}
	if sp.relative && (v.PTB == tag.JJ || v.PTB == tag.NN) && next.PTB != tag.DT && next.PTB != tag.PRPS && next.PTB != tag.CD {
		return ""
	}
	switch next.PTB {
	case tag.DT, tag.PRPS, tag.JJ, tag.TO, tag.CD:
	case tag.VBG, tag.NNP:
		// "The list of requirements keep growing", "who lives in Rome
		// speak Italian": not after a word the tagger read as a noun.
		if sp.asVerb {
			return ""
		}
	case tag.PRP:
		if !isAnyOf(next.Text, "me", "him", "her", "us", "them", "it", "you") {
			return ""
		}
	case tag.RB:
		// An adverb of manner or time is no word of a compound ("the
		// engine start easily", "the battery die so quickly").
		// A word the tagger read as a noun is read so only after a
		// subordinator ("…can know the return value instantly").
		if (c.HasPOS(morph.Noun) || sp.asVerb) && !verbAdverb(next.Text) || sp.asVerb && !directSubordinator(toks, sp.head) {
			return ""
		}
	case tag.IN, tag.RP:
		// After a subordinator a clause whose only verb this is, or that
		// has none the tagger saw, needs it ("that the meeting start at
		// nine"); not before "of", "as", "than" or "like", which a noun
		// takes.
		direct := sp.subord && subordinator(tokenText(toks, sp.head-1)) || sp.subord && directSubordinator(toks, sp.head)
		if isAnyOf(next.Text, "of", "as", "than", "like") ||
			(c.HasPOS(morph.Noun) || sp.asVerb) && !(direct && (sp.asVerb || onlyVerbInClause(toks, sp.verb))) {
			return ""
		}
	default:
		return ""
	}
	return inflect3sg(lex, lemma, vw)
}

// inflect3sg is the -s form of the verb lemma, or "" where it is the form
// w already.
func inflect3sg(lex *morph.Lexicon, lemma, w string) string {
	s := lex.Inflect(lemma, morph.Verb, morph.ThirdSingular)
	if s == "" || s == w {
		return ""
	}
	return s
}

// pluralSenseNoun reports whether the singular w names a group of people
// and takes a plural verb: "the elderly who live alone", "the gentry own".
func pluralSenseNoun(w string) bool {
	switch w {
	case "gentry", "nobility", "aristocracy", "peasantry", "elderly", "youth", "poor", "rich", "wealthy",
		"homeless", "unemployed", "young", "old", "faithful", "royalty", "laity", "intelligentsia", "elite",
		"majority", "minority", "folk", "livestock", "poultry", "vermin", "infantry", "cavalry", "militia",
		"workforce", "electorate", "citizenry", "pair", "couple", "trio":
		return true
	}
	return false
}

// wereSubjunctive reports whether a word before the subject at i makes
// "were" after it a subjunctive: "if the printer were working", "I wish
// the office were closer", "as though the room were empty", "let's say
// the count were two".
func wereSubjunctive(toks []analysis.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch strings.ToLower(toks[k].Text) {
		case "if", "wish", "wished", "though", "unless", "suppose", "supposing", "imagine", "only", "rather", "whether", "say":
			return true
		}
	}
	return false
}

// timeNoun reports whether w names a time that a phrase of time such as
// "every morning" or "last week" is made with.
func timeNoun(w string) bool {
	switch w {
	case "morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "summer",
		"winter", "spring", "autumn", "season", "term", "semester", "quarter", "time", "monday", "tuesday",
		"wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// sayingVerb reports whether the lemma is a verb of saying, thinking or
// knowing whose object may be a clause without "that".
func sayingVerb(lemma string) bool {
	switch strings.ToLower(lemma) {
	case "think", "believe", "say", "know", "hope", "guess", "suppose", "reckon", "assume", "claim", "argue",
		"doubt", "bet", "imagine", "realise", "realize", "understand", "fear", "admit", "confirm", "suspect",
		"mean", "explain", "report", "swear", "complain":
		return true
	}
	return false
}

// nextDoor returns the index after "next door" at toks[i], or i: a phrase
// of place that follows a noun or a verb as an adverb does, which the
// tagger reads as an adjective and a noun.
func nextDoor(toks []analysis.Token, i int) int {
	if i+1 < len(toks) && strings.EqualFold(toks[i].Text, "next") && strings.EqualFold(toks[i+1].Text, "door") {
		return i + 2
	}
	return i
}

// addedPhrase reports whether toks[i] begins a phrase that adds to a
// subject without joining it, set off by commas, after which the verb
// agrees with the subject alone: "the cat, as well as the dogs, needs",
// "the captain, along with her crew, was".
func addedPhrase(toks []analysis.Token, i int) bool {
	w := strings.ToLower(tokenText(toks, i))
	switch w {
	case "including", "like", "besides":
		return true
	case "as":
		return strings.EqualFold(tokenText(toks, i+1), "well") && strings.EqualFold(tokenText(toks, i+2), "as")
	case "along", "together":
		return strings.EqualFold(tokenText(toks, i+1), "with")
	}
	return false
}

// verbAdverb reports whether w is an adverb that follows a verb and not a
// noun: one in -ly, or one of time or degree ("again", "early", "so").
func verbAdverb(w string) bool {
	w = strings.ToLower(w)
	if len(w) > 4 && strings.HasSuffix(w, "ly") && !isAnyOf(w, "only", "early", "daily", "weekly", "monthly", "yearly", "family", "supply", "reply", "rally", "belly", "jelly", "bully") {
		return true
	}
	return isAnyOf(w, "early", "late", "again", "so", "too", "very", "fast", "hard", "well", "often", "always", "never", "soon", "still")
}

// onlyVerbInClause reports whether toks[j] is the one verb, auxiliary or
// modal between the punctuation before it and the punctuation after it.
func onlyVerbInClause(toks []analysis.Token, j int) bool {
	for _, step := range []int{-1, 1} {
		for k := j + step; k >= 0 && k < len(toks); k += step {
			t := &toks[k]
			if t.Kind == token.Punct && t.Text != "-" {
				break
			}
			if t.UPOS == tag.VERB || t.UPOS == tag.AUX || t.PTB == tag.MD {
				return false
			}
		}
	}
	return true
}

// directSubordinator reports whether the noun phrase whose head is
// toks[head] begins right after a subordinator: "that the new meeting".
func directSubordinator(toks []analysis.Token, head int) bool {
	for k := head - 1; k >= 0; k-- {
		t := &toks[k]
		switch {
		case t.PTB == tag.DT || t.PTB == tag.PRPS || t.PTB == tag.JJ || t.PTB == tag.NN || t.PTB == tag.CD || t.PTB == tag.POS:
			continue
		case subordinator(t.Text):
			return true
		}
		return false
	}
	return false
}
