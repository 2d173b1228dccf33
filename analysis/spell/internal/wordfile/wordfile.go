// Package wordfile is the layout of the embedded spelling word list, shared
// by the generator that writes it and the spell package that reads it.
//
// The file is a header, an open-addressing hash table of fingerprints
// stored as it is probed, and the words, zstd-compressed:
//
//	"spell3\n"
//	uint32 SLOTS, WORDS, RAW (the words' size decompressed), little-endian
//	SLOTS × uint64 little-endian: 0 for an empty slot, else Entry
//	one zstd frame: the words, sorted, each the two metadata characters
//	'a'+size index and '@'+dialects, the word in UTF-8, and '\n'
//
// A word's slot is Slot(Hash(word)), then the next ones (linear probing,
// wrapping). Its entry holds the top 54 bits of its hash as a
// fingerprint, its SCOWL size class index (see Size) and the bit set of
// the dialects that accept it. The generator refuses two words with one
// fingerprint, and an unlisted word matches one with probability 2^-54
// per probe, so membership needs no string comparison.
//
// Storing the table as probed means loading it costs nothing: the reader
// looks entries up in the embedded bytes. Only what suggestions need, the
// words themselves, is decompressed, on first use.
package wordfile

import (
	"errors"
	"math/bits"
)

// Magic starts the header line.
const Magic = "spell3\n"

// HeaderSize is the size of Magic and the three counts.
const HeaderSize = len(Magic) + 12

// NSizes is the number of SCOWL size classes (10 20 35 40 50 55 60 70 80
// 95); a word's metadata byte 0 indexes them, most common first.
const NSizes = 10

// Size returns the SCOWL size class with index i (0 ≤ i < NSizes).
func Size(i int) int {
	return [NSizes]int{10, 20, 35, 40, 50, 55, 60, 70, 80, 95}[i]
}

// Dialect bits of metadata byte 1, in the order of spell.Dialects.
const (
	US = 1 << iota
	GB
	GBOxford
	CA
	AU
	NDialects = iota
)

// ErrCorrupt is returned for a file that does not have this layout.
var ErrCorrupt = errors.New("spell word list: corrupt")

// Hash is FNV-1a 64 of s with Murmur3's finaliser, which spreads FNV's
// weak high bits; the generator and the reader must agree on it.
func Hash[S ~string | ~[]byte](s S) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

const (
	metaBits = 10 // 4 bits of size index, 5 of dialects, 1 always set
	sizeMask = 0xf
)

// Entry packs a word's table entry; it is never 0.
func Entry(hash uint64, sizeIndex, dialects int) uint64 {
	return hash&^(1<<metaBits-1) | 1<<9 | uint64(dialects)<<4 | uint64(sizeIndex)
}

// Fingerprint is the part of an entry that must equal the part of the
// looked-up word's hash.
func Fingerprint(x uint64) uint64 { return x &^ (1<<metaBits - 1) }

// Unpack returns an entry's size index and dialects.
func Unpack(x uint64) (sizeIndex, dialects uint8) {
	return uint8(x & sizeMask), uint8(x>>4) & (1<<NDialects - 1)
}

// SizeIndex returns the index in Sizes of the size class size, or -1.
func SizeIndex(size int) int {
	for i := range NSizes {
		if Size(i) == size {
			return i
		}
	}
	return -1
}

// Slot maps a hash onto [0, slots) (Lemire's multiply-shift, so slots need
// not be a power of two).
func Slot(h uint64, slots int) int {
	hi, _ := bits.Mul64(h, uint64(slots))
	return int(hi)
}
