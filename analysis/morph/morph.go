package morph

import "fmt"

// POS is an open-class part of speech as WordNet has them. Adjective
// satellites count as Adj.
type POS uint8

// The parts of speech.
const (
	Noun POS = iota
	Verb
	Adj
	Adv
	numPOS
)

var posNames = [numPOS]string{"Noun", "Verb", "Adj", "Adv"}

func (p POS) String() string {
	if p < numPOS {
		return posNames[p]
	}
	return fmt.Sprintf("POS(%d)", uint8(p))
}

// Form is the inflectional form of a word. Base is the lemma itself (for
// verbs also the present tense other than the third person singular).
type Form uint8

// The forms.
const (
	Base Form = iota
	Plural
	ThirdSingular
	Past
	PastParticiple
	Gerund
	Comparative
	Superlative
	numForms
)

var formNames = [numForms]string{"Base", "Plural", "ThirdSingular", "Past", "PastParticiple", "Gerund", "Comparative", "Superlative"}

func (f Form) String() string {
	if f < numForms {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", uint8(f))
}

// Applies reports whether words of part of speech p inflect for f: nouns
// for Plural, verbs for ThirdSingular, Past, PastParticiple and Gerund,
// adjectives and adverbs for Comparative and Superlative; Base applies to
// all.
func (f Form) Applies(p POS) bool {
	return p < numPOS && f < numForms && classBit[p][f] != noBit
}

// Analysis is one reading of a word: it is Lemma, as part of speech POS,
// in Form. Derived marks a verb form made by the suffix rules from a lemma
// the lexicon knows only as a noun, e.g. liaisoned ← liaison (noun).
type Analysis struct {
	Lemma   string
	POS     POS
	Form    Form
	Derived bool
}

func (a Analysis) String() string {
	s := a.Lemma + "/" + a.POS.String() + "/" + a.Form.String()
	if a.Derived {
		s += "/Derived"
	}
	return s
}

// Class is a bit set over the (POS, Form) readings a word can have, plus
// ClassDerived when some of them are Derived. It is the compact summary
// the tagger uses as a feature; see Lexicon.Classes.
type Class uint32

const noBit = 0xff

// classBit numbers the (POS, Form) pairs that exist: 13 bits.
var classBit = [numPOS][numForms]uint8{
	Noun: {Base: 0, Plural: 1, ThirdSingular: noBit, Past: noBit, PastParticiple: noBit, Gerund: noBit, Comparative: noBit, Superlative: noBit},
	Verb: {Base: 2, Plural: noBit, ThirdSingular: 3, Past: 4, PastParticiple: 5, Gerund: 6, Comparative: noBit, Superlative: noBit},
	Adj:  {Base: 7, Plural: noBit, ThirdSingular: noBit, Past: noBit, PastParticiple: noBit, Gerund: noBit, Comparative: 8, Superlative: 9},
	Adv:  {Base: 10, Plural: noBit, ThirdSingular: noBit, Past: noBit, PastParticiple: noBit, Gerund: noBit, Comparative: 11, Superlative: 12},
}

// ClassDerived is set when the readings include Derived ones. Derived
// readings also set their own (POS, Form) bit.
const ClassDerived Class = 1 << 13

// ClassOf is the bit of one (POS, Form) reading; 0 for pairs that do not
// exist (a noun in the past tense).
func ClassOf(p POS, f Form) Class {
	if p >= numPOS || f >= numForms || classBit[p][f] == noBit {
		return 0
	}
	return 1 << classBit[p][f]
}

// Has reports whether c includes the reading (p, f).
func (c Class) Has(p POS, f Form) bool {
	b := ClassOf(p, f)
	return b != 0 && c&b != 0
}

// HasPOS reports whether c includes any reading as p.
func (c Class) HasPOS(p POS) bool {
	for f := range numForms {
		if c.Has(p, f) {
			return true
		}
	}
	return false
}

// Derived reports whether some readings are Derived.
func (c Class) Derived() bool { return c&ClassDerived != 0 }

func (c Class) String() string {
	if c == 0 {
		return "-"
	}
	s := ""
	for p := range numPOS {
		for f := range numForms {
			if c.Has(p, f) {
				if s != "" {
					s += "|"
				}
				s += p.String() + "." + f.String()
			}
		}
	}
	if c.Derived() {
		s += "|Derived"
	}
	return s
}
