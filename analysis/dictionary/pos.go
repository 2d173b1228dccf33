package dictionary

import (
	"fmt"
	"strings"

	"liaison/analysis/morph"
)

// POS is a part of speech as WordNet has them; NoPOS stands for any.
type POS uint8

// The parts of speech, in the order an entry lists them.
const (
	NoPOS POS = iota
	Noun
	Verb
	Adjective
	Adverb
)

var posNames = [...]string{"", "noun", "verb", "adjective", "adverb"}

func (p POS) String() string {
	if int(p) < len(posNames) {
		return posNames[p]
	}
	return fmt.Sprintf("POS(%d)", uint8(p))
}

// MarshalText writes the part of speech's name ("noun").
func (p POS) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what ParsePOS reads.
func (p *POS) UnmarshalText(b []byte) error {
	q, ok := ParsePOS(string(b))
	if !ok {
		return fmt.Errorf("dictionary: unknown part of speech %q", b)
	}
	*p = q
	return nil
}

// ParsePOS reads a part of speech: a name ("noun", "adjective"), a
// WordNet letter (n, v, a, s, r), or a Universal POS tag (NOUN, PROPN,
// VERB, AUX, ADJ, ADV), so a tagger's UPOS string maps directly. The
// empty string is NoPOS; anything else is reported as not ok.
func ParsePOS(s string) (POS, bool) {
	switch strings.ToLower(s) {
	case "":
		return NoPOS, true
	case "n", "noun", "propn":
		return Noun, true
	case "v", "verb", "aux":
		return Verb, true
	case "a", "s", "adj", "adjective":
		return Adjective, true
	case "r", "adv", "adverb":
		return Adverb, true
	}
	return NoPOS, false
}

// posOfLetter maps the POS byte of a lemma record.
func posOfLetter(c byte) POS {
	switch c {
	case 'n':
		return Noun
	case 'v':
		return Verb
	case 'a', 's':
		return Adjective
	case 'r':
		return Adverb
	}
	return NoPOS
}

func posOfMorph(p morph.POS) POS {
	switch p {
	case morph.Noun:
		return Noun
	case morph.Verb:
		return Verb
	case morph.Adj:
		return Adjective
	case morph.Adv:
		return Adverb
	}
	return NoPOS
}
