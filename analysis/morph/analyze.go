package morph

import (
	"cmp"
	"slices"
)

// suffixRule is a detachment rule: a word ending in suffix may be an
// inflection of the word with the suffix replaced by replace, in forms[p]
// for each part of speech p. With undouble, the rule also drops one of a
// doubled final consonant (stopped → stop) or the k after c (panicked →
// panic).
type suffixRule struct {
	suffix, replace string
	forms           [numPOS]uint8
	undouble        bool
}

const (
	maskPlural = 1 << Plural
	mask3sg    = 1 << ThirdSingular
	maskPast   = 1<<Past | 1<<PastParticiple
	maskGerund = 1 << Gerund
	maskComp   = 1 << Comparative
	maskSup    = 1 << Superlative
)

// The rules of WordNet's morphy, merged over parts of speech so that each
// stem is looked up once, and in its order within each part of speech;
// then, beyond morphy, for words the exception lists miss: -ied, -ying,
// -ier, -iest (carried, tying, happier) and doubled consonants.
var suffixRules = []suffixRule{
	{suffix: "s", forms: [numPOS]uint8{Noun: maskPlural, Verb: mask3sg}},
	{suffix: "ses", replace: "s", forms: [numPOS]uint8{Noun: maskPlural}},
	{suffix: "xes", replace: "x", forms: [numPOS]uint8{Noun: maskPlural}},
	{suffix: "zes", replace: "z", forms: [numPOS]uint8{Noun: maskPlural}},
	{suffix: "ches", replace: "ch", forms: [numPOS]uint8{Noun: maskPlural}},
	{suffix: "shes", replace: "sh", forms: [numPOS]uint8{Noun: maskPlural}},
	{suffix: "men", replace: "man", forms: [numPOS]uint8{Noun: maskPlural}},
	{suffix: "ies", replace: "y", forms: [numPOS]uint8{Noun: maskPlural, Verb: mask3sg}},
	{suffix: "es", replace: "e", forms: [numPOS]uint8{Verb: mask3sg}},
	{suffix: "es", forms: [numPOS]uint8{Verb: mask3sg}},
	{suffix: "ed", replace: "e", forms: [numPOS]uint8{Verb: maskPast}},
	{suffix: "ed", forms: [numPOS]uint8{Verb: maskPast}},
	{suffix: "ing", replace: "e", forms: [numPOS]uint8{Verb: maskGerund}},
	{suffix: "ing", forms: [numPOS]uint8{Verb: maskGerund}},
	{suffix: "er", forms: [numPOS]uint8{Adj: maskComp}},
	{suffix: "est", forms: [numPOS]uint8{Adj: maskSup}},
	{suffix: "er", replace: "e", forms: [numPOS]uint8{Adj: maskComp}},
	{suffix: "est", replace: "e", forms: [numPOS]uint8{Adj: maskSup}},
	// Beyond morphy.
	{suffix: "ied", replace: "y", forms: [numPOS]uint8{Verb: maskPast}},
	{suffix: "ying", replace: "ie", forms: [numPOS]uint8{Verb: maskGerund}},
	{suffix: "ier", replace: "y", forms: [numPOS]uint8{Adj: maskComp}},
	{suffix: "iest", replace: "y", forms: [numPOS]uint8{Adj: maskSup}},
	{suffix: "ed", forms: [numPOS]uint8{Verb: maskPast}, undouble: true},
	{suffix: "ing", forms: [numPOS]uint8{Verb: maskGerund}, undouble: true},
	{suffix: "er", forms: [numPOS]uint8{Adj: maskComp}, undouble: true},
	{suffix: "est", forms: [numPOS]uint8{Adj: maskSup}, undouble: true},
}

// rulesByLast lists, for each final byte, the rules whose suffix ends in it.
var rulesByLast = func() (t [256][]*suffixRule) {
	for i := range suffixRules {
		r := &suffixRules[i]
		c := r.suffix[len(r.suffix)-1]
		t[c] = append(t[c], r)
	}
	return t
}()

// Ranks order competing readings of one part of speech, lowest first.
const (
	rankPreferred = 0   // the lemma UD English-EWT uses for this form
	rankException = 10  // an irregular form from the exception lists
	rankBase      = 20  // the word is itself a lemma
	rankRule      = 30  // suffix rules; better for lemmas with more senses
	rankUndoubled = 300 // stopped → stop, when the exception lists miss it
	rankDerived   = 600 // suffix rules against a noun (Derived)
)

type reading struct {
	lemma   string
	rank    int32
	pos     POS
	forms   uint8
	derived bool
}

const maxReadings = 24

// readings collects the readings of a word into r; with r nil it only
// accumulates their Class bits (then there is nothing to zero).
type readings struct {
	posSeen uint8 // POS of non-derived readings
	class   Class
	n       int
	r       *[maxReadings]reading
}

func (rs *readings) add(lemma string, pos POS, forms uint8, rank int32, derived bool) {
	if !derived {
		rs.posSeen |= 1 << pos
	}
	if rs.r == nil {
		for f := range numForms {
			if forms&(1<<f) != 0 {
				rs.class |= ClassOf(pos, f)
			}
		}
		if derived {
			rs.class |= ClassDerived
		}
		return
	}
	for i := range rs.n {
		r := &rs.r[i]
		if r.lemma == lemma && r.pos == pos && r.derived == derived {
			r.forms |= forms
			r.rank = min(r.rank, rank)
			return
		}
	}
	if rs.n < maxReadings {
		rs.r[rs.n] = reading{lemma: lemma, rank: rank, pos: pos, forms: forms, derived: derived}
		rs.n++
	}
}

// collect finds every reading of the normalised, non-empty word w.
func (l *Lexicon) collect(w []byte, rs *readings) {
	var stem wordBuf
	// Known lemmas and the exception lists.
	if e, ok := l.lookup(w); ok {
		for p := range numPOS {
			if e.pos&(1<<p) != 0 {
				rs.add(e.key, p, 1<<Base, rankBase, false)
			}
		}
		for _, x := range l.exceptionsOf(&e) {
			rs.add(x.lemma, x.pos, x.forms, rankException, false)
		}
	}
	// Suffix rules; nouns that could be read as verbs are kept aside.
	type candidate struct {
		e entry
		r *suffixRule
	}
	var derived [4]candidate
	nDerived := 0
	for _, r := range rulesByLast[w[len(w)-1]] {
		var s []byte
		var ok bool
		if r.undouble {
			s, ok = undouble(&stem, w, r.suffix)
		} else {
			s, ok = replaceSuffix(&stem, w, r)
		}
		if !ok {
			continue
		}
		e, ok := l.lemmaEntry(s)
		if !ok {
			continue
		}
		for p := range numPOS {
			if r.forms[p] != 0 && e.pos&(1<<p) != 0 && plausibleStem(s, &e, p, r) {
				rank := int32(rankRule)
				if r.undouble {
					rank = rankUndoubled
				}
				rs.add(e.key, p, r.forms[p], rank+255-int32(e.senses), false)
			}
		}
		if r.forms[Verb] != 0 && len(s) >= 3 && derivable(&e) && plausibleStem(s, &e, Verb, r) && nDerived < len(derived) {
			derived[nDerived] = candidate{e, r}
			nDerived++
		}
	}
	// Derived verb forms of nouns, when nothing else reads w as a verb.
	if rs.posSeen&(1<<Verb) == 0 {
		for _, c := range derived[:nDerived] {
			rs.add(c.e.key, Verb, c.r.forms[Verb], rankDerived+255-int32(c.e.senses), true)
		}
	}
	if rs.r == nil {
		return
	}
	// Preferences from EWT: one lookup by the form, which does not copy w
	// (a key of form and part of speech did, at every word, and looked up
	// each part of speech apart).
	prefs, ok := l.preferences[string(w)]
	if !ok {
		return
	}
	for p := range numPOS {
		if pref := prefs[p]; pref != "" && rs.posSeen&(1<<p) != 0 {
			for i := range rs.n {
				if r := &rs.r[i]; r.pos == p && r.lemma == pref && !r.derived {
					r.rank = rankPreferred
				}
			}
		}
	}
}

// derivable: a common noun the lexicon does not know as a verb.
func derivable(e *entry) bool {
	return e.common&(1<<Noun) != 0 && e.pos&(1<<Verb) == 0
}

// plausibleStem rejects stems the rule cannot have produced: a stem of
// one letter before the replacement (bed is not be+ed, is not i+s, but
// dying is die+ing), a plural or third person with the wrong ending
// (hates is not hat+es, boxs not box+s), and a stem whose final consonant
// would have doubled (waned is not wan+ed, which is wanned).
func plausibleStem(stem []byte, e *entry, p POS, r *suffixRule) bool {
	if len(stem)-len(r.replace) < 2 && r.replace != "ie" {
		return false
	}
	if r.replace != "" || r.undouble {
		return true
	}
	switch r.suffix {
	case "s":
		return !takesES(stem, p == Verb) && !consonantY(stem)
	case "es":
		return takesES(stem, p == Verb)
	}
	return !doubles(stem, e)
}

// replaceSuffix writes w with r.suffix replaced by r.replace into buf.
func replaceSuffix(buf *wordBuf, w []byte, r *suffixRule) ([]byte, bool) {
	if len(w) <= len(r.suffix) || string(w[len(w)-len(r.suffix):]) != r.suffix {
		return nil, false
	}
	n := copy(buf[:], w[:len(w)-len(r.suffix)])
	n += copy(buf[n:], r.replace)
	return buf[:n], true
}

// undouble strips suffix and one of a doubled final consonant (stopped →
// stop), or the k after c (panicked → panic).
func undouble(buf *wordBuf, w []byte, suffix string) ([]byte, bool) {
	k := len(w) - len(suffix)
	if k < 3 || string(w[k:]) != suffix {
		return nil, false
	}
	a, b := w[k-2], w[k-1]
	if !(a == b && isConsonant(a) || a == 'c' && b == 'k') {
		return nil, false
	}
	n := copy(buf[:], w[:k-1])
	return buf[:n], true
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func isConsonant(c byte) bool {
	return 'a' <= c && c <= 'z' && !isVowel(c)
}

// Analyze returns every reading of word: as a known lemma, as an irregular
// form from the exception lists, and by the suffix rules checked against
// the lexicon; verb -s/-ed/-ing rules also against noun-only lemmas,
// marked Derived, when the word has no other verb reading. Readings are
// ordered by part of speech, then most likely first. It returns nil for a
// word the lexicon cannot read.
func (l *Lexicon) Analyze(word string) []Analysis {
	var buf wordBuf
	w, ok := normalize(&buf, word)
	if !ok {
		return nil
	}
	var found [maxReadings]reading
	rs := readings{r: &found}
	l.collect(w, &rs)
	if rs.n == 0 {
		return nil
	}
	sorted := rs.r[:rs.n]
	slices.SortStableFunc(sorted, func(a, b reading) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.rank, b.rank))
	})
	var out []Analysis
	for _, r := range sorted {
		for f := range numForms {
			if r.forms&(1<<f) != 0 && f.Applies(r.pos) {
				out = append(out, Analysis{Lemma: r.lemma, POS: r.pos, Form: f, Derived: r.derived})
			}
		}
	}
	return out
}

// Classes is Analyze as a bit set, without allocating (but for the
// first time a word is asked: see classCache).
func (l *Lexicon) Classes(word string) Class {
	var buf wordBuf
	w, ok := normalize(&buf, word)
	if !ok {
		return 0
	}
	return l.classCache.classes(l, w)
}

// Lemma is the most likely lemma of word as part of speech pos (morphy,
// with ties settled by UD English-EWT's usage and then by the number of
// senses), or the lower-cased word when the lexicon knows none.
func (l *Lexicon) Lemma(word string, pos POS) string {
	var buf wordBuf
	w, ok := normalize(&buf, word)
	if !ok {
		return normalizeString(word)
	}
	var found [maxReadings]reading
	rs := readings{r: &found}
	l.collect(w, &rs)
	best := -1
	for i, r := range rs.r[:rs.n] {
		if r.pos == pos && (best < 0 || r.rank < rs.r[best].rank) {
			best = i
		}
	}
	if best < 0 {
		if string(w) == word {
			return word // not copied: most words are their own normal form
		}
		return string(w)
	}
	return rs.r[best].lemma
}
