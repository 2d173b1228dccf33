package morph

import "hash/maphash"

// hashIndex maps a normalised word to its position in Lexicon.entries:
// open addressing with linear probing over a power-of-two table. It is
// built once at load and looked up with byte slices, without allocating;
// a Go map of 80k strings took most of the load time.
type hashIndex struct {
	seed  maphash.Seed
	slots []uint32 // entry position + 1; 0 is empty
	mask  uint64
}

func newHashIndex(entries []entry) hashIndex {
	size := 1
	for size < 2*len(entries) {
		size <<= 1
	}
	h := hashIndex{seed: maphash.MakeSeed(), slots: make([]uint32, size), mask: uint64(size - 1)}
	for i := range entries {
		j := maphash.String(h.seed, entries[i].key) & h.mask
		for h.slots[j] != 0 {
			j = (j + 1) & h.mask
		}
		h.slots[j] = uint32(i + 1)
	}
	return h
}

// find returns the entry for w, or nil.
func (h *hashIndex) find(entries []entry, w []byte) *entry {
	if len(h.slots) == 0 {
		return nil
	}
	j := maphash.Bytes(h.seed, w) & h.mask
	for {
		s := h.slots[j]
		if s == 0 {
			return nil
		}
		if e := &entries[s-1]; e.key == string(w) {
			return e
		}
		j = (j + 1) & h.mask
	}
}
