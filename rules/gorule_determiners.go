package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// Determiner–noun number (issue 15, category 4). These are Go rules
// because what they must leave alone is a property of the noun's word
// that a pattern cannot negate — the lexicon's other readings of it: a
// form in -s that is also a singular noun (series, means, news, lens), a
// singular form that is also its plural (sheep, aircraft, data), a plural
// that is also a verb (results, needs, works) after a determiner that is
// also a pronoun (this, that, each, one).

// singularDeterminerPlural flags a, an, every, each, this, that and one
// before a plural noun ("this errors", "a books", "every files") and
// offers the singular noun, or for this/that the plural determiner.
func singularDeterminerPlural(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	for i := 0; i+1 < len(toks); i++ {
		// The tags first: they are cheaper than the word. A plural the
		// tagger bent to the determiner ("take this pills", "bought this
		// shoes": NN, VBZ) is read where "this" is an object: see
		// bentPlural.
		if p := toks[i].PTB; p != tag.DT && p != tag.CD || titleWord(toks, i) {
			continue
		}
		if m, ok := articleAdjectivePlural(lex, toks, i); ok {
			out = append(out, m)
			continue
		}
		if toks[i+1].PTB != tag.NNS {
			if bentPlural(lex, toks, i) {
				n := &toks[i+1]
				sing := lex.Lemma(strings.ToLower(n.Text), morph.Noun)
				if sing != "" && !strings.EqualFold(sing, n.Text) {
					d := toks[i].Text
					reps := []string{morph.MatchCase(d, "these") + " " + n.Text, d + " " + sing}
					if !strings.EqualFold(d, "this") {
						reps = []string{d + " " + sing, n.Text}
					}
					out = append(out, GoMatch{Start: i, End: i + 2, Replacements: reps})
				}
			}
			continue
		}
		det := strings.ToLower(toks[i].Text)
		// "The a stands for atomic": an article after "the" is the word
		// itself, named, and no determiner of what follows.
		if prev := tokenAt(toks, i-1); prev != nil && (det == "a" || det == "an") && strings.EqualFold(prev.Text, "the") {
			continue
		}
		switch det {
		case "a", "an", "every", "each", "this", "that":
			if toks[i].PTB != tag.DT {
				continue
			}
		case "one":
			if toks[i].PTB != tag.CD {
				continue
			}
		default:
			continue
		}
		n := &toks[i+1]
		if n.PTB != tag.NNS || n.Kind != token.Word || capitalisedWord(n.Text) {
			continue
		}
		w := strings.ToLower(n.Text)
		c := lex.Classes(w)
		if c == 0 || readAsSingular(lex, w) || pluralTakenAsOne(w) {
			continue
		}
		next := tokenAt(toks, i+2)
		// A verb reading the lexicon only derives from the noun ("errors"
		// from "error") is no verb.
		verbLike := c.HasPOS(morph.Verb) && c&morph.ClassDerived == 0
		prev := tokenAt(toks, i-1)
		// After a preposition, or "only one", the determiner heads a noun
		// phrase and is no pronoun: "with this changes", "only one pages".
		// After a verb, or "only one", "one" is no subject but a
		// determiner: "has only one pages", "buy one tickets".
		if det == "one" && prev != nil && (prev.UPOS == tag.VERB || prev.UPOS == tag.AUX || isAnyOf(prev.Text, "only", "just", "exactly", "least")) {
			verbLike = false
			if next != nil && modifierSlot(next) {
				continue
			}
		}
		// A noun the lexicon knows only as a noun, read as a verb, is the
		// head the plural modifies: "have this shims directory".
		if next != nil && next.UPOS == tag.VERB && nounOnly(lex, next) {
			continue
		}
		switch det {
		case "a", "an", "every":
			// "a sales team", "Type A errors", "every days' work"; and a
			// noun the tagger read as a plain verb, which cannot follow
			// "a" and a plural: "an equals sign".
			if next != nil && (modifierSlot(next) || next.PTB == tag.VB && lex.Classes(strings.ToLower(next.Text)).HasPOS(morph.Noun)) {
				continue
			}
			// So is a present-tense "verb" the lexicon knows as a noun
			// where the phrase cannot be a subject with its verb: in an
			// object's place ("we type an equals sign"), or with a finite
			// verb of the clause still to come ("an equals sign in an
			// expression can create"). "A cats sleep all day" has none.
			if next != nil && next.PTB == tag.VBP && lex.Classes(strings.ToLower(next.Text)).HasPOS(morph.Noun) &&
				(prev != nil && (prev.UPOS == tag.VERB || prev.UPOS == tag.ADP) || finiteVerbLater(toks, i+3)) {
				continue
			}
			// A capital "A" inside a sentence is a letter or a grade:
			// "grade A eggs", "plan A options".
			if i > 0 && (toks[i-1].UPOS == tag.NOUN || toks[i-1].UPOS == tag.PROPN || toks[i].Text == "A") {
				continue
			}
		case "this", "each", "one":
			// Also pronouns: "this results in", "one needs to". A plural
			// that is also a verb must be followed by a finite verb; one
			// that is not, by a verb, a preposition or the clause's end.
			// In an object's place, after a verb that takes no clause,
			// "this" is no subject, so the plural is no verb: "I have read
			// this articles twice" (not "I think this works").
			objectPlace := det == "this" && prev != nil && prev.UPOS == tag.VERB && !clauseTakingVerb(prev.Lemma)
			if objectPlace && next != nil && (clauseEnd(next) || next.UPOS == tag.ADP || next.PTB == tag.RB) {
				break
			}
			// A prepositional phrase and then a singular verb: the plural
			// is the subject's head, since "each" or "this" with a verb of
			// its own ("each houses a family") would not take a second
			// finite verb straight after that verb's phrase: "Each houses
			// on the street has a garden".
			if next != nil && next.PTB == tag.IN && next.UPOS == tag.ADP {
				if vi := skipPhrase(toks, i+3); vi > i+3 && vi < len(toks) && toks[vi].PTB == tag.VBZ {
					break
				}
			}
			if next == nil || !(finiteVerb(next) || !verbLike && (clauseEnd(next) || next.UPOS == tag.ADP)) {
				continue
			}
		case "that":
			// Also a complementiser ("he said that errors happen"): only
			// after a preposition that wants a noun phrase, before the
			// clause's end or a verb; or before a singular verb, which the
			// plural cannot be the subject of ("that houses is old").
			// Or at the sentence's start before the plural's finite verb
			// when no other follows: "That houses are for sale." ("That
			// prices rise is clear" has one: a subject clause).
			singularVerb := next != nil && isAnyOf(next.Text, "is", "was", "has", "does")
			// (A prepositional phrase may come between: "That books on
			// the shelf are old.")
			vi := i + 2
			if next != nil && next.PTB == tag.IN {
				vi = skipPhrase(toks, i+3)
			}
			opening := i == firstWordIndex(toks) && vi < len(toks) && finiteVerb(&toks[vi]) && !finiteVerbAfter(toks, vi+1)
			if !singularVerb && !opening && (i == 0 || !nounPhrasePreposition(toks[i-1].Text)) {
				continue
			}
			if !opening && !(next == nil || clauseEnd(next) || finiteVerb(next)) {
				continue
			}
		}
		sing := lex.Lemma(w, morph.Noun)
		if sing == "" || sing == w {
			continue
		}
		d := toks[i].Text
		var reps []string
		switch det {
		case "this":
			reps = []string{morph.MatchCase(d, "these") + " " + n.Text, d + " " + sing}
		case "that":
			reps = []string{morph.MatchCase(d, "those") + " " + n.Text, d + " " + sing}
		case "a", "an":
			reps = []string{d + " " + sing, morph.MatchCase(d, n.Text)}
		default:
			reps = []string{d + " " + sing}
		}
		out = append(out, GoMatch{Start: i, End: i + 2, Replacements: reps})
	}
	return out
}

// timePhraseAt reports whether a phrase of time begins at toks[i]: "this
// week", "last year", "every day" ("we interviewed three candidate this
// week").
func timePhraseAt(toks []analysis.Token, i int) bool {
	return i+1 < len(toks) && isAnyOf(toks[i].Text, "this", "last", "next", "every", "each") && timeNoun(strings.ToLower(toks[i+1].Text))
}

// articleAdjectivePlural reads "a", "an", "every" or "each" with one
// adjective before a plural noun ("a new shoes", "every small details"),
// which singularDeterminerPlural reads without the adjective. Only
// determiners that cannot be pronouns, an adjective the lexicon knows as
// one, and a plural that ends its phrase: not "a sales
// team" or "a new features list", nor the adjectives that make a quantity
// with "a" ("a few days", "a great many", "a good many", "a long ways").
func articleAdjectivePlural(lex *morph.Lexicon, toks []analysis.Token, i int) (GoMatch, bool) {
	if i+2 >= len(toks) || toks[i].PTB != tag.DT || toks[i+1].PTB != tag.JJ || toks[i+2].PTB != tag.NNS ||
		!isAnyOf(toks[i].Text, "a", "an", "every", "each") || toks[i].Text == "A" && i != firstWordIndex(toks) {
		return GoMatch{}, false
	}
	a, n := &toks[i+1], &toks[i+2]
	if a.PTB != tag.JJ || n.PTB != tag.NNS || n.Kind != token.Word || capitalisedWord(n.Text) || capitalisedWord(a.Text) {
		return GoMatch{}, false
	}
	if isAnyOf(a.Text, "few", "many", "great", "good", "whole", "couple", "other", "fun", "happy", "little", "long", "further", "extra", "additional", "mere", "full", "solid", "healthy", "hefty", "whopping", "staggering", "estimated", "cool", "special", "big") {
		return GoMatch{}, false
	}
	if !knownAdjective(lex, a) {
		return GoMatch{}, false
	}
	w := strings.ToLower(n.Text)
	if readAsSingular(lex, w) || pluralTakenAsOne(w) || countedAsOne(w) {
		return GoMatch{}, false
	}
	if next := tokenAt(toks, i+3); next != nil && (modifierSlot(next) || next.PTB == tag.POS || next.Kind == token.Word && nounOnly(lex, next)) {
		return GoMatch{}, false
	}
	// A plural that may be a verb with the adjective its subject ("an
	// attendant parks and retrieves it") is read only in an object's
	// place, after a verb or a preposition: "she bought a new shoes".
	p := tokenAt(toks, i-1)
	if lex.Classes(w).HasPOS(morph.Verb) && (p == nil || p.UPOS != tag.VERB && p.UPOS != tag.ADP) {
		return GoMatch{}, false
	}
	// "the pattern for each key matches the item": a noun the tagger read
	// as an adjective, then an -s verb with its object, is a subject and
	// its verb, after a preposition too.
	if next := tokenAt(toks, i+3); next != nil && (next.PTB == tag.DT || next.PTB == tag.PRPS) &&
		lex.Classes(w).HasPOS(morph.Verb) && lex.Classes(strings.ToLower(a.Text)).HasPOS(morph.Noun) {
		return GoMatch{}, false
	}
	sing := lex.Lemma(w, morph.Noun)
	if sing == "" || sing == w {
		return GoMatch{}, false
	}
	d := toks[i].Text
	reps := []string{d + " " + a.Text + " " + sing}
	if isAnyOf(d, "a", "an") {
		reps = append(reps, morph.MatchCase(d, a.Text)+" "+n.Text)
	}
	return GoMatch{Start: i, End: i + 3, Replacements: reps}, true
}

// pluralDeterminerSingular flags these, those, many, several, numerous, few,
// various, both and the numbers above one before a singular count noun
// ("these file", "many user", "two hour") and offers the plural noun.
func pluralDeterminerSingular(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	for i := 0; i+1 < len(toks); i++ {
		p := toks[i].PTB
		if p != tag.DT && p != tag.JJ && p != tag.CC && p != tag.PDT && p != tag.CD || titleWord(toks, i) {
			continue
		}
		// The noun, right after the determiner or after one adjective
		// ("three new shirt") or "more" ("a few more chair", "two more
		// day").
		ni := i + 1
		det := strings.ToLower(toks[i].Text)
		aFew := det == "few" && i > 0 && strings.EqualFold(toks[i-1].Text, "a")
		more := false
		if toks[ni].PTB == tag.JJ && ni+1 < len(toks) && toks[ni+1].PTB == tag.NN && knownAdjective(lex, &toks[ni]) {
			ni++
		} else if strings.EqualFold(toks[ni].Text, "more") && ni+1 < len(toks) && toks[ni+1].PTB == tag.NN &&
			(aFew || det == "several" || det == "many" || numberAboveOne(det)) {
			ni++
			more = true
		}
		if toks[ni].PTB != tag.NN {
			continue
		}
		if ni > i+1 && det != "several" && det != "many" && det != "numerous" && det != "various" && !numberAboveOne(det) && !more && !aFew {
			continue // "are these real leather?": these may be a pronoun
		}
		// After "a" the number and the adjective make one modifier: "a
		// two dimensional array". "A few more" counts.
		if ni > i+1 && i > 0 && !aFew && isAnyOf(toks[i-1].Text, "a", "an", "one", "each", "every") {
			continue
		}
		switch {
		case det == "these" || det == "those":
			if p != tag.DT {
				continue
			}
		case det == "many" || det == "several" || det == "numerous" || det == "various" || det == "few":
			if p != tag.JJ && p != tag.DT {
				continue
			}
		case det == "both":
			if p != tag.DT && p != tag.CC && p != tag.PDT {
				continue
			}
		case numberAboveOne(det):
			if p != tag.CD {
				continue
			}
			// A number that is a name or a range: "chapter two covers",
			// "one or two", "two-thirds".
			if i > 0 {
				prev := &toks[i-1]
				if prev.UPOS == tag.NOUN || prev.UPOS == tag.PROPN || prev.UPOS == tag.NUM {
					continue
				}
				switch strings.ToLower(prev.Text) {
				case "or", "to", "-", "–", "by", "x", "than":
					continue
				}
			}
		default:
			continue
		}
		n := &toks[ni]
		if n.PTB != tag.NN || n.Kind != token.Word || capitalisedWord(n.Text) {
			continue
		}
		w := strings.ToLower(n.Text)
		c := lex.Classes(w)
		// Not a word that may be an adjective the tagger read as a noun
		// ("two vertical posts", "several amber to coppery").
		if c == 0 || !c.Has(morph.Noun, morph.Base) || c.Has(morph.Noun, morph.Plural) || c.HasPOS(morph.Adj) || countedAsOne(w) || deicticTime(w) {
			continue
		}
		// "to shelter those getting in": "those" the pronoun, with a
		// participle the tagger read as a noun (those living nearby).
		if det == "those" && strings.HasSuffix(w, "ing") && c.HasPOS(morph.Verb) {
			continue
		}
		// A following token is required: a phrase cut off at the end
		// (a heading, a list item, a broken line) is no evidence.
		next := tokenAt(toks, ni+1)
		if next == nil || modifierSlot(next) || next.Text == "-" || pluralReadAsVerb(lex, next) {
			continue
		}
		if det == "both" && andWithin(toks, ni+1, 6) {
			continue
		}
		// A singular that is also a verb may be one after a pronoun
		// ("many fear that", "those use it", "these help."): only before
		// a finite verb. Otherwise before a verb, a preposition, a
		// conjunction or the clause's end.
		// Numbers and "both" are no pronouns before a noun; but "they both
		// work" has "both" after its subject.
		pronounLike := det == "these" || det == "those" || det == "many" || det == "several" || det == "numerous" || det == "various" || det == "both" || det == "few"
		if det == "both" && i > 0 && (toks[i-1].UPOS == tag.PRON || toks[i-1].UPOS == tag.NOUN || toks[i-1].UPOS == tag.PROPN) {
			continue
		}
		// After a verb the determiner is in an object's place and cannot
		// be a subject pronoun: "we bought several chair".
		// So is one with an adjective between.
		// So is one after "be": "there are many reason to stay".
		afterVerb := i > 0 && (toks[i-1].UPOS == tag.VERB || toks[i-1].UPOS == tag.AUX && strings.EqualFold(toks[i-1].Lemma, "be"))
		verbLike := pronounLike && !afterVerb && ni == i+1 && c.Has(morph.Verb, morph.Base)
		if !(finiteVerb(next) ||
			!verbLike && (clauseEnd(next) || next.UPOS == tag.ADP || next.UPOS == tag.VERB || next.UPOS == tag.AUX ||
				newNounPhraseAfter(toks, ni+1) || timeRelation(next) || next.UPOS == tag.ADV || timePhraseAt(toks, ni+1) || afterVerb && next.PTB == tag.TO)) {
			continue
		}
		if next != nil && strings.EqualFold(next.Text, "that") {
			continue
		}
		plural := lex.Inflect(lex.Lemma(w, morph.Noun), morph.Noun, morph.Plural)
		if plural == "" || plural == w {
			continue
		}
		rep := toks[i].Text + " " + plural
		if ni > i+1 {
			rep = toks[i].Text + " " + toks[i+1].Text + " " + plural
		}
		out = append(out, GoMatch{Start: i, End: ni + 1, Replacements: []string{rep}})
	}
	return out
}

// knownAdjective reports whether the lexicon knows t as an adjective, and
// not as a plural noun: with the tagger's JJ, a modifier the noun after
// it heads ("three new shirts"), not the head itself.
func knownAdjective(lex *morph.Lexicon, t *analysis.Token) bool {
	c := lex.Classes(strings.ToLower(t.Text))
	return c.HasPOS(morph.Adj) && !c.Has(morph.Noun, morph.Plural)
}

// timeRelation reports the adverbs that place a measure of time or
// distance before or after a point and follow its noun phrase: "two
// hours later", "three years ago", "a mile away".
func timeRelation(t *analysis.Token) bool {
	return t.UPOS == tag.ADV && isAnyOf(t.Text, "later", "ago", "earlier", "apart", "away", "before", "after")
}

// deicticTime reports the nouns that name a day or a night from the
// speaker's now and serve as adverbs of time, so that the determiner
// before them is a pronoun: "a replacement for many today", "we sold
// two yesterday".
func deicticTime(w string) bool {
	return isAnyOf(w, "today", "tonight", "tomorrow", "yesterday")
}

// oneOfTheSingular flags "one of the best player", "each of the
// student", "two of my friend": after one, each, either, neither,
// several, many, both, few or a number above one, and "of the" (or these,
// those, a possessive), the noun is plural. It offers the plural.
func oneOfTheSingular(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	for i := 0; i+3 < len(toks); i++ {
		if !strings.EqualFold(toks[i+1].Text, "of") ||
			!isAnyOf(toks[i].Text, "one", "each", "either", "neither", "several", "many", "both", "few") && !numberAboveOne(strings.ToLower(toks[i].Text)) {
			continue
		}
		switch strings.ToLower(toks[i+2].Text) {
		case "the", "these", "those", "my", "your", "his", "her", "its", "our", "their":
		default:
			continue
		}
		// Up to three modifiers: "one of the most widely used feature".
		j := i + 3
		superlative := false
		for k := 0; k < 3 && j < len(toks); k++ {
			t := &toks[j]
			if t.UPOS != tag.ADJ && t.UPOS != tag.ADV && t.PTB != tag.VBN && t.PTB != tag.CD {
				break
			}
			superlative = superlative || t.PTB == tag.JJS || t.PTB == tag.RBS
			j++
		}
		if j >= len(toks) {
			continue
		}
		n := &toks[j]
		if n.PTB != tag.NN || n.Kind != token.Word || capitalisedWord(n.Text) {
			continue
		}
		w := strings.ToLower(n.Text)
		c := lex.Classes(w)
		// A group whose member is meant ("one of the team") is not one
		// after a superlative, which ranks several groups: "one of the
		// oldest church in Europe".
		if c == 0 || c.Has(morph.Noun, morph.Plural) || c.HasPOS(morph.Adj) || countedAsOne(w) || collective(w) && (!superlative || !groupNoun(lex, w)) {
			continue
		}
		// What follows must end the noun phrase: not another noun, even
		// one the tagger read as a verb ("one of the state objects to").
		if next := tokenAt(toks, j+1); next == nil || !nounPhraseEnd(lex, next) {
			continue
		}
		// A whole whose members "of" names: "one of the system of
		// highways", "one of the pair of twins" is one highway, one twin.
		if ofPlural(toks, j+1) {
			continue
		}
		plural := lex.Inflect(lex.Lemma(w, morph.Noun), morph.Noun, morph.Plural)
		if plural == "" || plural == w {
			continue
		}
		out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{plural}})
	}
	return out
}

// groupNoun reports whether w, which collective lists, is a noun naming
// a group and not one of the words it lists that are no count noun ("the
// best", "the rest", "the following").
func groupNoun(lex *morph.Lexicon, w string) bool {
	if isAnyOf(w, "best", "rest", "same", "former", "latter", "following", "above", "below", "latest", "first", "last", "next", "most", "least", "public", "world", "personnel", "police", "staff", "clergy", "elite", "youth") {
		return false
	}
	return lex.Classes(w).HasPOS(morph.Noun)
}

// ofPlural reports whether toks[i] is "of" and a plural noun follows it,
// after at most a determiner and two modifiers.
func ofPlural(toks []analysis.Token, i int) bool {
	if i >= len(toks) || !strings.EqualFold(toks[i].Text, "of") {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		switch t := &toks[j]; {
		case t.PTB == tag.NNS:
			return true
		case t.PTB == tag.DT || t.UPOS == tag.ADJ || t.PTB == tag.CD || t.PTB == tag.PRPS:
		default:
			return false
		}
	}
	return false
}

// readAsSingular reports whether the lexicon's likeliest noun reading of
// w is a singular: "series", "means", "news", "lens" (but "days", whose
// singular "days" is rare beside the plural of "day").
func readAsSingular(lex *morph.Lexicon, w string) bool {
	for _, a := range lex.Analyze(w) {
		if a.POS == morph.Noun {
			return a.Form == morph.Base
		}
	}
	return false
}

// isAnyOf reports whether w is one of the words, ignoring case.
func isAnyOf(w string, words ...string) bool {
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// nounPhraseEnd reports whether t can follow the last word of a noun
// phrase: punctuation, a preposition, a conjunction, a relative word,
// "to", or a verb that is no noun too.
func nounPhraseEnd(lex *morph.Lexicon, t *analysis.Token) bool {
	if clauseEnd(t) {
		return true
	}
	// Not a conjunction: "one of the light or dark bands".
	switch t.UPOS {
	case tag.ADP, tag.SCONJ, tag.AUX:
		return true
	}
	switch t.PTB {
	case tag.TO, tag.WDT, tag.WP, tag.WRB, tag.MD:
		return true
	}
	if t.UPOS == tag.VERB && t.Kind == token.Word {
		// A past the lexicon knows is the verb, even where the form is
		// also a noun: "one of the best player left".
		c := lex.Classes(strings.ToLower(t.Text))
		return isAnyOf(t.Lemma, "be", "have", "do") || !c.HasPOS(morph.Noun) || (t.PTB == tag.VBD || t.PTB == tag.VBN) && c.Has(morph.Verb, morph.Past)
	}
	return false
}

// newNounPhraseAfter reports whether toks[i] is a conjunction that a new
// noun phrase follows ("five cat and a dog"), not a second modifier ("food
// and sport fishes").
func newNounPhraseAfter(toks []analysis.Token, i int) bool {
	if i+1 >= len(toks) || toks[i].UPOS != tag.CCONJ {
		return false
	}
	switch toks[i+1].PTB {
	case tag.DT, tag.PRPS:
		return true
	}
	return false
}

// pluralReadAsVerb reports whether t is a plural noun the tagger read as a
// verb: after a noun, the two are more often a compound — an -s form that
// is both ("four home runs", "several wrestling holds"), or a plural the
// lexicon knows only as a noun, such as a Latin one ("two gene loci").
func pluralReadAsVerb(lex *morph.Lexicon, t *analysis.Token) bool {
	if t.Kind != token.Word || t.UPOS != tag.VERB {
		return false
	}
	c := lex.Classes(strings.ToLower(t.Text))
	if !c.Has(morph.Noun, morph.Plural) {
		return false
	}
	return t.PTB == tag.VBZ || !c.HasPOS(morph.Verb)
}

// nounOnly reports whether the lexicon knows t as a noun and never as a
// verb.
func nounOnly(lex *morph.Lexicon, t *analysis.Token) bool {
	c := lex.Classes(strings.ToLower(t.Text))
	return c.HasPOS(morph.Noun) && !c.HasPOS(morph.Verb)
}

// titleWord reports whether toks[i] is capitalised inside its sentence: a
// title or a name ("The Gang of Four book", "Plan B"), which the
// determiner rules leave alone.
func titleWord(toks []analysis.Token, i int) bool {
	return capitalisedWord(toks[i].Text) && i != firstWordIndex(toks)
}

// tokenAt is toks[i], or nil past the end.
func tokenAt(toks []analysis.Token, i int) *analysis.Token {
	if i < 0 || i >= len(toks) {
		return nil
	}
	return &toks[i]
}

// capitalisedWord reports whether w begins with a capital letter (a name
// or a title: "A Series of Unfortunate Events", "Type A Errors").
func capitalisedWord(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// modifierSlot reports whether t, after a noun, shows that the noun
// modifies another or is possessed: "a sales team", "these error
// messages", "the team's".
func modifierSlot(t *analysis.Token) bool {
	switch t.UPOS {
	case tag.NOUN, tag.PROPN, tag.NUM, tag.X, tag.SYM:
		return true
	}
	// "a systems programming language", "a sales training course".
	return t.PTB == tag.POS || t.PTB == tag.VBG || t.Kind == token.Number
}

// finiteVerb reports whether t is a finite verb or a modal: what follows
// a subject.
func finiteVerb(t *analysis.Token) bool {
	switch t.PTB {
	case tag.MD, tag.VBD, tag.VBZ, tag.VBP:
		return true
	}
	return false
}

// finiteVerbLater reports whether a finite verb or a modal comes from
// toks[i] on, before the clause ends (punctuation, a conjunction, a
// relative or subordinating word): the verb of a subject that began
// before i.
func finiteVerbLater(toks []analysis.Token, i int) bool {
	for k := i; k < len(toks); k++ {
		t := &toks[k]
		if clauseEnd(t) || t.UPOS == tag.CCONJ || t.UPOS == tag.SCONJ {
			return false
		}
		switch t.PTB {
		case tag.WDT, tag.WP, tag.WRB:
			return false
		}
		if (t.UPOS == tag.VERB || t.UPOS == tag.AUX) && finiteVerb(t) {
			return true
		}
	}
	return false
}

// skipPhrase returns the index after the noun phrase that begins at i: a
// determiner or possessive, modifiers and nouns.
func skipPhrase(toks []analysis.Token, i int) int {
	for i < len(toks) && (nounPhraseTag(toks[i].PTB) || toks[i].PTB == tag.PRPS) {
		i++
	}
	return i
}

// finiteVerbAfter reports whether a verb or an auxiliary in a finite form
// comes anywhere from toks[i] on.
func finiteVerbAfter(toks []analysis.Token, i int) bool {
	for k := i; k < len(toks); k++ {
		if t := &toks[k]; (t.UPOS == tag.VERB || t.UPOS == tag.AUX) && finiteVerb(t) {
			return true
		}
	}
	return false
}

// clauseEnd reports whether t ends a clause: a full stop, comma, colon,
// semicolon, question or exclamation mark, or a closing bracket.
func clauseEnd(t *analysis.Token) bool {
	if t.Kind != token.Punct {
		return false
	}
	switch t.Text {
	case ".", ",", ":", ";", "?", "!", ")", "…":
		return true
	}
	return false
}

// andWithin reports whether "and" comes within n tokens from i: "both
// time and money".
func andWithin(toks []analysis.Token, i, n int) bool {
	for k := i; k < len(toks) && k < i+n; k++ {
		if strings.EqualFold(toks[k].Text, "and") {
			return true
		}
	}
	return false
}

// nounPhrasePreposition reports whether w is a preposition after which
// "that" is a determiner, not a conjunction ("of that files", but "so
// that", "in that", "except that").
func nounPhrasePreposition(w string) bool {
	switch strings.ToLower(w) {
	case "of", "on", "for", "with", "from", "at", "by", "about", "into", "onto", "without", "within",
		"through", "during", "under", "over", "among", "between", "against", "inside", "outside":
		return true
	}
	return false
}

// numberAboveOne reports whether w is a number word above one.
func numberAboveOne(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
		"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety":
		return true
	}
	return false
}

// pluralTakenAsOne reports whether the plural w is read as one thing or
// one amount after a singular determiner, or is a singular in -s the
// tagger may read as a plural: "a thanks", "this means", "a physics", "a
// bonus", "an analysis".
func pluralTakenAsOne(w string) bool {
	switch w {
	case "thanks", "congratulations", "congrats", "regards", "odds", "ends", "goods", "looks", "clothes",
		"glasses", "pants", "trousers", "scissors", "jeans", "shorts", "premises", "headquarters",
		"barracks", "whereabouts", "others", "lots", "loads", "tons", "times", "works", "means", "sales",
		"arms", "savings", "earnings", "proceeds", "remains", "contents", "terms", "minutes", "data",
		"media", "criteria", "people", "species", "series", "systems", "operations", "communications",
		"services", "relations", "affairs", "events", "parts", "sports", "arts", "admissions", "claims",
		"customs", "news", "jobs", "humanities", "logistics":
		return true
	}
	return strings.HasSuffix(w, "ics") || strings.HasSuffix(w, "flops") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") ||
		strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s")
}

// countedAsOne reports whether the singular w goes with a number or a
// plural determiner as it is: "two percent", "two dozen", "six foot
// tall", "these kind of" (left to the rule these-kind-of).
func countedAsOne(w string) bool {
	switch w {
	case "percent", "cent", "per", "point", "dozen", "hundred", "thousand", "million", "billion",
		"trillion", "score", "kind", "sort", "type", "lot", "couple", "bit", "more", "less", "few",
		"other", "half", "third", "quarter", "head", "stone", "pence", "foot", "hundredweight", "gross",
		"plenty", "number", "total", "fold", "plus", "minus", "squared", "cubed", "pi", "o'clock",
		"am", "pm", "noon", "midnight", "ago", "apiece", "each", "all", "much", "little", "enough", "only", "alone",
		// Plurals with no -s, which the lexicon may read as singular only.
		"aircraft", "spacecraft", "hovercraft", "watercraft", "offspring", "sheep", "deer", "fish",
		"moose", "salmon", "trout", "bison", "swine", "species", "series", "cattle", "personnel",
		"fruit", "fowl", "quail", "grouse", "carp", "pike", "tuna", "halibut", "mackerel",
		"staff", "police", "people", "folk", "livestock", "poultry", "shrimp", "squid", "cod", "elk",
		"geese", "mice", "lice", "men", "women", "children", "teeth", "feet", "oxen", "dice", "algae",
		"bacteria", "fungi", "larvae", "alumni", "cacti", "nuclei", "radii", "stimuli", "vertebrae",
		"formulae", "antennae", "indices", "matrices", "appendices", "vertices", "phenomena", "criteria",
		"data", "media", "news", "suds", "measles", "mumps", "innings", "barracks", "gallows":
		return true
	}
	return false
}

// collective reports whether w names a group that "one of the" can pick
// a member of: "one of the team", "one of the family".
func collective(w string) bool {
	switch w {
	case "team", "family", "crowd", "group", "gang", "staff", "crew", "band", "class", "committee",
		"board", "public", "party", "audience", "lot", "bunch", "pack", "herd", "flock", "couple", "pair",
		"population", "community", "army", "police", "company", "club", "faculty", "clergy", "jury", "cast",
		"personnel", "world", "best", "rest", "same", "former", "latter", "following", "above", "below",
		"latest", "first", "last", "next", "most", "least", "lads", "crowd's", "set", "series", "lineup",
		"majority", "minority", "elite", "youth", "royalty", "nobility", "military", "government", "press",
		"establishment", "opposition", "union", "league", "council", "parliament", "senate", "congress",
		"house", "cabinet", "church", "orchestra", "choir", "troupe", "squad", "unit", "battalion",
		"regiment", "platoon", "fleet", "tribe", "clan", "household", "network", "alliance", "coalition",
		"federation", "association", "organisation", "organization", "society", "membership",
		"judiciary", "electorate", "workforce", "management", "leadership", "administration", "faculty's",
		"aristocracy", "bourgeoisie", "intelligentsia", "laity", "peasantry", "proletariat", "gentry":
		return true
	}
	return false
}

// clauseTakingVerb reports whether a verb with this lemma may take a
// clause as its object, whose subject "this" may be: "I think this works",
// "it shows this helps".
func clauseTakingVerb(lemma string) bool {
	switch strings.ToLower(lemma) {
	case "think", "know", "say", "believe", "hope", "guess", "suppose", "feel", "mean", "show", "prove",
		"ensure", "see", "hear", "find", "notice", "realize", "realise", "understand", "expect", "assume",
		"claim", "argue", "suggest", "imagine", "doubt", "bet", "reckon", "agree", "admit", "confirm",
		"deny", "forget", "remember", "learn", "discover", "note", "state", "report", "predict", "verify",
		"check", "tell", "warn", "explain", "decide", "wish", "worry", "fear", "swear", "promise",
		"mention", "indicate", "demonstrate", "guarantee", "make", "let", "help", "mind",
		"write", "figure", "insist", "recall", "seem", "test", "watch", "wonder", "ask":
		return true
	}
	return false
}

// bentPluralAfterArticle reports whether toks[i], "a" or "an" inside a
// sentence after a verb or a preposition, is followed by a word the
// tagger read as a singular noun that the lexicon knows only as a plural
// ("we offer a discounts to students"), and then by a preposition, an
// adverb or the clause's end: not a modifier ("a sales team"), not a
// plural used as one thing ("a means", "a thanks").
func bentPluralAfterArticle(lex *morph.Lexicon, toks []analysis.Token, i int) bool {
	prev, n, next := &toks[i-1], &toks[i+1], &toks[i+2]
	// The tags and the spelling first; the lexicon last.
	if prev.UPOS != tag.VERB && prev.UPOS != tag.ADP || n.PTB != tag.NN || n.Kind != token.Word || capitalisedWord(n.Text) ||
		!strings.HasSuffix(n.Text, "s") || !(clauseEnd(next) || next.UPOS == tag.ADP || next.PTB == tag.RB) {
		return false
	}
	w := strings.ToLower(n.Text)
	c := lex.Classes(w)
	return c.Has(morph.Noun, morph.Plural) && !c.Has(morph.Noun, morph.Base) && !readAsSingular(lex, w) && !pluralTakenAsOne(w) && !countedAsOne(w)
}

// bentPlural reports whether toks[i] is "this" in an object's place
// (after a verb that takes no clause) and the word after it, which the
// tagger read as a singular noun or a verb, is to the lexicon only a
// plural noun and never a singular one: "take this pills", "I bought this
// shoes last week". Where "this" can be a subject ("I think this helps")
// or the word a singular ("buy this news"), it is not.
func bentPlural(lex *morph.Lexicon, toks []analysis.Token, i int) bool {
	if i > 0 && i+2 < len(toks) && toks[i].PTB == tag.DT && (toks[i].Text == "a" || toks[i].Text == "an") {
		return bentPluralAfterArticle(lex, toks, i)
	}
	if !strings.EqualFold(toks[i].Text, "this") || toks[i].PTB != tag.DT && toks[i].UPOS != tag.PRON || i == 0 || i+1 >= len(toks) {
		return false
	}
	prev, n := &toks[i-1], &toks[i+1]
	if prev.UPOS != tag.VERB || clauseTakingVerb(prev.Lemma) {
		return false
	}
	if n.PTB != tag.NN && n.PTB != tag.VBZ || n.Kind != token.Word || capitalisedWord(n.Text) {
		return false
	}
	w := strings.ToLower(n.Text)
	c := lex.Classes(w)
	if !c.Has(morph.Noun, morph.Plural) || readAsSingular(lex, w) || pluralTakenAsOne(w) {
		return false
	}
	next := tokenAt(toks, i+2)
	if next == nil {
		return false
	}
	timeWord := isAnyOf(next.Text, "last", "next", "every", "yesterday", "today", "tomorrow", "again", "now")
	if c.Has(morph.Noun, morph.Base) {
		// A plural the lexicon also lists as a noun of its own ("shoes",
		// "works", "papers"): read only where its lemma is another word,
		// after a finite or plain verb (not "doing this works well",
		// whose subject is the gerund phrase), and before the clause's end
		// or a time ("I bought this shoes last week").
		if lex.Lemma(w, morph.Noun) == w || prev.PTB == tag.VBG || prev.PTB == tag.VBN || !clauseEnd(next) && !timeWord {
			return false
		}
		return true
	}
	return clauseEnd(next) || next.UPOS == tag.ADP || next.PTB == tag.RB || timeWord
}
