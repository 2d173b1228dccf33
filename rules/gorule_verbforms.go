package rules

import (
	"strings"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// Verb forms after auxiliaries (issue 15, category 5): a modal, "do" or
// the infinitive "to" takes the plain form of the verb ("can swim", "does
// he go", "to go"). These are Go rules because the tagger, reading the
// context, often gives the wrong form the tag the context expects ("goes"
// after "to" comes out VB, "swims" after "can" NNS): the word's own
// readings in the lexicon decide what form it is, and the tagger's verdict
// is asked only where the word could be a noun ("will changes be saved?").

// modalVerbForm flags a modal followed by a verb in the -s form or the
// past ("can swims", "will goes", "could went", "can he swims?") and
// offers the plain form.
func modalVerbForm(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := range toks {
		m := &toks[i]
		if m.PTB != tag.MD || !plainModal(m.Text) {
			continue
		}
		// A capital modal inside a sentence is a name ("Will went home");
		// one that opens it needs a subject before its verb. After a
		// determiner or an adjective it is a noun the tagger read as a
		// modal ("the will stipulates", "this can contains").
		if capitalisedWord(m.Text) && i > 0 && toks[i-1].Kind == token.Word {
			continue
		}
		if i > 0 {
			switch toks[i-1].PTB {
			case tag.DT, tag.PRPS, tag.JJ, tag.POS:
				continue
			}
		}
		j := skipNegationAndAdverbs(toks, i+1)
		// An -ing form may be the subject where the modal comes before it
		// (a question, "so will entering any other input"); it is read
		// only after a subject pronoun, or where the subject came first.
		gerundOK := true
		if j < len(toks) && subjectPronoun(toks[j].Text) {
			j = skipNegationAndAdverbs(toks, j+1)
		} else if i == firstWordIndex(toks) {
			continue
		} else {
			gerundOK = !questionOpening(toks, i) && !(i > 0 && inversionTrigger(toks[i-1].Text))
		}
		if rep, ok := plainFormFor(toks, j, false); ok {
			out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{rep}})
		} else if reps, ok := gerundAfterModal(toks, j); ok && gerundOK {
			out = append(out, GoMatch{Start: j, End: j + 1, Replacements: reps})
		}
	}
	return out
}

// gerundAfterModal reads toks[j] as an -ing form straight after a modal
// ("will going", "can helping"), which no reading makes right: the plain
// form is meant, or "be" and the -ing form. The tagger must read it as a
// verb's -ing form, and the word must be one in the lexicon ("will
// ceiling" is no verb).
func gerundAfterModal(toks []analysis.Token, j int) ([]string, bool) {
	if j >= len(toks) {
		return nil, false
	}
	v := &toks[j]
	if v.Kind != token.Word || v.PTB != tag.VBG || capitalisedWord(v.Text) {
		return nil, false
	}
	w := strings.ToLower(v.Text)
	if !morph.Default().Classes(w).Has(morph.Verb, morph.Gerund) {
		return nil, false
	}
	plain := morph.Default().Lemma(w, morph.Verb)
	if plain == "" || plain == w {
		return nil, false
	}
	return []string{plain, "be " + v.Text}, true
}

// doVerbForm flags "do" as an auxiliary followed by a verb in the -s form
// or the past: with "not" ("doesn't works", "did not went") and in
// questions ("does he goes?", "what did she said?", "does the code
// compiles?"). It offers the plain form. "Do" as a main verb ("what he
// does matters", "what I did went wrong") is not read.
func doVerbForm(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := range toks {
		d := &toks[i]
		if d.UPOS != tag.AUX && d.UPOS != tag.VERB || !strings.EqualFold(d.Lemma, "do") {
			continue
		}
		switch strings.ToLower(d.Text) {
		case "do", "does", "did":
		default:
			continue
		}
		j := i + 1
		if j < len(toks) && negation(toks[j].Text) {
			j = skipNegationAndAdverbs(toks, j)
			if rep, ok := rarePlainAfterDo(toks, j); ok {
				out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{rep}})
				continue
			}
			if rep, ok := plainFormFor(toks, j, false); ok {
				out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{rep}})
				continue
			}
			// A negative question has its subject after "n't": "Why
			// didn't the installer asked …?"
			if !strings.EqualFold(toks[i+1].Text, "n't") || !questionOpening(toks, i) {
				continue
			}
		} else if !questionOpening(toks, i) {
			continue
		}
		// The subject: a pronoun, or a determiner and a noun ("does the
		// code compiles?"); after a noun only the -s form is read, as a
		// past there may start a reduced relative ("did the man fired
		// yesterday sue?").
		strict := false
		switch {
		case j < len(toks) && (subjectPronoun(toks[j].Text) || indefinitePronoun(toks[j].Text)):
			j++
		case j+1 < len(toks) && (toks[j].PTB == tag.DT || toks[j].PTB == tag.PRPS) &&
			(toks[j+1].PTB == tag.NN || toks[j+1].PTB == tag.NNS || toks[j+1].PTB == tag.NNP):
			j += 2
			strict = true
		default:
			continue
		}
		j = skipNegationAndAdverbs(toks, j)
		// A reduced relative has the question's plain verb after it; with
		// none in the sentence, the past is the verb ("did the tests
		// passed on your machine?").
		if strict && morph.Default().Classes(strings.ToLower(tokenText(toks, j))).Has(morph.Verb, morph.Past) &&
			!morph.Default().Classes(strings.ToLower(tokenText(toks, j))).Has(morph.Verb, morph.ThirdSingular) &&
			(plainVerbAfter(toks, j+1) || reducedRelativeCue(toks, j+1)) {
			continue
		}
		// A plural noun read as a verb, with the plain verb after it,
		// ends a compound subject: "what do those error codes mean?".
		if strict && j+1 < len(toks) && toks[j+1].PTB == tag.VB &&
			morph.Default().Classes(strings.ToLower(tokenText(toks, j))).Has(morph.Noun, morph.Plural) {
			continue
		}
		// After a noun subject the tagger's reading of the word as a verb
		// is trusted ("does your brother plays chess?").
		if rep, ok := plainFormFor(toks, j, strict); ok {
			out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{rep}})
		}
	}
	return out
}

// reducedRelativeCue reports whether toks[i], after a past participle
// that follows a noun, shows the participle to begin a reduced relative
// ("did the man fired yesterday complain?", "did the letter sent by the
// bank arrive?"): "by", or a time the tagger may read as the noun before
// the question's verb.
func reducedRelativeCue(toks []analysis.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	return strings.EqualFold(toks[i].Text, "by") || deicticTime(toks[i].Text) || timePhraseAt(toks, i)
}

// tokenText is the text of toks[i], or "" past the end.
func tokenText(toks []analysis.Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].Text
}

// toVerbForm flags the infinitive "to" followed by a verb in the -s form
// or the past ("to goes", "wanted to went") and offers the plain form.
// "To" as a preposition ("thanks to increased demand", "listen to works
// by Bach") is left alone: the tagger must read "to" as the infinitive
// marker and the word as a verb, and a past before a noun is read as an
// adjective. The rule's exceptions name the words after which "to" is a
// preposition.
func toVerbForm(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := range toks {
		if toks[i].PTB != tag.TO {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].PTB == tag.RB) && !negation(toks[j].Text) {
			j++ // "to really goes"
		}
		if j >= len(toks) {
			continue
		}
		v := &toks[j]
		// Not "be", "have" or "do": after a "to" left at the end of a
		// relative clause they are the main verb ("the value it refers to
		// is dropped").
		if v.UPOS != tag.VERB || isAnyOf(v.Lemma, "be", "have", "do") {
			continue
		}
		// A past that is also an adjective, or before a noun, is read as
		// an adjective: "adherence to established practice", "to limited
		// resources".
		c := morph.Default().Classes(strings.ToLower(v.Text))
		if c.Has(morph.Verb, morph.Past) || c.Has(morph.Verb, morph.PastParticiple) {
			if c.HasPOS(morph.Adj) {
				continue
			}
			if next := tokenAt(toks, j+1); next != nil && (next.UPOS == tag.NOUN || next.UPOS == tag.ADJ || next.UPOS == tag.PROPN) {
				continue
			}
		}
		if rep, ok := plainFormFor(toks, j, true); ok {
			out = append(out, GoMatch{Start: j, End: j + 1, Replacements: []string{rep}})
		}
	}
	return out
}

// plainFormFor returns the plain form of toks[j] when the lexicon reads
// that word only as a verb's -s form or past (never its plain form), and
// false otherwise. A word that can also be a noun or an adjective is read
// as a verb where the tagger read it so and strict says to trust that
// (after "to"), and otherwise, in a question, only if no noun and no plain
// verb follows it (so "will changes be saved?" keeps "changes" as the
// subject).
func plainFormFor(toks []analysis.Token, j int, strict bool) (string, bool) {
	if j >= len(toks) {
		return "", false
	}
	v := &toks[j]
	if v.Kind != token.Word || capitalisedWord(v.Text) || v.PTB == tag.MD {
		return "", false
	}
	w := strings.ToLower(v.Text)
	if strings.ContainsAny(w, "'’") {
		return "", false
	}
	lex := morph.Default()
	// The verb readings the lexicon holds, not those it derives from a
	// noun ("shareholders" is no verb).
	var base, sg3, past, other bool
	for _, a := range lex.Analyze(w) {
		switch {
		case a.POS != morph.Verb:
			other = true
		case a.Derived:
		case a.Form == morph.Base:
			base = true
		case a.Form == morph.ThirdSingular:
			sg3 = true
		case a.Form == morph.Past:
			past = true
		}
	}
	// A past that is also the plain form of a much rarer verb: "saw" (to
	// cut with a saw) beside "see", "fell" (a tree) beside "fall". The
	// tagger must read it as the past; "fell" must have no object, as
	// "fall" takes none ("did they fell the oak?" is the rare verb).
	// Other such pasts are left alone: "found", "lay", "wound" and
	// "ground" are common plain forms too.
	if base && past && v.PTB == tag.VBD {
		if plain, ok := pastOfCommonerVerb(w); ok {
			if w == "fell" && j+1 < len(toks) {
				switch toks[j+1].PTB {
				case tag.DT, tag.PRPS, tag.NN, tag.NNS, tag.PRP, tag.JJ, tag.CD:
					return "", false
				}
			}
			return plain, true
		}
	}
	if base || !sg3 && !past {
		return "", false // "could been": a participle alone wants "have", not a plain form
	}
	c := lex.Classes(w)
	// An adverb too, before a verb: "we must needs be".
	if c.HasPOS(morph.Adv) && j+1 < len(toks) && (toks[j+1].UPOS == tag.VERB || toks[j+1].UPOS == tag.AUX) {
		return "", false
	}
	// A plural that may follow "to" as a preposition: "come to grips
	// with"; not after a verb that takes an infinitive, where "to" marks
	// one ("I want to goes with you").
	if strict && c.Has(morph.Noun, morph.Plural) && j+1 < len(toks) && toks[j+1].UPOS == tag.ADP && !(j >= 2 && infinitiveTaker(&toks[j-2])) {
		return "", false
	}
	if other && !(strict && (v.UPOS == tag.VERB || v.UPOS == tag.AUX)) {
		// A noun or adjective reading, in a question: not where a plain
		// verb follows (the word is its subject: "will changes be
		// saved?", "can users see it?").
		k := j + 1
		for k < len(toks) && toks[k].PTB == tag.RB {
			k++
		}
		if next := tokenAt(toks, k); next != nil && isQuestion(toks) {
			// In a question the word may be (part of) the subject. After
			// "he", "she", "it", "I" or "they" it cannot modify a noun
			// ("does she likes coffee?"); after "you" and "we" it may be in
			// apposition ("do you guys want …?").
			if (next.UPOS == tag.NOUN || next.UPOS == tag.PROPN || next.UPOS == tag.NUM) && !(j > 0 && singularOrTheySubject(toks[j-1].Text)) {
				return "", false
			}
			if next.PTB == tag.VB || next.PTB == tag.VBP ||
				next.Kind == token.Word && lex.Classes(strings.ToLower(next.Text)).Has(morph.Verb, morph.Base) {
				return "", false
			}
		}
	}
	plain := lex.Lemma(w, morph.Verb)
	if plain == "" || plain == w {
		return "", false
	}
	return plain, true
}

// inversionTrigger reports whether w puts the subject after the
// auxiliary that follows it: "so will entering any input", "nor can
// waiting help", "than would leaving now".
func inversionTrigger(w string) bool {
	switch strings.ToLower(w) {
	case "so", "nor", "neither", "as", "than":
		return true
	}
	return false
}

// rarePlainAfterDo reads "saw" or "fell" after "did not" as the past of
// "see" or "fall" even where the tagger took it for the plain form of the
// rarer verb: "did" leaves the plain form only to the verb of cutting or
// felling, which shows itself by a particle ("didn't saw through the
// beam", "saw off the branch") or, for "fell", by an object ("didn't fell
// the oak"). The tagger's VBD reading is handled by plainFormFor.
func rarePlainAfterDo(toks []analysis.Token, j int) (string, bool) {
	if j >= len(toks) || toks[j].PTB != tag.VB && toks[j].PTB != tag.VBP {
		return "", false
	}
	w := strings.ToLower(toks[j].Text)
	plain, ok := pastOfCommonerVerb(w)
	if !ok || !strings.EqualFold(toks[j].Lemma, plain) {
		return "", false
	}
	if next := tokenAt(toks, j+1); next != nil {
		if next.PTB == tag.RP || isAnyOf(next.Text, "through", "off", "up", "down", "into", "apart", "away", "along", "across") {
			return "", false
		}
		if w == "fell" {
			switch next.PTB {
			case tag.DT, tag.PRPS, tag.NN, tag.NNS, tag.PRP, tag.JJ, tag.CD:
				return "", false
			}
		}
	}
	// "in half", "in two": what a saw does to its object.
	for k := j + 1; k+1 < len(toks) && k <= j+5; k++ {
		if strings.EqualFold(toks[k].Text, "in") && isAnyOf(toks[k+1].Text, "half", "two", "pieces") {
			return "", false
		}
	}
	return plain, true
}

// pastOfCommonerVerb returns the verb whose past w is, where w is also
// the plain form of a far rarer verb.
func pastOfCommonerVerb(w string) (string, bool) {
	switch w {
	case "saw":
		return "see", true
	case "fell":
		return "fall", true
	}
	return "", false
}

// plainModal reports whether w is a modal followed by the plain form. Not
// "'d" (also "had": "I'd gone"), "need", "dare" or "ought" (to).
func plainModal(w string) bool {
	switch strings.ToLower(w) {
	case "can", "could", "will", "would", "shall", "should", "may", "might", "must", "'ll", "’ll",
		"wo", "ca", "sha", "cannot":
		return true
	}
	return false
}

// skipNegationAndAdverbs returns the index of the first token from i that
// is not "not", "n't" or one of at most two adverbs.
func skipNegationAndAdverbs(toks []analysis.Token, i int) int {
	for adverbs := 0; i < len(toks); i++ {
		t := &toks[i]
		if negation(t.Text) {
			continue
		}
		if t.PTB == tag.RB && adverbs < 2 {
			adverbs++
			continue
		}
		break
	}
	return i
}

// negation reports whether w is "not" or "n't".
func negation(w string) bool {
	switch strings.ToLower(w) {
	case "not", "n't", "n’t":
		return true
	}
	return false
}

// subjectPronoun reports whether w is a personal pronoun in the subject
// case.
func subjectPronoun(w string) bool {
	switch strings.ToLower(w) {
	case "i", "you", "he", "she", "it", "we", "they":
		return true
	}
	return false
}

// singularOrTheySubject reports whether w is a subject pronoun that no
// noun can stand in apposition to: "he", "she", "it", "I", "they".
func singularOrTheySubject(w string) bool {
	switch strings.ToLower(w) {
	case "i", "he", "she", "it", "they":
		return true
	}
	return false
}

// indefinitePronoun reports whether w is a pronoun that can be the
// subject of a question: "does anyone knows?".
func indefinitePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "this", "that":
		return true
	}
	return false
}

// questionOpening reports whether toks[i] opens a question: it is the
// sentence's first word, or follows a question word that is ("why does
// he go?", "what did she say?").
func questionOpening(toks []analysis.Token, i int) bool {
	first := firstWordIndex(toks)
	if i == first {
		return true
	}
	if i == first+1 && first >= 0 {
		switch strings.ToLower(toks[first].Text) {
		case "what", "why", "how", "when", "where", "who", "which", "whom":
			return true
		}
	}
	// "How long did …", "How often does …", "Which file did …", "What
	// time does …": a question word with the word it asks about.
	if i == first+2 && first >= 0 {
		q, w := strings.ToLower(toks[first].Text), &toks[first+1]
		switch {
		case q == "how" && isAnyOf(w.Text, "long", "often", "much", "many", "far", "soon", "well", "quickly"):
			return true
		case (q == "what" || q == "which" || q == "whose") && (w.PTB == tag.NN || w.PTB == tag.NNS):
			return true
		}
	}
	return false
}

// isQuestion reports whether the sentence ends with a question mark.
func isQuestion(toks []analysis.Token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Kind == token.Word {
			return false
		}
		if toks[i].Text == "?" {
			return true
		}
	}
	return false
}

// firstWordIndex is the index of the sentence's first word, or -1.
func firstWordIndex(toks []analysis.Token) int {
	for i := range toks {
		if toks[i].Kind == token.Word {
			return i
		}
	}
	return -1
}

// beBaseForParticiple flags the plain form of a verb where the passive
// wants the past participle: after "been" or "being" ("has been
// create"), and after another form of "be" before "by" ("was delete by
// the script"). The word must have no past or participle reading of its
// own (so "been put", "is run by" stay quiet), nor any reading as a noun,
// adjective or adverb ("the problem is use of memory", "being light
// enough"), and the tagger must read it as a verb (the lexicon has odd
// verbs: "being of a type").
func beBaseForParticiple(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	for i := 0; i+1 < len(toks); i++ {
		// The participle's tag first: VERB is cheaper to test than the word.
		if toks[i+1].UPOS != tag.VERB && !(toks[i+1].PTB == tag.NN && toks[i].UPOS == tag.AUX && agentPassive(toks, i)) ||
			toks[i].UPOS != tag.AUX {
			continue
		}
		b := strings.ToLower(toks[i].Text)
		switch b {
		case "been", "being":
		case "is", "are", "was", "were", "be", "'re", "’re": // not "'s": "let's start by"
			// A passive shows itself by its agent ("is generate by a
			// script"), or by a noun subject and nothing the plain verb
			// could take as an object ("the package was send yesterday").
			// A pseudo-cleft keeps its object or has no noun before "be":
			// "all I did was send a message", "what we do is build".
			if !strings.EqualFold(tokenText(toks, i+2), "by") && !nounSubjectPassive(toks, i) &&
				!agentPassive(toks, i) {
				continue
			}
		default:
			continue
		}
		v := &toks[i+1]
		if v.Kind != token.Word || capitalisedWord(v.Text) {
			continue
		}
		w := strings.ToLower(v.Text)
		c := lex.Classes(w)
		// A plain form with no past or participle reading ("create") and
		// no reading as a noun, adjective or adverb ("being light
		// enough", "has been down", "were side by side").
		// After "been" a noun reading the tagger did not take counts for
		// nothing: a bare singular noun cannot follow it ("has been fix").
		nounOK := b == "been" && (v.PTB == tag.VBN || v.PTB == tag.VB) && !c.Has(morph.Noun, morph.Plural)
		// After another form of "be" a noun reading counts for nothing
		// where the tagger read the word as a participle and an agent
		// follows in the clause: "the bridge was build in 1890 by an
		// engineer" (not "the bottleneck was build time", a noun).
		if !nounOK && b != "been" && b != "being" && !c.Has(morph.Noun, morph.Plural) && agentPassive(toks, i) {
			nounOK = true
		}
		if !c.Has(morph.Verb, morph.Base) || c.Has(morph.Verb, morph.Past) || c.Has(morph.Verb, morph.PastParticiple) ||
			c.HasPOS(morph.Noun) && !nounOK || c.HasPOS(morph.Adj) || c.HasPOS(morph.Adv) || v.UPOS != tag.VERB && !nounOK {
			continue
		}
		pp := lex.Inflect(lex.Lemma(w, morph.Verb), morph.Verb, morph.PastParticiple)
		if pp == "" || pp == w {
			continue
		}
		out = append(out, GoMatch{Start: i + 1, End: i + 2, Replacements: []string{pp}})
	}
	return out
}

// agentPassive reports whether the "be" at toks[i] follows a noun
// subject and the word after it is read as a passive's verb by what comes
// next: an adverb or a preposition, then, before the clause ends, an
// agent ("the bridge was build in 1890 by a Scottish engineer", "the
// report was review carefully by two editors"). Right before "by" the
// word is left alone: a bare noun is no verb there ("the main cost was
// review by a lawyer"), and a verb whose participle is its plain form may
// be missing from the lexicon ("is output by a different app").
func agentPassive(toks []analysis.Token, i int) bool {
	if i == 0 || toks[i-1].PTB != tag.NN && toks[i-1].PTB != tag.NNS || i+2 >= len(toks) {
		return false
	}
	v, next := &toks[i+1], &toks[i+2]
	if next.PTB != tag.RB && next.PTB != tag.IN && next.PTB != tag.DT || strings.EqualFold(next.Text, "by") {
		return false
	}
	if !(v.UPOS == tag.VERB && (v.PTB == tag.VBN || v.PTB == tag.VB || v.PTB == tag.VBP)) && v.PTB != tag.NN {
		return false
	}
	return agentAhead(toks, i+2)
}

// agentAhead reports whether "by" and then a noun phrase's first word
// come within five words from toks[i], before the clause ends: the agent
// of a passive ("was build in 1890 by a Scottish engineer").
func agentAhead(toks []analysis.Token, i int) bool {
	for k := i; k < len(toks) && k < i+6; k++ {
		t := &toks[k]
		if clauseEnd(t) || t.PTB == tag.CC || t.UPOS == tag.PUNCT {
			return false
		}
		if !strings.EqualFold(t.Text, "by") {
			continue
		}
		next := tokenAt(toks, k+1)
		// A bare singular is an idiom, not an agent: "by far", "by day",
		// "by hand", "by default".
		return next != nil && (next.PTB == tag.DT || next.PTB == tag.PRPS || next.PTB == tag.CD ||
			next.UPOS == tag.PROPN || next.PTB == tag.NNS || next.PTB == tag.JJ || next.PTB == tag.PRP) &&
			!isAnyOf(next.Text, "far", "all")
	}
	return false
}

// nounSubjectPassive reports whether the "be" at toks[i] follows a noun
// and the word after it ends the clause or is followed only by an adverb
// or a preposition: "the package was send yesterday", "the files were
// upload to the server".
func nounSubjectPassive(toks []analysis.Token, i int) bool {
	if i == 0 || toks[i-1].PTB != tag.NN && toks[i-1].PTB != tag.NNS {
		return false
	}
	// "All you need do is ask": the tagger may read a pseudo-cleft's "do"
	// as a noun.
	switch strings.ToLower(toks[i-1].Text) {
	case "do", "does", "did":
		return false
	}
	next := tokenAt(toks, i+2)
	if next == nil {
		return false
	}
	return clauseEnd(next) || next.PTB == tag.RB || next.PTB == tag.IN || deicticTime(strings.ToLower(next.Text))
}

// infinitiveTaker reports whether t is a verb (or "able", "going") after
// which "to" marks an infinitive and is no preposition: "want to", "try
// to", "going to".
func infinitiveTaker(t *analysis.Token) bool {
	if t.UPOS != tag.VERB && t.UPOS != tag.ADJ {
		return false
	}
	switch strings.ToLower(t.Lemma) {
	case "want", "need", "try", "plan", "hope", "decide", "like", "love", "hate", "wish", "expect", "agree",
		"refuse", "promise", "fail", "manage", "learn", "forget", "remember", "choose", "intend", "prefer",
		"begin", "start", "continue", "offer", "attempt", "deserve", "afford", "able", "unable", "go":
		return t.Lemma != "go" || t.PTB == tag.VBG
	}
	return false
}

// plainVerbAfter reports whether a plain verb (VB) comes from toks[i] on.
func plainVerbAfter(toks []analysis.Token, i int) bool {
	for k := i; k < len(toks); k++ {
		if toks[k].PTB == tag.VB && toks[k].UPOS == tag.VERB {
			return true
		}
	}
	return false
}
