package blockfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/zstd"
)

// File is an open blockfile. Its methods are safe for concurrent use.
type File struct {
	Tables []*Reader
}

// Reader reads the records of one table, decompressing blocks on demand.
type Reader struct {
	n, perBlock int
	keyed       bool
	blocks      []blockRef
	firstKeys   []string
	cache       []atomic.Pointer[block]
	dec         *zstd.Decoder
	data        []byte

	// The blocks held in cache, when bounded (SetBudget): a lookup that
	// wanders over the whole table, as hovers over a book do, would
	// otherwise end with every block decompressed for good (the
	// dictionary's 11 MB, for a few KB a hover needs).
	mu       sync.Mutex
	budget   int   // bytes of decompressed blocks to hold; 0: no bound
	resident []int // the blocks held, in the order the clock hand visits them
	hand     int
	held     int // their bytes
	decodes  atomic.Int64

	pages *pager // nil unless ReleasePages
}

// pager gives back the pages of a File's data that its blocks were read
// from (see ReleasePages).
type pager struct {
	data  []byte
	every int64
	read  atomic.Int64 // blocks read since the last drop
	drops atomic.Int64
}

func (p *pager) note() {
	if v := p.read.Add(1); v >= p.every && p.read.CompareAndSwap(v, 0) {
		if dropPages(p.data) == nil {
			p.drops.Add(1)
		}
	}
}

type blockRef struct{ off, size int }

type block struct {
	data  []byte
	spans []uint32    // start and end of each record in data, in pairs
	used  atomic.Bool // read since the clock hand last passed it
}

// size is what holding the block costs.
func (b *block) size() int { return cap(b.data) + 4*cap(b.spans) + 64 }

func (b *block) len() int { return len(b.spans) / 2 }

func (b *block) record(j int) []byte { return b.data[b.spans[2*j]:b.spans[2*j+1]] }

var errCorrupt = errors.New("blockfile: corrupt data")

// Open parses the header of a blockfile held in data, which must not be
// modified afterwards. Blocks are decompressed later, as records are read.
func Open(data []byte) (*File, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, fmt.Errorf("blockfile: bad magic: %w", errCorrupt)
	}
	plain, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("blockfile: zstd: %w", err)
	}
	defer plain.Close()
	opts := []zstd.DOption{zstd.WithDecoderConcurrency(runtime.GOMAXPROCS(0))}
	r := headerReader{data: data, pos: len(magic)}
	nTables := r.uvarint()
	if r.err != nil || nTables > 64 {
		return nil, fmt.Errorf("blockfile: table count: %w", errCorrupt)
	}
	f := &File{}
	type pending struct {
		t     *Reader
		sizes []int
	}
	var ps []pending
	for range nTables {
		t := &Reader{n: r.uvarint(), perBlock: r.uvarint()}
		t.keyed = r.byte() == 1
		nBlocks := r.uvarint()
		if r.err != nil || t.perBlock <= 0 || nBlocks != (t.n+t.perBlock-1)/t.perBlock || nBlocks > len(data) {
			return nil, fmt.Errorf("blockfile: table header: %w", errCorrupt)
		}
		if packed := r.bytes(); len(packed) > 0 {
			d, err := plain.DecodeAll(packed, nil)
			if err != nil {
				return nil, fmt.Errorf("blockfile: table %d dictionary: %w", len(f.Tables), err)
			}
			opts = append(opts, zstd.WithDecoderDictRaw(dictID(len(f.Tables)), d))
		}
		sizes := make([]int, nBlocks)
		for b := range nBlocks {
			sizes[b] = r.uvarint()
			if t.keyed {
				t.firstKeys = append(t.firstKeys, r.string())
			}
		}
		if r.err != nil {
			return nil, fmt.Errorf("blockfile: block directory: %w", r.err)
		}
		t.cache = make([]atomic.Pointer[block], nBlocks)
		ps = append(ps, pending{t, sizes})
		f.Tables = append(f.Tables, t)
	}
	if r.err != nil {
		return nil, fmt.Errorf("blockfile: header: %w", r.err)
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("blockfile: zstd: %w", err)
	}
	off := r.pos
	for _, p := range ps {
		p.t.dec = dec
		for _, size := range p.sizes {
			if size < 0 || size > len(data)-off {
				return nil, fmt.Errorf("blockfile: block beyond end of data: %w", errCorrupt)
			}
			p.t.blocks = append(p.t.blocks, blockRef{off: off, size: size})
			off += size
		}
	}
	data = data[:off:off]
	for _, p := range ps {
		p.t.blocks = p.t.blocks[:len(p.t.blocks):len(p.t.blocks)]
		p.t.data = data
	}
	return f, nil
}

// ReleasePages bounds the pages of data that reading keeps mapped into the
// process: after every `every` blocks decompressed, the pages of data are
// given back, so that they leave the resident size until a block on them
// is read again. Without it, a dictionary read in place from the
// executable ends with nearly all of its pages resident once lookups have
// wandered over it (hovers over a whole book map 6.7 of its 7.0 MB),
// though each hover reads a few KB. The bound is in blocks because a read
// maps more than the block: Linux maps the pages around a page fault that
// are in its cache (fault_around_bytes, 64 KB by default), so each block
// read since the last drop can hold 64 KB.
//
// Only for data mapped from a file and never written (the executable's
// embedded files): on anonymous memory the pages given back would read as
// zeros, so it does nothing, and reports false, unless the process's
// mappings show a file under all of data (Linux; elsewhere it does
// nothing). every ≤ 0 turns it off.
func (f *File) ReleasePages(every int) bool {
	var p *pager
	if every > 0 && len(f.Tables) > 0 && fileBacked(f.Tables[0].data) {
		p = &pager{data: f.Tables[0].data, every: int64(every)}
	}
	for _, t := range f.Tables {
		t.pages = p
	}
	return p != nil
}

// PageDrops is how often the pages of the file's data were given back
// (see ReleasePages).
func (f *File) PageDrops() int {
	if len(f.Tables) == 0 || f.Tables[0].pages == nil {
		return 0
	}
	return int(f.Tables[0].pages.drops.Load())
}

// Len is the number of records in the table.
func (t *Reader) Len() int { return t.n }

// Record returns record i. The bytes must not be modified.
func (t *Reader) Record(i int) ([]byte, error) {
	if i < 0 || i >= t.n {
		return nil, fmt.Errorf("blockfile: record %d of %d", i, t.n)
	}
	b, err := t.block(i / t.perBlock)
	if err != nil {
		return nil, err
	}
	j := i % t.perBlock
	if j >= b.len() {
		return nil, fmt.Errorf("blockfile: record %d: %w", i, errCorrupt)
	}
	return b.record(j), nil
}

// Key returns the key of record i of a keyed table.
func (t *Reader) Key(i int) ([]byte, error) {
	rec, err := t.Record(i)
	if err != nil {
		return nil, err
	}
	k, _, ok := splitKey(rec)
	if !ok {
		return nil, fmt.Errorf("blockfile: record %d: %w", i, errCorrupt)
	}
	return k, nil
}

// Search returns the index of the first record whose key is ≥ key (Len if
// none) in a keyed table. It decompresses at most one block.
func (t *Reader) Search(key string) (int, error) {
	if !t.keyed {
		return 0, errors.New("blockfile: search in an unkeyed table")
	}
	// The last block whose first key is ≤ key holds the answer, or the
	// answer is the first record of the next block.
	b := sort.Search(len(t.firstKeys), func(b int) bool { return t.firstKeys[b] > key }) - 1
	if b < 0 {
		return 0, nil
	}
	blk, err := t.block(b)
	if err != nil {
		return 0, err
	}
	var searchErr error
	j := sort.Search(blk.len(), func(j int) bool {
		k, _, ok := splitKey(blk.record(j))
		if !ok {
			searchErr = errCorrupt
			return true
		}
		return string(k) >= key
	})
	if searchErr != nil {
		return 0, fmt.Errorf("blockfile: search: %w", searchErr)
	}
	return b*t.perBlock + j, nil
}

// firstKeyOf returns the key of record i when i is the first record of a
// block, without decompressing it; ok is false otherwise.
func (t *Reader) firstKeyOf(i int) (string, bool) {
	if !t.keyed || i%t.perBlock != 0 || i/t.perBlock >= len(t.firstKeys) {
		return "", false
	}
	return t.firstKeys[i/t.perBlock], true
}

// HasPrefix reports whether some key of a keyed table begins with prefix.
func (t *Reader) HasPrefix(prefix string) (bool, error) {
	i, err := t.Search(prefix)
	if err != nil || i >= t.n {
		return false, err
	}
	if k, ok := t.firstKeyOf(i); ok {
		return len(k) >= len(prefix) && k[:len(prefix)] == prefix, nil
	}
	k, err := t.Key(i)
	if err != nil {
		return false, err
	}
	return bytes.HasPrefix(k, []byte(prefix)), nil
}

// SetBudget bounds the bytes of decompressed blocks the table holds
// (0: no bound). Past it, blocks not read lately are dropped (a clock: a
// block read since the hand last passed gets another round) and
// decompressed again when next read. Records already returned stay valid:
// they keep their own block alive.
func (t *Reader) SetBudget(bytes int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.budget = bytes
	t.evictLocked(-1)
}

// Drop lets go of every decompressed block the table holds; each is
// decompressed again when next read. Records already returned stay valid
// (they keep their own block alive). It is for a pause in the reads, when
// holding the blocks buys nothing.
func (t *Reader) Drop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, b := range t.resident {
		t.cache[b].Store(nil)
	}
	t.resident, t.held, t.hand = t.resident[:0], 0, 0
}

// Held is the bytes of decompressed blocks the table holds now.
func (t *Reader) Held() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.held
}

// Decodes is the number of block decompressions so far (a block dropped
// and read again counts twice).
func (t *Reader) Decodes() int { return int(t.decodes.Load()) }

// Blocks is the number of blocks in the table.
func (t *Reader) Blocks() int { return len(t.blocks) }

// DecodedBlocks is the number of blocks decompressed so far.
func (t *Reader) DecodedBlocks() int {
	n := 0
	for i := range t.cache {
		if t.cache[i].Load() != nil {
			n++
		}
	}
	return n
}

func (t *Reader) block(b int) (*block, error) {
	if blk := t.cache[b].Load(); blk != nil {
		if !blk.used.Load() { // a store only when it changes: hits stay read-only
			blk.used.Store(true)
		}
		return blk, nil
	}
	ref := t.blocks[b]
	raw, err := t.dec.DecodeAll(t.data[ref.off:ref.off+ref.size], nil)
	if err != nil {
		return nil, fmt.Errorf("blockfile: block %d: %w", b, err)
	}
	want := t.perBlock
	if b == len(t.blocks)-1 {
		want = t.n - b*t.perBlock
	}
	blk := &block{data: raw, spans: make([]uint32, 0, 2*want)}
	pos := 0
	for range want {
		n, w := binary.Uvarint(raw[pos:])
		if w <= 0 || uint64(len(raw)-pos-w) < n {
			return nil, fmt.Errorf("blockfile: block %d: %w", b, errCorrupt)
		}
		pos += w
		blk.spans = append(blk.spans, uint32(pos), uint32(pos+int(n)))
		pos += int(n)
	}
	if pos != len(raw) {
		return nil, fmt.Errorf("blockfile: block %d: trailing bytes: %w", b, errCorrupt)
	}
	t.decodes.Add(1)
	if t.pages != nil {
		t.pages.note()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if old := t.cache[b].Load(); old != nil {
		return old, nil // decoded meanwhile by another reader
	}
	blk.used.Store(true)
	t.cache[b].Store(blk)
	t.resident = append(t.resident, b)
	t.held += blk.size()
	t.evictLocked(b)
	return blk, nil
}

// evictLocked drops blocks other than keep until the table is within its
// budget.
func (t *Reader) evictLocked(keep int) {
	for t.budget > 0 && t.held > t.budget && len(t.resident) > 1 {
		if t.hand >= len(t.resident) {
			t.hand = 0
		}
		b := t.resident[t.hand]
		blk := t.cache[b].Load()
		if b == keep || blk.used.Load() {
			blk.used.Store(false)
			t.hand++
			continue
		}
		t.cache[b].Store(nil)
		t.held -= blk.size()
		last := len(t.resident) - 1
		t.resident[t.hand] = t.resident[last]
		t.resident = t.resident[:last]
	}
}

type headerReader struct {
	data []byte
	pos  int
	err  error
}

func (r *headerReader) uvarint() int {
	if r.err != nil {
		return 0
	}
	v, w := binary.Uvarint(r.data[r.pos:])
	if w <= 0 || v > uint64(len(r.data)) {
		r.err = errCorrupt
		return 0
	}
	r.pos += w
	return int(v)
}

func (r *headerReader) byte() byte {
	if r.err != nil || r.pos >= len(r.data) {
		r.err = errCorrupt
		return 0
	}
	r.pos++
	return r.data[r.pos-1]
}

func (r *headerReader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil || n > len(r.data)-r.pos {
		r.err = errCorrupt
		return nil
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b
}

func (r *headerReader) string() string { return string(r.bytes()) }
