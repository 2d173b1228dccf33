package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"liaison/analysis/tag"
)

// The library snapshot is the parsed default library, encoded by go
// generate (internal/gensnapshot) and embedded beside the YAML it came
// from. Parsing 1,500 rules of YAML costs a few hundred milliseconds of
// CPU, most of it in the YAML scanner; every `liaison check` and every
// server start would pay it. The snapshot carries a checksum of the YAML
// files: when they have changed since it was made, the library is parsed
// as before (slower, never wrong), and TestSnapshotUpToDate fails until go
// generate is run.
//
// The format is this file's own, not gob: decoding the library with gob
// took 15-20 ms of CPU and 90,000 allocations at each start (a third of
// the start-up of `liaison check` on a one-line file), most of it gob's
// reflection and a copy of every string. Here every string is a slice of
// one copy of the snapshot, and the slices of all rules share a few
// backing arrays (decoder), so a decode is a walk over the bytes.
//
// Layout, all integers uvarints unless said otherwise:
//
//	magic "LSNP2", checksum (libraryChecksum, 8 bytes little-endian)
//	rules: count, then each rule (encoder.rule)
//	sets:  count, then each set: name, source, words
//
// A string is its length and its bytes; a list its length and its items.
// An empty list decodes as nil, as it did with gob: the engine and the
// tests compare the two the way gob did.
//
//go:generate go run ./internal/gensnapshot -o library.snapshot

// snapshotData is a string, not a []byte: a string embeds without a copy
// on the heap (decoding used to begin with string(data), 1.4 MB copied
// and faulted in at every start).
//
//go:embed library.snapshot
var snapshotData string

// snapshotMagic starts a snapshot of this format.
const snapshotMagic = "LSNP2"

// snapshotSet is one named set of the library, resolved.
type snapshotSet struct {
	Name, Source string
	Words        []string
}

// libraryChecksum sums the names, sizes and contents of the embedded rule
// files with CRC-32C, which the CPU computes (the 1.1 MB of YAML in a
// tenth of a millisecond; CRC-64 was 2% of a one-line check's
// instructions); the sum's top half is the files' total size. The files
// are read through one small buffer: embed.FS.ReadFile returns a copy,
// and copying the whole library onto the heap cost a fifth of the page
// faults of a one-line check.
func libraryChecksum() (uint64, error) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		return 0, err
	}
	slices.Sort(names)
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	buf := make([]byte, 32<<10)
	var total uint64
	for _, n := range names {
		info, err := fs.Stat(library, n)
		if err != nil {
			return 0, err
		}
		var size [8]byte
		binary.LittleEndian.PutUint64(size[:], uint64(info.Size()))
		h.Write([]byte(path.Base(n)))
		h.Write(size[:])
		if err := sumFile(h, n, buf); err != nil {
			return 0, err
		}
		total += uint64(info.Size())
	}
	return total<<32 | uint64(h.Sum32()), nil
}

// sumFile writes the library file name to h through buf.
func sumFile(h io.Writer, name string, buf []byte) error {
	f, err := library.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return nil
}

// loadSnapshot returns the library from the embedded snapshot, or false
// when the snapshot is missing, unreadable or older than the YAML.
func loadSnapshot() (*libraryData, bool) {
	if len(snapshotData) == 0 {
		return nil, false
	}
	sum, err := libraryChecksum()
	if err != nil {
		return nil, false
	}
	got, rules, sets, err := decodeSnapshot(snapshotData)
	if err != nil || got != sum {
		return nil, false
	}
	table := make(setTable, len(sets))
	for _, set := range sets {
		table[set.Name] = &namedSet{words: set.Words, source: set.Source}
	}
	return &libraryData{rules: rules, sets: table}, true
}

// EncodeLibrarySnapshot parses the embedded library from its YAML and
// returns the snapshot to embed: the same input always gives the same
// bytes. It is for the generator (internal/gensnapshot).
func EncodeLibrarySnapshot() ([]byte, error) {
	lib, err := parseLibrary()
	if err != nil {
		return nil, err
	}
	sum, err := libraryChecksum()
	if err != nil {
		return nil, fmt.Errorf("summing the rule library: %w", err)
	}
	var sets []snapshotSet
	for name, set := range lib.sets {
		sets = append(sets, snapshotSet{Name: name, Source: set.source, Words: set.words})
	}
	slices.SortFunc(sets, func(a, b snapshotSet) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	return encodeSnapshot(sum, lib.rules, sets), nil
}

// encodeSnapshot writes the snapshot of rules and sets.
func encodeSnapshot(sum uint64, rules []*Rule, sets []snapshotSet) []byte {
	e := &encoder{b: []byte(snapshotMagic)}
	e.b = binary.LittleEndian.AppendUint64(e.b, sum)
	e.uint(len(rules))
	for _, r := range rules {
		e.rule(r)
	}
	e.uint(len(sets))
	for _, s := range sets {
		e.str(s.Name)
		e.str(s.Source)
		e.strs(s.Words)
	}
	return e.b
}

// encoder appends a snapshot's fields. Each method has its twin in
// decoder; TestSnapshotFields fails when a type gains a field neither
// knows.
type encoder struct{ b []byte }

func (e *encoder) uint(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) int(n int)    { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) byte(c uint8) { e.b = append(e.b, c) }

func (e *encoder) bool(v bool) {
	if v {
		e.byte(1)
	} else {
		e.byte(0)
	}
}

func (e *encoder) str(s string) {
	e.uint(len(s))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.uint(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) rule(r *Rule) {
	e.str(r.ID)
	e.str(r.Category)
	e.int(int(r.Severity))
	e.str(r.Summary)
	e.str(r.Message)
	e.str(r.Explanation)
	e.str(r.Reference)
	e.strs(r.Replacements)
	e.byte(uint8(r.Inflect))
	e.uint(len(r.Patterns))
	for i := range r.Patterns {
		e.pattern(&r.Patterns[i])
	}
	e.contexts(r.Unless)
	e.str(r.Code)
	e.int(r.Limit)
	e.int(r.Priority)
	e.byte(uint8(r.FixSafety))
	e.uint(len(r.Examples.Bad))
	for _, x := range r.Examples.Bad {
		e.str(x.Text)
		e.str(x.Fix)
	}
	e.strs(r.Examples.Good)
	e.str(r.Source)
}

func (e *encoder) pattern(p *Pattern) {
	e.elements(p.Before)
	e.elements(p.Match)
	e.elements(p.After)
	e.contexts(p.Unless)
	e.str(p.Message)
	e.strs(p.Replacements)
}

func (e *encoder) contexts(cs []Context) {
	e.uint(len(cs))
	for _, c := range cs {
		e.elements(c.Before)
		e.elements(c.After)
	}
}

func (e *encoder) elements(es []Element) {
	e.uint(len(es))
	for i := range es {
		x := &es[i]
		e.strs(x.Words)
		e.strs(x.Lemmas)
		e.uint(len(x.POS))
		for _, u := range x.POS {
			e.byte(uint8(u))
		}
		e.uint(len(x.Tags))
		for _, t := range x.Tags {
			e.byte(uint8(t))
		}
		e.bool(x.CaseSensitive)
		e.bool(x.Negate)
		e.bool(x.Optional)
		e.int(x.Skip)
		e.strs(x.Prefixes)
		e.strs(x.Suffixes)
		e.str(x.Regexp)
		e.int(int(x.Capitalised))
		e.int(int(x.AllCaps))
		e.int(int(x.SentenceStart))
		e.uint(int(x.Features))
		e.int(x.SameForm)
		e.int(x.SameLemma)
	}
}

// errSnapshot is a snapshot that does not decode: truncated, or of
// another format.
var errSnapshot = errors.New("not a library snapshot of this format")

// decodeSnapshot reads what encodeSnapshot wrote.
func decodeSnapshot(data string) (sum uint64, rules []*Rule, sets []snapshotSet, err error) {
	if !strings.HasPrefix(data, snapshotMagic) || len(data) < len(snapshotMagic)+8 {
		return 0, nil, nil, errSnapshot
	}
	sum = binary.LittleEndian.Uint64([]byte(data[len(snapshotMagic) : len(snapshotMagic)+8]))
	d := &decoder{s: data, i: len(snapshotMagic) + 8}
	n := d.count()
	all := make([]Rule, n)
	rules = make([]*Rule, n)
	for i := range all {
		d.rule(&all[i])
		rules[i] = &all[i]
	}
	sets = make([]snapshotSet, d.count())
	for i := range sets {
		sets[i] = snapshotSet{Name: d.str(), Source: d.str(), Words: d.strs()}
	}
	if d.bad || d.i != len(d.s) {
		return 0, nil, nil, errSnapshot
	}
	return sum, rules, sets, nil
}

// decoder reads a snapshot. Its strings are slices of s, one copy of the
// snapshot; its lists are cut from shared backing arrays (take), each
// with its capacity at its length, so that an append to one copies it
// rather than overwriting the next. After an error (bad) every read gives
// a zero value.
type decoder struct {
	s   string
	i   int
	bad bool

	strPool  []string
	elemPool []Element
	ctxPool  []Context
	patPool  []Pattern
	uposPool []tag.UPOS
	ptbPool  []tag.PTB
}

// take cuts n items from *pool, refilling it with a new array of at least
// chunk items when it runs short.
func take[T any](pool *[]T, n, chunk int) []T {
	if n == 0 {
		return nil
	}
	if len(*pool) < n {
		*pool = make([]T, max(n, chunk))
	}
	s := (*pool)[:n:n]
	*pool = (*pool)[n:]
	return s
}

func (d *decoder) fail() {
	d.bad = true
	d.i = len(d.s)
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.i >= len(d.s) {
			break
		}
		c := d.s[d.i]
		d.i++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	d.fail()
	return 0
}

func (d *decoder) uint() int {
	x := d.uvarint()
	if x > uint64(len(d.s)) {
		d.fail()
		return 0
	}
	return int(x)
}

func (d *decoder) int() int {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

// count reads a list's length: every item takes a byte at least, so a
// length past the bytes left is corrupt.
func (d *decoder) count() int {
	n := d.uint()
	if n > len(d.s)-d.i {
		d.fail()
		return 0
	}
	return n
}

func (d *decoder) byte() uint8 {
	if d.i >= len(d.s) {
		d.fail()
		return 0
	}
	c := d.s[d.i]
	d.i++
	return c
}

func (d *decoder) bool() bool { return d.byte() != 0 }

func (d *decoder) str() string {
	n := d.count()
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

func (d *decoder) strs() []string {
	ss := take(&d.strPool, d.count(), 4096)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) rule(r *Rule) {
	r.ID = d.str()
	r.Category = d.str()
	r.Severity = Severity(d.int())
	r.Summary = d.str()
	r.Message = d.str()
	r.Explanation = d.str()
	r.Reference = d.str()
	r.Replacements = d.strs()
	r.Inflect = PartOfSpeech(d.byte())
	r.Patterns = take(&d.patPool, d.count(), 1024)
	for i := range r.Patterns {
		d.pattern(&r.Patterns[i])
	}
	r.Unless = d.contexts()
	r.Code = d.str()
	r.Limit = d.int()
	r.Priority = d.int()
	r.FixSafety = FixSafety(d.byte())
	if n := d.count(); n > 0 {
		r.Examples.Bad = make([]BadExample, n)
		for i := range r.Examples.Bad {
			r.Examples.Bad[i] = BadExample{Text: d.str(), Fix: d.str()}
		}
	}
	r.Examples.Good = d.strs()
	r.Source = d.str()
	r.checked = true
}

func (d *decoder) pattern(p *Pattern) {
	p.Before = d.elements()
	p.Match = d.elements()
	p.After = d.elements()
	p.Unless = d.contexts()
	p.Message = d.str()
	p.Replacements = d.strs()
}

func (d *decoder) contexts() []Context {
	cs := take(&d.ctxPool, d.count(), 512)
	for i := range cs {
		cs[i] = Context{Before: d.elements(), After: d.elements()}
	}
	return cs
}

// tags reads a list of tags (tag.UPOS or tag.PTB, each a byte).
func tags[T ~uint8](d *decoder, pool *[]T) []T {
	ts := take(pool, d.count(), 4096)
	for i := range ts {
		ts[i] = T(d.byte())
	}
	return ts
}

func (d *decoder) elements() []Element {
	es := take(&d.elemPool, d.count(), 2048)
	for i := range es {
		x := &es[i]
		x.Words = d.strs()
		x.Lemmas = d.strs()
		x.POS = tags(d, &d.uposPool)
		x.Tags = tags(d, &d.ptbPool)
		x.CaseSensitive = d.bool()
		x.Negate = d.bool()
		x.Optional = d.bool()
		x.Skip = d.int()
		x.Prefixes = d.strs()
		x.Suffixes = d.strs()
		x.Regexp = d.str()
		x.Capitalised = Tri(d.int())
		x.AllCaps = Tri(d.int())
		x.SentenceStart = Tri(d.int())
		x.Features = Features(d.uvarint())
		x.SameForm = d.int()
		x.SameLemma = d.int()
	}
	return es
}
