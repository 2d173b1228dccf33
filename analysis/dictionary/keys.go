package dictionary

import (
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

// lemmaKeys holds the folded key of every lemma record, in record order
// (ascending), uncompressed: every lookup searches the keys several times
// (the word, its lemmas, the expressions that may start around it), and
// most searches find nothing or an entry already decoded, so they should
// not decompress a block of records. About 1.8 MB for 128k keys.
type lemmaKeys struct {
	data []byte
	off  []uint32 // key i is data[off[i]:off[i+1]]
}

// readLemmaKeys reads the keys of the lemma table, block after block.
func readLemmaKeys(t interface {
	Len() int
	Record(int) ([]byte, error)
}) (*lemmaKeys, error) {
	k := &lemmaKeys{off: make([]uint32, 0, t.Len()+1)}
	for i := range t.Len() {
		rec, err := t.Record(i)
		if err != nil {
			return nil, fmt.Errorf("dictionary: lemma keys: %w", err)
		}
		r := recordReader{b: rec}
		key := r.str()
		if r.err != nil {
			return nil, fmt.Errorf("dictionary: lemma %d: %w", i, r.err)
		}
		k.off = append(k.off, uint32(len(k.data)))
		k.data = append(k.data, key...)
	}
	k.off = append(k.off, uint32(len(k.data)))
	k.data = k.data[:len(k.data):len(k.data)]
	return k, nil
}

func (k *lemmaKeys) len() int { return len(k.off) - 1 }

// key returns key i; the data is never modified, so it shares its bytes.
func (k *lemmaKeys) key(i int) string {
	a, b := k.off[i], k.off[i+1]
	if a == b {
		return ""
	}
	return unsafe.String(&k.data[a], int(b-a))
}

// search returns the index of the first key ≥ key (len if none).
func (k *lemmaKeys) search(key string) int {
	return sort.Search(k.len(), func(i int) bool { return k.key(i) >= key })
}

// has reports whether key is a key.
func (k *lemmaKeys) has(key string) bool {
	i := k.search(key)
	return i < k.len() && k.key(i) == key
}

// hasPrefix reports whether some key begins with prefix.
func (k *lemmaKeys) hasPrefix(prefix string) bool {
	i := k.search(prefix)
	return i < k.len() && strings.HasPrefix(k.key(i), prefix)
}
