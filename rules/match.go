package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/token"
)

// ---- compiled form ----

type compiledRule struct {
	rule    *Rule
	id      int           // position in Engine.rules
	keys    []int         // by pattern: the slot of its key element (keyOf), which the index needs
	code    GoRule        // a rule written in Go; patterns is then empty
	codeCtx GoContextRule // the same rule when it sees the previous sentence

	// The patterns and exceptions are compiled by compile, at NewEngine or,
	// for a rule of the library's snapshot (Rule.checked), the first time
	// the index offers one of its patterns: a run meets only the rules whose
	// words its text holds (a one-line file a few dozen of the library's
	// 1,950), and compiling them all was a fifth of the start-up of `liaison
	// check` on such a file.
	once     sync.Once
	broken   bool // compile failed: the rule matches nothing (never for a checked rule)
	patterns []compiledPattern
	unless   []compiledContext
}

type compiledPattern struct {
	before, after []elem
	match         []elem // match[0] is where a match attempt starts
	// first is match[0] as tested at the start of an attempt: without its
	// word list when the index found the token by that list.
	first  elem
	unless []compiledContext
	slots  int // elements in before, match and after: the capture slots
	key    int // the slot of the element the index finds the pattern by (keyOf)

	// message and replacements override the rule's when set; templated
	// says some of them use element placeholders ({2}, {2:past}).
	message      template
	replacements []template
	templated    bool

	specificity int // see specificityOf
}

type compiledContext struct {
	before, after []elem
}

type elem struct {
	words         []string
	wordSet       map[string]bool // words, when there are many of them
	lemmas        []string
	upos          uint32 // bit per tag.UPOS
	ptb           uint64 // bit per tag.PTB
	prefixes      []string
	suffixes      []string
	re            *regexp.Regexp
	reSeq         classSeq // re, when it has classSeq's shape: tested without re
	capitalised   Tri
	allCaps       Tri
	sentenceStart Tri
	features      Features
	sameForm      int // capture slot + 1 whose form the token's must equal; 0 none
	sameLemma     int
	caseSensitive bool
	negate        bool
	optional      bool
	skip          int
	slot          int  // capture slot; -1 in exceptions, which capture nothing
	constrained   bool // some constraint is given
}

// templates remembers the templates an engine has parsed, by text and
// number of slots (what parseTemplate's result depends on): of the
// library's 4,000 message and replacement templates, 1,800 differ, and
// parsing them was a seventh of NewEngine.
type templates map[templateKey]template

type templateKey struct {
	text  string
	slots int
}

func (ts templates) parse(text string, slots int) (template, error) {
	k := templateKey{text, slots}
	if t, ok := ts[k]; ok {
		return t, nil
	}
	t, err := parseTemplate(text, slots)
	if err == nil {
		ts[k] = t
	}
	return t, err
}

// templateCache is an engine's templates, shared by the rules it compiles
// after NewEngine, concurrently.
type templateCache struct {
	mu sync.Mutex
	ts templates
}

func (c *templateCache) parse(text string, slots int) (template, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ts.parse(text, slots)
}

// prepareRule checks what the index needs of r (a Go rule's name, a key
// element in each pattern) and works out its patterns' keys; compile
// does the rest.
func prepareRule(r *Rule, id int, code map[string]GoRule, ctxCode map[string]GoContextRule) (*compiledRule, error) {
	cr := &compiledRule{rule: r, id: id}
	if r.Code != "" {
		fn, ok := code[r.Code]
		if !ok {
			return nil, fmt.Errorf("no rule written in Go is named %q", r.Code)
		}
		cr.code, cr.codeCtx = fn, ctxCode[r.Code]
		// The few Go rules run on every sentence: compiled now.
		cr.once.Do(func() { cr.unless = compileContexts(r.Unless) })
		return cr, nil
	}
	if len(r.Patterns) == 0 {
		return nil, fmt.Errorf("no patterns")
	}
	cr.keys = make([]int, len(r.Patterns))
	for i, p := range r.Patterns {
		if len(p.Match) == 0 {
			return nil, fmt.Errorf("a pattern has an empty match")
		}
		if cr.keys[i] = keyOf(p); cr.keys[i] < 0 {
			return nil, fmt.Errorf("a pattern needs a required element that names a word, lemma, pos or tag (rules are indexed by it)")
		}
	}
	return cr, nil
}

// prepareRuleWith is prepareRule with the patterns' key slots given: the
// snapshot's, which keyOf computed when it was made (decodeSnapshot has
// checked that they are slots of their patterns).
func prepareRuleWith(r *Rule, id int, code map[string]GoRule, ctxCode map[string]GoContextRule, keys []int) (*compiledRule, error) {
	if r.Code != "" {
		return prepareRule(r, id, code, ctxCode)
	}
	return &compiledRule{rule: r, id: id, keys: keys}, nil
}

// compiled compiles cr once and reports whether it is sound.
func (cr *compiledRule) compiled(tmpl *templateCache) bool {
	cr.once.Do(func() {
		if err := cr.compile(tmpl); err != nil {
			cr.broken, cr.patterns, cr.unless = true, nil, nil
		}
	})
	return !cr.broken
}

// compileRule prepares and compiles r at once.
func compileRule(r *Rule, id int, code map[string]GoRule, ctxCode map[string]GoContextRule, tmpl *templateCache) (*compiledRule, error) {
	cr, err := prepareRule(r, id, code, ctxCode)
	if err != nil {
		return nil, err
	}
	if cr.code == nil {
		cr.once.Do(func() { err = cr.compile(tmpl) })
	}
	if err != nil {
		return nil, err
	}
	return cr, nil
}

// compile compiles the exceptions and patterns of a prepared pattern rule.
func (cr *compiledRule) compile(tmpl *templateCache) error {
	r := cr.rule
	cr.unless = compileContexts(r.Unless)
	cr.patterns = make([]compiledPattern, 0, len(r.Patterns))
	for pi, p := range r.Patterns {
		key := cr.keys[pi]
		slot := 0
		seq := func(es []Element) []elem {
			out := compileSeq(es, slot)
			slot += len(es)
			return out
		}
		cp := compiledPattern{before: seq(p.Before), match: seq(p.Match), after: seq(p.After), unless: compileContexts(p.Unless), key: key}
		cp.first = cp.match[0]
		if key == len(p.Before) && cp.first.words != nil && !cp.first.caseSensitive {
			cp.first.words, cp.first.wordSet = nil, nil
		}
		cp.slots = slot
		cp.specificity = specificityOf(p)
		msg := r.Message
		if p.Message != "" {
			msg = p.Message
		}
		reps := r.Replacements
		if p.Replacements != nil {
			reps = p.Replacements
		}
		var err error
		if cp.message, err = tmpl.parse(msg, cp.slots); err != nil {
			return err
		}
		cp.replacements = make([]template, 0, len(reps))
		for _, rep := range reps {
			t, err := tmpl.parse(rep, cp.slots)
			if err != nil {
				return err
			}
			cp.replacements = append(cp.replacements, t)
		}
		cp.templated = cp.message.hasElements()
		for _, t := range cp.replacements {
			cp.templated = cp.templated || t.hasElements()
		}
		cr.patterns = append(cr.patterns, cp)
	}
	return nil
}

func compileContexts(cs []Context) []compiledContext {
	out := make([]compiledContext, len(cs))
	for i, c := range cs {
		out[i] = compiledContext{before: compileSeq(c.Before, -1), after: compileSeq(c.After, -1)}
	}
	return out
}

// compileSeq compiles elements whose capture slots start at slot (-1: no
// captures).
func compileSeq(es []Element, slot int) []elem {
	out := make([]elem, len(es))
	for i, e := range es {
		ce := elem{
			caseSensitive: e.CaseSensitive, negate: e.Negate, optional: e.Optional, skip: e.Skip,
			capitalised: e.Capitalised, allCaps: e.AllCaps, sentenceStart: e.SentenceStart,
			features: e.Features, sameForm: e.SameForm, sameLemma: e.SameLemma, slot: -1,
		}
		if slot >= 0 {
			ce.slot = slot + i
		}
		if len(e.Words) > 0 {
			ce.words = make([]string, 0, len(e.Words))
		}
		for _, w := range e.Words {
			if !e.CaseSensitive {
				w = strings.ToLower(w)
			}
			ce.words = append(ce.words, normApostrophe(w))
		}
		if len(ce.words) > manyWords {
			ce.wordSet = make(map[string]bool, len(ce.words))
			for _, w := range ce.words {
				ce.wordSet[w] = true
			}
		}
		for _, l := range e.Lemmas {
			ce.lemmas = append(ce.lemmas, strings.ToLower(l))
		}
		for _, u := range e.POS {
			ce.upos |= 1 << u
		}
		for _, t := range e.Tags {
			ce.ptb |= 1 << t
		}
		for _, s := range e.Prefixes {
			ce.prefixes = append(ce.prefixes, normalise(s))
		}
		for _, s := range e.Suffixes {
			ce.suffixes = append(ce.suffixes, normalise(s))
		}
		if e.re != nil {
			ce.re = e.re
		} else if e.Regexp != "" {
			// Parse has compiled and checked it; an Element built in Go
			// whose pattern fails to compile matches nothing.
			re, err := regexp.Compile(e.Regexp)
			if err != nil {
				re = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)
			}
			ce.re = re
		}
		if ce.re != nil {
			ce.reSeq = compileClassSeq(ce.re.String())
		}
		ce.constrained = ce.words != nil || ce.lemmas != nil || ce.upos != 0 || ce.ptb != 0 ||
			ce.prefixes != nil || ce.suffixes != nil || ce.re != nil || ce.capitalised != Either ||
			ce.allCaps != Either || ce.sentenceStart != Either || ce.features != 0 || ce.sameForm != 0 || ce.sameLemma != 0
		out[i] = ce
	}
	return out
}

// manyWords is the length of a word list past which an element looks
// words up in a map rather than scanning the list.
const manyWords = 12

// specificityOf scores how narrowly a pattern picks its tokens: an element
// naming words or lemmas counts 3, one naming Penn tags, features or form
// predicates 2, one naming only Universal tags 1, a negated element 1, an
// unconstrained one 0; optional elements count nothing. Of two
// overlapping findings of equal priority the more specific is kept.
func specificityOf(p Pattern) int {
	n := 0
	for _, part := range [][]Element{p.Before, p.Match, p.After} {
		for _, e := range part {
			switch {
			case e.Optional:
			case e.Negate:
				n++
			case len(e.Words) > 0 || len(e.Lemmas) > 0 || e.SameForm != 0 || e.SameLemma != 0:
				n += 3
			case len(e.Tags) > 0 || e.Features != 0 || len(e.Prefixes) > 0 || len(e.Suffixes) > 0 || e.Regexp != "" ||
				e.Capitalised != Either || e.AllCaps != Either || e.SentenceStart != Either:
				n += 2
			case len(e.POS) > 0:
				n++
			}
		}
	}
	return n
}

// ---- matching ----

// sentence is one sentence as the matcher reads it, with per-token values
// computed once (normalised forms) or on first use (features).
type sentence struct {
	toks      []analysis.Token
	prev      []analysis.Token // the sentence before in the block, for GoContextRules; nil for the first
	marks     []markup.Range   // the block's markup ranges, for GoContextRules
	norms     []string
	lemmas    []string // the tokens' lemmas in lower case
	firstWord int      // index of the sentence's first word token, or -1

	feats    []Features // computed on first use; see featureOf
	featDone []uint8    // 1: feats holds all but the sound; 2: the sound too
	mass     func(string) bool
	sound    func(string) Features

	caps []int // capture slot → token index, -1 when absent

	// budget is how many more token tests the current match attempt may
	// make. Skips and optional elements backtrack, and a rule of several
	// long skips (a custom rule from an untrusted repository, say) could
	// otherwise take time exponential in their number; past the budget
	// the attempt fails. See budget.go for the budgets per rule.
	budget int
}

// lemma returns token i's lemma in lower case.
func (s *sentence) lemma(i int) string {
	if i < len(s.lemmas) {
		return s.lemmas[i]
	}
	return strings.ToLower(s.toks[i].Lemma)
}

// reset makes s the sentence of toks, whose normalised forms are norms;
// lemmas are their lemmas in lower case, or nil (lemma computes them).
func (s *sentence) reset(toks []analysis.Token, norms []string) { s.resetWith(toks, norms, nil) }

func (s *sentence) resetWith(toks []analysis.Token, norms, lemmas []string) {
	s.toks, s.norms, s.lemmas = toks, norms, lemmas
	s.firstWord = -1
	for i := range toks {
		if toks[i].Kind == token.Word || toks[i].Kind == token.Number || toks[i].Kind == token.Placeholder {
			s.firstWord = i
			break
		}
	}
	s.feats = slices.Grow(s.feats[:0], len(toks))[:len(toks)]
	s.featDone = slices.Grow(s.featDone[:0], len(toks))[:len(toks)]
	clear(s.featDone)
}

// featureOf returns token i's features, with the sound when withSound.
func (s *sentence) featureOf(i int, withSound bool) Features {
	if s.featDone[i] == 0 {
		s.feats[i] = tokenFeatures(&s.toks[i], s.norms[i], s.mass)
		s.featDone[i] = 1
	}
	if withSound && s.featDone[i] == 1 {
		if s.sound != nil {
			s.feats[i] |= s.sound(s.toks[i].Text)
		}
		s.featDone[i] = 2
	}
	return s.feats[i]
}

func (s *sentence) test(e *elem, i int) bool {
	if s.budget <= 0 {
		return false
	}
	s.budget--
	t := &s.toks[i]
	switch t.Kind {
	case token.Placeholder, token.URL, token.Email:
		// Never part of a usage problem; only an unconstrained element
		// (which skips over anything) accepts them.
		return !e.negate && !e.constrained
	}
	return s.accepts(e, i) != e.negate
}

func (s *sentence) accepts(e *elem, i int) bool {
	t := &s.toks[i]
	norm := s.norms[i]
	if e.words != nil {
		w := norm
		if e.caseSensitive {
			w = normApostrophe(t.Text)
		}
		if e.wordSet != nil {
			if !e.wordSet[w] {
				return false
			}
		} else if !slices.Contains(e.words, w) {
			return false
		}
	}
	if e.lemmas != nil && !slices.Contains(e.lemmas, s.lemma(i)) {
		return false
	}
	if e.upos != 0 && e.upos&(1<<t.UPOS) == 0 {
		return false
	}
	if e.ptb != 0 && e.ptb&(1<<t.PTB) == 0 {
		return false
	}
	if e.prefixes != nil && !slices.ContainsFunc(e.prefixes, func(p string) bool { return strings.HasPrefix(norm, p) }) {
		return false
	}
	if e.suffixes != nil && !slices.ContainsFunc(e.suffixes, func(p string) bool { return strings.HasSuffix(norm, p) }) {
		return false
	}
	if e.capitalised != Either && (e.capitalised == Yes) != capitalised(t.Text) {
		return false
	}
	if e.allCaps != Either && (e.allCaps == Yes) != allCaps(t.Text) {
		return false
	}
	if e.sentenceStart != Either && (e.sentenceStart == Yes) != (i == s.firstWord) {
		return false
	}
	if e.sameForm != 0 {
		k := s.caps[e.sameForm-1]
		if k < 0 || s.norms[k] != norm {
			return false
		}
	}
	if e.sameLemma != 0 {
		k := s.caps[e.sameLemma-1]
		if k < 0 || !strings.EqualFold(s.toks[k].Lemma, t.Lemma) {
			return false
		}
	}
	if e.features != 0 && !e.features.satisfiedBy(s.featureOf(i, e.features&soundMask != 0)) {
		return false
	}
	if e.reSeq != nil {
		return e.reSeq.match(t.Text)
	}
	if e.re != nil && !e.re.MatchString(t.Text) {
		return false
	}
	return true
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// capture records that element e took token pos (or, pos < 0, none).
func (s *sentence) capture(e *elem, pos int) {
	if e.slot >= 0 {
		s.caps[e.slot] = pos
	}
}

// matchPattern matches p with its first match element at token i and
// returns the end (exclusive) of the matched span. The captures are left
// in s.caps.
func (s *sentence) matchPattern(p *compiledPattern, i int) (int, bool) {
	return s.matchFrom(p, i, &p.match[0])
}

// matchFrom is matchPattern testing token i with first, which is
// p.match[0] or (for a token the index found) p.first.
func (s *sentence) matchFrom(p *compiledPattern, i int, first *elem) (int, bool) {
	s.caps = slices.Grow(s.caps[:0], p.slots)[:p.slots]
	for k := range s.caps {
		s.caps[k] = -1
	}
	if !s.test(first, i) {
		return 0, false
	}
	s.capture(&p.match[0], i)
	if !s.backward(p.before, len(p.before)-1, i-1, p.match[0].skip) {
		return 0, false
	}
	end := -1
	if !s.forward(p.match, p.after, 1, i+1, &end) {
		return 0, false
	}
	if s.cancelled(p.unless, i, end) {
		return 0, false
	}
	return end, true
}

// forward matches match[j:] then after, from token pos; it sets *end to
// where the match part ended on the successful path.
func (s *sentence) forward(match, after []elem, j, pos int, end *int) bool {
	if j == len(match) {
		*end = pos
		return s.forwardSeq(after, 0, pos)
	}
	e := &match[j]
	for gap := 0; gap <= e.skip && pos+gap < len(s.toks); gap++ {
		if s.test(e, pos+gap) {
			s.capture(e, pos+gap)
			if s.forward(match, after, j+1, pos+gap+1, end) {
				return true
			}
		}
	}
	s.capture(e, -1)
	return e.optional && s.forward(match, after, j+1, pos, end)
}

// forwardSeq matches seq[j:] starting at token pos.
func (s *sentence) forwardSeq(seq []elem, j, pos int) bool {
	if j == len(seq) {
		return true
	}
	e := &seq[j]
	for gap := 0; gap <= e.skip && pos+gap < len(s.toks); gap++ {
		if s.test(e, pos+gap) {
			s.capture(e, pos+gap)
			if s.forwardSeq(seq, j+1, pos+gap+1) {
				return true
			}
		}
	}
	s.capture(e, -1)
	return e.optional && s.forwardSeq(seq, j+1, pos)
}

// backward matches seq[:j+1] ending at or up to gap tokens before token
// pos, reading right to left.
func (s *sentence) backward(seq []elem, j, pos, gap int) bool {
	if j < 0 {
		return true
	}
	e := &seq[j]
	for g := 0; g <= gap && pos-g >= 0; g++ {
		if s.test(e, pos-g) {
			s.capture(e, pos-g)
			if s.backward(seq, j-1, pos-g-1, e.skip) {
				return true
			}
		}
	}
	s.capture(e, -1)
	return e.optional && s.backward(seq, j-1, pos, gap)
}

// cancelled reports whether an exception holds around toks[start:end].
func (s *sentence) cancelled(cs []compiledContext, start, end int) bool {
	for i := range cs {
		c := &cs[i]
		if s.backward(c.before, len(c.before)-1, start-1, 0) && s.forwardSeq(c.after, 0, end) {
			return true
		}
	}
	return false
}

// normApostrophe replaces typographic apostrophes with straight ones.
func normApostrophe(s string) string {
	if strings.Contains(s, "’") {
		return strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// normalise is a token's form as rules compare it: lower case, with
// straight apostrophes. An ASCII word without capitals (most tokens) is
// its own form, found in one pass over its bytes; strings.ToLower and
// then a search for "’" took two, a twentieth of the rules' time.
func normalise(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return normApostrophe(strings.ToLower(s))
		}
	}
	return s
}
