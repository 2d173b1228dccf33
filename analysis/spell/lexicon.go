package spell

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"

	"liaison/analysis/spell/internal/wordfile"
)

//go:embed words.bin.zst
var embedded []byte

// EmbeddedSize is the size in bytes of the compressed word list in the
// binary.
func EmbeddedSize() int { return len(embedded) }

// Lexicon is the loaded word list. It is immutable after Load (the words
// and the suggestion index are decoded once, on the first Suggest) and
// safe for concurrent use.
type Lexicon struct {
	table      []byte // the hash table, read in place: SLOTS little-endian uint64
	slots      int
	words      int
	compressed []byte // the words, zstd
	raw        int    // their size decompressed

	suggestOnce sync.Once
	suggest     *suggestIndex
	suggestErr  error
}

// Load opens the embedded word list. It only checks the header: the hash
// table is read where it is embedded.
func Load() (*Lexicon, error) { return load(embedded) }

func load(file []byte) (*Lexicon, error) {
	if len(file) < wordfile.HeaderSize || string(file[:len(wordfile.Magic)]) != wordfile.Magic {
		return nil, wordfile.ErrCorrupt
	}
	h := file[len(wordfile.Magic):]
	slots := int(binary.LittleEndian.Uint32(h))
	words := int(binary.LittleEndian.Uint32(h[4:]))
	raw := int(binary.LittleEndian.Uint32(h[8:]))
	end := wordfile.HeaderSize + 8*slots
	if slots <= words || len(file) < end {
		return nil, wordfile.ErrCorrupt
	}
	return &Lexicon{table: file[wordfile.HeaderSize:end], slots: slots, words: words, compressed: file[end:], raw: raw}, nil
}

// decodeWords decompresses the sorted word list.
func (l *Lexicon) decodeWords() ([]byte, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(l.raw)+1<<20))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	data, err := dec.DecodeAll(l.compressed, make([]byte, 0, l.raw))
	if err != nil {
		return nil, fmt.Errorf("spell word list: %w", err)
	}
	if len(data) != l.raw {
		return nil, fmt.Errorf("%w: %d bytes of words, want %d", wordfile.ErrCorrupt, len(data), l.raw)
	}
	return data, nil
}

// Len is the number of spellings in the list (all dialects).
func (l *Lexicon) Len() int { return l.words }

// entry is a word's metadata: its size class index and dialect bits.
type entry struct {
	size     uint8
	dialects uint8
}

// lookup finds w exactly as written.
func lookup[S ~string | ~[]byte](l *Lexicon, w S) (entry, bool) {
	hash := wordfile.Hash(w)
	fp := wordfile.Fingerprint(hash)
	h := wordfile.Slot(hash, l.slots)
	for range l.slots { // a sound table has an empty slot long before; a corrupt one must not loop
		x := binary.LittleEndian.Uint64(l.table[8*h:])
		if x == 0 {
			return entry{}, false
		}
		if wordfile.Fingerprint(x) == fp {
			size, dialects := wordfile.Unpack(x)
			return entry{size: size, dialects: dialects}, true
		}
		if h++; h == l.slots {
			h = 0
		}
	}
	return entry{}, false
}

func (l *Lexicon) lookup(w string) (entry, bool) { return lookup(l, w) }

// each calls f for every word of data (decodeWords), in sorted order.
func each(data []byte, f func(word []byte, e entry)) {
	for d := data; len(d) > 0; {
		nl := bytes.IndexByte(d, '\n')
		if nl < 2 {
			return
		}
		f(d[2:nl], entry{size: d[0] - 'a', dialects: d[1] - '@'})
		d = d[nl+1:]
	}
}
