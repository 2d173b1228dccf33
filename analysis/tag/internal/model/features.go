package model

import (
	"unicode"
	"unicode/utf8"
)

// Lexicon gives the lexicon ambiguity class of a surface form: a bit set over
// the parts of speech (and inflection markers) the form can have. Zero means
// unknown to the lexicon.
type Lexicon interface {
	Classes(word string) uint32
}

// Feature templates. Each feature key is a 32-bit hash of its template and
// payload; the numbering is part of the model format.
const (
	tBias uint64 = iota + 1
	tWord
	tSuffix1
	tSuffix2
	tSuffix3
	tSuffix4
	tPrefix1
	tPrefix2
	tPrefix3
	tPrefix4
	tShape
	tFlags
	tLex
	tSeen
	tNextWord
	tNextSuffix3
	tNextLex
	tNext2Word
	tPrevWord
	tPrevSuffix3
	tPrev2Word
	tPrevWordWord
	tWordNextWord
	tPrevTagWord
	tPrevTagNextWord
	tFirstShape
	tPrevTag
	tPrev2Tag
	tPrevTagPrev2Tag
	tPrevTagLex
	tCluster4
	tCluster6
	tCluster10
	tCluster20
	tPrevCluster4
	tPrevCluster6
	tPrevCluster10
	tPrevCluster20
	tNextCluster4
	tNextCluster6
	tNextCluster10
	tNextCluster20
	_ // four templates measured for issue 14 and dropped: the last five
	_ // letters, the lexicon's readings one by one, the part after a
	_ // hyphen and its last three letters (no gain on EWT test beside the
	_ // context set)
	tPrevShape
	tNextShape
	tCapContext
	tExactWord
)

// FeatureSet names the templates a model was trained with; the model file
// records it.
type FeatureSet uint8

const (
	// PlainFeatures are the templates of model formats 2 and 3.
	PlainFeatures FeatureSet = iota
	// ContextFeatures add the previous and the next word's shapes, the
	// capitals of the word and its neighbours (CapContextKey) and the
	// form as written when it has a capital.
	ContextFeatures
	numFeatureSets
)

// selfClusterBits and neighbourClusterBits are the lengths of the
// cluster-path prefixes that are features of the word and of its
// neighbours: coarse prefixes generalise, long ones nearly name the word.
// The paths of genclusters are the classes of 16, 64 and 256 in 4, 6 and
// 8 bits, so these prefixes are those classes.
var (
	selfClusterBits      = [...]int{4, 10, 18}
	neighbourClusterBits = [NeighbourClusterKeys]int{4, 10, 18}
)

// NeighbourClusterKeys is how many cluster keys PrevKeys and NextKeys give.
const NeighbourClusterKeys = 3

// ClusterPrefix returns the first k bits of a cluster path packed as by
// PackPath, itself packed the same way (the whole path if it is shorter); 0
// for no path.
func ClusterPrefix(path uint32, k int) uint32 {
	if path == 0 {
		return 0
	}
	n := 31 - leadingZeros32(path) // path length
	if n <= k {
		return path
	}
	return path >> (n - k)
}

func leadingZeros32(x uint32) int {
	n := 0
	for x&0x80000000 == 0 {
		x <<= 1
		n++
	}
	return n
}

// PackPath packs a cluster path of '0' and '1' characters (at most 30)
// into an integer with a leading 1 bit: "0110" is 0b10110. It returns 0
// for an empty or invalid path.
func PackPath(path string) uint32 {
	if len(path) == 0 || len(path) > 30 {
		return 0
	}
	p := uint32(1)
	for i := 0; i < len(path); i++ {
		switch path[i] {
		case '0':
			p <<= 1
		case '1':
			p = p<<1 | 1
		default:
			return 0
		}
	}
	return p
}

// clusterKeys appends the keys of the prefixes of path of the lengths bits
// under the templates from first on; none for path 0 (a model without
// clusters: a model with them gives a word without a cluster the empty
// path, 1).
func clusterKeys(first uint64, bits []int, path uint32, dst []uint32) []uint32 {
	if path == 0 {
		return dst
	}
	for j, k := range bits {
		dst = append(dst, key(first+uint64(j), uint64(ClusterPrefix(path, k))))
	}
	return dst
}

// Sentinel word hashes for positions before the start and past the end.
const (
	hashStart uint64 = 0x5f5354415254 // "_START"
	hashEnd   uint64 = 0x5f454e44     // "_END"
)

// Word is what the features need to know about one token, computed once.
type Word struct {
	Lower    uint64    // hash of the lower-cased form
	Exact    uint64    // hash of the form as written, if it has a capital (0: none)
	Suffix   [4]uint64 // hashes of the lower-cased last 1..4 runes (0: shorter word)
	Prefix   [4]uint64 // hashes of the lower-cased first 1..4 runes
	Shape    uint64    // hash of the collapsed character-class shape
	Flags    uint32    // capitalisation, digit, hyphen, length bits
	Lex      uint32    // lexicon ambiguity class
	Cluster  uint32    // word-cluster path of the lower-cased form (see PackPath): 1 if it has none, 0 if the model has no clusters
	Seen     Labelset  // labels the word was seen with in training (frequent words only)
	HasSeen  bool
	Runes    int
	Capital  bool // first rune is upper case
	AllUpper bool
}

// Labelset is a set of label indexes.
type Labelset [2]uint64

// Add puts label l in the set.
func (s *Labelset) Add(l int) { s[l>>6&1] |= 1 << (l & 63) }

// Has reports whether label l is in the set.
func (s Labelset) Has(l int) bool { return s[l>>6&1]&(1<<(l&63)) != 0 }

// Count returns the set's size.
func (s Labelset) Count() int {
	n := 0
	for _, w := range s {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return n
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// key hashes a template and one payload into a feature key.
func key(template, a uint64) uint32 { return uint32(mix(template*0x9e3779b97f4a7c15 ^ a)) }

// key2 hashes a template and two payloads into a feature key.
func key2(template, a, b uint64) uint32 {
	return uint32(mix(mix(template*0x9e3779b97f4a7c15^a) ^ b*0xc2b2ae3d27d4eb4f))
}

func hashExact(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// CapClass is how a word is capitalised for CapContextKey, from 0 (nil:
// past a sentence edge) to 3.
func CapClass(w *Word) uint8 {
	switch {
	case w == nil: // past a sentence edge
		return 0
	case w.AllUpper && w.Runes > 1:
		return 1
	case w.Capital:
		return 2
	}
	return 3
}

// CapContextKey is the key of the capitals of the word and its neighbours
// (nil past a sentence edge) in ContextFeatures: a capital among capitals
// is part of a name, a capital after the sentence start need not be, and
// a line in capitals says nothing.
func CapContextKey(prev, w, next *Word) uint32 {
	return CapContextKeyOf(CapContextIndex(prev, w, next))
}

// CapContexts is the number of capitals contexts.
const CapContexts = 64

// CapContextIndex numbers the capitals context of CapContextKey, from 0
// to CapContexts-1, so a tagger can keep a dense row for each.
func CapContextIndex(prev, w, next *Word) int {
	return CapContextIndexOf(CapClass(prev), CapClass(w), CapClass(next))
}

// CapContextIndexOf is CapContextIndex of the words' CapClass.
func CapContextIndexOf(prev, w, next uint8) int {
	return int(prev)<<4 | int(w)<<2 | int(next)
}

// CapContextKeyOf is the key of the capitals context numbered i.
func CapContextKeyOf(i int) uint32 { return key(tCapContext, uint64(i)) }

// HashLower returns the FNV-1a hash of s lower-cased, without allocating.
func HashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	return h
}

// Flag bits of Word.Flags.
const (
	flagCapital = 1 << iota
	flagAllUpper
	flagDigit
	flagHyphen
	flagPeriod
	flagApostrophe
	flagNonLetter
	flagLen1
	flagLen2
	flagLen3
	flagLen4to5
	flagLen6to8
)

// Describe computes the per-word information the features use. lex may be
// nil; seen, when non-nil, gives the training label set of frequent words;
// clusters, when non-nil, the cluster path of a lower-cased form's hash.
func Describe(word string, lex Lexicon, seen func(lower uint64) (Labelset, bool), clusters func(lower uint64) uint32) Word {
	var w Word
	w.Lower = HashLower(word)
	// Rune boundaries for prefixes and suffixes.
	var starts [5]int // byte offsets where runes 1..4 end (prefixes)
	runes := 0
	shape := uint64(fnvOffset)
	var lastClass rune
	hasUpper, hasLower := false, false
	for i, r := range word {
		if runes < 5 {
			starts[runes] = i
		}
		runes++
		var class rune
		switch {
		case unicode.IsUpper(r):
			class = 'X'
			hasUpper = true
			if runes == 1 {
				w.Flags |= flagCapital
				w.Capital = true
			}
		case unicode.IsLower(r):
			class = 'x'
			hasLower = true
		case unicode.IsDigit(r):
			class = 'd'
			w.Flags |= flagDigit
		case unicode.IsLetter(r):
			class = 'l'
		default:
			w.Flags |= flagNonLetter
			switch r {
			case '-':
				w.Flags |= flagHyphen
			case '.':
				w.Flags |= flagPeriod
			case '\'', '’':
				w.Flags |= flagApostrophe
			}
			if r < utf8.RuneSelf {
				class = r
			} else {
				class = 'o'
			}
		}
		if class != lastClass {
			shape = (shape ^ uint64(class)) * fnvPrime
			lastClass = class
		}
	}
	w.Runes = runes
	if hasUpper && !hasLower {
		w.Flags |= flagAllUpper
		w.AllUpper = true
	}
	switch {
	case runes == 1:
		w.Flags |= flagLen1
	case runes == 2:
		w.Flags |= flagLen2
	case runes == 3:
		w.Flags |= flagLen3
	case runes <= 5:
		w.Flags |= flagLen4to5
	case runes <= 8:
		w.Flags |= flagLen6to8
	}
	w.Shape = shape
	if hasUpper {
		w.Exact = hashExact(word)
	}
	for k := 1; k <= 4 && k <= runes; k++ {
		end := len(word)
		if k < runes {
			end = starts[k]
		}
		w.Prefix[k-1] = HashLower(word[:end])
		// suffix: last k runes
		start := len(word)
		for j := 0; j < k; j++ {
			_, size := utf8.DecodeLastRuneInString(word[:start])
			start -= size
		}
		w.Suffix[k-1] = HashLower(word[start:])
	}
	if lex != nil {
		w.Lex = lex.Classes(word)
	}
	if seen != nil {
		w.Seen, w.HasSeen = seen(w.Lower)
	}
	if clusters != nil {
		w.Cluster = clusters(w.Lower)
	}
	return w
}

// SelfKeys appends the keys of the features that depend on the word alone.
func SelfKeys(fs FeatureSet, w *Word, dst []uint32) []uint32 {
	dst = append(dst, key(tWord, w.Lower))
	for k := 0; k < 4; k++ {
		if w.Suffix[k] != 0 {
			dst = append(dst, key(tSuffix1+uint64(k), w.Suffix[k]))
		}
		if w.Prefix[k] != 0 {
			dst = append(dst, key(tPrefix1+uint64(k), w.Prefix[k]))
		}
	}
	dst = append(dst, key(tShape, w.Shape), key(tFlags, uint64(w.Flags)), key(tLex, uint64(w.Lex)))
	if fs >= ContextFeatures && w.Exact != 0 {
		// "Bank" and "bank", "May" and "may": the capital is read
		// with the word, not only beside it.
		dst = append(dst, key(tExactWord, w.Exact))
	}
	if w.HasSeen {
		dst = append(dst, key2(tSeen, w.Seen[0], w.Seen[1]))
	}
	return SelfClusterKeys(w.Cluster, dst)
}

// SelfClusterKeys appends the keys of a word's own cluster path.
func SelfClusterKeys(path uint32, dst []uint32) []uint32 {
	return clusterKeys(tCluster4, selfClusterBits[:], path, dst)
}

// NextKeys appends the keys contributed by w as the next word (i+1):
// NextOwnKeys and NextClusterKeys.
func NextKeys(fs FeatureSet, w *Word, dst []uint32) []uint32 {
	return NextClusterKeys(w.Cluster, NextOwnKeys(fs, w, dst))
}

// NextOwnKeys appends the keys of w as the next word but those of its cluster.
func NextOwnKeys(fs FeatureSet, w *Word, dst []uint32) []uint32 {
	dst = append(dst, key(tNextWord, w.Lower), key(tNextSuffix3, w.Suffix[2]), key(tNextLex, uint64(w.Lex)))
	if fs >= ContextFeatures {
		dst = append(dst, key(tNextShape, w.Shape))
	}
	return dst
}

// NextClusterKeys appends the keys of the cluster path of the next word:
// they depend on the path alone, so a tagger may share their scores
// among the words of one cluster.
func NextClusterKeys(path uint32, dst []uint32) []uint32 {
	return clusterKeys(tNextCluster4, neighbourClusterBits[:], path, dst)
}

// Next2Keys appends the keys contributed by w as the word after next (i+2).
func Next2Keys(w *Word, dst []uint32) []uint32 {
	return append(dst, key(tNext2Word, w.Lower))
}

// PrevKeys appends the keys contributed by w as the previous word (i-1):
// PrevOwnKeys and PrevClusterKeys.
func PrevKeys(fs FeatureSet, w *Word, dst []uint32) []uint32 {
	return PrevClusterKeys(w.Cluster, PrevOwnKeys(fs, w, dst))
}

// PrevOwnKeys appends the keys of w as the previous word but those of its cluster.
func PrevOwnKeys(fs FeatureSet, w *Word, dst []uint32) []uint32 {
	dst = append(dst, key(tPrevWord, w.Lower), key(tPrevSuffix3, w.Suffix[2]))
	if fs >= ContextFeatures {
		dst = append(dst, key(tPrevShape, w.Shape))
	}
	return dst
}

// PrevClusterKeys appends the keys of the cluster path of the previous word.
func PrevClusterKeys(path uint32, dst []uint32) []uint32 {
	return clusterKeys(tPrevCluster4, neighbourClusterBits[:], path, dst)
}

// Prev2Keys appends the keys contributed by w as the word before previous.
func Prev2Keys(w *Word, dst []uint32) []uint32 {
	return append(dst, key(tPrev2Word, w.Lower))
}

// Boundary keys: the next/prev features when the neighbour is outside the sentence.
var (
	nextEndKeys   = []uint32{key(tNextWord, hashEnd), key(tNextSuffix3, hashEnd), key(tNextLex, hashEnd)}
	next2EndKeys  = []uint32{key(tNext2Word, hashEnd)}
	prevStartKeys = []uint32{key(tPrevWord, hashStart), key(tPrevSuffix3, hashStart)}
	prev2StartKey = []uint32{key(tPrev2Word, hashStart)}
)

// BoundaryKeys appends the keys for a missing neighbour at offset d (-2, -1, 1, 2).
func BoundaryKeys(fs FeatureSet, d int, dst []uint32) []uint32 {
	switch d {
	case -2:
		return append(dst, prev2StartKey...)
	case -1:
		dst = append(dst, prevStartKeys...)
		if fs >= ContextFeatures {
			dst = append(dst, key(tPrevShape, hashStart))
		}
		return dst
	case 1:
		dst = append(dst, nextEndKeys...)
		if fs >= ContextFeatures {
			dst = append(dst, key(tNextShape, hashEnd))
		}
		return dst
	default:
		return append(dst, next2EndKeys...)
	}
}

// PairKeys appends the keys that join the word with its neighbours' words
// and the previous tag. prevLower/nextLower are the neighbours' lower-case
// hashes (hashStart/hashEnd at the edges); prevTag is a label index or
// StartTag.
func PairKeys(w *Word, first bool, prevLower, nextLower uint64, prevTag int, dst []uint32) []uint32 {
	var f uint64
	if first {
		f = 1
	}
	pt := uint64(prevTag) + 1
	return append(dst,
		key2(tPrevWordWord, prevLower, w.Lower),
		key2(tWordNextWord, w.Lower, nextLower),
		key2(tPrevTagWord, pt, w.Lower),
		key2(tPrevTagNextWord, pt, nextLower),
		key2(tFirstShape, f, w.Shape),
		key2(tPrevTagLex, pt, uint64(w.Lex)),
	)
}

// ContextKeys appends PairKeys but the first-position-and-shape key, for
// a word of lower-case hash lower and lexicon class lex (its Lower and
// Lex: a tagger keeps only these of a Word it has described).
func ContextKeys(lower uint64, lex uint32, prevLower, nextLower uint64, prevTag int, dst []uint32) []uint32 {
	pt := uint64(prevTag) + 1
	return append(dst,
		key2(tPrevWordWord, prevLower, lower),
		key2(tWordNextWord, lower, nextLower),
		key2(tPrevTagWord, pt, lower),
		key2(tPrevTagNextWord, pt, nextLower),
		key2(tPrevTagLex, pt, uint64(lex)),
	)
}

// FirstShapeKey is the key of PairKeys that joins the word's shape with
// whether it starts the sentence.
func FirstShapeKey(w *Word, first bool) uint32 {
	var f uint64
	if first {
		f = 1
	}
	return key2(tFirstShape, f, w.Shape)
}

// TagKeys appends the bias and the keys of the previous-tags features. Label indexes at
// or past the number of labels stand for the sentence start.
func TagKeys(prevTag, prev2Tag int, dst []uint32) []uint32 {
	p, p2 := uint64(prevTag)+1, uint64(prev2Tag)+1
	return append(dst, key(tBias, 0), key(tPrevTag, p), key(tPrev2Tag, p2), key2(tPrevTagPrev2Tag, p, p2))
}

// HashStart and HashEnd are the word hashes used beyond the sentence edges.
func HashStart() uint64 { return hashStart }

// HashEnd is the word hash used past the sentence end.
func HashEnd() uint64 { return hashEnd }
