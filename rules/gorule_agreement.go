package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// singularSubjectPlainVerb flags a present-tense verb without its -s after
// a singular subject (issue 15, category 2): "he go", "she want", "it
// work", "each of the files need", "one of my friends live", "every user
// want", "the printer need new ink". It is a Go rule because the tagger reads a past that is spelled
// like the plain form as a present ("he quit smoking", "she burst out",
// "he lay dying"): the lexicon says whether the word can be a past, and
// such words are left alone. It offers the -s form.
//
// Left alone as well: questions and other inversions ("does he go?",
// "can it work?"), the subjunctive after words of demanding or
// importance ("we insist that he go", "her suggestion that he stay"),
// subjects joined to another ("Sam and he go"), "it" where it may be an
// object ("make it work"), modal "need" and "dare" ("he need not worry"),
// and "each of …" after a preposition ("in each of the rooms stand …").
func singularSubjectPlainVerb(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	verbless := -1 // whether the sentence has no verb, computed when asked
	for j := 1; j < len(toks); j++ {
		v := &toks[j]
		if v.Kind != token.Word || capitalisedWord(v.Text) {
			continue
		}
		// A sentence the tagger found no verb in still has one: a plain
		// form it read as a noun after the subject is the likeliest ("The
		// dog bark all night", "My sister work at a bank").
		asNoun := false
		// "Somebody have taken my umbrella": an auxiliary after a
		// subject in -one or -body.
		// "Everyone in the rooms are waiting": after the phrase too.
		if v.UPOS == tag.AUX && v.PTB == tag.VBP && isAnyOf(v.Text, "have", "do", "are") && j > 0 && (indefiniteSubject(toks, j-1) || indefiniteWithPhrase(toks, j-1)) {
			out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{map[string]string{"have": "has", "do": "does", "are": "is"}[strings.ToLower(v.Text)]}})
			continue
		}
		if v.UPOS != tag.VERB || v.PTB != tag.VBP && v.PTB != tag.VB {
			// "like" too, which the tagger reads as a preposition:
			// "Everyone in the class like the teacher".
			if (v.PTB != tag.NN || v.UPOS != tag.NOUN) && !(v.PTB == tag.IN && strings.EqualFold(v.Text, "like")) {
				continue
			}
			if verbless < 0 {
				verbless = 0
				if statementWithoutVerb(toks) {
					verbless = 1
				}
			}
			if verbless == 0 {
				continue
			}
			asNoun = true
		}
		// The subject is looked for before the lexicon is asked about the
		// verb: most verbs have none of these subjects before them, and
		// the lexicon's Classes, Lemma and Inflect were a fifth of the
		// rules' time on the Rust Book.
		//
		// One adverb may come between: "he always forget", "it also work".
		k := j - 1
		if toks[k].PTB == tag.RB && !negation(toks[k].Text) && k > 0 {
			k--
		}
		if asNoun {
			if k != j-1 || !singularNounSubject(toks, k, j, true) && !indefiniteWithPhrase(toks, k) {
				continue
			}
		} else if !singularSubjectEnds(toks, k) && !singularNounSubject(toks, k, j, k == j-2) && !indefiniteWithPhrase(toks, k) {
			// (An adverb between, "the new intern always arrive", cannot
			// sit inside a compound: the word after it is the verb.)
			continue
		}
		w := strings.ToLower(v.Text)
		lemma, _, ok := plainOnlyVerb(lex, toks, j, w)
		if !ok {
			continue
		}
		if s := inflect3sg(lex, lemma, w); s != "" {
			out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{s}})
		}
	}
	// A subject further away: inside the sentence, or with phrases
	// between it and its verb (gorule_subject.go).
	for _, sp := range distantSingularSubjects(toks) {
		if matchedAt(out, sp.verb) {
			continue
		}
		if r := distantSingularMatch(toks, sp); r != "" {
			out = append(out, GoMatch{Start: sp.verb, End: sp.verb + 1, Replacements: []string{r}})
		}
	}
	return out
}

// plainOnlyVerb reports whether w, the lower case of toks[j], can only
// be a verb's plain form, which a singular subject makes an error: not
// also its past or participle, nor a past the lexicon spells like the
// plain form but does not list as a reading of the word ("burst",
// "thrust", "bet"), nor modal "need" or "dare" before a negation ("he
// need not worry"). It returns the verb's lemma and the word's classes.
func plainOnlyVerb(lex *morph.Lexicon, toks []analysis.Token, j int, w string) (string, morph.Class, bool) {
	c := lex.Classes(w)
	if !c.Has(morph.Verb, morph.Base) || c.Has(morph.Verb, morph.Past) || c.Has(morph.Verb, morph.PastParticiple) {
		return "", c, false
	}
	lemma := lex.Lemma(w, morph.Verb)
	if lex.Inflect(lemma, morph.Verb, morph.Past) == w || invariantPast(w) || invariantPastCompound(w) {
		return "", c, false
	}
	if isAnyOf(w, "need", "dare") && negation(tokenText(toks, j+1)) {
		return "", c, false
	}
	return lemma, c, true
}

// matchedAt reports whether a match of ms begins at token i.
func matchedAt(ms []GoMatch, i int) bool {
	for _, m := range ms {
		if m.Start == i {
			return true
		}
	}
	return false
}

// singularSubjectEnds reports whether toks[i] ends a singular subject
// that the verb after it must agree with.
func singularSubjectEnds(toks []analysis.Token, i int) bool {
	t := &toks[i]
	w := strings.ToLower(t.Text)
	switch {
	case t.PTB == tag.NN && isAnyOf(w, "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody") ||
		t.UPOS == tag.PRON && isAnyOf(w, "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody"):
		// "Everyone have a copy": the indefinite pronouns in -one and
		// -body are singular. Only as the sentence's or a clause's
		// subject: "let everyone have a say" makes it an object.
		if i != firstWordIndex(toks) && !(i > 0 && subjectClauseOpener(toks[i-1].Text)) {
			return false
		}
		return !inverted(toks, i) && !coordinated(toks, i) && !subjunctive(toks, i)
	case t.PTB == tag.PRP && (w == "he" || w == "she" || w == "it"):
		// After a comma or semicolon too: "When it restarts, it lose".
		if w == "it" && i != firstWordIndex(toks) && !(i > 0 && (subjectClauseOpener(toks[i-1].Text) || toks[i-1].Text == "," || toks[i-1].Text == ";")) {
			return false // "make it work", "let it go"
		}
		return !inverted(toks, i) && !coordinated(toks, i) && !subjunctive(toks, i)
	case t.PTB == tag.NNS || w == "them" || w == "us" || w == "you" || w == "these" || w == "those":
		// "each of the (new) files", "one of them".
		k := i - 1
		for n := 0; n < 2 && k >= 0 && (toks[k].PTB == tag.JJ || toks[k].PTB == tag.JJS || toks[k].PTB == tag.CD); n++ {
			k--
		}
		if k >= 0 && (toks[k].PTB == tag.DT || toks[k].PTB == tag.PRPS) && t.PTB == tag.NNS {
			k--
		}
		if k < 1 || !strings.EqualFold(toks[k].Text, "of") || !isAnyOf(toks[k-1].Text, "each", "one", "either", "neither") {
			return false
		}
		if t.PTB == tag.NNS && capitalisedWord(t.Text) {
			return false
		}
		// "In each of the rooms stand two beds": an inversion.
		return !(k >= 2 && toks[k-2].UPOS == tag.ADP)
	case t.PTB == tag.NN && !capitalisedWord(t.Text):
		// "every user want", "each new member get".
		k := i - 1
		if k >= 0 && toks[k].PTB == tag.JJ {
			k--
		}
		if k < 0 || toks[k].PTB != tag.DT || !isAnyOf(toks[k].Text, "each", "every") {
			return false
		}
		// "let every voice be heard", "make each student write"; and
		// the object of a preposition, after which the plain verb is an
		// imperative: "for each attribute provide a setter", "after every
		// run check the log".
		// And the subjunctive: "insists that every member attend".
		return !(k > 0 && (toks[k-1].UPOS == tag.VERB || toks[k-1].UPOS == tag.AUX || toks[k-1].UPOS == tag.ADP)) && !subjunctive(toks, k)
	}
	return false
}

// inverted reports whether the subject at i follows an auxiliary or a
// modal, as in a question: "does he go?", "doesn't she know?", "can it
// work?".
func inverted(toks []analysis.Token, i int) bool {
	k := i - 1
	if k >= 0 && negation(toks[k].Text) {
		k--
	}
	return k >= 0 && (toks[k].UPOS == tag.AUX || toks[k].PTB == tag.MD)
}

// coordinated reports whether the subject at i is joined to another:
// "Sam and he go".
func coordinated(toks []analysis.Token, i int) bool {
	if i < 2 || !isAnyOf(toks[i-1].Text, "and", "or", "nor") {
		return false
	}
	switch toks[i-2].UPOS {
	case tag.NOUN, tag.PROPN, tag.PRON:
		return true
	}
	return false
}

// subjunctive reports whether the subject at i opens a clause whose verb
// may be in the subjunctive: after a word of demanding, proposing or
// importance, with or without "that", within four words.
func subjunctive(toks []analysis.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if subjunctiveTrigger(strings.ToLower(toks[k].Lemma)) || subjunctiveTrigger(strings.ToLower(toks[k].Text)) {
			return true
		}
	}
	return false
}

// subjunctiveTrigger reports whether w (a lemma or a form) is a word after
// which a clause may take the subjunctive: "insist that he go", "it is
// essential that she be", "her suggestion that he stay".
func subjunctiveTrigger(w string) bool {
	switch w {
	case "insist", "suggest", "recommend", "demand", "require", "request", "ask", "propose", "urge",
		"move", "order", "command", "advise", "prefer", "stipulate", "decree", "mandate", "beg", "pray",
		"essential", "important", "vital", "crucial", "necessary", "imperative", "advisable", "desirable",
		"best", "lest", "insistence", "suggestion", "recommendation", "requirement", "proposal", "motion",
		"demands", "requests", "wish", "condition", "provided", "unless":
		return true
	}
	return false
}

// subjectClauseOpener reports whether w may open a clause whose subject
// follows it: "and it works", "when it fails".
func subjectClauseOpener(w string) bool {
	switch strings.ToLower(w) {
	case "and", "but", "or", "so", "because", "if", "when", "that", "while", "although", "though", "since",
		"once", "until", "whether", "then", "where", "whenever", "wherever", "yet":
		return true
	}
	return false
}

// invariantPast reports whether w is a verb whose past is spelled like its
// plain form (a closed class the lexicon does not always list), or "lay",
// the past of "lie": "he quit", "she burst out", "he lay dying".
func invariantPast(w string) bool {
	switch w {
	case "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "fit", "forecast", "hit", "hurt",
		"input", "knit", "lay", "let", "misread", "offset", "output", "put", "quit", "read", "reset", "rid",
		"set", "shed", "shut", "slit", "split", "spread", "sweat", "thrust", "undercut", "upset", "wet",
		"beat", "spit", "lit", "typeset", "preset", "overcast", "outbid", "mishit", "telecast", "recast":
		return true
	}
	return false
}

// singularNounSubject reports whether toks[i] is a singular noun that,
// with its determiner, opens the sentence and is the subject of the verb
// at j: "The printer need new ink", "My sister want a dog". As a noun and
// a word that may be a verb often make a compound ("the approach run
// during which"), the verb must be followed by what a verb takes and a
// compound does not continue with: a determiner, a possessive, an object
// pronoun, an adjective, a number or "to". Collectives and other nouns
// that may take a plural verb are left alone ("the staff want more").
//
// In a sentence with no other verb (verbless), the word at j is the verb
// when something a verb takes follows it, a preposition too, but not "of"
// or punctuation, after which the two are a compound in a fragment.
func singularNounSubject(toks []analysis.Token, i, j int, verbless bool) bool {
	n := &toks[i]
	if n.PTB != tag.NN || n.Kind != token.Word || capitalisedWord(n.Text) {
		return false
	}
	w := strings.ToLower(n.Text)
	if collective(w) || countedAsOne(w) {
		return false
	}
	k := i - 1
	if k >= 0 && toks[k].PTB == tag.JJ {
		k--
	}
	if k < 0 || k != firstWordIndex(toks) || !isAnyOf(toks[k].Text, "the", "my", "your", "his", "her", "its", "our", "their", "this", "that") {
		return false
	}
	next := tokenAt(toks, j+1)
	if next == nil {
		return false
	}
	if verbless {
		// Not a compound that ends a fragment or continues with "of":
		// "The parse position.", "The path part of the URL".
		return next.Kind != token.Punct && !modifierSlot(next) && next.UPOS != tag.ADJ && next.UPOS != tag.CCONJ &&
			!strings.EqualFold(next.Text, "of")
	}
	switch next.PTB {
	case tag.DT, tag.PRPS, tag.JJ, tag.TO, tag.CD:
		return true
	case tag.PRP:
		return isAnyOf(next.Text, "me", "him", "her", "us", "them", "it", "you")
	case tag.IN:
		// "My brother live in Paris": before a preposition only a verb
		// that cannot be a noun, or the two may be a compound ("the
		// approach run during which"); or the sentence's only verb
		// ("My father drive to work.").
		return !morph.Default().Classes(strings.ToLower(toks[j].Text)).HasPOS(morph.Noun) || onlyVerb(toks, j)
	}
	return false
}

// invariantPastCompound reports whether w ends in an invariant past
// ("dispread", "broadcast", "proofread", "undercut"), which the verb made
// with it shares.
func invariantPastCompound(w string) bool {
	for _, p := range []string{"spread", "cast", "read", "cut", "put", "set", "let", "hit", "bid", "burst", "thrust", "shed", "split", "quit"} {
		if len(w) > len(p) && strings.HasSuffix(w, p) {
			return true
		}
	}
	return false
}

// statementWithoutVerb reports whether toks is a sentence that ends with a
// full stop, ! or ? and in which the tagger found no verb, auxiliary or
// modal: a headline or a caption has no full stop, so a sentence that
// claims to be one yet has no verb has one the tagger read as something
// else.
func statementWithoutVerb(toks []analysis.Token) bool {
	if len(toks) < 3 {
		return false
	}
	if last := &toks[len(toks)-1]; last.Kind != token.Punct || !isStop(last.Text) {
		return false
	}
	// A full stop after a word in capitals or a single letter may be the
	// abbreviation's or a numeral's, and the sentence cut short: "The plan
	// document under VII. Amount of …".
	if w := toks[len(toks)-2].Text; len(w) == 1 || isAllCaps(w) { // isAllCaps: spelling.go
		return false
	}
	return !hasVerb(toks)
}

// indefiniteWithPhrase reports whether toks[i] ends a prepositional phrase
// after an indefinite pronoun in -one or -body that opens the sentence,
// which is the verb's subject however plural the phrase: "Everyone in the
// class like the teacher", "Nobody at the meetings want to speak".
func indefiniteWithPhrase(toks []analysis.Token, i int) bool {
	k := i
	if k < 0 || toks[k].UPOS != tag.NOUN && toks[k].UPOS != tag.PROPN {
		return false
	}
	for k > 0 && (toks[k-1].UPOS == tag.NOUN || toks[k-1].UPOS == tag.ADJ || toks[k-1].PTB == tag.DT || toks[k-1].PTB == tag.PRPS || toks[k-1].PTB == tag.CD) {
		k--
	}
	if k < 2 || toks[k-1].PTB != tag.IN || !governs(&toks[k-1]) || isAnyOf(toks[k-1].Text, "of", "like") {
		return false
	}
	s := k - 2
	if s != firstWordIndex(toks) {
		return false
	}
	return isAnyOf(toks[s].Text, "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "no-one")
}

// onlyVerb reports whether toks is a sentence with a closing stop whose
// one verb, auxiliary or modal is toks[j].
func onlyVerb(toks []analysis.Token, j int) bool {
	if last := &toks[len(toks)-1]; last.Kind != token.Punct || !isStop(last.Text) {
		return false
	}
	for k := range toks {
		if t := &toks[k]; k != j && (t.UPOS == tag.VERB || t.UPOS == tag.AUX || t.PTB == tag.MD) {
			return false
		}
	}
	return true
}

// indefiniteSubject reports whether toks[i] is an indefinite pronoun in
// -one or -body that is the sentence's or a clause's subject and not
// coordinated: "Somebody have taken it" (not "let everyone have a say",
// "does everyone have …").
func indefiniteSubject(toks []analysis.Token, i int) bool {
	if !isAnyOf(toks[i].Text, "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "no-one") {
		return false
	}
	if i != firstWordIndex(toks) && !(i > 0 && subjectClauseOpener(toks[i-1].Text)) {
		return false
	}
	return !inverted(toks, i) && !coordinated(toks, i) && !subjunctive(toks, i)
}

// pluralSubjectNounVerb flags an -s verb the tagger read as a plural noun
// after a plural noun that opens a clause: "when the users logs in",
// "I think the managers reviews every request". Two plurals in a row are
// read as subject and verb only where nothing else in the clause could be
// its verb (so "when the server logs show errors" and "if the sales
// figures rise" keep their compound subject), the first word is only a
// noun, the second one the lexicon holds as an -s verb, and what follows
// is what a verb takes and a noun does not: a particle, an adverb, a
// preposition, or an object's determiner or pronoun. The second word read
// as the -s verb it is (VBZ) is taken too: the same words decide, and a
// tagger that reads some of these right should not lose the rule.
func pluralSubjectNounVerb(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	for j := 2; j+1 < len(toks); j++ {
		v, n := &toks[j], &toks[j-1]
		if v.PTB != tag.NNS && v.PTB != tag.VBZ || n.PTB != tag.NNS || v.Kind != token.Word || capitalisedWord(v.Text) || capitalisedWord(n.Text) {
			continue
		}
		w := strings.ToLower(v.Text)
		if !heldVerb(lex, w, true) {
			continue
		}
		if nw := strings.ToLower(n.Text); !lex.Classes(nw).Has(morph.Noun, morph.Plural) || heldVerb(lex, nw, false) {
			continue
		}
		k := j - 2
		if k > 0 && toks[k].PTB == tag.JJ {
			k--
		}
		if k < 1 || toks[k].PTB != tag.DT && toks[k].PTB != tag.PRPS || !isAnyOf(toks[k].Text,
			"the", "these", "those", "my", "your", "his", "her", "our", "their", "its", "some", "all", "both", "many") {
			continue
		}
		if !clauseOpenerBefore(&toks[k-1]) {
			continue
		}
		next := &toks[j+1]
		switch next.PTB {
		case tag.RP, tag.RB, tag.IN, tag.DT, tag.PRPS:
		case tag.PRP:
			if !isAnyOf(next.Text, "it", "them", "us", "him", "her", "me") {
				continue
			}
		default:
			continue
		}
		if verbInClause(toks, j+1) {
			continue
		}
		plain := lex.Lemma(w, morph.Verb)
		if plain == "" || plain == w {
			continue
		}
		out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{plain}})
	}
	return out
}

// heldVerb reports whether the lexicon holds w as a verb (an -s form, if
// sg3), not only by deriving one from a noun ("users" is no verb).
func heldVerb(lex *morph.Lexicon, w string, sg3 bool) bool {
	for _, a := range lex.Analyze(w) {
		if a.POS == morph.Verb && !a.Derived && (!sg3 || a.Form == morph.ThirdSingular) {
			return true
		}
	}
	return false
}

// clauseOpenerBefore reports whether t opens a clause whose subject comes
// next: a subordinator ("when", "that", "although"; not the prepositions
// "after", "before", "since", "until", whose phrase may be a noun's), or
// a finite verb of saying or thinking that leaves out "that" ("I think
// the managers …").
func clauseOpenerBefore(t *analysis.Token) bool {
	switch strings.ToLower(t.Text) {
	case "when", "if", "because", "although", "though", "while", "whether", "unless", "once", "whenever", "wherever", "where", "that":
		return true
	}
	if t.UPOS != tag.VERB || t.PTB != tag.VBD && t.PTB != tag.VBP && t.PTB != tag.VBZ {
		return false
	}
	return isAnyOf(t.Lemma, "say", "think", "believe", "know", "hope", "guess", "feel", "claim", "suppose", "expect", "assume", "notice", "report")
}

// verbInClause reports whether a verb or auxiliary comes from toks[i]
// before the clause ends (punctuation, a conjunction, a subordinator).
func verbInClause(toks []analysis.Token, i int) bool {
	for k := i; k < len(toks); k++ {
		t := &toks[k]
		if t.Kind == token.Punct || t.PTB == tag.CC || t.PTB == tag.WDT || t.PTB == tag.WRB {
			return false
		}
		if t.UPOS == tag.VERB || t.UPOS == tag.AUX || t.PTB == tag.MD {
			return true
		}
	}
	return false
}
