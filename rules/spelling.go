package rules

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/spell"
	"liaison/analysis/token"
)

// The ids of the two rules written in Go that check spelling: a word no
// dialect knows, and a correct spelling of a dialect the document is not
// written in.
const (
	SpellingRuleID = "spelling"
	DialectRuleID  = "dialect"
)

// Spelling is what the spelling and dialect rules need beyond the text:
// the dialect, the words the user accepts and the words the workspace
// writes as code. It is part of Settings, applied after the per-block
// cache: the rules' Go code finds candidates from the block alone, and
// Check keeps those the document's Spelling does not excuse.
type Spelling struct {
	// Dialect is the dialect the document is written in; "" leaves it to
	// the document: its majority spelling decides, en-US on a tie.
	Dialect spell.Dialect
	// Words are lists of words that are correct whatever the word list
	// says: the project's, the user's, the document's directives.
	Words []*WordList
	// InCode reports whether word is written as code in the document res
	// is the analysis of (whose source the function knows) or in another
	// document open in the workspace, or listed in the document's
	// liaison-words comments; nil: nowhere.
	InCode func(res *analysis.Result, word string) bool
	// JoinedToCode, when set, reports whether the document's prose writes
	// word joined to code (CodeWords.Joined, kept from revision to
	// revision); nil reads every sentence of res for it, which for the
	// whole Rust Book is 3 to 4 ms of a keystroke's CPU.
	JoinedToCode func(res *analysis.Result, word string) bool
	// Count, when set, is how often the whole document writes word (in
	// prose or not): what tells a term or a name, used again, from a
	// typo. A document checked a part at a time must count in all of it;
	// nil counts the candidates of what was checked.
	Count func(word string) int
	// NoSuggestions leaves spelling findings without replacements: the
	// server computes them when a code action or a hover asks, not on
	// every keystroke. The CLI and the tests want them in the finding.
	NoSuggestions bool
	// Cache keeps suggestions across checks (a document checked on every
	// keystroke flags the same words each time); nil computes them anew.
	Cache *SuggestionCache
}

// SuggestionCache remembers the suggestions of the words it was asked
// about, a bounded number of them, and whether each unknown word reads
// as a name of code (codeName: up to half a millisecond a word, for a
// document checked on every keystroke). It is safe for concurrent use.
type SuggestionCache struct {
	mu    sync.Mutex
	m     map[string][]string
	codes map[string]bool
}

// codeName reports whether w reads as an abbreviation, a term or a
// compound of code (codeAbbreviation, codeTerm, codeCompound), from the
// cache when c has it.
func (c *SuggestionCache) codeName(lex *spell.Lexicon, w string) bool {
	if codeAbbreviation(lex, w) || codeCompound(lex, w) {
		return true
	}
	// Only codeTerm's verdict is worth keeping: the others cost less than
	// the cache's lock, and keeping every word a check meets (a name,
	// each edit's new word) would grow the heap with the edits.
	if len(w) < 5 || len(w) > maxCodeTerm || !asciiLower(w) {
		return false
	}
	compute := func() bool { return codeTerm(lex, w) }
	if c == nil {
		return compute()
	}
	c.mu.Lock()
	v, ok := c.codes[w]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	c.mu.Lock()
	if c.codes == nil || len(c.codes) >= maxCachedSuggestions {
		c.codes = make(map[string]bool)
	}
	c.codes[strings.Clone(w)] = v
	c.mu.Unlock()
	return v
}

// maxCachedSuggestions bounds a SuggestionCache: past it, it starts over.
const maxCachedSuggestions = 4096

// Get returns the suggestions for word in d, computing them on a miss.
func (c *SuggestionCache) Get(word string, d spell.Dialect, n int) []string {
	if c == nil {
		return Suggestions(word, d, n)
	}
	k := string(d) + "\x00" + strconv.Itoa(n) + "\x00" + word
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = Suggestions(word, d, n)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedSuggestions {
		c.m = make(map[string][]string)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// Under layers s over base: s's dialect unless it has none, both lists of
// words, s's InCode unless it has none.
func (s Spelling) Under(base Spelling) Spelling {
	out := base
	if s.Dialect != "" {
		out.Dialect = s.Dialect
	}
	if len(s.Words) > 0 {
		out.Words = append(append([]*WordList(nil), base.Words...), s.Words...)
	}
	if s.InCode != nil {
		out.InCode = s.InCode
	}
	if s.JoinedToCode != nil {
		out.JoinedToCode = s.JoinedToCode
	}
	if s.Cache != nil {
		out.Cache = s.Cache
	}
	if s.Count != nil {
		out.Count = s.Count
	}
	out.NoSuggestions = base.NoSuggestions || s.NoSuggestions
	return out
}

// accepts reports whether one of the lists holds word.
func (s *Spelling) accepts(word string) bool {
	for _, l := range s.Words {
		if l.Has(word) {
			return true
		}
	}
	return false
}

// WordList is a set of words a user accepts. A word listed in lower case
// is accepted in any case ("rustc": Rustc, RUSTC); one with capitals only
// as written or in capitals ("GitHub": GITHUB, not github). It is
// immutable and safe for concurrent use; it holds sorted slices, not a
// map, so that a list of a million words costs little more than its text.
type WordList struct {
	words []string // sorted, distinct
	caps  []string // the words with capitals, in capitals: sorted
}

// NewWordList makes a list of words; surrounding space is trimmed and
// empty entries are ignored.
func NewWordList(words []string) *WordList {
	l := &WordList{words: make([]string, 0, len(words))}
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			l.words = append(l.words, spell.NormalizeApostrophes(w))
		}
	}
	slices.Sort(l.words)
	l.words = slices.Compact(l.words)
	for _, w := range l.words {
		if u := strings.ToUpper(w); u != w && strings.ToLower(w) != w {
			l.caps = append(l.caps, u)
		}
	}
	slices.Sort(l.caps)
	return l
}

// Len is the number of words in the list.
func (l *WordList) Len() int {
	if l == nil {
		return 0
	}
	return len(l.words)
}

// Words returns the list's words, sorted.
func (l *WordList) Words() []string {
	if l == nil {
		return nil
	}
	return slices.Clone(l.words)
}

// Has reports whether the list accepts word.
func (l *WordList) Has(word string) bool {
	if l == nil || len(l.words) == 0 {
		return false
	}
	word = spell.NormalizeApostrophes(word)
	if _, ok := slices.BinarySearch(l.words, word); ok {
		return true
	}
	if lower := strings.ToLower(word); lower != word {
		if _, ok := slices.BinarySearch(l.words, lower); ok {
			return true
		}
	}
	if isAllCaps(word) {
		_, ok := slices.BinarySearch(l.caps, word)
		return ok
	}
	return false
}

// lexicon is the word list, decoded once.
var lexicon = sync.OnceValues(spell.Load)

// SpellLexicon returns the word list the spelling rules use (decoded once).
func SpellLexicon() (*spell.Lexicon, error) { return lexicon() }

// spellingRule finds the words of a sentence that no dialect knows and
// that do not read as code, names or initialisms (see spellCandidate):
// the candidates Check filters through the document's Spelling.
func spellingRule(prev, toks []analysis.Token, marks []markup.Range) []GoMatch {
	return (*spellVerdicts)(nil).spellingRule(prev, toks, marks)
}

// dialectRule finds the words of a sentence that some dialects spell so
// and others do not ("colour", "color"): the candidates Check settles
// once it knows the document's dialect.
func dialectRule(prev, toks []analysis.Token, marks []markup.Range) []GoMatch {
	return (*spellVerdicts)(nil).dialectRule(prev, toks, marks)
}

// spellVerdicts remembers, for one Engine, classify's verdicts on the
// words whose verdict depends on the word alone, so that the spelling and
// dialect rules look each word of a run up in the word list once, not at
// every use (the word list's lookups and the near-miss tests of an
// unknown word were a third of the rules' time on the Rust Book). It
// keeps one *verdicts per worker (a sync.Pool's), so a lookup takes no
// lock; each is bounded by maxCachedVerdicts. A nil *spellVerdicts caches
// nothing.
type spellVerdicts struct {
	pool sync.Pool // of *verdicts
}

// verdicts is one worker's cache.
type verdicts struct {
	// words maps a candidate word (as spellCandidate returns it) to
	// classify's verdict, or to inContext for a capitalised word whose
	// verdict depends on the sentence; nil caches nothing.
	words map[string]wordClass
	// toks is the sentence last classified, and cands and classes its
	// tokens' candidate words and verdicts (notCandidate for a token
	// spellCandidate leaves alone): the spelling and the dialect rule read
	// each sentence one after the other, and the second takes the first's.
	toks    []analysis.Token
	cands   []string
	classes []wordClass
}

// The verdicts beside classify's own.
const (
	notCandidate wordClass = 255 - iota // a token that is not a word to check
	inContext                           // a capitalised word classify must see in its sentence
)

// maxCachedVerdicts bounds one worker's words: past it, it starts over.
// The Rust Book has about 15,000 distinct words.
const maxCachedVerdicts = 1 << 15

// bindSpelling makes the spelling and dialect rules of code and ctx use
// the cache v.
func (v *spellVerdicts) bindSpelling(code map[string]GoRule, ctx map[string]GoContextRule) {
	for id, fn := range map[string]GoContextRule{SpellingRuleID: v.spellingRule, DialectRuleID: v.dialectRule} {
		ctx[id] = fn
		code[id] = func(toks []analysis.Token) []GoMatch { return fn(nil, toks, nil) }
	}
}

func (v *spellVerdicts) get() *verdicts {
	if v == nil {
		return &verdicts{}
	}
	if m, ok := v.pool.Get().(*verdicts); ok {
		return m
	}
	return &verdicts{words: map[string]wordClass{}}
}

func (v *spellVerdicts) put(m *verdicts) {
	if v != nil {
		v.pool.Put(m)
	}
}

// classify is classify(lex, w, toks, i), from the cache when w's verdict
// depends on w alone. classify reads the sentence only for a capitalised
// word that it does not know otherwise, and then only to call it known
// (a short word inside a sentence, one beside another name) where at a
// sentence's start it would not be: so a word without a capital is
// cached as it is classified, and a capitalised one by how classify reads
// it as the first word of a sentence of its own, the strictest context —
// when that is unknownWord, the word is cached as inContext and
// classified in each sentence it is in.
func (m *verdicts) classify(lex *spell.Lexicon, w string, toks []analysis.Token, i int) wordClass {
	if m.words == nil {
		return classify(lex, w, toks, i)
	}
	c, ok := m.words[w]
	if !ok {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			alone := [1]analysis.Token{{Text: w, Kind: token.Word}}
			if c = classify(lex, w, alone[:], 0); c == unknownWord {
				c = inContext
			}
		} else {
			c = classify(lex, w, toks, i)
		}
		if len(m.words) >= maxCachedVerdicts {
			clear(m.words)
		}
		m.words[strings.Clone(w)] = c // w may be a slice of the document's text
	}
	if c == inContext {
		return classify(lex, w, toks, i)
	}
	return c
}

// sentence returns the candidate words of toks and their verdicts, by
// token (notCandidate for a token that is not a word to check).
func (m *verdicts) sentence(lex *spell.Lexicon, toks []analysis.Token) ([]string, []wordClass) {
	if len(toks) == 0 {
		return nil, nil
	}
	if len(m.toks) == len(toks) && &m.toks[0] == &toks[0] {
		return m.cands, m.classes
	}
	m.toks, m.cands, m.classes = toks, m.cands[:0], m.classes[:0]
	for i := range toks {
		w, ok := spellCandidate(toks, i)
		c := notCandidate
		if ok {
			c = m.classify(lex, w, toks, i)
		}
		m.cands, m.classes = append(m.cands, w), append(m.classes, c)
	}
	return m.cands, m.classes
}

// spellingRule is the spelling rule with v's cache.
func (v *spellVerdicts) spellingRule(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	lex, err := lexicon()
	if err != nil {
		return nil
	}
	m := v.get()
	defer v.put(m)
	// The word list first: most words are in it, and the context tests
	// need only run for the few that are not.
	words, classes := m.sentence(lex, toks)
	var out []GoMatch
	var quoted []bool
	for i, c := range classes {
		if c != unknownWord {
			continue
		}
		if quoted == nil {
			quoted = shortQuotes(toks)
			if quoted == nil {
				quoted = make([]bool, len(toks))
			}
		}
		if w := words[i]; !quoted[i] && !setOff(toks[i], marks) && !acrossMarkup(toks[i], marks) && !inMailbox(toks, i) && !label(toks, i) && !lowerInitialism(lex, w) && !epithet(toks, i) && !brandCase(lex, w) && !nameContext(lex, w, toks, i, classes) {
			out = append(out, GoMatch{Start: i, End: i + 1})
		}
	}
	return out
}

// dialectRule is the dialect rule with v's cache.
func (v *spellVerdicts) dialectRule(_, toks []analysis.Token, _ []markup.Range) []GoMatch {
	lex, err := lexicon()
	if err != nil {
		return nil
	}
	m := v.get()
	defer v.put(m)
	_, classes := m.sentence(lex, toks)
	var out []GoMatch
	for i, c := range classes {
		if c == dialectWord {
			out = append(out, GoMatch{Start: i, End: i + 1})
		}
	}
	return out
}

// maxSuggestions is how many corrections a spelling finding offers.
const maxSuggestions = 5

// maxSuggestedWords bounds the distinct words a check computes
// suggestions for: a document of thousands of unknown words (a word list,
// another language) still checks quickly; the rest are advice only.
const maxSuggestedWords = 200

// Suggestions returns the corrections of a misspelled word for dialect d
// (en-US for ""), best first: what a code action or a hover offers.
func Suggestions(word string, d spell.Dialect, n int) []string {
	lex, err := lexicon()
	if err != nil || n <= 0 {
		return nil
	}
	return lex.Suggest(word, d, n)
}

// checkSpelling settles the spelling and dialect candidates of a
// document's findings (document offsets, settings applied, sorted) under
// s: a candidate the user's words or the workspace's code excuse is
// dropped; a dialect candidate stays only if it is not a spelling of the
// document's dialect (s.Dialect, or the majority of the document's
// dialect spellings), and then offers that dialect's spelling; a
// misspelling gets its suggestions unless s.NoSuggestions.
func checkSpelling(res *analysis.Result, s Spelling, fs []Finding) []Finding {
	var words []string // by index in fs; "" for another rule's finding
	for i := range fs {
		if c := fs[i].Rule.Code; c == SpellingRuleID || c == DialectRuleID {
			if words == nil {
				words = make([]string, len(fs))
			}
			words[i] = wordAt(res, fs[i].Start, fs[i].End)
		}
	}
	if words == nil {
		return fs
	}
	lex, err := lexicon()
	if err != nil {
		return fs
	}
	excused := func(w string) bool {
		return w == "" || s.accepts(w) || s.InCode != nil && s.InCode(res, w)
	}
	d := s.Dialect
	if d == "" {
		d = majorityDialect(lex, fs, words)
	}
	names := repeatedTerms(lex, fs, words, s.Count)
	var joined map[string]int32 // lazily: the words the document joins to code
	asCode := func(w string) bool {
		if s.JoinedToCode != nil {
			return s.JoinedToCode(res, w)
		}
		if joined == nil {
			joined = wordsJoinedToCode(res)
		}
		return joined[strings.ToLower(w)] > 0
	}
	technical := 0 // lazily: 1 if the document writes code (writesCode), 2 if not
	lowerText := 0 // lazily: 1 if the document writes without capitals (uncapitalised), 2 if not
	out := fs[:0]
	suggested, seen := 0, map[string]struct{}{}
	for i, f := range fs {
		w := words[i]
		switch f.Rule.Code {
		case DialectRuleID:
			if excused(w) || lex.Known(w, d) {
				continue
			}
			if rep, other, ok := lex.Variant(w, d); ok && rep != "" && rep != w {
				f.Replacements = []string{rep}
				f.Message = "“" + w + "” is the " + dialectName(other) + " spelling; this document is in " + dialectName(d) + " English: write “" + rep + "”."
			} else {
				f.Replacements = nil
				f.Message = "“" + w + "” is not the " + dialectName(d) + " English spelling."
			}
		case SpellingRuleID:
			// A rule of the library about the word ("alot", "irregardless")
			// says more; a user who turned it off accepts the word.
			if excused(w) || names[w] || ruleWords()[strings.ToLower(w)] || asCode(w) {
				continue
			}
			if identifierCompound(lex, w) {
				if technical == 0 {
					technical = 2
					if writesCode(res) {
						technical = 1
					}
				}
				if technical == 1 {
					continue
				}
			}
			if name, ok := lowerName(lex, w); ok {
				// The letters are right, the capital is missing: the
				// word list's spelling of a name includes its capital
				// (Chicago, Friday, Portuguese), so this is a spelling
				// finding, with the one correction it needs.
				f.Message = "“" + w + "” is a name: it is spelled “" + name + "”."
				f.Replacements = []string{name}
				out = append(out, f)
				continue
			}
			if lowerNameCandidate(lex, w) {
				if lowerText == 0 {
					lowerText = 2
					if uncapitalised(lex, res, fs, words) {
						lowerText = 1
					}
				}
				if lowerText == 1 && len(s.Cache.Get(w, d, maxSuggestions)) == 0 {
					continue // go to andiamos: a name, in text without capitals
				}
			}
			if technical == 0 {
				technical = 2
				if writesCode(res) {
					technical = 1
				}
			}
			if technical == 1 && s.Cache.codeName(lex, w) {
				continue // the document's code names it so: len, sqpoll
			}
			if !s.NoSuggestions && suggested < maxSuggestedWords {
				if _, ok := seen[w]; !ok {
					seen[w] = struct{}{}
					suggested++
				}
				f.Replacements = s.Cache.Get(w, d, maxSuggestions)
			}
		}
		out = append(out, f)
	}
	return out
}

// wordsJoinedToCode returns the words (lower case) that the document
// writes somewhere as part of a path, a dotted or qualified name or a
// call (gopls/internal/lsp, os.env, libuv.so, printf(): see
// joinedToCode), with how often: a name the writer also writes as code,
// like a word in inline code. CodeWords.Joined keeps the same counts from
// revision to revision; this reads the whole document once.
func wordsJoinedToCode(res *analysis.Result) map[string]int32 {
	counts := map[string]int32{}
	if res != nil {
		for _, b := range res.Blocks {
			addJoinedWords(counts, b.BlockAnalysis, 1)
		}
	}
	return counts
}

// repeatedTerms are the words a document's spelling candidates hold
// more than once: a capitalised word of four letters or more twice (a
// name, written again: Rustaceans), a lower-case one three times unless
// it is one edit from a common word (a term the document uses on purpose:
// morphism, refcount; but "seperate" three times is still a typo). A typo
// is seldom made the same way twice.
func repeatedTerms(lex *spell.Lexicon, fs []Finding, words []string, inDoc func(string) int) map[string]bool {
	var count map[string]int
	for i, f := range fs {
		if w := words[i]; f.Rule.Code == SpellingRuleID && utf8.RuneCountInString(w) >= 4 {
			if count == nil {
				count = map[string]int{}
			}
			if inDoc == nil {
				count[w]++
			} else if _, done := count[w]; !done {
				count[w] = familyCount(w, inDoc)
			}
		}
	}
	var out map[string]bool
	for w, n := range count {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && n >= 2 || n >= 3 && !nearCommon(lex, strings.ToLower(w)) || n >= termUses {
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
		}
	}
	for w := range repeatedParts(lex, fs, words, inDoc) {
		if out == nil {
			out = map[string]bool{}
		}
		out[w] = true
	}
	return out
}

// repeatedParts are the spelling candidates whose every unknown part is
// a term the document uses termUses times or more, alone or joined by
// hyphens to other words, counting every candidate it is a part of: a
// category theory text writes "hom-sets" 14 times, "hom-set" 11, "hom
// sets" twice and "hom-functor" once, each of them a use of hom. (A part
// used that often is no slip, as a word used that often is not: see
// termUses.)
func repeatedParts(lex *spell.Lexicon, fs []Finding, words []string, inDoc func(string) int) map[string]bool {
	var uses map[string]int
	seen := map[string]bool{}
	for i, f := range fs {
		w := words[i]
		if f.Rule.Code != SpellingRuleID || inDoc != nil && seen[w] || !strings.Contains(w, "-") && utf8.RuneCountInString(w) < 3 {
			continue
		}
		seen[w] = true
		n := 1 // each finding, when the document's counts are not known
		if inDoc != nil {
			n = max(inDoc(w), 1)
		}
		for p := range strings.SplitSeq(strings.ToLower(w), "-") {
			if p != "" && !known(lex, p) {
				if uses == nil {
					uses = map[string]int{}
				}
				uses[p] += n
			}
		}
	}
	if uses == nil {
		return nil
	}
	var out map[string]bool
	for w := range seen {
		all, any := true, false
		for p := range strings.SplitSeq(strings.ToLower(w), "-") {
			if p != "" && !known(lex, p) {
				any = true
				all = all && uses[p] >= termUses
			}
		}
		if any && all {
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
		}
	}
	return out
}

// lowerName returns the capitalised spelling of w, a word in lower case
// the word list knows only with a capital (chicago: Chicago), and whether
// there is one.
func lowerName(lex *spell.Lexicon, w string) (string, bool) {
	if strings.ToLower(w) != w {
		return "", false
	}
	if t := title(w); known(lex, t) {
		return t, true
	}
	// Mc and Mac names capitalise their second part too: mcdonald,
	// McDonald.
	for _, p := range []string{"mc", "mac"} {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			if n := title(p) + title(rest); known(lex, n) {
				return n, true
			}
		}
	}
	return "", false
}

// termUses is how often a document uses a word, with its inflections,
// for it to be a term even one edit from a common word: a PEP writes
// "refcount" (recount) 56 times, "decref" and its forms 14; a slip of the
// keys is not made the same way that often. A writer who misspells a
// word by habit sees the finding as they type it the first times.
const termUses = 6

// familyCount is how often the document writes w and its regular
// inflections (refcount, refcounts; decref, decrefs, decref'ed — Count
// reads "decref'ed" as decref and ed).
func familyCount(w string, inDoc func(string) int) int {
	n := inDoc(w)
	if n >= termUses {
		return n
	}
	stem := w
	if s, ok := strings.CutSuffix(w, "s"); ok && len(s) >= 3 {
		stem = s
		n += inDoc(stem)
	}
	for _, suf := range []string{"s", "es", "ed", "ing"} {
		if f := stem + suf; f != w {
			n += inDoc(f)
		}
	}
	return n
}

// majorityDialect is the dialect most of the document's dialect
// spellings belong to, of en-US, en-GB and en-GB-oxendict; en-US when
// none does or on a tie, then en-GB.
func majorityDialect(lex *spell.Lexicon, fs []Finding, words []string) spell.Dialect {
	// Canadian and Australian English accept much of both American and
	// British spelling: a document is read as one of them only when its
	// settings say so, else the mix would go unseen.
	ds := []spell.Dialect{spell.EnUS, spell.EnGB, spell.EnGBOxford}
	counts := make([]int, len(ds))
	any := false
	for i, f := range fs {
		if f.Rule.Code != DialectRuleID || words[i] == "" {
			continue
		}
		any = true
		for j, d := range ds {
			if lex.Known(words[i], d) {
				counts[j]++
			}
		}
	}
	if !any {
		return spell.EnUS
	}
	best := 0
	for j := range ds {
		if counts[j] > counts[best] {
			best = j
		}
	}
	return ds[best]
}

// dialectName names a dialect in a message.
func dialectName(d spell.Dialect) string {
	switch d {
	case spell.EnGB:
		return "British"
	case spell.EnGBOxford:
		return "British (Oxford)"
	case spell.EnCA:
		return "Canadian"
	case spell.EnAU:
		return "Australian"
	}
	return "American"
}

// wordAt returns the text of the token of res at the document range
// [start, end): the word a spelling finding is about.
func wordAt(res *analysis.Result, start, end int) string {
	if res == nil {
		return ""
	}
	bs := res.Blocks
	bi := sort.Search(len(bs), func(i int) bool { return bs[i].End > start })
	for ; bi < len(bs) && bs[bi].Start <= start; bi++ {
		b := bs[bi]
		if b.BlockAnalysis == nil {
			continue
		}
		for _, sen := range b.Sentences {
			if sen.End+b.Start < start {
				continue
			}
			toks := sen.Tokens
			ti := sort.Search(len(toks), func(i int) bool { return toks[i].Start+b.Start >= start })
			if ti < len(toks) && toks[ti].Start+b.Start == start && toks[ti].End+b.Start == end {
				return strings.TrimSuffix(spell.NormalizeApostrophes(toks[ti].Text), "'")
			}
		}
	}
	return ""
}
