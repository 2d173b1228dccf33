package morph

import (
	"cmp"
	"slices"
)

// suffixRule is one of morphy's detachment rules: a word ending in suffix
// may be an inflection (forms) of the word with the suffix replaced by
// replace.
type suffixRule struct {
	suffix, replace string
	forms           uint8
}

const (
	maskPlural = 1 << Plural
	mask3sg    = 1 << ThirdSingular
	maskPast   = 1<<Past | 1<<PastParticiple
	maskGerund = 1 << Gerund
	maskComp   = 1 << Comparative
	maskSup    = 1 << Superlative
)

// The rules of WordNet's morphy, in its order.
var suffixRules = [numPOS][]suffixRule{
	Noun: {{"s", "", maskPlural}, {"ses", "s", maskPlural}, {"xes", "x", maskPlural}, {"zes", "z", maskPlural},
		{"ches", "ch", maskPlural}, {"shes", "sh", maskPlural}, {"men", "man", maskPlural}, {"ies", "y", maskPlural}},
	Verb: {{"s", "", mask3sg}, {"ies", "y", mask3sg}, {"es", "e", mask3sg}, {"es", "", mask3sg},
		{"ed", "e", maskPast}, {"ed", "", maskPast}, {"ing", "e", maskGerund}, {"ing", "", maskGerund}},
	Adj: {{"er", "", maskComp}, {"est", "", maskSup}, {"er", "e", maskComp}, {"est", "e", maskSup}},
}

// Beyond morphy: a doubled final consonant (stopped, bigger) and the k of
// panicked, for words the exception lists miss.
var undoubleSuffixes = [numPOS][]suffixRule{
	Verb: {{"ed", "", maskPast}, {"ing", "", maskGerund}},
	Adj:  {{"er", "", maskComp}, {"est", "", maskSup}},
}

// Ranks order competing readings of one part of speech, lowest first.
const (
	rankPreferred = 0   // the lemma UD English-EWT uses for this form
	rankException = 10  // an irregular form from the exception lists
	rankBase      = 20  // the word is itself a lemma
	rankRule      = 30  // suffix rules; better for lemmas with more senses
	rankDerived   = 400 // suffix rules against a noun (Derived)
)

type reading struct {
	lemma   string
	rank    int32
	pos     POS
	forms   uint8
	derived bool
}

const maxReadings = 32

type readings struct {
	n int
	r [maxReadings]reading
}

func (rs *readings) add(lemma string, pos POS, forms uint8, rank int32, derived bool) {
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

// collect finds every reading of the normalised word w.
func (l *Lexicon) collect(w []byte, rs *readings) {
	var stem wordBuf
	var posSeen uint8
	// Known lemmas.
	if i, ok := l.index[string(w)]; ok {
		e := &l.words[i]
		for p := range numPOS {
			if e.pos&(1<<p) != 0 {
				rs.add(e.key, p, 1<<Base, rankBase, false)
			}
		}
	}
	// Exception lists.
	for _, x := range l.exceptions[string(w)] {
		rs.add(x.lemma, x.pos, x.forms, rankException, false)
	}
	// Suffix rules.
	for p := range numPOS {
		for _, r := range suffixRules[p] {
			if s, ok := replaceSuffix(&stem, w, r); ok && l.plausibleStem(s, p, r) {
				if i, ok := l.index[string(s)]; ok && l.words[i].pos&(1<<p) != 0 {
					rs.add(l.words[i].key, p, r.forms, rankRule+255-int32(l.words[i].senses), false)
				}
			}
		}
		for _, r := range undoubleSuffixes[p] {
			if s, ok := undouble(&stem, w, r.suffix); ok {
				if i, ok := l.index[string(s)]; ok && l.words[i].pos&(1<<p) != 0 {
					rs.add(l.words[i].key, p, r.forms, rankRule+255-int32(l.words[i].senses), false)
				}
			}
		}
	}
	for i := range rs.n {
		posSeen |= 1 << rs.r[i].pos
	}
	// Derived verb forms of nouns, when nothing else reads w as a verb.
	if posSeen&(1<<Verb) == 0 {
		for _, r := range suffixRules[Verb] {
			if s, ok := replaceSuffix(&stem, w, r); ok && len(s) >= 3 && l.plausibleStem(s, Verb, r) {
				l.addDerived(s, r.forms, rs)
			}
		}
		for _, r := range undoubleSuffixes[Verb] {
			if s, ok := undouble(&stem, w, r.suffix); ok && len(s) >= 3 {
				l.addDerived(s, r.forms, rs)
			}
		}
	}
	// Preferences from EWT.
	for p := range numPOS {
		if posSeen&(1<<p) == 0 {
			continue
		}
		if pref, ok := l.preferences[preferenceKey{string(w), p}]; ok {
			for i := range rs.n {
				if r := &rs.r[i]; r.pos == p && r.lemma == pref && !r.derived {
					r.rank = rankPreferred
				}
			}
		}
	}
}

func (l *Lexicon) addDerived(stem []byte, forms uint8, rs *readings) {
	i, ok := l.index[string(stem)]
	if !ok {
		return
	}
	e := &l.words[i]
	if e.common&(1<<Noun) != 0 && e.pos&(1<<Verb) == 0 {
		rs.add(e.key, Verb, forms, rankDerived+255-int32(e.senses), true)
	}
}

// plausibleStem rejects stems the rule cannot have produced: a stem of
// one letter before the replacement (bed is not be+ed, is not i+s), and a
// stem whose final consonant would have doubled (waned is not wan+ed,
// which is wanned).
func (l *Lexicon) plausibleStem(stem []byte, p POS, r suffixRule) bool {
	if len(stem)-len(r.replace) < 2 {
		return false
	}
	if r.replace == "" && p != Noun && r.suffix != "s" && r.suffix != "es" && l.doubles(string(stem)) {
		return false
	}
	return true
}

// replaceSuffix writes w with r.suffix replaced by r.replace into buf.
func replaceSuffix(buf *wordBuf, w []byte, r suffixRule) ([]byte, bool) {
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
	var rs readings
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

// Classes is Analyze as a bit set, without allocating.
func (l *Lexicon) Classes(word string) Class {
	var buf wordBuf
	w, ok := normalize(&buf, word)
	if !ok {
		return 0
	}
	var rs readings
	l.collect(w, &rs)
	var c Class
	for _, r := range rs.r[:rs.n] {
		for f := range numForms {
			if r.forms&(1<<f) != 0 {
				c |= ClassOf(r.pos, f)
			}
		}
		if r.derived {
			c |= ClassDerived
		}
	}
	return c
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
	var rs readings
	l.collect(w, &rs)
	best := -1
	for i, r := range rs.r[:rs.n] {
		if r.pos == pos && (best < 0 || r.rank < rs.r[best].rank) {
			best = i
		}
	}
	if best < 0 {
		return string(w)
	}
	return rs.r[best].lemma
}
