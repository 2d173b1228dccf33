package morph

import (
	"hash/maphash"
	"math/bits"
)

// hashIndex maps a normalised word to its position in Lexicon.entries:
// open addressing with linear probing over a power-of-two table. It is
// built once at load and looked up with byte slices, without allocating;
// a Go map of 80k strings took most of the load time. Each slot holds the
// entry's position + 1 in its low bits and a fingerprint of the hash in
// the rest, so that a miss — most lookups the suffix rules make — rarely
// touches an entry: the tagger looks up every token, and on 25k distinct
// words cache misses, not instructions, are the cost.
type hashIndex struct {
	seed    maphash.Seed
	slots   []uint32 // 0 is empty
	mask    uint64
	idxBits uint
}

func newHashIndex(entries []entry) hashIndex {
	size := 1
	for size < 2*len(entries) {
		size <<= 1
	}
	h := hashIndex{seed: maphash.MakeSeed(), slots: make([]uint32, size), mask: uint64(size - 1), idxBits: uint(bits.Len(uint(len(entries) + 1)))}
	for i := range entries {
		hash := maphash.String(h.seed, entries[i].key)
		j := hash & h.mask
		for h.slots[j] != 0 {
			j = (j + 1) & h.mask
		}
		h.slots[j] = h.fingerprint(hash) | uint32(i+1)
	}
	return h
}

// fingerprint is the top bits of hash, shifted above the index bits.
func (h *hashIndex) fingerprint(hash uint64) uint32 {
	if h.idxBits >= 32 {
		return 0
	}
	return uint32(hash>>32) << h.idxBits
}

// find returns the entry for w, or nil.
func (h *hashIndex) find(entries []entry, w []byte) *entry {
	if len(h.slots) == 0 {
		return nil
	}
	hash := maphash.Bytes(h.seed, w)
	fp := h.fingerprint(hash)
	idxMask := uint32(1)<<h.idxBits - 1
	for j := hash & h.mask; ; j = (j + 1) & h.mask {
		s := h.slots[j]
		if s == 0 {
			return nil
		}
		if s&^idxMask != fp {
			continue
		}
		if i := s & idxMask; int(i) <= len(entries) {
			if e := &entries[i-1]; e.key == string(w) {
				return e
			}
		}
	}
}
