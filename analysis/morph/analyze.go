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

// Beyond morphy, for words the exception lists miss: -ied, -ying and
// -ier, -iest (carried, tying, happier), a doubled final consonant
// (stopped, bigger) and the k of panicked.
var extraRules = [numPOS][]suffixRule{
	Verb: {{"ied", "y", maskPast}, {"ying", "ie", maskGerund}},
	Adj:  {{"ier", "y", maskComp}, {"iest", "y", maskSup}},
}

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
	if e := l.lookup(w); e != nil {
		for p := range numPOS {
			if e.pos&(1<<p) != 0 {
				rs.add(e.key, p, 1<<Base, rankBase, false)
			}
		}
		for _, x := range l.exceptionsOf(e) {
			rs.add(x.lemma, x.pos, x.forms, rankException, false)
		}
	}
	last := w[len(w)-1]
	// Suffix rules.
	for p := range numPOS {
		for _, rules := range [2][]suffixRule{suffixRules[p], extraRules[p]} {
			for i := range rules {
				r := &rules[i]
				if r.suffix[len(r.suffix)-1] != last {
					continue
				}
				s, ok := replaceSuffix(&stem, w, r)
				if !ok {
					continue
				}
				if e := l.lemmaEntry(s); e != nil && e.pos&(1<<p) != 0 && plausibleStem(s, e, p, r) {
					rs.add(e.key, p, r.forms, rankRule+255-int32(e.senses), false)
				}
			}
		}
		for i := range undoubleSuffixes[p] {
			r := &undoubleSuffixes[p][i]
			if s, ok := undouble(&stem, w, r.suffix); ok {
				if e := l.lemmaEntry(s); e != nil && e.pos&(1<<p) != 0 {
					rs.add(e.key, p, r.forms, rankUndoubled+255-int32(e.senses), false)
				}
			}
		}
	}
	// Derived verb forms of nouns, when nothing else reads w as a verb.
	if rs.posSeen&(1<<Verb) == 0 {
		for _, rules := range [2][]suffixRule{suffixRules[Verb], extraRules[Verb]} {
			for i := range rules {
				r := &rules[i]
				if r.suffix[len(r.suffix)-1] != last {
					continue
				}
				if s, ok := replaceSuffix(&stem, w, r); ok && len(s) >= 3 {
					if e := l.lemmaEntry(s); e != nil && derivable(e) && plausibleStem(s, e, Verb, r) {
						rs.add(e.key, Verb, r.forms, rankDerived+255-int32(e.senses), true)
					}
				}
			}
		}
		for i := range undoubleSuffixes[Verb] {
			r := &undoubleSuffixes[Verb][i]
			if s, ok := undouble(&stem, w, r.suffix); ok && len(s) >= 3 {
				if e := l.lemmaEntry(s); e != nil && derivable(e) {
					rs.add(e.key, Verb, r.forms, rankDerived+255-int32(e.senses), true)
				}
			}
		}
	}
	if rs.r == nil {
		return
	}
	// Preferences from EWT.
	for p := range numPOS {
		if rs.posSeen&(1<<p) == 0 {
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
	if r.replace != "" {
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

// Classes is Analyze as a bit set, without allocating.
func (l *Lexicon) Classes(word string) Class {
	var buf wordBuf
	w, ok := normalize(&buf, word)
	if !ok {
		return 0
	}
	var rs readings
	l.collect(w, &rs)
	return rs.class
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
		return string(w)
	}
	return rs.r[best].lemma
}
