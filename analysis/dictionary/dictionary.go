package dictionary

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"liaison/analysis/dictionary/internal/blockfile"
	"liaison/analysis/morph"
)

//go:generate go run ./internal/gendict -oewn ../../../shared/data/oewn-2025 -out oewn2025.dict

//go:embed oewn2025.dict
var embedded []byte

// EmbeddedSize is the size in bytes of the compressed dictionary data in
// the binary.
func EmbeddedSize() int { return len(embedded) }

// Lemmatizer reads a word form as lemmas with parts of speech, most likely
// first; *morph.Lexicon is one.
type Lemmatizer interface {
	Analyze(word string) []morph.Analysis
}

// Dictionary looks words up. It is safe for concurrent use; the data it
// reads is decompressed block by block as lookups need it.
type Dictionary struct {
	file                   *blockfile.File
	synsets, lemmas, forms *blockfile.Reader
	lemmatizer             Lemmatizer

	keysOnce sync.Once
	keys     *lemmaKeys
	keysErr  error

	mu      sync.Mutex
	entries map[int]*Entry // decoded entries by lemma record, at most maxCachedEntries
}

// maxCachedEntries bounds the cache of decoded entries. An entry holds its
// own copy of its text, not the blocks it was read from, so the cache
// costs what its entries say (BenchmarkLookupBook: 512 entries 25.6k
// block decodes for the book's words, 2048 10.1k and 6.1 MB of heap in
// all, 4096 8.4k and 9.0 MB).
const maxCachedEntries = 2048

// Budgets of decompressed blocks per table (see blockfile's SetBudget): a
// few dozen blocks each, so the words of a passage (and the synsets of a
// word of many senses) stay at hand, while hovers over a whole book no
// longer end with the whole dictionary decompressed (11 MB).
const (
	synsetBudget = 1 << 20
	lemmaBudget  = 512 << 10
	formBudget   = 128 << 10
)

// releaseEvery is how many blocks the embedded dictionary decompresses
// between two returns of its pages to the system (blockfile's
// ReleasePages): at most about 1 MB of it stays mapped (16 blocks, each
// with the 64 KB a page fault maps), for one madvise call over 7 MB per
// 16 blocks and a page fault for the next read of each block.
const releaseEvery = 16

// Option configures New.
type Option func(*Dictionary)

// WithLemmatizer sets how inflected forms are traced to their lemmas.
// Without one, only the irregular forms WordNet lists are known.
func WithLemmatizer(l Lemmatizer) Option {
	return func(d *Dictionary) { d.lemmatizer = l }
}

// New opens dictionary data as written by internal/gendict. It reads only
// the header; data must not be modified afterwards.
func New(data []byte, opts ...Option) (*Dictionary, error) {
	f, err := blockfile.Open(data)
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	if len(f.Tables) != tableCount {
		return nil, fmt.Errorf("dictionary: %d tables, want %d", len(f.Tables), tableCount)
	}
	d := &Dictionary{file: f, synsets: f.Tables[synsetTable], lemmas: f.Tables[lemmaTable], forms: f.Tables[formTable]}
	d.synsets.SetBudget(synsetBudget)
	d.lemmas.SetBudget(lemmaBudget)
	d.forms.SetBudget(formBudget)
	for _, o := range opts {
		o(d)
	}
	return d, nil
}

// Open opens the embedded Open English WordNet 2025 dictionary, with
// morph's default lexicon as its lemmatizer. Each call returns a new
// Dictionary; most callers want Default.
func Open() (*Dictionary, error) {
	return New(embedded, WithLemmatizer(morph.Default()), inPlace())
}

// inPlace says that the data is the embedded file, read in place from the
// executable's mapping and never written, so that the pages its blocks
// were read from can be given back (see releaseEvery).
func inPlace() Option {
	return func(d *Dictionary) { d.file.ReleasePages(releaseEvery) } // false (kept) where the data is not file-backed
}

var defaultDictionary = sync.OnceValues(Open)

// Default returns the shared embedded dictionary, opened on first use.
func Default() (*Dictionary, error) { return defaultDictionary() }

// fold is the lookup key of a word: lower case, straight apostrophes,
// single spaces.
func fold(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') || c == '_' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') || c == '\t' || c == '\n' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	s = strings.ToLower(s)
	s = foldReplacer.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// foldReplacer straightens apostrophes and turns WordNet's underscores
// into spaces. A Replacer is immutable and safe for concurrent use.
var foldReplacer = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'", "_", " ")

// Entry returns the entries whose headword is lemma, ignoring case (the
// exact spelling first): "march" gives march and March. It returns nil for
// no entry. Entries share their Parts with the dictionary's cache: treat
// them as read-only.
func (d *Dictionary) Entry(lemma string) []*Entry {
	key := fold(lemma)
	if key == "" {
		return nil
	}
	keys, err := d.lemmaKeys()
	if err != nil {
		return nil
	}
	var out []*Entry
	lo, hi := keys.find(key)
	for i := lo; i < hi; i++ {
		if e := d.entry(i); e != nil {
			out = append(out, e)
		}
	}
	// The exact spelling first, then lower case, then the rest.
	slices.SortStableFunc(out, func(a, b *Entry) int { return rank(a.Headword, lemma) - rank(b.Headword, lemma) })
	return out
}

func rank(headword, asked string) int {
	switch {
	case headword == strings.TrimSpace(asked):
		return 0
	case headword == strings.ToLower(headword):
		return 1
	}
	return 2
}

// lemmaKeys returns the lemma keys, read on first use.
func (d *Dictionary) lemmaKeys() (*lemmaKeys, error) {
	d.keysOnce.Do(func() { d.keys, d.keysErr = readLemmaKeys(d.lemmas) })
	return d.keys, d.keysErr
}

// entry returns a copy of the decoded entry of lemma record i, whose
// Parts it shares with the cache.
func (d *Dictionary) entry(i int) *Entry {
	d.mu.Lock()
	e, ok := d.entries[i]
	d.mu.Unlock()
	if !ok {
		rec, err := d.lemmas.Record(i)
		if err != nil {
			return nil
		}
		if e, err = d.decodeEntry(rec); err != nil {
			return nil
		}
		d.mu.Lock()
		if d.entries == nil || len(d.entries) >= maxCachedEntries {
			d.entries = make(map[int]*Entry)
		}
		d.entries[i] = e
		d.mu.Unlock()
	}
	c := *e
	return &c
}

// Trim lets go of the blocks decompressed and the entries decoded so far;
// later lookups decode them again (about 40 µs a block, and a lookup
// reads one to three). It is for a pause in the lookups, such as an
// editor's idle time: after hovers over the whole Rust Book the two
// caches held 3.4 MB (profiled). The lemma keys stay: reading them again
// would decompress the whole lemma table.
func (d *Dictionary) Trim() {
	d.mu.Lock()
	d.entries = nil
	d.mu.Unlock()
	for _, t := range []*blockfile.Reader{d.synsets, d.lemmas, d.forms} {
		t.Drop()
	}
}

// has reports whether key (folded) is a headword.
func (d *Dictionary) has(key string) bool {
	keys, err := d.lemmaKeys()
	return err == nil && keys.has(key)
}

// hasPrefix reports whether some headword (folded) begins with prefix.
func (d *Dictionary) hasPrefix(prefix string) bool {
	keys, err := d.lemmaKeys()
	return err == nil && keys.hasPrefix(prefix)
}

// Lookup returns the entries a word form may belong to, best first: the
// form itself as a headword, then the lemmas it is an inflection of
// ("geese" → goose, "liaised" → liaise, "better" → better, good, well),
// including verb forms made from nouns ("liaisoned" → liaison). With pos
// other than NoPOS, entries in which the form can be that part of speech
// come first ("running" as a verb → run, running). Case and curly
// apostrophes do not matter. It returns nil when there is no entry, and
// for a word without letters (numbers, punctuation).
func (d *Dictionary) Lookup(word string, pos POS) []*Entry {
	key := fold(word)
	if !hasLetter(key) {
		return nil
	}
	type candidate struct {
		entry   *Entry
		matches bool
		order   int
	}
	var cands []candidate
	seen := map[string]bool{}
	add := func(es []*Entry, readAs POS) {
		for _, e := range es {
			if seen[e.Headword] {
				continue
			}
			seen[e.Headword] = true
			m := pos == NoPOS || (readAs == NoPOS && e.HasPOS(pos)) || readAs == pos
			if !strings.EqualFold(e.Headword, word) && fold(e.Headword) != key {
				e.Query = word
			}
			cands = append(cands, candidate{e, m, len(cands)})
		}
	}
	add(d.Entry(word), NoPOS)
	if d.lemmatizer != nil {
		for _, a := range d.lemmatizer.Analyze(key) {
			if !seen[a.Lemma] && fold(a.Lemma) != key {
				add(d.Entry(a.Lemma), posOfMorph(a.POS))
			} else if pos != NoPOS && posOfMorph(a.POS) == pos {
				// An entry already added can be pos read this way.
				for i := range cands {
					if fold(cands[i].entry.Headword) == fold(a.Lemma) {
						cands[i].matches = true
					}
				}
			}
		}
	}
	for _, lemma := range d.irregularLemmas(key) {
		add(d.Entry(lemma), NoPOS)
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.matches != b.matches {
			if a.matches {
				return -1
			}
			return 1
		}
		return a.order - b.order
	})
	out := make([]*Entry, len(cands))
	for i, c := range cands {
		out[i] = c.entry
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// irregularLemmas returns the lemmas WordNet lists key as an irregular form of.
func (d *Dictionary) irregularLemmas(key string) []string {
	i, err := d.forms.Search(key)
	if err != nil || i >= d.forms.Len() {
		return nil
	}
	rec, err := d.forms.Record(i)
	if err != nil {
		return nil
	}
	r := recordReader{b: rec}
	if r.str() != key {
		return nil
	}
	names := r.strs()
	if r.err != nil {
		return nil
	}
	return names
}

// decodeEntry builds the entry of a lemma record. The entry's strings
// point into one copy of the records it is made of, not into their
// blocks, so that a cached entry does not keep blocks alive that the
// tables have dropped.
func (d *Dictionary) decodeEntry(blockRec []byte) (*Entry, error) {
	ids, err := synsetsOf(blockRec)
	if err != nil {
		return nil, err
	}
	recs := make([][]byte, len(ids))
	size := len(blockRec)
	for k, id := range ids {
		if recs[k], err = d.synsets.Record(id); err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		size += len(recs[k])
	}
	arena := make([]byte, 0, size)
	arena = append(arena, blockRec...)
	rec := arena[:len(blockRec):len(blockRec)]
	for k, r := range recs {
		start := len(arena)
		arena = append(arena, r...)
		recs[k] = arena[start:len(arena):len(arena)]
	}

	r := recordReader{b: rec}
	key := r.str()
	e := &Entry{Headword: r.str()}
	if e.Headword == "" {
		e.Headword = key
	}
	stem := newStem(e.Headword)
	nParts := r.count()
	e.Parts = make([]Part, 0, nParts)
	next := 0 // the sense's synset record in recs
	for range nParts {
		p := Part{POS: posOfLetter(r.byte())}
		for range r.count() {
			p.Pronunciations = append(p.Pronunciations, Pronunciation{IPA: r.str(), Variety: r.str()})
		}
		p.IrregularForms = r.strs()
		nSenses := r.count()
		if r.err != nil {
			break
		}
		p.Senses = make([]Sense, 0, nSenses)
		for range nSenses {
			synset := r.uvarint()
			sents := r.strs()
			labels := r.strs()
			if r.err != nil || next >= len(recs) || ids[next] != synset {
				r.err = errRecord
				break
			}
			s, err := sense(recs[next], synset, e.Headword, stem, sents)
			if err != nil {
				return nil, err
			}
			next++
			s.Usage = append(s.Usage, labels...)
			p.Senses = append(p.Senses, s)
		}
		e.Parts = append(e.Parts, p)
	}
	if r.err != nil {
		return nil, fmt.Errorf("dictionary: entry %q: %w", key, r.err)
	}
	return e, nil
}

// synsetsOf returns the synset of each sense of a lemma record, in order.
func synsetsOf(rec []byte) ([]int, error) {
	r := recordReader{b: rec}
	r.skipStr()
	r.skipStr()
	var ids []int
	for range r.count() {
		r.byte()
		for range r.count() {
			r.skipStr()
			r.skipStr()
		}
		r.skipStrs()
		for range r.count() {
			ids = append(ids, r.uvarint())
			r.skipStrs()
			r.skipStrs()
		}
		if r.err != nil {
			break
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("dictionary: lemma record: %w", r.err)
	}
	return ids, nil
}

// sense reads synset record rec (number synset) as a sense of headword,
// whose own example sentences are sents.
func sense(rec []byte, synset int, headword string, stem stem, sents []string) (Sense, error) {
	r := recordReader{b: rec}
	s := Sense{Definition: r.str()}
	examples := r.strs()
	nMembers := r.count()
	for range nMembers {
		m := r.str()
		if m != headword {
			s.Synonyms = append(s.Synonyms, m)
		}
	}
	s.Usage = r.strs()
	s.Domains = r.strs()
	s.Field = r.str()
	if r.err != nil {
		return Sense{}, fmt.Errorf("dictionary: synset %d: %w", synset, r.err)
	}
	// Examples that use the headword first, then its own sentences, then
	// the synset's other examples (which show its synonyms).
	var uses, others []string
	for _, ex := range examples {
		if stem.in(ex) {
			uses = append(uses, ex)
		} else {
			others = append(others, ex)
		}
	}
	if n := len(uses) + len(sents) + len(others); n > 0 {
		s.Examples = make([]string, 0, n)
		s.Examples = append(append(append(s.Examples, uses...), sents...), others...)
	}
	return s, nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// stem finds a headword in an example sentence, also inflected
// ("liaise" in "liaising") and capitalised.
type stem struct {
	s      string
	firsts string // the first letter in both cases
}

func newStem(headword string) stem {
	s := headword
	if len(s) > 3 {
		s = strings.TrimRight(s, "eyo")
	}
	if s == "" {
		return stem{}
	}
	return stem{s: s, firsts: strings.ToLower(s[:1]) + strings.ToUpper(s[:1])}
}

// in reports whether the stem occurs in text, ignoring case.
func (st stem) in(text string) bool {
	if st.s == "" {
		return false
	}
	if c := st.s[0] | 0x20; 'a' <= c && c <= 'z' {
		// An ASCII letter: compare bytes folded to lower case, no set to build.
		for i := 0; i+len(st.s) <= len(text); i++ {
			if text[i]|0x20 == c && strings.EqualFold(text[i:i+len(st.s)], st.s) {
				return true
			}
		}
		return false
	}
	for {
		i := strings.IndexAny(text, st.firsts)
		if i < 0 || len(text)-i < len(st.s) {
			return false
		}
		if strings.EqualFold(text[i:i+len(st.s)], st.s) {
			return true
		}
		text = text[i+1:]
	}
}

// FormPOS returns the part of speech an inflected word can only be read
// as — "ran" and "went" are verbs, "geese" a noun — or NoPOS when the word
// is a base form or its readings disagree ("runs", "left").
func (d *Dictionary) FormPOS(word string) POS {
	if d.lemmatizer == nil {
		return NoPOS
	}
	p := NoPOS
	for _, a := range d.lemmatizer.Analyze(fold(word)) {
		ap := posOfMorph(a.POS)
		if a.Form == morph.Base || (p != NoPOS && ap != p) {
			return NoPOS
		}
		p = ap
	}
	return p
}
