package morph

import (
	_ "embed"
	"fmt"
	"sync"

	"liaison/analysis/morph/internal/lexfile"
)

//go:embed lexicon.bin.zst
var embedded []byte

// EmbeddedSize is the size in bytes of the compressed lexicon in the binary.
func EmbeddedSize() int { return len(embedded) }

// Lexicon is the decoded lexicon. It is immutable and safe for concurrent
// use.
type Lexicon struct {
	index       map[string]uint32 // lower-case lemma → position in words
	words       []word
	exceptions  map[string][]exception // irregular form → its readings
	inflections map[inflectionKey]string
	preferences map[preferenceKey]string
}

type word struct {
	key    string
	pos    uint8 // mask over POS
	common uint8 // POS with a lower-case entry
	flags  uint16
	senses uint8
}

type exception struct {
	lemma string
	pos   POS
	forms uint8 // mask over Form
}

type inflectionKey struct {
	lemma string
	pos   POS
	form  Form
}

type preferenceKey struct {
	form string
	pos  POS
}

// Load decodes the embedded lexicon. Most callers want Default.
func Load() (*Lexicon, error) {
	return load(embedded)
}

// Default is the embedded lexicon, decoded once on first use. It panics
// only if the embedded data is corrupt, which the package's tests rule
// out.
func Default() *Lexicon { return defaultLexicon() }

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := Load()
	if err != nil {
		panic(fmt.Sprintf("morph: embedded lexicon: %v", err))
	}
	return l
})

func load(data []byte) (*Lexicon, error) {
	f, err := lexfile.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("morph: load lexicon: %w", err)
	}
	l := &Lexicon{
		index:       make(map[string]uint32, len(f.Words)),
		words:       make([]word, len(f.Words)),
		exceptions:  make(map[string][]exception, len(f.Exceptions)),
		inflections: make(map[inflectionKey]string, len(f.Inflections)),
		preferences: make(map[preferenceKey]string, len(f.Preferences)),
	}
	for i, w := range f.Words {
		l.words[i] = word{key: w.Key, pos: uint8(w.Flags & 0xf), common: uint8(w.Flags >> 4 & 0xf), flags: w.Flags, senses: w.Senses}
		l.index[w.Key] = uint32(i)
	}
	// One backing array for all exception slices.
	all := make([]exception, 0, len(f.Exceptions))
	for i := 0; i < len(f.Exceptions); {
		j := i
		for j < len(f.Exceptions) && f.Exceptions[j].Form == f.Exceptions[i].Form {
			e := f.Exceptions[j]
			if e.POS >= uint8(numPOS) {
				return nil, fmt.Errorf("morph: load lexicon: %w: part of speech %d", lexfile.ErrCorrupt, e.POS)
			}
			all = append(all, exception{lemma: e.Lemma, pos: POS(e.POS), forms: e.FormMask})
			j++
		}
		start := len(all) - (j - i)
		l.exceptions[f.Exceptions[i].Form] = all[start:len(all):len(all)]
		i = j
	}
	for _, x := range f.Inflections {
		l.inflections[inflectionKey{x.Lemma, POS(x.POS), Form(x.Form)}] = x.Surface
	}
	for _, x := range f.Preferences {
		l.preferences[preferenceKey{x.Form, POS(x.POS)}] = x.Lemma
	}
	return l, nil
}

// Len is the number of single-word lemmas in the lexicon.
func (l *Lexicon) Len() int { return len(l.words) }

// Has reports whether the lexicon knows lemma as part of speech pos.
func (l *Lexicon) Has(lemma string, pos POS) bool {
	var buf wordBuf
	w, ok := normalize(&buf, lemma)
	if !ok {
		return false
	}
	i, ok := l.index[string(w)]
	return ok && pos < numPOS && l.words[i].pos&(1<<pos) != 0
}
