package model

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/klauspost/compress/zstd"
)

// Label is one tagger output: a UPOS tag and a PTB tag, spelled as in CoNLL-U.
type Label struct{ UPOS, PTB string }

// Entry is one non-zero weight of a feature.
type Entry struct {
	Label  uint8
	Weight float32
}

// VocabEntry is a word form seen in training.
type VocabEntry struct {
	Form  string
	Lex   uint32 // lexicon class at training time
	Fixed int    // label always given to this frequent unambiguous form, or -1
}

// SeenEntry is the training label set of a frequent lower-cased form.
type SeenEntry struct {
	Lower uint64
	Set   Labelset
}

// Model is a trained tagger model.
type Model struct {
	Labels  []Label
	Weights map[uint32][]Entry // as trained; Decode leaves it nil and fills the flat form

	// Flat form of the weights: feature Keys[i] has Packed[Ends[i-1]:Ends[i]].
	// A packed entry is the weight in units of Scale, a signed integer of
	// magnitude at most 32767, in the high 24 bits and the label in the
	// low 8.
	Keys   []uint32
	Ends   []uint32
	Packed []uint32
	// Scale is the quantum of the decoded weights.
	Scale float32
	Vocab []VocabEntry
	Seen  []SeenEntry // sorted by Lower
	// Clusters are the word-cluster paths of lower-cased forms, sorted by
	// Key (the high 32 bits of the form's HashLower).
	Clusters []ClusterEntry
	// Features is the set of templates the weights are for.
	Features FeatureSet
}

// ClusterEntry is the cluster path (see PackPath) of the forms whose
// HashLower has the high 32 bits Key.
type ClusterEntry struct {
	Key, Path uint32
}

// ClusterFunc returns a lookup of the cluster paths for Describe: the
// empty path (1) for a form without one; nil if the model has none.
func (m *Model) ClusterFunc() func(uint64) uint32 {
	if len(m.Clusters) == 0 {
		return nil
	}
	cl := m.Clusters
	return func(lower uint64) uint32 {
		k := uint32(lower >> 32)
		i, ok := slices.BinarySearchFunc(cl, k, func(e ClusterEntry, t uint32) int { return cmp.Compare(e.Key, t) })
		if !ok {
			return 1
		}
		return cl[i].Path
	}
}

// StartTag is the label index standing for "before the sentence start".
func (m *Model) StartTag() int { return len(m.Labels) }

// SeenFunc returns a lookup of the Seen dictionary for Describe.
// It holds the Seen entries only, not the model: a tagger keeps it for
// its lifetime, and the model's flat keys and row ends, which the tagger
// copies into its own table, would stay with it (0.8 MB).
func (m *Model) SeenFunc() func(uint64) (Labelset, bool) {
	seen := m.Seen
	return func(lower uint64) (Labelset, bool) {
		i, ok := slices.BinarySearchFunc(seen, lower, func(e SeenEntry, t uint64) int {
			switch {
			case e.Lower < t:
				return -1
			case e.Lower > t:
				return 1
			}
			return 0
		})
		if !ok {
			return Labelset{}, false
		}
		return seen[i].Set, true
	}
}

// Keys appends all feature keys of set fs of position i given the
// previous two tags.
func Keys(fs FeatureSet, words []Word, i, prevTag, prev2Tag int, dst []uint32) []uint32 {
	w := &words[i]
	dst = SelfKeys(fs, w, dst)
	prevLower, nextLower := hashStart, hashEnd
	var prevW, nextW *Word
	if i > 0 {
		prevW = &words[i-1]
		dst = PrevKeys(fs, prevW, dst)
		prevLower = prevW.Lower
	} else {
		dst = BoundaryKeys(fs, -1, dst)
	}
	if i > 1 {
		dst = Prev2Keys(&words[i-2], dst)
	} else {
		dst = BoundaryKeys(fs, -2, dst)
	}
	if i+1 < len(words) {
		nextW = &words[i+1]
		dst = NextKeys(fs, nextW, dst)
		nextLower = nextW.Lower
	} else {
		dst = BoundaryKeys(fs, 1, dst)
	}
	if i+2 < len(words) {
		dst = Next2Keys(&words[i+2], dst)
	} else {
		dst = BoundaryKeys(fs, 2, dst)
	}
	dst = PairKeys(w, i == 0, prevLower, nextLower, prevTag, dst)
	if fs >= ContextFeatures {
		dst = append(dst, CapContextKey(prevW, w, nextW))
	}
	return TagKeys(prevTag, prev2Tag, dst)
}

// Reference is the plain decoder of a model.
type Reference struct {
	m        *Model
	vocabLex map[string]VocabEntry
	seen     func(uint64) (Labelset, bool)
	clusters func(uint64) uint32
}

// NewReference prepares the plain decoder of m.
func NewReference(m *Model) *Reference {
	m.unflatten()
	r := &Reference{m: m, vocabLex: make(map[string]VocabEntry, len(m.Vocab)), seen: m.SeenFunc(), clusters: m.ClusterFunc()}
	for _, v := range m.Vocab {
		r.vocabLex[v.Form] = v
	}
	return r
}

// unflatten fills Weights from the flat form, if empty.
func (m *Model) unflatten() {
	if m.Weights != nil {
		return
	}
	m.Weights = make(map[uint32][]Entry, len(m.Keys))
	entries := make([]Entry, len(m.Packed))
	for i, p := range m.Packed {
		entries[i] = Entry{Label: uint8(p), Weight: float32(int32(p)>>8) * m.Scale}
	}
	start := uint32(0)
	for i, k := range m.Keys {
		m.Weights[k] = entries[start:m.Ends[i]]
		start = m.Ends[i]
	}
}

// Tag tags one sentence the plain way: describe every word, score every
// feature through the weight map, greedy left to right. lex may be nil.
func (r *Reference) Tag(words []string, lex Lexicon) []int {
	m, vocabLex, seen, clusters := r.m, r.vocabLex, r.seen, r.clusters
	described := make([]Word, len(words))
	for i, s := range words {
		v, known := vocabLex[s]
		if known {
			described[i] = Describe(s, nil, seen, clusters)
			described[i].Lex = v.Lex
		} else {
			described[i] = Describe(s, lex, seen, clusters)
		}
	}
	out := make([]int, len(words))
	scores := make([]float32, len(m.Labels))
	var keys []uint32
	prev, prev2 := m.StartTag(), m.StartTag()
	for i := range words {
		if v, ok := vocabLex[words[i]]; ok && v.Fixed >= 0 {
			out[i] = v.Fixed
		} else {
			clear(scores)
			keys = Keys(m.Features, described, i, prev, prev2, keys[:0])
			for _, k := range keys {
				for _, e := range m.Weights[k] {
					scores[e.Label] += e.Weight
				}
			}
			out[i] = Argmax(scores)
		}
		prev2, prev = prev, out[i]
	}
	return out
}

// Argmax returns the index of the largest score (the first on ties).
func Argmax[T int32 | float32](scores []T) int {
	if len(scores) == 0 {
		return 0
	}
	best, top := 0, scores[0]
	for j, s := range scores {
		if s > top {
			best, top = j, s
		}
	}
	return best
}

// Format 2 has no clusters; format 3 adds them after the vocabulary;
// format 4 is format 3 with the feature set in a byte after the magic.
// A model of the plain set is written in format 2 or 3, as before sets.
var (
	magic         = []byte("liaison-tag\x02")
	magicClusters = []byte("liaison-tag\x03")
	magicFeatures = []byte("liaison-tag\x04")
)

// Encode writes the model, zstd-compressed, quantising weights to 16 bits.
func (m *Model) Encode(w io.Writer) error {
	var buf bytes.Buffer
	hasClusters := len(m.Clusters) > 0
	switch {
	case m.Features >= numFeatureSets:
		return fmt.Errorf("model: unknown feature set %d", m.Features)
	case m.Features != PlainFeatures:
		buf.Write(magicFeatures)
		buf.WriteByte(byte(m.Features))
		hasClusters = true // format 4 always has the cluster list, maybe empty
	case hasClusters:
		buf.Write(magicClusters)
	default:
		buf.Write(magic)
	}
	putUvarint(&buf, uint64(len(m.Labels)))
	for _, l := range m.Labels {
		putString(&buf, l.UPOS)
		putString(&buf, l.PTB)
	}
	encodeWeights(&buf, m.Weights)
	putUvarint(&buf, uint64(len(m.Seen)))
	var lastLower uint64
	for _, s := range m.Seen {
		putUvarint(&buf, s.Lower-lastLower)
		lastLower = s.Lower
		putUvarint(&buf, s.Set[0])
		putUvarint(&buf, s.Set[1])
	}
	putUvarint(&buf, uint64(len(m.Vocab)))
	for _, v := range m.Vocab {
		putString(&buf, v.Form)
		putUvarint(&buf, uint64(v.Lex))
		putUvarint(&buf, uint64(v.Fixed+1))
	}
	if hasClusters {
		putUvarint(&buf, uint64(len(m.Clusters)))
		var lastKey uint32
		for _, c := range m.Clusters {
			putUvarint(&buf, uint64(c.Key-lastKey))
			lastKey = c.Key
			putUvarint(&buf, uint64(c.Path))
		}
	}
	// The fastest level: the weights are hashes and small integers, which
	// the better levels compress only a little more (1.06 MB instead of
	// 1.45) for a decoding 1.8 ms slower at every start (Load 8.8 → 7.0
	// cpu-ms, same run).
	enc, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return fmt.Errorf("model: %w", err)
	}
	if _, err := enc.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	return nil
}

// encodeWeights writes weights quantised to 16 bits, with their scale, in
// columns of fixed width so that decodeWeights reads them without a branch
// per entry: the keys' deltas (uint32), the rows' lengths (uint8), the
// entries' labels (uint8) and weights (int16).
func encodeWeights(buf *bytes.Buffer, weights map[uint32][]Entry) {
	var maxAbs float64
	keys := make([]uint32, 0, len(weights))
	entries := 0
	for k, row := range weights {
		for _, e := range row {
			maxAbs = max(maxAbs, math.Abs(float64(e.Weight)))
		}
		if len(row) > 0 {
			keys = append(keys, k)
			entries += len(row)
		}
	}
	slices.Sort(keys)
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	_ = binary.Write(buf, binary.LittleEndian, scale)
	putUvarint(buf, uint64(len(keys)))
	putUvarint(buf, uint64(entries))
	var last uint32
	for _, k := range keys {
		buf.Write(binary.LittleEndian.AppendUint32(nil, k-last))
		last = k
	}
	for _, k := range keys {
		buf.WriteByte(byte(len(weights[k])))
	}
	for _, k := range keys {
		for _, e := range weights[k] {
			buf.WriteByte(e.Label)
		}
	}
	for _, k := range keys {
		for _, e := range weights[k] {
			q := max(-32767, min(32767, math.Round(float64(e.Weight/scale))))
			buf.Write(binary.LittleEndian.AppendUint16(nil, uint16(int16(q))))
		}
	}
}

// Decode reads a model written by Encode.
func Decode(compressed []byte) (*Model, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	defer dec.Close()
	// Room for the whole model up front: the frame does not say its size,
	// and letting DecodeAll grow its output copies it several times.
	raw, err := dec.DecodeAll(compressed, make([]byte, 0, 2*len(compressed)))
	if err != nil {
		return nil, fmt.Errorf("model: decompress: %w", err)
	}
	m := &Model{}
	hasClusters := bytes.HasPrefix(raw, magicClusters)
	body := raw[len(magic):]
	switch {
	case bytes.HasPrefix(raw, magicFeatures):
		if len(body) == 0 || FeatureSet(body[0]) >= numFeatureSets {
			return nil, errors.New("model: unknown feature set")
		}
		m.Features, body, hasClusters = FeatureSet(body[0]), body[1:], true
	case hasClusters, bytes.HasPrefix(raw, magic):
	default:
		return nil, errors.New("model: bad magic")
	}
	rd := reader{b: body}
	nLabels := rd.uvarint()
	if nLabels > 128 {
		return nil, fmt.Errorf("model: %d labels, at most 128", nLabels)
	}
	for i := uint64(0); i < nLabels && rd.err == nil; i++ {
		m.Labels = append(m.Labels, Label{UPOS: rd.string(), PTB: rd.string()})
	}
	if err := m.decodeWeights(&rd, nLabels, len(raw)); err != nil {
		return nil, err
	}
	nSeen := rd.uvarint()
	if rd.err == nil && nSeen > uint64(len(raw)) {
		return nil, errors.New("model: corrupt seen count")
	}
	var lower uint64
	m.Seen = make([]SeenEntry, 0, nSeen)
	for i := uint64(0); i < nSeen && rd.err == nil; i++ {
		lower += rd.uvarint()
		m.Seen = append(m.Seen, SeenEntry{Lower: lower, Set: Labelset{rd.uvarint(), rd.uvarint()}})
	}
	nVocab := rd.uvarint()
	if rd.err == nil && nVocab > uint64(len(raw)) {
		return nil, errors.New("model: corrupt vocabulary count")
	}
	m.Vocab = make([]VocabEntry, 0, nVocab)
	// The forms are substrings of one copy of the rest of the model.
	rest := string(rd.b)
	for i := uint64(0); i < nVocab && rd.err == nil; i++ {
		form := rd.substring(rest)
		lex := uint32(rd.uvarint())
		fixed := int(rd.uvarint()) - 1
		if fixed >= int(nLabels) {
			rd.err = errors.New("model: fixed label out of range")
		}
		m.Vocab = append(m.Vocab, VocabEntry{Form: form, Lex: lex, Fixed: fixed})
	}
	if hasClusters {
		nClusters := rd.uvarint()
		if rd.err == nil && nClusters > uint64(len(raw)) {
			return nil, errors.New("model: corrupt cluster count")
		}
		m.Clusters = make([]ClusterEntry, nClusters)
		var ck uint32
		for i := range m.Clusters {
			if rd.err != nil {
				break
			}
			ck += uint32(rd.uvarint())
			m.Clusters[i] = ClusterEntry{Key: ck, Path: uint32(rd.uvarint())}
		}
	}
	if rd.err != nil {
		return nil, fmt.Errorf("model: decode: %w", rd.err)
	}
	return m, nil
}

// decodeWeights reads what encodeWeights wrote into the flat form.
func (m *Model) decodeWeights(rd *reader, nLabels uint64, rawLen int) error {
	m.Scale = rd.float32()
	nKeys, nEntries := rd.uvarint(), rd.uvarint()
	if rd.err != nil {
		return fmt.Errorf("model: decode: %w", rd.err)
	}
	if nKeys > uint64(rawLen) || nEntries > uint64(rawLen) {
		return errors.New("model: corrupt feature count")
	}
	deltas, lengths := rd.take(4*int(nKeys)), rd.take(int(nKeys))
	labels, weights := rd.take(int(nEntries)), rd.take(2*int(nEntries))
	if rd.err != nil {
		return fmt.Errorf("model: decode: %w", rd.err)
	}
	m.Keys, m.Ends = make([]uint32, nKeys), make([]uint32, nKeys)
	var key, end uint32
	for i := range m.Keys {
		n := lengths[i]
		if n == 0 || uint64(n) > nLabels {
			return errors.New("model: corrupt feature row")
		}
		key += binary.LittleEndian.Uint32(deltas[4*i:])
		end += uint32(n)
		m.Keys[i], m.Ends[i] = key, end
	}
	if uint64(end) != nEntries {
		return errors.New("model: corrupt feature rows")
	}
	m.Packed = make([]uint32, nEntries)
	for j, l := range labels {
		if uint64(l) >= nLabels {
			return errors.New("model: label out of range")
		}
		w := int16(binary.LittleEndian.Uint16(weights[2*j:]))
		m.Packed[j] = uint32(int32(w))<<8 | uint32(l)
	}
	return nil
}

type reader struct {
	b   []byte
	err error
}

var errTruncated = errors.New("truncated")

func (rd *reader) uvarint() uint64 {
	if rd.err != nil {
		return 0
	}
	v, n := binary.Uvarint(rd.b)
	if n <= 0 {
		rd.err = errTruncated
		return 0
	}
	rd.b = rd.b[n:]
	return v
}

func (rd *reader) varint() int64 {
	if rd.err != nil {
		return 0
	}
	v, n := binary.Varint(rd.b)
	if n <= 0 {
		rd.err = errTruncated
		return 0
	}
	rd.b = rd.b[n:]
	return v
}

// take returns the next n bytes.
func (rd *reader) take(n int) []byte {
	if rd.err != nil || n < 0 || n > len(rd.b) {
		rd.err = cmpOr(rd.err, errTruncated)
		return nil
	}
	b := rd.b[:n]
	rd.b = rd.b[n:]
	return b
}

func (rd *reader) byte() uint8 {
	if rd.err != nil || len(rd.b) == 0 {
		rd.err = cmpOr(rd.err, errTruncated)
		return 0
	}
	c := rd.b[0]
	rd.b = rd.b[1:]
	return c
}

func (rd *reader) float32() float32 {
	if rd.err != nil || len(rd.b) < 4 {
		rd.err = cmpOr(rd.err, errTruncated)
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(rd.b))
	rd.b = rd.b[4:]
	return v
}

func (rd *reader) string() string {
	n := rd.uvarint()
	if rd.err != nil {
		return ""
	}
	if n > uint64(len(rd.b)) {
		rd.err = errTruncated
		return ""
	}
	str := string(rd.b[:n])
	rd.b = rd.b[n:]
	return str
}

// substring reads a string like string, as a substring of rest, which
// holds what remained of the input when rest was made.
func (rd *reader) substring(rest string) string {
	n := rd.uvarint()
	if rd.err != nil {
		return ""
	}
	if n > uint64(len(rd.b)) {
		rd.err = errTruncated
		return ""
	}
	at := len(rest) - len(rd.b)
	rd.b = rd.b[n:]
	return rest[at : at+int(n)]
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

func putVarint(b *bytes.Buffer, v int64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutVarint(tmp[:], v)])
}

func putString(b *bytes.Buffer, s string) {
	putUvarint(b, uint64(len(s)))
	b.WriteString(s)
}
