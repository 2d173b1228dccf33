package sound

import (
	_ "embed"
	"strings"
	"sync"

	"liaison/analysis/sound/internal/reading"
)

// Class is the kind of sound a word starts with.
type Class uint8

const (
	// Unknown: the reading could not be decided (an ambiguous three-letter
	// initialism, a word starting with a symbol).
	Unknown Class = Class(reading.Unknown)
	// Vowel: an hour, an MBA, an 8-bit, an umbrella.
	Vowel Class = Class(reading.Vowel)
	// Consonant: a university, a one-time, a URL, a 1990s.
	Consonant Class = Class(reading.Consonant)
)

// String names the class as explain output and tests show it.
func (c Class) String() string {
	switch c {
	case Vowel:
		return "vowel"
	case Consonant:
		return "consonant"
	}
	return "unknown"
}

//go:embed initial.tsv
var tableText string

// dict is the embedded table: each exception's class, and the folded
// three-letter prefixes of all of them. Built on first use, never changed
// after.
type dict struct {
	classes  map[string]uint8
	prefixes [1 << 15 / 64]uint64 // bit set over reading.Prefix3
}

func (d *dict) Class(f string) (uint8, bool) { c, ok := d.classes[f]; return c, ok }
func (d *dict) Near(w string) bool {
	p := reading.Prefix3(w)
	return d.prefixes[p>>6]&(1<<(p&63)) != 0
}

var loaded = sync.OnceValue(func() *dict {
	m := make(map[string]uint8, strings.Count(tableText, "\n"))
	d := &dict{classes: m}
	for line := range strings.Lines(tableText) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		word, c, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			continue
		}
		switch c {
		case "v":
			m[word] = reading.Vowel
		case "?":
			m[word] = reading.Unknown // a heteronym: the sense decides
		default:
			m[word] = reading.Consonant
		}
		p := reading.Prefix3(word)
		d.prefixes[p>>6] |= 1 << (p & 63)
	}
	return d
})

// table is the exceptions map, for tests.
func table() map[string]uint8 { return loaded().classes }

// Initial returns the class of the sound word starts with. A leading
// quote or bracket, closing punctuation and a possessive 's are ignored.
func Initial(word string) Class {
	return Class(reading.Initial(word, loaded()))
}
