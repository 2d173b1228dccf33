// Package lexfile is the binary layout of the morphology lexicon shared by
// the generator (internal/genlexicon), which writes it, and package morph,
// which embeds it and reads it in place (View). The file is:
//
//	magic "LXM3"
//	header:     9 × uint32: entries, lemmas, exceptions, slot bits, and the
//	            offsets of the strings, entries, exceptions, slots and rest
//	strings:    the bytes of every key and exception lemma, end to end
//	entries:    12 bytes each: key (offset << 8 | length), flags uint16,
//	            senses byte, exception count byte, first exception uint32
//	exceptions: 8 bytes each: lemma (offset << 8 | length), pos, form mask,
//	            two zero bytes
//	slots:      1 << slot bits × uint32, a hash table of the entries (Hash)
//	rest:       uvarint n, n × inflection (string lemma, byte pos, byte form,
//	            string surface); uvarint n, n × preference (string form,
//	            byte pos, string lemma); a string is a uvarint length and
//	            its bytes
//	checksum:   CRC-32C of all the bytes before it
//
// All integers are little-endian; the entry, exception and slot tables
// start at multiples of 4. Entries are the lemmas, sorted, then the
// irregular forms that are not lemmas, sorted; each entry's exceptions are
// its readings as an irregular form. Keys are lower case, single words.
// Part-of-speech and form numbers are those of package morph.
//
// The lexicon used to be a list of records decoded at each start into Go
// strings, structs and a hash table keyed with a random seed: 80,000
// entries, 11-16 ms of CPU, the largest part of the start-up of `liaison
// check` on a one-line file. Read in place, a start checks the checksum
// and the header and touches only the pages its words hash to; the file
// is 2.8 MB instead of 1.1 MB. It is not compressed: decompressing was a
// fifth of the old load.
package lexfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/bits"
	"slices"
	"strings"
	"unsafe"
)

// Magic starts every file.
const Magic = "LXM3"

// Word flags. The low four bits are a mask over parts of speech (1<<pos),
// the next four the parts of speech with a lower-case entry in OEWN (not
// only a capitalised name or acronym).
const (
	FlagPronKnown   = 1 << 8 // OEWN gives a pronunciation
	FlagStressFinal = 1 << 9 // the last syllable carries the primary stress (or the word has one syllable)
)

// Word is one lemma of the lexicon.
type Word struct {
	Key    string
	Flags  uint16
	Senses uint8 // number of senses in OEWN, capped at 255
}

// Exception is one irregular form: Form is an inflection of Lemma as POS,
// and FormMask says which (1<<morph.Form).
type Exception struct {
	Form, Lemma string
	POS         uint8
	FormMask    uint8
}

// Inflection is the irregular spelling of Lemma as POS in Form.
type Inflection struct {
	Lemma   string
	POS     uint8
	Form    uint8
	Surface string
}

// Preference records that a word form read as POS is usually the
// inflection of Lemma (possibly the form itself), as UD English-EWT
// lemmatises it, when the rules allow several lemmas.
type Preference struct {
	Form  string
	POS   uint8
	Lemma string
}

// File is the whole lexicon, as the generator builds it: Words sorted by
// key, Exceptions by form.
type File struct {
	Words       []Word
	Exceptions  []Exception
	Inflections []Inflection
	Preferences []Preference
}

const (
	headerSize    = len(Magic) + 9*4
	entrySize     = 12
	exceptionSize = 8
	maxKey        = 255     // bytes in a key or lemma
	maxStrings    = 1 << 24 // bytes of strings an offset can reach
	maxRun        = 255     // exceptions of one form
)

// Hash is the hash of a key the slot table is laid out by: a fixed
// function (the file is written once and read by every run) that reads a
// word of up to 16 bytes in two overlapping loads of 4 or 8 bytes, as
// wyhash does, mixed by the splitmix64 finaliser. A lookup hashes every
// word it tries, so it must cost what maphash's did.
func Hash(w []byte) uint64 {
	n := len(w)
	h := uint64(n)*0x9e3779b97f4a7c15 ^ 0x243f6a8885a308d3
	le := binary.LittleEndian
	switch {
	case n >= 8:
		for len(w) > 16 {
			h = mix(h ^ le.Uint64(w))
			w = w[8:]
		}
		return mix(mix(h^le.Uint64(w)) ^ le.Uint64(w[len(w)-8:]))
	case n >= 4:
		return mix(h ^ uint64(le.Uint32(w)) ^ uint64(le.Uint32(w[n-4:]))<<32)
	case n > 0:
		return mix(h ^ uint64(w[0]) ^ uint64(w[n/2])<<8 ^ uint64(w[n-1])<<16)
	}
	return mix(h)
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// slotBits is the size of the slot table for n entries: a power of two at
// least twice n, so that linear probing stays short.
func slotBits(n int) uint {
	b := uint(0)
	for 1<<b < 2*n {
		b++
	}
	return b
}

// idxBits is how many low bits of a slot hold an entry's number + 1; the
// rest hold a fingerprint of the key's hash.
func idxBits(n int) uint { return uint(bits.Len(uint(n + 1))) }

// Encode writes f to w. Words must be sorted by key and Exceptions by
// form, and no key longer than 255 bytes.
func Encode(w io.Writer, f *File) error {
	b, err := encode(f)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("lexfile: %w", err)
	}
	return nil
}

func encode(f *File) ([]byte, error) {
	type ent struct {
		key              string
		flags            uint16
		senses           uint8
		excStart, excEnd int
	}
	ents := make([]ent, len(f.Words))
	for i, x := range f.Words {
		if i > 0 && x.Key <= f.Words[i-1].Key {
			return nil, fmt.Errorf("lexfile: words out of order at %q", x.Key)
		}
		ents[i] = ent{key: x.Key, flags: x.Flags, senses: x.Senses}
	}
	// Each run of exceptions of one form is attached to the lemma of that
	// spelling, or to a new entry after the lemmas.
	for i := 0; i < len(f.Exceptions); {
		form := f.Exceptions[i].Form
		if i > 0 && form <= f.Exceptions[i-1].Form {
			return nil, fmt.Errorf("lexfile: exceptions out of order at %q", form)
		}
		start := i
		for i < len(f.Exceptions) && f.Exceptions[i].Form == form {
			i++
		}
		if i-start > maxRun {
			return nil, fmt.Errorf("lexfile: %d exceptions of %q", i-start, form)
		}
		k, ok := slices.BinarySearchFunc(f.Words, form, func(w Word, s string) int { return strings.Compare(w.Key, s) })
		if !ok {
			k = len(ents)
			ents = append(ents, ent{key: form})
		}
		ents[k].excStart, ents[k].excEnd = start, i
	}

	b := make([]byte, headerSize)
	copy(b, Magic)
	// Strings: keys, then the exception lemmas that are not keys.
	offStrings := len(b)
	at := map[string]int{}
	str := func(s string) (uint32, error) {
		if len(s) > maxKey {
			return 0, fmt.Errorf("lexfile: %q is longer than %d bytes", s, maxKey)
		}
		o, ok := at[s]
		if !ok {
			o = len(b) - offStrings
			at[s] = o
			b = append(b, s...)
		}
		if o+len(s) > maxStrings {
			return 0, fmt.Errorf("lexfile: more than %d bytes of strings", maxStrings)
		}
		return uint32(o)<<8 | uint32(len(s)), nil
	}
	keys := make([]uint32, len(ents))
	for i, e := range ents {
		var err error
		if keys[i], err = str(e.key); err != nil {
			return nil, err
		}
	}
	lemmas := make([]uint32, len(f.Exceptions))
	for i, x := range f.Exceptions {
		var err error
		if lemmas[i], err = str(x.Lemma); err != nil {
			return nil, err
		}
	}
	align := func() {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	align()
	offEntries := len(b)
	for i, e := range ents {
		b = binary.LittleEndian.AppendUint32(b, keys[i])
		b = binary.LittleEndian.AppendUint16(b, e.flags)
		b = append(b, e.senses, uint8(e.excEnd-e.excStart))
		b = binary.LittleEndian.AppendUint32(b, uint32(e.excStart))
	}
	offExc := len(b)
	for i, x := range f.Exceptions {
		b = binary.LittleEndian.AppendUint32(b, lemmas[i])
		b = append(b, x.POS, x.FormMask, 0, 0)
	}
	offSlots := len(b)
	sb := slotBits(len(ents))
	ib := idxBits(len(ents))
	slots := make([]uint32, 1<<sb)
	mask := uint64(len(slots) - 1)
	for i, e := range ents {
		h := Hash([]byte(e.key))
		j := h & mask
		for slots[j] != 0 {
			j = (j + 1) & mask
		}
		slots[j] = Fingerprint(h, ib) | uint32(i+1)
	}
	for _, s := range slots {
		b = binary.LittleEndian.AppendUint32(b, s)
	}
	offRest := len(b)
	vstr := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Inflections)))
	for _, x := range f.Inflections {
		vstr(x.Lemma)
		b = append(b, x.POS, x.Form)
		vstr(x.Surface)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Preferences)))
	for _, x := range f.Preferences {
		vstr(x.Form)
		b = append(b, x.POS)
		vstr(x.Lemma)
	}
	for i, v := range []int{len(ents), len(f.Words), len(f.Exceptions), int(sb), offStrings, offEntries, offExc, offSlots, offRest} {
		binary.LittleEndian.PutUint32(b[len(Magic)+4*i:], uint32(v))
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
	return b, nil
}

// Fingerprint is the part of a slot that holds the top bits of the key's
// hash, above the idxBits bits of the entry number.
func Fingerprint(hash uint64, idxBits uint) uint32 {
	if idxBits >= 32 {
		return 0
	}
	return uint32(hash>>32) << idxBits
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt reports data that is not a lexicon file.
var ErrCorrupt = errors.New("lexfile: corrupt data")

// View reads a lexicon file in place. Open checks everything a read could
// trip over, so its methods do not fail; OpenTrusted checks only the
// header (for the embedded file).
type View struct {
	b                      []byte // s's bytes, never written
	s                      string
	entries, lemmas, excs  int
	strs, ents, exc, slots int // offsets
	rest                   int
	slotMask               uint64
	idxBits                uint
	idxMask                uint32
}

// Entry is one entry of the lexicon: a lemma (POS mask in Flags&0xf), an
// irregular form (Exceptions), or both.
type Entry struct {
	Key              string
	Flags            uint16
	Senses           uint8
	ExcStart, ExcEnd int
}

func (v *View) u32(o int) uint32 { return binary.LittleEndian.Uint32(v.b[o:]) }

// str returns the string at a packed offset and length.
func (v *View) str(p uint32) string {
	o := v.strs + int(p>>8)
	return v.s[o : o+int(p&0xff)]
}

// Open checks s, a whole file, and returns a view of it. The view's
// strings are substrings of s. It checks the checksum and every entry,
// exception, slot and record, so that no read of the view can go out of
// range: for data from outside the program.
func Open(s string) (*View, error) {
	v, err := openHeader(s)
	if err != nil {
		return nil, err
	}
	if crc32.Checksum(v.b, castagnoli) != binary.LittleEndian.Uint32([]byte(s[len(v.s):])) {
		return nil, fmt.Errorf("%w: bad checksum", ErrCorrupt)
	}
	nstr := v.ents - v.strs
	inStrings := func(p uint32) bool { return int(p>>8)+int(p&0xff) <= nstr }
	for i := range v.entries {
		o := v.ents + entrySize*i
		if !inStrings(v.u32(o)) || int(v.u32(o+8))+int(v.s[o+7]) > v.excs {
			return nil, fmt.Errorf("%w: entry %d", ErrCorrupt, i)
		}
	}
	for i := range v.excs {
		if !inStrings(v.u32(v.exc + exceptionSize*i)) {
			return nil, fmt.Errorf("%w: exception %d", ErrCorrupt, i)
		}
	}
	for i := range int(v.slotMask) + 1 {
		if n := v.u32(v.slots+4*i) & v.idxMask; int(n) > v.entries {
			return nil, fmt.Errorf("%w: slot %d", ErrCorrupt, i)
		}
	}
	if _, _, err := v.Rest(); err != nil {
		return nil, err
	}
	return v, nil
}

// OpenTrusted is Open for a file the program embeds and its tests open
// with Open: it checks the magic, the header and that the tables fit,
// not the checksum nor each entry, exception and slot. Those checks read
// the whole 2.8 MB file, 700 pages faulted in and 9 million instructions
// at every start (a tenth of a one-line `liaison check`), for pages a
// run then mostly never reads again; without them a start touches only
// the pages its words hash to. Should the data be corrupt after all, a
// read goes out of range and panics; it never reads outside s.
func OpenTrusted(s string) (*View, error) { return openHeader(s) }

// openHeader checks s's magic and header and returns its view.
func openHeader(s string) (*View, error) {
	if !strings.HasPrefix(s, Magic) || len(s) < headerSize+4 {
		return nil, fmt.Errorf("%w: bad magic", ErrCorrupt)
	}
	end := len(s) - 4
	// The bytes of s, read, not copied: the file is embedded in the binary,
	// and a copy would cost as much as the check.
	raw := unsafe.Slice(unsafe.StringData(s), len(s))
	v := &View{s: s[:end], b: raw[:end]}
	var h [9]int
	for i := range h {
		h[i] = int(v.u32(len(Magic) + 4*i))
	}
	v.entries, v.lemmas, v.excs = h[0], h[1], h[2]
	sb := uint(h[3])
	v.strs, v.ents, v.exc, v.slots, v.rest = h[4], h[5], h[6], h[7], h[8]
	if sb > 30 || v.lemmas > v.entries || 1<<sb < v.entries ||
		v.strs != headerSize || v.ents < v.strs || v.ents%4 != 0 ||
		v.exc != v.ents+entrySize*v.entries || v.slots != v.exc+exceptionSize*v.excs ||
		v.rest != v.slots+4<<sb || v.rest > len(v.s) {
		return nil, fmt.Errorf("%w: bad header", ErrCorrupt)
	}
	v.slotMask = 1<<sb - 1
	v.idxBits = idxBits(v.entries)
	v.idxMask = uint32(1)<<v.idxBits - 1
	return v, nil
}

// Len is the number of entries.
func (v *View) Len() int { return v.entries }

// Lemmas is the number of lemmas: the first entries.
func (v *View) Lemmas() int { return v.lemmas }

// Exceptions is the number of exceptions.
func (v *View) Exceptions() int { return v.excs }

// Key returns the key of entry i: Entry(i).Key without the rest.
func (v *View) Key(i int) string { return v.str(v.u32(v.ents + entrySize*i)) }

// Entry returns entry i.
func (v *View) Entry(i int) Entry {
	o := v.ents + entrySize*i
	start := int(v.u32(o + 8))
	return Entry{
		Key:      v.str(v.u32(o)),
		Flags:    uint16(v.s[o+4]) | uint16(v.s[o+5])<<8,
		Senses:   v.s[o+6],
		ExcStart: start,
		ExcEnd:   start + int(v.s[o+7]),
	}
}

// Exception returns exception i (its Form is the entry's key; left empty).
func (v *View) Exception(i int) Exception {
	o := v.exc + exceptionSize*i
	return Exception{Lemma: v.str(v.u32(o)), POS: v.s[o+4], FormMask: v.s[o+5]}
}

// Find returns the number of the entry whose key is w, or -1.
func (v *View) Find(w []byte) int {
	hash := Hash(w)
	fp := Fingerprint(hash, v.idxBits)
	for j := hash & v.slotMask; ; j = (j + 1) & v.slotMask {
		s := v.u32(v.slots + 4*int(j))
		if s == 0 {
			return -1
		}
		if s&^v.idxMask != fp {
			continue
		}
		i := int(s&v.idxMask) - 1
		o := v.ents + entrySize*i
		if v.str(v.u32(o)) == string(w) {
			return i
		}
	}
}

// Rest decodes the inflections and preferences.
func (v *View) Rest() ([]Inflection, []Preference, error) { return v.rest2(true) }

// Preferences decodes the preferences, reading past the inflections
// before them without keeping them: a start needs only the preferences
// (the inflections are 6,800 records, 270 KB decoded).
func (v *View) Preferences() ([]Preference, error) {
	_, prefs, err := v.rest2(false)
	return prefs, err
}

// rest2 decodes the rest of the file, with the inflections or without.
func (v *View) rest2(inflections bool) ([]Inflection, []Preference, error) {
	r := reader{s: v.s, i: v.rest}
	n := r.count(4)
	var infl []Inflection
	if inflections {
		infl = make([]Inflection, 0, n)
	}
	for range n {
		x := Inflection{Lemma: r.str(), POS: r.byte(), Form: r.byte(), Surface: r.str()}
		if inflections {
			infl = append(infl, x)
		}
	}
	n = r.count(3)
	prefs := make([]Preference, 0, n)
	for range n {
		prefs = append(prefs, Preference{Form: r.str(), POS: r.byte(), Lemma: r.str()})
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	if r.i != len(r.s) {
		return nil, nil, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(r.s)-r.i)
	}
	return infl, prefs, nil
}

// Decode reads a whole file back into the File it was written from.
func Decode(raw []byte) (*File, error) {
	v, err := Open(string(raw))
	if err != nil {
		return nil, err
	}
	f := &File{}
	for i := range v.entries {
		e := v.Entry(i)
		if i < v.lemmas {
			f.Words = append(f.Words, Word{Key: e.Key, Flags: e.Flags, Senses: e.Senses})
		}
		for j := e.ExcStart; j < e.ExcEnd; j++ {
			x := v.Exception(j)
			x.Form = e.Key
			f.Exceptions = append(f.Exceptions, x)
		}
	}
	slices.SortStableFunc(f.Exceptions, func(a, b Exception) int { return strings.Compare(a.Form, b.Form) })
	if f.Inflections, f.Preferences, err = v.Rest(); err != nil {
		return nil, err
	}
	if len(f.Inflections) == 0 {
		f.Inflections = nil
	}
	if len(f.Preferences) == 0 {
		f.Preferences = nil
	}
	return f, nil
}

// reader walks the varint-coded rest; after the first error every read
// returns a zero value and err stays set.
type reader struct {
	s   string
	i   int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at byte %d", ErrCorrupt, what, r.i)
	}
	r.i = len(r.s)
}

func (r *reader) uvarint() uint64 {
	var x uint64
	var shift uint
	for {
		if r.i >= len(r.s) || shift > 63 {
			r.fail("truncated number")
			return 0
		}
		c := r.s[r.i]
		r.i++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
		shift += 7
	}
}

// count reads a record count, checking it against the bytes left given
// the smallest record size, so corrupt counts cannot allocate wildly.
func (r *reader) count(minRecord int) int {
	n := r.uvarint()
	if n > uint64((len(r.s)-r.i)/minRecord) {
		r.fail("record count too large")
		return 0
	}
	return int(n)
}

func (r *reader) byte() uint8 {
	if r.i >= len(r.s) {
		r.fail("truncated")
		return 0
	}
	c := r.s[r.i]
	r.i++
	return c
}

func (r *reader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.i) {
		r.fail("truncated string")
		return ""
	}
	s := r.s[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}
