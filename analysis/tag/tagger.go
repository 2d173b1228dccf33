package tag

import (
	_ "embed"
	"fmt"
	"sync"

	"liaison/analysis/tag/internal/model"
)

//go:generate go run ./internal/train -train ../../../shared/data/ud-english-ewt/en_ewt-ud-train.conllu -dev ../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu -out model.bin.zst

//go:embed model.bin.zst
var embeddedModel []byte

// Tagged is the tagging of one word.
type Tagged struct {
	UPOS UPOS
	PTB  PTB
}

// Tagger tags sentences. It is immutable and safe for concurrent use.
type Tagger struct {
	labels  []Tagged
	classes int
	start   int // label index standing for "before the sentence"

	// Sparse weights of the hashed features, for what is not precomputed.
	features featureTable
	entries  []model.Entry

	// Known word forms and their precomputed score vectors (dense, classes wide).
	vocab   vocabTable
	types   []wordType
	vectors []float32 // per type: the sum of its word-only features

	// tagVectors[prev*(classes+1)+prev2] scores the previous-two-tags features.
	tagVectors []float32

	seen    func(uint64) (model.Labelset, bool)
	lexicon model.Lexicon

	constraint    constraintLabels
	noConstraints bool // for measuring the constraint pass
	scratch       sync.Pool
}

type wordType struct {
	word  model.Word
	fixed int32 // label index or -1
}

// Vector roles of a known word type.
const (
	roleSelf = iota
	rolePrev
	rolePrev2
	roleNext
	roleNext2
	numRoles
)

type scratch struct {
	labels []int
	words  []model.Word
	types  []int32
	scores []float32
	keys   []uint32
}

// Load decodes the embedded model and builds the tagger's tables.
func Load() (*Tagger, error) {
	m, err := model.Decode(embeddedModel)
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	return newTagger(m, defaultLexicon())
}

// Default returns the tagger of the embedded model, loaded once. It panics
// only if the embedded model is corrupt, which the package tests rule out.
var Default = sync.OnceValue(func() *Tagger {
	t, err := Load()
	if err != nil {
		panic(err)
	}
	return t
})

func newTagger(m *model.Model, lex model.Lexicon) (*Tagger, error) {
	t := &Tagger{classes: len(m.Labels), start: m.StartTag(), seen: m.SeenFunc(), lexicon: lex}
	for _, l := range m.Labels {
		u, ok := ParseUPOS(l.UPOS)
		if !ok {
			return nil, fmt.Errorf("tag: model label has unknown UPOS %q", l.UPOS)
		}
		p, ok := ParsePTB(l.PTB)
		if !ok {
			return nil, fmt.Errorf("tag: model label has unknown PTB tag %q", l.PTB)
		}
		t.labels = append(t.labels, Tagged{UPOS: u, PTB: p})
	}
	// Sparse feature table.
	t.features = newFeatureTable(len(m.Keys))
	t.entries = m.Entries
	start := uint32(0)
	for i, k := range m.Keys {
		t.features.put(k, start, m.Ends[i])
		start = m.Ends[i]
	}
	// Known word types.
	c := t.classes
	t.vocab = newVocabTable(len(m.Vocab))
	t.types = make([]wordType, len(m.Vocab))
	t.vectors = make([]float32, len(m.Vocab)*c)
	var keys []uint32
	for i, v := range m.Vocab {
		w := model.Describe(v.Form, nil, t.seen)
		w.Lex = v.Lex
		t.types[i] = wordType{word: w, fixed: int32(v.Fixed)}
		t.vocab.put(v.Form, int32(i))
		keys = model.SelfKeys(&w, keys[:0])
		t.addKeys(t.vectors[i*c:(i+1)*c], keys)
	}
	// Previous-two-tags table.
	n := c + 1
	t.tagVectors = make([]float32, n*n*c)
	for p := 0; p < n; p++ {
		for p2 := 0; p2 < n; p2++ {
			keys = model.TagKeys(p, p2, keys[:0])
			t.addKeys(t.tagVectors[(p*n+p2)*c:(p*n+p2+1)*c], keys)
		}
	}
	t.constraint = constraintLabels{
		vb: t.findLabel(VERB, VB), vbp: t.findLabel(VERB, VBP), vbz: t.findLabel(VERB, VBZ), vbg: t.findLabel(VERB, VBG), to: t.findLabel(PART, TO),
	}
	t.scratch.New = func() any {
		return &scratch{scores: make([]float32, c)}
	}
	return t, nil
}

// addKeys adds the weights of keys to scores.
func (t *Tagger) addKeys(scores []float32, keys []uint32) {
	for _, k := range keys {
		start, end, ok := t.features.get(k)
		if !ok {
			continue
		}
		for _, e := range t.entries[start:end] {
			scores[e.Label] += e.Weight
		}
	}
}

// addVector adds a dense vector to scores.
func addVector(scores, v []float32) {
	v = v[:len(scores)]
	for j := range scores {
		scores[j] += v[j]
	}
}

// Tag tags one sentence's tokens and appends the result to dst[:0]. It does
// not allocate once dst has room and the scratch buffers have warmed up.
func (t *Tagger) Tag(words []string, dst []Tagged) []Tagged {
	dst = dst[:0]
	if len(words) == 0 {
		return dst
	}
	s := t.scratch.Get().(*scratch)
	defer t.scratch.Put(s)
	s.words = grow(s.words, len(words))
	s.types = grow(s.types, len(words))
	s.labels = grow(s.labels, len(words))
	for i, w := range words {
		id := t.vocab.get(w)
		s.types[i] = id
		if id >= 0 {
			s.words[i] = t.types[id].word
		} else {
			s.words[i] = model.Describe(w, t.lexicon, t.seen)
		}
	}
	c := t.classes
	n := c + 1
	scores := s.scores
	prev, prev2 := t.start, t.start
	for i := range words {
		label := -1
		if id := s.types[i]; id >= 0 {
			if f := t.types[id].fixed; f >= 0 {
				label = int(f)
			}
		}
		if label < 0 {
			copy(scores, t.tagVectors[(prev*n+prev2)*c:(prev*n+prev2+1)*c])
			t.addRole(scores, s, i, roleSelf)
			t.addRole(scores, s, i-1, rolePrev)
			t.addRole(scores, s, i-2, rolePrev2)
			t.addRole(scores, s, i+1, roleNext)
			t.addRole(scores, s, i+2, roleNext2)
			prevLower, nextLower := model.HashStart(), model.HashEnd()
			if i > 0 {
				prevLower = s.words[i-1].Lower
			}
			if i+1 < len(words) {
				nextLower = s.words[i+1].Lower
			}
			s.keys = model.PairKeys(&s.words[i], i == 0, prevLower, nextLower, prev, s.keys[:0])
			t.addKeys(scores, s.keys)
			label = model.Argmax(scores)
		}
		s.labels[i] = label
		prev2, prev = prev, label
	}
	if !t.noConstraints {
		t.applyConstraints(words, s, s.labels)
	}
	for _, label := range s.labels {
		dst = append(dst, t.labels[label])
	}
	return dst
}

// addRole adds the contribution of the word at position j in the given role.
func (t *Tagger) addRole(scores []float32, s *scratch, j, role int) {
	if j < 0 || j >= len(s.words) {
		s.keys = model.BoundaryKeys(roleOffset[role], s.keys[:0])
		t.addKeys(scores, s.keys)
		return
	}
	if id := s.types[j]; id >= 0 && role == roleSelf {
		c := t.classes
		addVector(scores, t.vectors[int(id)*c:int(id+1)*c])
		return
	}
	w := &s.words[j]
	switch role {
	case roleSelf:
		s.keys = model.SelfKeys(w, s.keys[:0])
	case rolePrev:
		s.keys = model.PrevKeys(w, s.keys[:0])
	case rolePrev2:
		s.keys = model.Prev2Keys(w, s.keys[:0])
	case roleNext:
		s.keys = model.NextKeys(w, s.keys[:0])
	case roleNext2:
		s.keys = model.Next2Keys(w, s.keys[:0])
	}
	t.addKeys(scores, s.keys)
}

var roleOffset = [numRoles]int{0, -1, -2, 1, 2}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// featureTable is an open-addressing map from feature key to a range of entries.
type featureTable struct {
	mask  uint32
	keys  []uint32
	spans [][2]uint32 // entries start, end; end 0 marks an empty slot
}

func newFeatureTable(n int) featureTable {
	size := uint32(1)
	for size < uint32(n)*2 {
		size <<= 1
	}
	return featureTable{mask: size - 1, keys: make([]uint32, size), spans: make([][2]uint32, size)}
}

func (f *featureTable) put(k, start, end uint32) {
	for i := (k * 0x9e3779b1) & f.mask; ; i = (i + 1) & f.mask {
		if f.spans[i][1] == 0 {
			f.keys[i], f.spans[i] = k, [2]uint32{start, end}
			return
		}
	}
}

func (f *featureTable) get(k uint32) (start, end uint32, ok bool) {
	for i := (k * 0x9e3779b1) & f.mask; ; i = (i + 1) & f.mask {
		sp := f.spans[i]
		if sp[1] == 0 {
			return 0, 0, false
		}
		if f.keys[i] == k {
			return sp[0], sp[1], true
		}
	}
}

// vocabTable is an open-addressing map from an exact word form to its type.
type vocabTable struct {
	mask   uint64
	hashes []uint64
	ids    []int32
	forms  []string
}

func newVocabTable(n int) vocabTable {
	size := uint64(1)
	for size < uint64(n)*2 {
		size <<= 1
	}
	v := vocabTable{mask: size - 1, hashes: make([]uint64, size), ids: make([]int32, size), forms: make([]string, size)}
	for i := range v.ids {
		v.ids[i] = -1
	}
	return v
}

func hashExact(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

func (v *vocabTable) put(form string, id int32) {
	h := hashExact(form)
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		if v.ids[i] < 0 {
			v.hashes[i], v.ids[i], v.forms[i] = h, id, form
			return
		}
	}
}

func (v *vocabTable) get(form string) int32 {
	h := hashExact(form)
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		id := v.ids[i]
		if id < 0 {
			return -1
		}
		if v.hashes[i] == h && v.forms[i] == form {
			return id
		}
	}
}
