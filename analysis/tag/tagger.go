package tag

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"liaison/analysis/tag/internal/model"
)

//go:generate go run ./internal/train -context -train ../../../shared/data/ud-english-ewt/en_ewt-ud-train.conllu,../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu -test ../../../shared/data/ud-english-ewt/en_ewt-ud-test.conllu -out model.bin.zst

//go:embed model.bin.zst
var embeddedModel []byte

// Tagged is the tagging of one word.
type Tagged struct {
	UPOS UPOS
	PTB  PTB
}

// Tagger tags sentences. It is safe for concurrent use: what it builds on
// first use (the descriptions of word forms, the previous-two-tags rows)
// is published atomically, immutable, and the same whoever builds it;
// Trim empties those caches, and they fill again as they are used.
type Tagger struct {
	labels  []Tagged
	classes int
	start   int // label index standing for "before the sentence"

	// Sparse weights of the hashed features, for what is not precomputed.
	// Scores are integers, in units of the model's weight quantum; an
	// entry packs the weight (high 24 bits, signed) and the label (low 8).
	features featureTable
	entries  []uint32

	// Known word forms: vocab maps a form to its type id and has the
	// type's form and lexicon class; fixed[id] is its fixed label or -1.
	vocab vocabTable
	fixed []int8
	// known[id] is the type's description with its precomputed scores,
	// built on the type's first use (see wordType) and kept until Trim:
	// building all of them would make Load several times slower, and a
	// text uses few.
	known []atomicWordType
	// boundary[r] is what a missing neighbour (past a sentence edge) in
	// role r contributes.
	boundary [numRoles][]uint32

	zeros     []int32        // classes zeros, standing for no dense vector
	noCluster clusterVectors // zeros, the cluster scores of a word without one

	// clusterRows maps a cluster path to the scores of its neighbour
	// features, built on first use (models with clusters only: see
	// internal/genclusters): they weigh the same for each word of the
	// cluster. It is read when a word type is described, not per token.
	clusterRows sync.Map // uint32 → *clusterVectors

	// tagRows[prev*(classes+1)+prev2] scores the previous-two-tags
	// features, built on first use: most pairs of tags never occur.
	tagRows []atomic.Pointer[tagRow]

	seen     func(uint64) (model.Labelset, bool)
	clusters func(uint64) uint32
	lexicon  model.Lexicon

	// set is the model's feature set; neighbourFirst[r] is where role
	// r's keys start among a word type's spans in that set.
	set            model.FeatureSet
	neighbourFirst [numRoles + 1]int
	// capRows[i] scores the capitals context i (context set only): 64
	// dense rows instead of a hashed lookup per token.
	capRows [][]int32

	// unknown caches the description of word forms the model has not
	// seen, by form: a direct-mapped table of immutable entries. Entries
	// depend on the form alone, so the cache does not change any result.
	unknown []atomicWordType

	constraint    constraintLabels
	noConstraints bool   // for measuring the constraint pass
	offBranches   uint32 // for measuring its branches: those whose bits are set are off
	scratch       sync.Pool
}

// wordType is a word form described once, with what scoring it needs
// precomputed. It is immutable once published. Thousands are kept (about
// 9,000 for the Rust Book), so it keeps of the form's model.Word only what
// the pass and the constraints read: 160 bytes, not 352 with the Word.
type wordType struct {
	form     string // unknown forms only: the cache key
	lower    uint64 // the Word's Lower: the neighbours' pair features
	lex      uint32 // its Lex
	capital  bool   // its Capital
	capClass uint8  // its model.CapClass (the capitals contexts)
	// firstShape: spans (see spans) of the type's first-and-shape
	// features, not first and first in a sentence.
	firstShape [2]uint32
	// spans are the type's features as a neighbour, resolved: the spans
	// (start<<maxRowBits | length; 0 when absent) into entries of its keys
	// in roles rolePrev..roleNext2, in that order; role r's keys start at
	// the tagger's neighbourFirst[r].
	spans  [maxNeighbourKeys]uint32
	vector []int32 // the sum of its word-only features, not first in a sentence
	// Frequent known types (seen in training often enough to have a Seen
	// set) also have dense vectors as the previous and the next word; nil
	// for other types.
	prevVector, nextVector []int32
	// cluster scores the type's cluster features as the previous and the
	// next word, shared by the types of its cluster (see clusterScores);
	// the tagger's noCluster (zeros) for a model without clusters.
	cluster *clusterVectors
}

// atomicWordType is a slot of a cache of descriptions: nil until built,
// and again after Trim.
type atomicWordType = atomic.Pointer[wordType]

// clusterVectors are the dense scores of one cluster path's features as
// the previous word and as the next word.
type clusterVectors struct{ prev, next []int32 }

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
	types  []int32     // vocabulary ids, -1 for unknown forms
	descs  []*wordType // descriptions of the words
	keys   []uint32
	// scores is indexed by a label (a uint8), so the compiler can drop
	// the bounds checks; only the first classes entries are used.
	scores [256]int32
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
	if len(m.Labels) == 0 {
		return nil, fmt.Errorf("tag: model has no labels")
	}
	if len(m.Labels) > math.MaxInt8 {
		return nil, fmt.Errorf("tag: %d labels, at most %d", len(m.Labels), math.MaxInt8)
	}
	t := &Tagger{classes: len(m.Labels), start: m.StartTag(), seen: m.SeenFunc(), clusters: m.ClusterFunc(), lexicon: lex, set: m.Features}
	var probe model.Word
	for role := rolePrev; role < numRoles; role++ {
		t.neighbourFirst[role+1] = t.neighbourFirst[role] + len(neighbourKeys(t.set, &probe, role, nil))
	}
	if t.neighbourFirst[numRoles] > maxNeighbourKeys {
		return nil, fmt.Errorf("tag: %d neighbour keys, at most %d", t.neighbourFirst[numRoles], maxNeighbourKeys)
	}
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
	// Known word types: their descriptions are built on first use.
	vocab, err := newVocabTable(m.Vocab)
	if err != nil {
		return nil, err
	}
	t.vocab = vocab
	t.fixed = make([]int8, len(m.Vocab))
	for i, v := range m.Vocab {
		if v.Fixed >= len(m.Labels) {
			return nil, fmt.Errorf("tag: fixed label %d out of range", v.Fixed)
		}
		t.fixed[i] = int8(max(v.Fixed, -1))
	}
	t.zeros = make([]int32, len(m.Labels))
	t.noCluster = clusterVectors{prev: t.zeros, next: t.zeros}
	t.constraint = constraintLabels{
		vb: t.findLabel(VERB, VB), vbp: t.findLabel(VERB, VBP), vbz: t.findLabel(VERB, VBZ), vbg: t.findLabel(VERB, VBG),
		nnp: t.findLabel(PROPN, NNP),
	}
	t.scratch.New = func() any { return new(scratch) }
	if err := t.setWeights(m); err != nil {
		return nil, err
	}
	return t, nil
}

// setWeights builds the tables of the weights of m (the flat form).
func (t *Tagger) setWeights(m *model.Model) error {
	// Sparse feature table.
	if len(m.Packed) >= maxEntries {
		return fmt.Errorf("tag: %d weights, at most %d", len(m.Packed), maxEntries-1)
	}
	if len(m.Ends) != len(m.Keys) {
		return fmt.Errorf("tag: %d feature rows for %d keys", len(m.Ends), len(m.Keys))
	}
	features, err := newFeatureTable(m.Keys, m.Ends, len(m.Packed))
	if err != nil {
		return err
	}
	t.features, t.entries = features, m.Packed
	t.known = make([]atomicWordType, t.vocab.len())
	// The sentence edges.
	var keys []uint32
	for role := rolePrev; role < numRoles; role++ {
		keys = model.BoundaryKeys(t.set, roleOffset[role], keys[:0])
		t.boundary[role] = t.appendEntries(nil, keys)
	}
	if t.set >= model.ContextFeatures {
		t.capRows = make([][]int32, model.CapContexts)
		rows := make([]int32, model.CapContexts*t.classes)
		for i := range t.capRows {
			t.capRows[i] = rows[i*t.classes : (i+1)*t.classes : (i+1)*t.classes]
			t.addKeys(t.capRows[i], []uint32{model.CapContextKeyOf(i)})
		}
	}
	t.tagRows = make([]atomic.Pointer[tagRow], (t.classes+1)*(t.classes+1))
	t.unknown = make([]atomicWordType, unknownSlots)
	return nil
}

// tagRow is the dense score vector of the previous-two-tags features of
// one pair of tags; the first classes entries are used.
type tagRow [math.MaxInt8]int32

// tagScores returns the scores of the previous-two-tags features given the
// previous tag prev and the one before it, prev2, building them on first
// use (see knownType).
func (t *Tagger) tagScores(prev, prev2 int) []int32 {
	slot := &t.tagRows[prev*(t.classes+1)+prev2]
	if r := slot.Load(); r != nil {
		return r[:t.classes]
	}
	r := new(tagRow)
	var buf [8]uint32
	t.addKeys(r[:t.classes], model.TagKeys(prev, prev2, buf[:0]))
	if !slot.CompareAndSwap(nil, r) {
		r = slot.Load()
	}
	return r[:t.classes]
}

// clusterScores returns the dense scores of the neighbour features of a
// cluster path, building them on first use (see knownType).
func (t *Tagger) clusterScores(path uint32) *clusterVectors {
	if v, ok := t.clusterRows.Load(path); ok {
		return v.(*clusterVectors)
	}
	vectors := make([]int32, 2*t.classes)
	v := &clusterVectors{prev: vectors[:t.classes:t.classes], next: vectors[t.classes:]}
	var buf [8]uint32
	t.addKeys(v.prev, model.PrevClusterKeys(path, buf[:0]))
	t.addKeys(v.next, model.NextClusterKeys(path, buf[:0]))
	got, _ := t.clusterRows.LoadOrStore(path, v)
	return got.(*clusterVectors)
}

const (
	unknownSlots     = 1 << 15
	maxCachedUnknown = 64 // bytes; longer forms are described every time
)

// knownType returns the description of vocabulary type id, building it on
// first use. Concurrent first uses may each build one; all are equal, and
// the first published is kept.
func (t *Tagger) knownType(id int32) *wordType {
	slot := &t.known[id]
	if d := slot.Load(); d != nil {
		return d
	}
	w := model.Describe(t.vocab.form(id), nil, t.seen, t.clusters)
	w.Lex = t.vocab.lex[id]
	d := t.describe(&w, w.HasSeen)
	if !slot.CompareAndSwap(nil, d) {
		return slot.Load()
	}
	return d
}

// describeUnknown returns the description of w, a form not in the vocabulary.
func (t *Tagger) describeUnknown(w string) *wordType {
	h := hashExact(w)
	slot := &t.unknown[(h^h>>31)&(unknownSlots-1)]
	if u := slot.Load(); u != nil && u.form == w {
		return u
	}
	desc := model.Describe(w, t.lexicon, t.seen, t.clusters)
	u := t.describe(&desc, false)
	if len(w) <= maxCachedUnknown {
		u.form = strings.Clone(w)
		slot.Store(u)
	}
	return u
}

// describe precomputes the scoring of a described word; dense asks for its
// dense vectors as a neighbour too.
func (t *Tagger) describe(w *model.Word, dense bool) *wordType {
	c := t.classes
	size := c
	if dense {
		size = 3 * c
	}
	vectors := make([]int32, size)
	d := &wordType{lower: w.Lower, lex: w.Lex, capital: w.Capital, capClass: model.CapClass(w), vector: vectors[:c:c]}
	var buf [32]uint32
	keys := model.SelfKeys(t.set, w, buf[:0])
	keys = append(keys, model.FirstShapeKey(w, false))
	t.addKeys(d.vector, keys)
	d.firstShape = [2]uint32{t.features.span(model.FirstShapeKey(w, false)), t.features.span(model.FirstShapeKey(w, true))}
	k := 0
	for role := rolePrev; role < numRoles; role++ {
		for _, key := range neighbourKeys(t.set, w, role, buf[:0]) {
			d.spans[k] = t.features.span(key)
			k++
		}
	}
	d.cluster = &t.noCluster
	if w.Cluster != 0 {
		d.cluster = t.clusterScores(w.Cluster)
	}
	if dense {
		d.prevVector = vectors[c : 2*c : 2*c]
		d.nextVector = vectors[2*c:]
		t.addKeys(d.prevVector, model.PrevKeys(t.set, w, buf[:0]))
		t.addKeys(d.nextVector, model.NextKeys(t.set, w, buf[:0]))
	}
	return d
}

// neighbourKeys appends the keys of w's features of set fs in a neighbour
// role but those of its cluster (scored by clusterScores).
func neighbourKeys(fs model.FeatureSet, w *model.Word, role int, dst []uint32) []uint32 {
	switch role {
	case rolePrev:
		return model.PrevOwnKeys(fs, w, dst)
	case rolePrev2:
		return model.Prev2Keys(w, dst)
	case roleNext:
		return model.NextOwnKeys(fs, w, dst)
	default:
		return model.Next2Keys(w, dst)
	}
}

// appendEntries appends the weights of keys to dst.
func (t *Tagger) appendEntries(dst []uint32, keys []uint32) []uint32 {
	for _, k := range keys {
		if start, end, ok := t.features.get(k); ok {
			dst = append(dst, t.entries[start:end]...)
		}
	}
	return dst
}

// addKeys adds the weights of keys to scores.
func (t *Tagger) addKeys(scores []int32, keys []uint32) {
	for _, k := range keys {
		start, end, ok := t.features.get(k)
		if !ok {
			continue
		}
		for _, e := range t.entries[start:end] {
			scores[uint8(e)] += int32(e) >> 8
		}
	}
}

// addEntries adds packed weights to scores.
func addEntries(scores *[256]int32, entries []uint32) {
	for _, e := range entries {
		scores[uint8(e)] += int32(e) >> 8
	}
}

// addKeysTo adds the weights of keys to scores.
func (t *Tagger) addKeysTo(scores *[256]int32, keys []uint32) {
	for _, k := range keys {
		if start, end, ok := t.features.get(k); ok {
			addEntries(scores, t.entries[start:end])
		}
	}
}

// Tag tags one sentence's tokens and appends the result to dst[:0]. It does
// not allocate once dst has room, the scratch buffers have warmed up and
// the sentence's word forms have been seen before.
func (t *Tagger) Tag(words []string, dst []Tagged) []Tagged {
	dst = dst[:0]
	if len(words) == 0 {
		return dst
	}
	s := t.scratch.Get().(*scratch)
	defer t.scratch.Put(s)
	s.types = grow(s.types, len(words))
	s.descs = grow(s.descs, len(words))
	s.labels = grow(s.labels, len(words))
	for i, w := range words {
		id := t.vocab.get(w)
		s.types[i] = id
		if id >= 0 {
			s.descs[i] = t.knownType(id)
		} else {
			s.descs[i] = t.describeUnknown(w)
		}
	}
	t.pass(s, s.labels)
	if !t.noConstraints {
		t.applyConstraints(words, s, s.labels)
	}
	for _, label := range s.labels {
		dst = append(dst, t.labels[label])
	}
	return dst
}

// pass tags the words of s greedily, left to right, into out.
func (t *Tagger) pass(s *scratch, out []int) {
	descs := s.descs
	c := t.classes
	scores := &s.scores
	prev, prev2 := t.start, t.start
	for i := range descs {
		label := -1
		id := s.types[i]
		if id >= 0 {
			label = int(t.fixed[id])
		}
		if label < 0 {
			// Dense vectors: the previous two tags, the word-only
			// features, the neighbours if frequent.
			d := descs[i]
			sc := scores[:c]
			tv := t.tagScores(prev, prev2)
			pv, nv := t.zeros, t.zeros
			prevDense, nextDense := false, false
			if i > 0 {
				if v := descs[i-1].prevVector; v != nil {
					pv, prevDense = v, true
				} else {
					pv = descs[i-1].cluster.prev
				}
			}
			if i+1 < len(descs) {
				if v := descs[i+1].nextVector; v != nil {
					nv, nextDense = v, true
				} else {
					nv = descs[i+1].cluster.next
				}
			}
			// The sparse features first, the dense sum with the argmax last.
			clear(sc)
			if i == 0 { // the word vector assumes a word not first
				subEntries(scores, t.spanEntries(d.firstShape[0]))
				addEntries(scores, t.spanEntries(d.firstShape[1]))
			}
			if !prevDense {
				t.addNeighbour(scores, descs, i-1, rolePrev)
			}
			t.addNeighbour(scores, descs, i-2, rolePrev2)
			if !nextDense {
				t.addNeighbour(scores, descs, i+1, roleNext)
			}
			t.addNeighbour(scores, descs, i+2, roleNext2)
			prevLower, nextLower := model.HashStart(), model.HashEnd()
			if i > 0 {
				prevLower = descs[i-1].lower
			}
			if i+1 < len(descs) {
				nextLower = descs[i+1].lower
			}
			s.keys = model.ContextKeys(d.lower, d.lex, prevLower, nextLower, prev, s.keys[:0])
			if t.capRows != nil {
				var prevCap, nextCap uint8 // 0: past a sentence edge
				if i > 0 {
					prevCap = descs[i-1].capClass
				}
				if i+1 < len(descs) {
					nextCap = descs[i+1].capClass
				}
				for j, w := range t.capRows[model.CapContextIndexOf(prevCap, d.capClass, nextCap)] {
					sc[j] += w
				}
			}
			t.addKeysTo(scores, s.keys)
			label = argmaxSum(sc, tv, d.vector, pv, nv)
		}
		out[i] = label
		prev2, prev = prev, label
	}
}

// argmaxSum returns the label with the largest sum of the sparse scores
// sc and the dense vectors (the first on ties).
func argmaxSum(sc, tv, sv, pv, nv []int32) int {
	n := len(sc)
	tv, sv, pv, nv = tv[:n], sv[:n], pv[:n], nv[:n]
	best, top := 0, int32(math.MinInt32)
	j := 0
	for ; j+1 < n; j += 2 { // two at a time: half the loop overhead
		x := sc[j] + tv[j] + sv[j] + pv[j] + nv[j]
		y := sc[j+1] + tv[j+1] + sv[j+1] + pv[j+1] + nv[j+1]
		if x > top {
			best, top = j, x
		}
		if y > top {
			best, top = j+1, y
		}
	}
	if j < n {
		if x := sc[j] + tv[j] + sv[j] + pv[j] + nv[j]; x > top {
			best = j
		}
	}
	return best
}

// spanEntries returns the entries of a span (see neighbourSpans).
func (t *Tagger) spanEntries(sp uint32) []uint32 {
	start := sp >> maxRowBits
	return t.entries[start : start+sp&maxRow]
}

// subEntries subtracts packed weights from scores.
func subEntries(scores *[256]int32, entries []uint32) {
	for _, e := range entries {
		scores[uint8(e)] -= int32(e) >> 8
	}
}

// addNeighbour adds the contribution of the word at position j in a
// neighbour role: precomputed for known word types and the sentence edges.
func (t *Tagger) addNeighbour(scores *[256]int32, descs []*wordType, j, role int) {
	if j < 0 || j >= len(descs) {
		addEntries(scores, t.boundary[role])
		return
	}
	for _, sp := range descs[j].spans[t.neighbourFirst[role]:t.neighbourFirst[role+1]] {
		start := sp >> maxRowBits
		addEntries(scores, t.entries[start:start+sp&maxRow])
	}
}

var roleOffset = [numRoles]int{0, -1, -2, 1, 2}

// maxNeighbourKeys is the most keys a word type has in the neighbour
// roles together (the context set's 3+1+4+1; the plain set has 7).
const maxNeighbourKeys = 9

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// featureTable maps a feature key to a range of entries. Keys are hashes,
// so they spread evenly: the slots are sorted by key, and first[b] is the
// first slot whose key's top bits are b or more, about bucketSize slots
// per bucket. A slot packs the key (high 32 bits), the range's start and its
// length (low maxRowBits bits). The model lists its keys sorted, so the
// table is built in one sequential pass: a table with random writes costs
// a cache miss each in a fresh process.
type featureTable struct {
	shift uint32
	first []uint32 // 1<<(32-shift) + 1 entries
	slots []uint64
}

// bucketSize is about how many slots share a bucket of the feature table:
// a probe reads first (small enough to stay in cache) and then one or two
// cache lines of slots, instead of a miss in a table as long as the slots.
const bucketSize = 4

const (
	maxRowBits = 7
	maxRow     = 1<<maxRowBits - 1
	maxEntries = 1 << (32 - maxRowBits)
)

// newFeatureTable builds the table of keys, strictly increasing, where
// keys[i] has the entries from ends[i-1] (0 for the first) to ends[i].
func newFeatureTable(keys, ends []uint32, entries int) (featureTable, error) {
	if len(ends) != len(keys) {
		return featureTable{}, fmt.Errorf("tag: %d feature rows for %d keys", len(ends), len(keys))
	}
	bits := 1
	for bits < 24 && 1<<bits < len(keys)/bucketSize {
		bits++
	}
	f := featureTable{shift: uint32(32 - bits), first: make([]uint32, 1<<bits+1), slots: make([]uint64, len(keys))}
	start := uint32(0)
	bucket := 0
	for i, k := range keys {
		if ends[i] <= start || ends[i]-start > maxRow || int(ends[i]) > entries || i > 0 && k <= keys[i-1] {
			return featureTable{}, fmt.Errorf("tag: corrupt feature row %d", i)
		}
		for ; bucket <= int(k>>f.shift); bucket++ {
			f.first[bucket] = uint32(i)
		}
		f.slots[i] = uint64(k)<<32 | uint64(start)<<maxRowBits | uint64(ends[i]-start)
		start = ends[i]
	}
	for ; bucket < len(f.first); bucket++ {
		f.first[bucket] = uint32(len(keys))
	}
	return f, nil
}

// span returns the low half of k's slot, start<<maxRowBits | length, or 0.
func (f *featureTable) span(k uint32) uint32 {
	b := k >> f.shift
	for _, slot := range f.slots[f.first[b]:f.first[b+1]] {
		if uint32(slot>>32) == k {
			return uint32(slot)
		}
	}
	return 0
}

func (f *featureTable) get(k uint32) (start, end uint32, ok bool) {
	sp := f.span(k)
	start = sp >> maxRowBits
	return start, start + sp&maxRow, sp != 0
}

// vocabTable is an open-addressing map from an exact word form to its type.
// A slot packs the high bits of the form's hash and its type id plus one
// (the low vocabIDBits bits; 0 marks an empty slot), so a probe reads one
// slot, and a hit the type's form. The forms are kept end to end in one
// string, not as the model's entries (a string header, a lexicon class
// and a fixed label each, 32 bytes, and the substrings keep the model's
// whole decoded tail): 0.3 MB instead of 0.8 for EWT's 19,674 forms.
type vocabTable struct {
	mask   uint64
	slots  []uint64
	forms  string   // the forms, in type id order
	starts []uint32 // form id is forms[starts[id]:starts[id+1]]
	lex    []uint32 // the lexicon class of each type at training time
}

const (
	vocabIDBits = 24
	maxVocab    = 1<<vocabIDBits - 1
)

// newVocabTable maps the forms of entries to their indexes.
func newVocabTable(entries []model.VocabEntry) (vocabTable, error) {
	if len(entries) > maxVocab {
		return vocabTable{}, fmt.Errorf("tag: %d word forms, at most %d", len(entries), maxVocab)
	}
	size := uint64(1)
	for size < uint64(len(entries))*2 {
		size <<= 1
	}
	ids := make([]uint32, 2*len(entries)+1) // the starts and the classes, one allocation
	v := vocabTable{mask: size - 1, slots: make([]uint64, size), starts: ids[: len(entries)+1 : len(entries)+1], lex: ids[len(entries)+1:]}
	n := 0
	for _, e := range entries {
		n += len(e.Form)
	}
	if n > math.MaxUint32 {
		return vocabTable{}, fmt.Errorf("tag: %d bytes of word forms, at most %d", n, math.MaxUint32)
	}
	forms := make([]byte, n)
	at := 0
	for id, e := range entries {
		// Copied byte by byte as it is hashed: an append per form made
		// the table 0.2-0.3 ms slower to build than without the copy
		// (Load takes about 4), this loop 0.05-0.1 ms.
		h := uint64(hashOffset)
		for i := 0; i < len(e.Form); i++ {
			c := e.Form[i]
			h = (h ^ uint64(c)) * hashPrime
			forms[at+i] = c
		}
		at += len(e.Form)
		v.starts[id+1] = uint32(at)
		v.lex[id] = e.Lex
		for i := h & v.mask; ; i = (i + 1) & v.mask {
			if v.slots[i] == 0 {
				v.slots[i] = h&^maxVocab | uint64(id+1)
				break
			}
		}
	}
	v.forms = string(forms)
	return v, nil
}

// hashExact is the FNV-1a hash of s.
func hashExact(s string) uint64 {
	h := uint64(hashOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * hashPrime
	}
	return h
}

const (
	hashOffset = 14695981039346656037
	hashPrime  = 1099511628211
)

// len returns the number of types.
func (v *vocabTable) len() int { return len(v.lex) }

// form returns the form of type id.
func (v *vocabTable) form(id int32) string { return v.forms[v.starts[id]:v.starts[id+1]] }

// get returns the type id of form, or -1.
func (v *vocabTable) get(form string) int32 {
	h := hashExact(form)
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		slot := v.slots[i]
		if slot == 0 {
			return -1
		}
		if slot&^maxVocab == h&^maxVocab {
			if id := int32(slot&maxVocab) - 1; v.form(id) == form {
				return id
			}
		}
	}
}
