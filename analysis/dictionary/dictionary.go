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
	synsets, lemmas, forms *blockfile.Reader
	lemmatizer             Lemmatizer

	mu      sync.Mutex
	entries map[int]*Entry // decoded entries by lemma record, at most maxCachedEntries
}

// maxCachedEntries bounds the cache of decoded entries (a few KB each).
const maxCachedEntries = 4096

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
	d := &Dictionary{synsets: f.Tables[synsetTable], lemmas: f.Tables[lemmaTable], forms: f.Tables[formTable]}
	for _, o := range opts {
		o(d)
	}
	return d, nil
}

// Open opens the embedded Open English WordNet 2025 dictionary, with
// morph's default lexicon as its lemmatizer. Each call returns a new
// Dictionary; most callers want Default.
func Open() (*Dictionary, error) {
	return New(embedded, WithLemmatizer(morph.Default()))
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
	var out []*Entry
	i, err := d.lemmas.Search(key)
	if err != nil {
		return nil
	}
	for ; i < d.lemmas.Len(); i++ {
		rec, err := d.lemmas.Record(i)
		if err != nil {
			break
		}
		r := recordReader{b: rec}
		if r.str() != key {
			break
		}
		if e := d.entry(i, rec); e != nil {
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

// entry returns a copy of the decoded entry of lemma record i, whose
// Parts it shares with the cache.
func (d *Dictionary) entry(i int, rec []byte) *Entry {
	d.mu.Lock()
	e, ok := d.entries[i]
	d.mu.Unlock()
	if !ok {
		var err error
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

// has reports whether key (folded) is a headword.
func (d *Dictionary) has(key string) bool {
	i, err := d.lemmas.Search(key)
	if err != nil || i >= d.lemmas.Len() {
		return false
	}
	k, err := d.lemmas.Key(i)
	return err == nil && string(k) == key
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

// decodeEntry builds the entry of a lemma record.
func (d *Dictionary) decodeEntry(rec []byte) (*Entry, error) {
	r := recordReader{b: rec}
	key := r.str()
	e := &Entry{Headword: r.str()}
	if e.Headword == "" {
		e.Headword = key
	}
	stem := newStem(e.Headword)
	nParts := r.count()
	e.Parts = make([]Part, 0, nParts)
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
			if r.err != nil {
				break
			}
			s, err := d.sense(synset, e.Headword, stem, sents)
			if err != nil {
				return nil, err
			}
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

// sense reads a synset as a sense of headword, whose own example sentences
// are sents.
func (d *Dictionary) sense(synset int, headword string, stem stem, sents []string) (Sense, error) {
	rec, err := d.synsets.Record(synset)
	if err != nil {
		return Sense{}, fmt.Errorf("dictionary: %w", err)
	}
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
