// Package lexfile is the binary layout of the morphology lexicon shared by
// the generator (internal/genlexicon), which writes it, and package morph,
// which embeds and reads it. The file is, uncompressed:
//
//	magic "LXM2"
//	words:       uvarint n, then n × (string key, uvarint flags, byte senses)
//	exceptions:  uvarint n, then n × (string form, string lemma, byte pos, byte form mask)
//	inflections: uvarint n, then n × (string lemma, byte pos, byte form, string surface)
//	preferences: uvarint n, then n × (string form, byte pos, string lemma)
//	checksum:    CRC-32C of all the bytes before it, 4 bytes little-endian
//
// A string is a uvarint length and its bytes. Keys are lower case, single
// words, sorted. Part-of-speech and form numbers are those of package morph.
//
// The file is not compressed: it is 1.1 MB (0.42 MB with zstd), and
// decompressing it was a fifth of the lexicon's load and 5% of the
// instructions of a `liaison check` on a one-line file; the binary is
// 0.7 MB larger for it. The checksum, which zstd's frame had, finds a
// damaged file for a few hundredths of a millisecond.
package lexfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// Magic starts every decoded file.
const Magic = "LXM2"

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

// File is the whole lexicon.
type File struct {
	Words       []Word
	Exceptions  []Exception
	Inflections []Inflection
	Preferences []Preference
}

// Encode writes f to w.
func Encode(w io.Writer, f *File) error {
	var b []byte
	b = append(b, Magic...)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Words)))
	for _, x := range f.Words {
		str(x.Key)
		b = binary.AppendUvarint(b, uint64(x.Flags))
		b = append(b, x.Senses)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Exceptions)))
	for _, x := range f.Exceptions {
		str(x.Form)
		str(x.Lemma)
		b = append(b, x.POS, x.FormMask)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Inflections)))
	for _, x := range f.Inflections {
		str(x.Lemma)
		b = append(b, x.POS, x.Form)
		str(x.Surface)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Preferences)))
	for _, x := range f.Preferences {
		str(x.Form)
		b = append(b, x.POS)
		str(x.Lemma)
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("lexfile: %w", err)
	}
	return nil
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt reports data that is not a lexicon file.
var ErrCorrupt = errors.New("lexfile: corrupt data")

// Decode parses a file written by Encode. All strings of the result
// share one allocation.
func Decode(raw []byte) (*File, error) {
	if !bytes.HasPrefix(raw, []byte(Magic)) || len(raw) < len(Magic)+4 {
		return nil, fmt.Errorf("%w: bad magic", ErrCorrupt)
	}
	end := len(raw) - 4
	if crc32.Checksum(raw[:end], castagnoli) != binary.LittleEndian.Uint32(raw[end:]) {
		return nil, fmt.Errorf("%w: bad checksum", ErrCorrupt)
	}
	raw = raw[:end]
	r := reader{s: string(raw), i: len(Magic)}
	f := &File{}
	n := r.count(4)
	f.Words = make([]Word, 0, n)
	for range n {
		f.Words = append(f.Words, Word{Key: r.str(), Flags: uint16(r.uvarint()), Senses: r.byte()})
	}
	n = r.count(4)
	f.Exceptions = make([]Exception, 0, n)
	for range n {
		f.Exceptions = append(f.Exceptions, Exception{Form: r.str(), Lemma: r.str(), POS: r.byte(), FormMask: r.byte()})
	}
	n = r.count(5)
	f.Inflections = make([]Inflection, 0, n)
	for range n {
		f.Inflections = append(f.Inflections, Inflection{Lemma: r.str(), POS: r.byte(), Form: r.byte(), Surface: r.str()})
	}
	n = r.count(3)
	f.Preferences = make([]Preference, 0, n)
	for range n {
		f.Preferences = append(f.Preferences, Preference{Form: r.str(), POS: r.byte(), Lemma: r.str()})
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.i != len(r.s) {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(r.s)-r.i)
	}
	return f, nil
}

// reader walks the decoded bytes; after the first error every read
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
