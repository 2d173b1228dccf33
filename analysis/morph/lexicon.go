package morph

import (
	_ "embed"
	"fmt"
	"sync"

	"liaison/analysis/morph/internal/lexfile"
)

//go:embed lexicon.bin
var embedded []byte

// EmbeddedSize is the size in bytes of the lexicon in the binary.
func EmbeddedSize() int { return len(embedded) }

// Lexicon is the decoded lexicon. It is immutable and safe for concurrent
// use.
type Lexicon struct {
	entries     []entry // lemmas first (sorted), then irregular forms that are not lemmas
	lemmas      int     // number of lemmas at the start of entries
	index       hashIndex
	exceptions  []exception // entries' exception readings, in runs
	preferences map[preferenceKey]string

	classCache classCache // Classes' answers, built on first use

	inflectOnce sync.Once
	inflectMap  map[inflectionKey]string // see inflections
	rawInflect  []lexfile.Inflection     // what inflectMap is built from
}

// entry is one known spelling: a lemma, an irregular form, or both.
type entry struct {
	key              string
	pos              uint8 // mask over the POS it is a lemma of; 0 for irregular forms only
	common           uint8 // POS with a lower-case entry in OEWN
	flags            uint16
	senses           uint8
	excStart, excEnd uint32 // its readings as an irregular form: exceptions[excStart:excEnd]
}

func (e *entry) pronKnown() bool   { return e.flags&lexfile.FlagPronKnown != 0 }
func (e *entry) stressFinal() bool { return e.flags&lexfile.FlagStressFinal != 0 }

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
		entries:     make([]entry, len(f.Words), len(f.Words)+len(f.Exceptions)),
		lemmas:      len(f.Words),
		exceptions:  make([]exception, 0, len(f.Exceptions)),
		rawInflect:  f.Inflections,
		preferences: make(map[preferenceKey]string, len(f.Preferences)),
	}
	for i, w := range f.Words {
		if i > 0 && w.Key <= f.Words[i-1].Key {
			return nil, fmt.Errorf("morph: load lexicon: %w: lemmas out of order at %q", lexfile.ErrCorrupt, w.Key)
		}
		l.entries[i] = entry{key: w.Key, pos: uint8(w.Flags & 0xf), common: uint8(w.Flags >> 4 & 0xf), flags: w.Flags, senses: w.Senses}
	}
	// Exceptions come sorted by form, as the lemmas are by key: each run
	// is attached to its entry by walking both lists once (a binary search
	// per run was an eighth of the load).
	j := 0 // the first lemma not before the current form
	for i := 0; i < len(f.Exceptions); {
		form := f.Exceptions[i].Form
		if i > 0 && form <= f.Exceptions[i-1].Form {
			return nil, fmt.Errorf("morph: load lexicon: %w: exceptions out of order at %q", lexfile.ErrCorrupt, form)
		}
		start := len(l.exceptions)
		for ; i < len(f.Exceptions) && f.Exceptions[i].Form == form; i++ {
			x := f.Exceptions[i]
			if x.POS >= uint8(numPOS) {
				return nil, fmt.Errorf("morph: load lexicon: %w: part of speech %d", lexfile.ErrCorrupt, x.POS)
			}
			l.exceptions = append(l.exceptions, exception{lemma: x.Lemma, pos: POS(x.POS), forms: x.FormMask})
		}
		for j < l.lemmas && l.entries[j].key < form {
			j++
		}
		k := j
		if j == l.lemmas || l.entries[j].key != form {
			k = len(l.entries)
			l.entries = append(l.entries, entry{key: form})
		}
		l.entries[k].excStart, l.entries[k].excEnd = uint32(start), uint32(len(l.exceptions))
	}
	l.index = newHashIndex(l.entries)
	for _, x := range f.Preferences {
		l.preferences[preferenceKey{x.Form, POS(x.POS)}] = x.Lemma
	}
	return l, nil
}

// inflections returns the irregular spellings by lemma, part of speech
// and form, built on first use: only a rule's replacement or a fix asks,
// and a check that finds nothing to inflect need not build the map
// (6,800 entries, a twentieth of the load).
func (l *Lexicon) inflections() map[inflectionKey]string {
	l.inflectOnce.Do(func() {
		l.inflectMap = make(map[inflectionKey]string, len(l.rawInflect))
		for _, x := range l.rawInflect {
			l.inflectMap[inflectionKey{x.Lemma, POS(x.POS), Form(x.Form)}] = x.Surface
		}
		l.rawInflect = nil
	})
	return l.inflectMap
}

// Len is the number of single-word lemmas in the lexicon.
func (l *Lexicon) Len() int { return l.lemmas }

// lookup finds the entry of a normalised word, or nil.
func (l *Lexicon) lookup(w []byte) *entry { return l.index.find(l.entries, w) }

// lemmaEntry finds w if it is a lemma of some part of speech, or nil.
func (l *Lexicon) lemmaEntry(w []byte) *entry {
	if e := l.lookup(w); e != nil && e.pos != 0 {
		return e
	}
	return nil
}

func (l *Lexicon) exceptionsOf(e *entry) []exception {
	return l.exceptions[e.excStart:e.excEnd]
}

// Has reports whether the lexicon knows lemma as part of speech pos.
func (l *Lexicon) Has(lemma string, pos POS) bool {
	var buf wordBuf
	w, ok := normalize(&buf, lemma)
	if !ok || pos >= numPOS {
		return false
	}
	e := l.lookup(w)
	return e != nil && e.pos&(1<<pos) != 0
}
