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
//	magic "LSNP4", checksum (libraryChecksum, 8 bytes little-endian)
//	rules: count, then each rule (encoder.rule)
//	sets:  count, then each set: name, source, words
//	keys:  for each rule, its patterns' key slots (keyOf)
//	index: the index of the rules on by default (encoder.index)
//
// The keys and the index are what NewEngine would compute from the rules
// (prepareRule, buildIndex): 2,000 rules' word lists weighed and indexed,
// a quarter of the start-up of a one-line check, and the part of it that
// the tagger's load, on the other core, did not hide. NewEngine takes
// them from here when it is given the library's rules as they are
// decoded; TestSnapshotIndexUpToDate fails when the code that builds them
// has changed since the snapshot was made.
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
const snapshotMagic = "LSNP4"

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
	got, snap, err := decodeSnapshot(snapshotData)
	if err != nil || got != sum {
		return nil, false
	}
	table := make(setTable, len(snap.sets))
	for _, set := range snap.sets {
		table[set.Name] = &namedSet{words: set.Words, source: set.Source}
	}
	return &libraryData{rules: snap.rules, sets: table, keys: snap.keys, index: snap.index}, true
}

// snapshot is what a snapshot holds.
type snapshot struct {
	rules []*Rule
	sets  []snapshotSet
	keys  [][]int // by rule: its patterns' key slots
	index *index  // of the rules on by default
}

// EncodeLibrarySnapshot parses the embedded library from its YAML and
// returns the snapshot to embed: the same input always gives the same
// bytes. It is for the generator (internal/gensnapshot).
func EncodeLibrarySnapshot() ([]byte, error) {
	lib, err := parseLibrary()
	if err != nil {
		return nil, err
	}
	e, err := NewEngine(lib.rules) // builds the keys and the index from the rules
	if err != nil {
		return nil, err
	}
	snap := snapshot{rules: lib.rules, index: &e.onIndex}
	for _, cr := range e.rules {
		snap.keys = append(snap.keys, cr.keys)
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
	snap.sets = sets
	return encodeSnapshot(sum, &snap), nil
}

// encodeSnapshot writes a snapshot. Its keys, one list for each rule, and
// its index may be nil: a snapshot without them (tests) decodes with
// empty ones.
func encodeSnapshot(sum uint64, snap *snapshot) []byte {
	e := &encoder{b: []byte(snapshotMagic)}
	e.b = binary.LittleEndian.AppendUint64(e.b, sum)
	e.uint(len(snap.rules))
	for _, r := range snap.rules {
		e.rule(r)
	}
	e.uint(len(snap.sets))
	for _, s := range snap.sets {
		e.str(s.Name)
		e.str(s.Source)
		e.strs(s.Words)
	}
	for i := range snap.rules {
		var keys []int
		if i < len(snap.keys) {
			keys = snap.keys[i]
		}
		e.uint(len(keys))
		for _, k := range keys {
			e.uint(k)
		}
	}
	ix := snap.index
	if ix == nil {
		ix = &index{}
	}
	e.index(ix)
	return e.b
}

// index writes an index: its entries in their order with the string each
// is keyed by (the map is rebuilt from them), the tag lists, the Go
// rules, the needed-word lists and their count.
func (e *encoder) index(ix *index) {
	keyOf := make([]string, len(ix.entries))
	for k, i := range ix.keys {
		keyOf[i] = k
	}
	e.uint(len(ix.entries))
	for i, en := range ix.entries {
		e.str(keyOf[i])
		e.refs(en.word)
		e.refs(en.lemma)
		e.int(int(en.needWord))
		e.int(int(en.needLemma))
	}
	for _, refs := range ix.byPTB {
		e.refs(refs)
	}
	for _, refs := range ix.byUPOS {
		e.refs(refs)
	}
	e.uint(len(ix.code))
	for _, c := range ix.code {
		e.uint(c)
	}
	e.uint(len(ix.needs))
	for _, ids := range ix.needs {
		e.uint(len(ids))
		for _, id := range ids {
			e.uint(int(id))
		}
	}
	e.uint(ix.nNeed)
}

func (e *encoder) refs(rs []patternRef) {
	e.uint(len(rs))
	for _, r := range rs {
		e.uint(int(r.rule))
		e.uint(int(r.pattern))
		e.int(int(r.lo))
		e.int(int(r.hi))
		e.uint(int(r.need))
		var flags uint8
		if r.anchored {
			flags |= 1
		}
		if r.repeat {
			flags |= 2
		}
		e.byte(flags)
	}
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

// Element fields, one bit each in the mask an element starts with: a
// field whose bit is clear is its zero value and takes no byte (of the
// library's 7,500 elements' 17 fields most are; decoding read every one,
// a fifth of a one-line check's start).
const (
	elWords = 1 << iota
	elLemmas
	elPOS
	elTags
	elCaseSensitive
	elNegate
	elOptional
	elSkip
	elPrefixes
	elSuffixes
	elRegexp
	elCapitalised
	elAllCaps
	elSentenceStart
	elFeatures
	elSameForm
	elSameLemma
)

func (e *encoder) elements(es []Element) {
	e.uint(len(es))
	for i := range es {
		x := &es[i]
		mask := 0
		for _, f := range []struct {
			bit int
			set bool
		}{
			{elWords, len(x.Words) > 0}, {elLemmas, len(x.Lemmas) > 0}, {elPOS, len(x.POS) > 0}, {elTags, len(x.Tags) > 0},
			{elCaseSensitive, x.CaseSensitive}, {elNegate, x.Negate}, {elOptional, x.Optional}, {elSkip, x.Skip != 0},
			{elPrefixes, len(x.Prefixes) > 0}, {elSuffixes, len(x.Suffixes) > 0}, {elRegexp, x.Regexp != ""},
			{elCapitalised, x.Capitalised != 0}, {elAllCaps, x.AllCaps != 0}, {elSentenceStart, x.SentenceStart != 0},
			{elFeatures, x.Features != 0}, {elSameForm, x.SameForm != 0}, {elSameLemma, x.SameLemma != 0},
		} {
			if f.set {
				mask |= f.bit
			}
		}
		e.uint(mask)
		if mask&elWords != 0 {
			e.strs(x.Words)
		}
		if mask&elLemmas != 0 {
			e.strs(x.Lemmas)
		}
		if mask&elPOS != 0 {
			e.uint(len(x.POS))
			for _, u := range x.POS {
				e.byte(uint8(u))
			}
		}
		if mask&elTags != 0 {
			e.uint(len(x.Tags))
			for _, t := range x.Tags {
				e.byte(uint8(t))
			}
		}
		if mask&elSkip != 0 {
			e.int(x.Skip)
		}
		if mask&elPrefixes != 0 {
			e.strs(x.Prefixes)
		}
		if mask&elSuffixes != 0 {
			e.strs(x.Suffixes)
		}
		if mask&elRegexp != 0 {
			e.str(x.Regexp)
		}
		if mask&elCapitalised != 0 {
			e.int(int(x.Capitalised))
		}
		if mask&elAllCaps != 0 {
			e.int(int(x.AllCaps))
		}
		if mask&elSentenceStart != 0 {
			e.int(int(x.SentenceStart))
		}
		if mask&elFeatures != 0 {
			e.uint(int(x.Features))
		}
		if mask&elSameForm != 0 {
			e.int(x.SameForm)
		}
		if mask&elSameLemma != 0 {
			e.int(x.SameLemma)
		}
	}
}

// errSnapshot is a snapshot that does not decode: truncated, or of
// another format.
var errSnapshot = errors.New("not a library snapshot of this format")

// decodeSnapshot reads what encodeSnapshot wrote.
func decodeSnapshot(data string) (sum uint64, snap *snapshot, err error) {
	if !strings.HasPrefix(data, snapshotMagic) || len(data) < len(snapshotMagic)+8 {
		return 0, nil, errSnapshot
	}
	sum = binary.LittleEndian.Uint64([]byte(data[len(snapshotMagic) : len(snapshotMagic)+8]))
	d := &decoder{s: data, i: len(snapshotMagic) + 8}
	n := d.count()
	all := make([]Rule, n)
	snap = &snapshot{rules: make([]*Rule, n)}
	for i := range all {
		d.rule(&all[i])
		snap.rules[i] = &all[i]
	}
	snap.sets = make([]snapshotSet, d.count())
	for i := range snap.sets {
		snap.sets[i] = snapshotSet{Name: d.str(), Source: d.str(), Words: d.strs()}
	}
	snap.keys = make([][]int, n)
	var keyPool []int
	for i, r := range snap.rules {
		keys := take(&keyPool, d.count(), 2048)
		for j := range keys {
			keys[j] = d.uint()
		}
		snap.keys[i] = keys
		// A pattern rule has a key in each pattern, a Go rule none.
		if r.Code != "" && len(keys) > 0 || r.Code == "" && len(keys) != len(r.Patterns) {
			d.fail()
			break
		}
		for j, k := range keys {
			if p := &r.Patterns[j]; len(p.Match) == 0 || k >= len(p.Before)+len(p.Match)+len(p.After) {
				d.fail()
			}
		}
	}
	snap.index = d.index(snap.rules)
	if d.bad || d.i != len(d.s) {
		return 0, nil, errSnapshot
	}
	return sum, snap, nil
}

// index reads what encoder.index wrote, for an engine of rules. A
// reference to a rule, a pattern or a needed-word list that is not there
// makes the snapshot corrupt, like a short read.
func (d *decoder) index(rules []*Rule) *index {
	n := len(rules)
	ix := &index{}
	ix.entries = make([]keyEntry, d.count())
	ix.keys = make(map[string]int32, len(ix.entries))
	var pool []patternRef
	for i := range ix.entries {
		ix.keys[d.str()] = int32(i)
		en := &ix.entries[i]
		en.word = d.refs(&pool, n)
		en.lemma = d.refs(&pool, n)
		en.needWord, en.needLemma = int32(d.int()), int32(d.int())
	}
	for t := range ix.byPTB {
		ix.byPTB[t] = d.refs(&pool, n)
	}
	for u := range ix.byUPOS {
		ix.byUPOS[u] = d.refs(&pool, n)
	}
	ix.code = make([]int, d.count())
	for i := range ix.code {
		if ix.code[i] = d.uint(); ix.code[i] >= n {
			d.fail()
		}
	}
	ix.needs = make([][]int32, d.count())
	var idPool []int32
	for i := range ix.needs {
		ids := take(&idPool, d.count(), 4096)
		for j := range ids {
			ids[j] = int32(d.uint())
		}
		ix.needs[i] = ids
	}
	ix.nNeed = d.uint()
	for i := range ix.needs {
		for _, id := range ix.needs[i] {
			if int(id) >= ix.nNeed {
				d.fail()
			}
		}
	}
	bad := func(refs []patternRef) bool {
		for _, r := range refs {
			if int(r.rule) >= n || int(r.pattern) >= len(rules[r.rule].Patterns) || r.need < 0 || int(r.need) > len(ix.needs) {
				return true
			}
		}
		return false
	}
	for _, en := range ix.entries {
		if int(en.needWord) >= ix.nNeed || int(en.needLemma) >= ix.nNeed || en.needWord < -1 || en.needLemma < -1 ||
			bad(en.word) || bad(en.lemma) {
			d.fail()
		}
	}
	for t := range ix.byPTB {
		if bad(ix.byPTB[t]) {
			d.fail()
		}
	}
	for u := range ix.byUPOS {
		if bad(ix.byUPOS[u]) {
			d.fail()
		}
	}
	if len(ix.code) == 0 {
		ix.code = nil
	}
	if len(ix.needs) == 0 {
		ix.needs = nil
	}
	return ix
}

// refs reads a list of pattern references to an engine of n rules,
// cutting it from *pool.
func (d *decoder) refs(pool *[]patternRef, n int) []patternRef {
	rs := take(pool, d.count(), 1024)
	for i := range rs {
		r := &rs[i]
		r.rule, r.pattern = int32(d.uint()), int32(d.uint())
		r.lo, r.hi = int32(d.int()), int32(d.int())
		r.need = int32(d.uint())
		flags := d.byte()
		r.anchored, r.repeat = flags&1 != 0, flags&2 != 0
		if int(r.rule) >= n {
			d.fail()
		}
	}
	return rs
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

// uvarint reads a uvarint; most are one byte, read inline.
func (d *decoder) uvarint() uint64 {
	if i := d.i; uint(i) < uint(len(d.s)) && d.s[i] < 0x80 {
		d.i = i + 1
		return uint64(d.s[i])
	}
	return d.uvarintLong()
}

// uvarintLong is uvarint's loop, kept out of line so that uvarint
// inlines.
//
//go:noinline
func (d *decoder) uvarintLong() uint64 {
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
		mask := d.uint()
		if mask&elWords != 0 {
			x.Words = d.strs()
		}
		if mask&elLemmas != 0 {
			x.Lemmas = d.strs()
		}
		if mask&elPOS != 0 {
			x.POS = tags(d, &d.uposPool)
		}
		if mask&elTags != 0 {
			x.Tags = tags(d, &d.ptbPool)
		}
		x.CaseSensitive = mask&elCaseSensitive != 0
		x.Negate = mask&elNegate != 0
		x.Optional = mask&elOptional != 0
		if mask&elSkip != 0 {
			x.Skip = d.int()
		}
		if mask&elPrefixes != 0 {
			x.Prefixes = d.strs()
		}
		if mask&elSuffixes != 0 {
			x.Suffixes = d.strs()
		}
		if mask&elRegexp != 0 {
			x.Regexp = d.str()
		}
		if mask&elCapitalised != 0 {
			x.Capitalised = Tri(d.int())
		}
		if mask&elAllCaps != 0 {
			x.AllCaps = Tri(d.int())
		}
		if mask&elSentenceStart != 0 {
			x.SentenceStart = Tri(d.int())
		}
		if mask&elFeatures != 0 {
			x.Features = Features(d.uvarint())
		}
		if mask&elSameForm != 0 {
			x.SameForm = d.int()
		}
		if mask&elSameLemma != 0 {
			x.SameLemma = d.int()
		}
	}
	return es
}
