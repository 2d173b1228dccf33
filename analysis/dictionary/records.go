package dictionary

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// The embedded blockfile holds three tables:
//
//	table 0, synsets by index:       definition, examples, members, labels,
//	                                 domains (topic, region), field
//	table 1, lemmas by folded key:   key, name ("" when equal to key),
//	                                 parts: uvarint count, each:
//	                                   byte POS ('n', 'v', 'a', 'r'),
//	                                   pronunciations: uvarint count, each IPA, variety
//	                                   irregular forms,
//	                                   senses: uvarint count, each:
//	                                     uvarint synset, sentences, labels
//	table 2, irregular forms by folded form: form, lemma names
//
// A string is a uvarint length and its bytes; a list of strings is a uvarint
// count and the strings.
const (
	synsetTable = iota
	lemmaTable
	formTable
	tableCount
)

var errRecord = errors.New("dictionary: corrupt record")

// recordReader reads one record; the first error sticks.
type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) uvarint() int {
	if r.err != nil {
		return 0
	}
	v, w := binary.Uvarint(r.b)
	if w <= 0 || v > 1<<31 {
		r.err = errRecord
		return 0
	}
	r.b = r.b[w:]
	return int(v)
}

// count reads a length or count, which cannot exceed the bytes left.
func (r *recordReader) count() int {
	n := r.uvarint()
	if n > len(r.b) {
		r.err = errRecord
		return 0
	}
	return n
}

func (r *recordReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = errRecord
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *recordReader) str() string {
	n := r.count()
	if r.err != nil || n > len(r.b) {
		r.err = errRecord
		return ""
	}
	if n == 0 {
		return ""
	}
	// Records are never modified, and a string keeps the bytes it points
	// into alive, so strings can share a record's bytes.
	s := unsafe.String(&r.b[0], n)
	r.b = r.b[n:]
	return s
}

func (r *recordReader) strs() []string {
	n := r.count()
	if r.err != nil || n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

// skipStrs skips a list of strings without allocating.
func (r *recordReader) skipStrs() {
	n := r.count()
	for range n {
		l := r.count()
		if r.err != nil || l > len(r.b) {
			r.err = errRecord
			return
		}
		r.b = r.b[l:]
	}
}

// skipStr skips one string.
func (r *recordReader) skipStr() {
	l := r.count()
	if r.err != nil || l > len(r.b) {
		r.err = errRecord
		return
	}
	r.b = r.b[l:]
}
