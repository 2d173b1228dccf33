package morph

import (
	_ "embed"
	"fmt"
	"hash/maphash"
	"sync"

	"liaison/analysis/morph/internal/lexfile"
)

//go:embed lexicon.bin
var embedded string

// EmbeddedSize is the size in bytes of the lexicon in the binary.
func EmbeddedSize() int { return len(embedded) }

// Lexicon is the lexicon, read in place from its file (lexfile.View): a
// load checks its header (the whole file when it does not come from the
// binary) and decodes only the few small tables below. It is immutable
// and safe for concurrent use.
type Lexicon struct {
	view        *lexfile.View
	lemmas      int                       // number of lemmas at the start of the entries
	exceptions  []exception               // entries' exception readings, in runs
	preferences map[string][numPOS]string // by form: the lemma EWT prefers for each part of speech, or ""

	classCache classCache   // Classes' answers, built on first use
	seed       maphash.Seed // classCache's hash

	inflectOnce sync.Once
	inflectMap  map[inflectionKey]string // see inflections

	compoundOnce  sync.Once
	compoundHeads map[string]struct{} // see StartsCompound
}

// entry is one known spelling: a lemma, an irregular form, or both. The
// zero entry is none: it is a lemma of nothing and has no pronunciation.
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

// Load reads the embedded lexicon. Most callers want Default. The
// embedded file is not checked record by record (lexfile.OpenTrusted):
// the package's tests check it whole (TestEmbeddedLexiconChecks).
func Load() (*Lexicon, error) {
	v, err := lexfile.OpenTrusted(embedded)
	if err != nil {
		return nil, fmt.Errorf("morph: load lexicon: %w", err)
	}
	return fromView(v)
}

// Default is the embedded lexicon, loaded once on first use. It panics
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

// load reads a lexicon file from outside the binary, checked whole.
func load(data string) (*Lexicon, error) {
	v, err := lexfile.Open(data)
	if err != nil {
		return nil, fmt.Errorf("morph: load lexicon: %w", err)
	}
	return fromView(v)
}

// fromView decodes the small tables of a lexicon file.
func fromView(v *lexfile.View) (*Lexicon, error) {
	prefs, err := v.Preferences()
	if err != nil {
		return nil, fmt.Errorf("morph: load lexicon: %w", err)
	}
	l := &Lexicon{
		view:        v,
		seed:        maphash.MakeSeed(),
		lemmas:      v.Lemmas(),
		exceptions:  make([]exception, v.Exceptions()),
		preferences: make(map[string][numPOS]string, len(prefs)),
	}
	for i := range l.exceptions {
		x := v.Exception(i)
		if x.POS >= uint8(numPOS) {
			return nil, fmt.Errorf("morph: load lexicon: %w: part of speech %d", lexfile.ErrCorrupt, x.POS)
		}
		l.exceptions[i] = exception{lemma: x.Lemma, pos: POS(x.POS), forms: x.FormMask}
	}
	for _, x := range prefs {
		if x.POS >= uint8(numPOS) {
			return nil, fmt.Errorf("morph: load lexicon: %w: part of speech %d", lexfile.ErrCorrupt, x.POS)
		}
		p := l.preferences[x.Form]
		p[x.POS] = x.Lemma
		l.preferences[x.Form] = p
	}
	return l, nil
}

// entryAt returns entry i of the file.
func (l *Lexicon) entryAt(i int) entry {
	x := l.view.Entry(i)
	return entry{key: x.Key, pos: uint8(x.Flags & 0xf), common: uint8(x.Flags >> 4 & 0xf), flags: x.Flags, senses: x.Senses,
		excStart: uint32(x.ExcStart), excEnd: uint32(x.ExcEnd)}
}

// inflections returns the irregular spellings by lemma, part of speech
// and form, built on first use: only a rule's replacement or a fix asks,
// and a check that finds nothing to inflect need not build the map
// (6,800 entries, a twentieth of the load): they are read from the
// file then.
func (l *Lexicon) inflections() map[inflectionKey]string {
	l.inflectOnce.Do(func() {
		infl, _, _ := l.view.Rest() // read once before without error
		l.inflectMap = make(map[inflectionKey]string, len(infl))
		for _, x := range infl {
			l.inflectMap[inflectionKey{x.Lemma, POS(x.POS), Form(x.Form)}] = x.Surface
		}
	})
	return l.inflectMap
}

// Len is the number of single-word lemmas in the lexicon.
func (l *Lexicon) Len() int { return l.lemmas }

// lookup finds the entry of a normalised word.
func (l *Lexicon) lookup(w []byte) (entry, bool) {
	if i := l.view.Find(w); i >= 0 {
		return l.entryAt(i), true
	}
	return entry{}, false
}

// lemmaEntry finds w if it is a lemma of some part of speech.
func (l *Lexicon) lemmaEntry(w []byte) (entry, bool) {
	if e, ok := l.lookup(w); ok && e.pos != 0 {
		return e, true
	}
	return entry{}, false
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
	e, _ := l.lookup(w)
	return e.pos&(1<<pos) != 0
}
