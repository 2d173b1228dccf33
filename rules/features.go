package rules

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
)

// Features is a set of feature values a token element asks for: a bit per
// value, grouped by kind (number, verb form, person, degree, sound).
// Within a kind any listed value may hold; every kind listed must.
type Features uint32

// featureKind is one feature: the YAML key and its values in bit order.
type featureKind struct {
	key    string
	values []string
	shift  uint
}

// featureKinds are the features a token element may name. Each value's
// meaning is documented in README.md ("Features").
var featureKinds = [...]featureKind{
	{key: "number", values: []string{"singular", "plural", "mass"}, shift: 0},
	{key: "verb-form", values: []string{"base", "past", "past-participle", "gerund", "present-3sg", "present-non-3sg"}, shift: 3},
	{key: "person", values: []string{"first", "second", "third"}, shift: 9},
	{key: "degree", values: []string{"positive", "comparative", "superlative"}, shift: 12},
	{key: "sound", values: []string{"vowel", "consonant"}, shift: 15},
}

// The feature bits the engine computes.
const (
	featSingular Features = 1 << iota
	featPlural
	featMass
	featBase
	featPast
	featPastParticiple
	featGerund
	featPresent3sg
	featPresentNon3sg
	featFirst
	featSecond
	featThird
	featPositive
	featComparative
	featSuperlative
	featVowel
	featConsonant
)

// soundMask covers the sound feature, which is computed only when an
// element asks for it (it looks the word up in the pronunciations).
const soundMask = featVowel | featConsonant

// kindMask returns the bits of feature kind k.
func kindMask(k *featureKind) Features {
	return Features((1<<len(k.values))-1) << k.shift
}

// parseFeature reads the values of feature key (one or a list). It
// returns an error naming the known values for an unknown one.
func parseFeature(key string, values []string) (Features, error) {
	for i := range featureKinds {
		k := &featureKinds[i]
		if k.key != key {
			continue
		}
		var f Features
		for _, v := range values {
			j := slices.Index(k.values, strings.ToLower(v))
			if j < 0 {
				return 0, fmt.Errorf("unknown %s %q (known: %s)", key, v, strings.Join(k.values, ", "))
			}
			f |= 1 << (k.shift + uint(j))
		}
		return f, nil
	}
	return 0, fmt.Errorf("unknown feature %q", key)
}

// featureKeys lists the YAML keys of the features.
func featureKeys() []string {
	out := make([]string, len(featureKinds))
	for i := range featureKinds {
		out[i] = featureKinds[i].key
	}
	return out
}

// String writes the features as YAML would name them ("number: plural").
func (f Features) String() string {
	var parts []string
	for i := range featureKinds {
		k := &featureKinds[i]
		m := f & kindMask(k)
		if m == 0 {
			continue
		}
		var vs []string
		for m != 0 {
			b := uint(bits.TrailingZeros32(uint32(m)))
			vs = append(vs, k.values[b-k.shift])
			m &^= 1 << b
		}
		parts = append(parts, k.key+": "+strings.Join(vs, "|"))
	}
	return strings.Join(parts, ", ")
}

// satisfiedBy reports whether the token features have holds every kind f
// asks for.
func (f Features) satisfiedBy(have Features) bool {
	for i := range featureKinds {
		m := kindMask(&featureKinds[i])
		if f&m != 0 && have&f&m == 0 {
			return false
		}
	}
	return true
}

// tokenFeatures computes a token's features from its Penn tag and form,
// all but the sound (see soundFeature). mass reports whether a lemma is a
// known mass noun.
//
// The tag decides, but where the tagger gives a base form (VB, VBP, JJ,
// RB) that the lexicon does not have — "fastest" read as JJ after "most",
// "went" read as VB after "didn't" — the lexicon's readings of the word
// do: a word the lexicon knows only as a past is a past.
func tokenFeatures(t *analysis.Token, norm string, mass func(string) bool) Features {
	var f Features
	switch t.PTB {
	case tag.VB, tag.VBP, tag.JJ, tag.RB:
		if lf := lexiconDegreeOrForm(t.PTB, norm); lf != 0 {
			return lf
		}
	}
	switch t.PTB {
	case tag.NN, tag.NNP:
		f |= featSingular | featThird
		if mass != nil && mass(strings.ToLower(t.Lemma)) {
			f |= featMass
		}
	case tag.NNS, tag.NNPS:
		f |= featPlural | featThird
	case tag.VB:
		f |= featBase
	case tag.VBD:
		f |= featPast
	case tag.VBN:
		f |= featPastParticiple
	case tag.VBG:
		f |= featGerund
	case tag.VBZ:
		f |= featPresent3sg | featThird
	case tag.VBP:
		f |= featPresentNon3sg
		if norm == "am" || norm == "'m" {
			f |= featFirst
		}
	case tag.JJ, tag.RB:
		f |= featPositive
	case tag.JJR, tag.RBR:
		f |= featComparative
	case tag.JJS, tag.RBS:
		f |= featSuperlative
	case tag.PRP, tag.PRPS:
		f |= personOf(norm)
	}
	return f
}

// personOf is the grammatical person of a personal or possessive pronoun.
func personOf(pronoun string) Features {
	switch pronoun {
	case "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves":
		return featFirst
	case "you", "your", "yours", "yourself", "yourselves", "ye", "thou", "thee":
		return featSecond
	case "":
		return 0
	}
	return featThird
}

// lexiconDegreeOrForm returns the verb form (for VB, VBP) or degree (JJ,
// RB) the lexicon gives a word it knows in no base reading of that part
// of speech; 0 when the tag's reading stands.
func lexiconDegreeOrForm(p tag.PTB, norm string) Features {
	c := morph.Default().Classes(norm)
	if c == 0 {
		return 0
	}
	switch p {
	case tag.VB, tag.VBP:
		if c.Has(morph.Verb, morph.Base) || !c.HasPOS(morph.Verb) {
			return 0
		}
		var f Features
		if c.Has(morph.Verb, morph.Past) {
			f |= featPast
		}
		if c.Has(morph.Verb, morph.PastParticiple) {
			f |= featPastParticiple
		}
		return f
	default:
		pos := morph.Adj
		if p == tag.RB {
			pos = morph.Adv
		}
		if c.Has(pos, morph.Base) || !c.HasPOS(pos) {
			return 0
		}
		var f Features
		if c.Has(pos, morph.Comparative) {
			f |= featComparative
		}
		if c.Has(pos, morph.Superlative) {
			f |= featSuperlative
		}
		return f
	}
}
