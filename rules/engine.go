package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"liaison/analysis"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// Engine runs a set of rules over analysed prose. Rules are compiled once
// and indexed by the words (or lemmas, or tags) their matches can start
// at, so the cost per token does not grow with the number of rules. An
// Engine is safe for concurrent use.
type Engine struct {
	rules []*compiledRule
	index index
	infl  inflector

	mu         sync.Mutex
	cache      map[*analysis.BlockAnalysis]*cachedFindings
	cacheLimit int    // blocks the cache holds before it evicts
	tick       uint64 // counts Check calls, for eviction
}

// cachedFindings are CheckBlock's findings for one block.
type cachedFindings struct {
	findings []Finding
	lastUse  uint64
}

// The block cache serves every document checked with the engine (a server
// has several open). Once it holds more than defaultCacheLimit blocks,
// blocks no Check has seen in the last evictAge calls are dropped.
const (
	defaultCacheLimit = 1 << 17
	evictAge          = 16
)

// Settings adjust which rules report and how loudly. They are applied
// after the per-block cache, so changing them never re-runs the rules.
type Settings struct {
	Rules      map[string]RuleSetting // by rule id
	Categories map[string]bool        // false turns a category off; absent means on
}

// RuleSetting turns one rule off or overrides its severity (zero: the
// rule's default).
type RuleSetting struct {
	Off      bool
	Severity Severity
}

// NewEngine compiles and indexes rules. Rule ids must be unique.
func NewEngine(rules []*Rule) (*Engine, error) {
	e := &Engine{
		infl:       defaultInflector(),
		cache:      make(map[*analysis.BlockAnalysis]*cachedFindings),
		cacheLimit: defaultCacheLimit,
	}
	seen := make(map[string]string, len(rules))
	for _, r := range rules {
		if r == nil {
			continue
		}
		if src, dup := seen[r.ID]; dup {
			return nil, fmt.Errorf("rule %q defined twice: %s and %s", r.ID, src, r.Source)
		}
		seen[r.ID] = r.Source
		cr, err := compileRule(r)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %s: %w", r.Source, r.ID, err)
		}
		e.rules = append(e.rules, cr)
	}
	e.index = buildIndex(e.rules)
	return e, nil
}

// Rules returns the engine's rules in the order they were given.
func (e *Engine) Rules() []*Rule {
	out := make([]*Rule, len(e.rules))
	for i, r := range e.rules {
		out[i] = r.rule
	}
	return out
}

// CheckBlock runs every rule over one analysed block. Offsets are relative
// to the block; severities are the rules' defaults. The result depends
// only on b and the rules, and is sorted by position.
func (e *Engine) CheckBlock(b *analysis.BlockAnalysis) []Finding {
	out, _ := e.checkBlock(context.Background(), b)
	return out
}

// checkBlock is CheckBlock stopping early when ctx is cancelled (checked
// between sentences and every cancelCheckTokens tokens of a sentence, so a
// superseded lint of one very long line stops at once); ok is false then,
// and the partial findings must not be cached.
func (e *Engine) checkBlock(ctx context.Context, b *analysis.BlockAnalysis) (out []Finding, ok bool) {
	if b == nil {
		return nil, true
	}
	sc := scratch{ctx: ctx}
	for si := range b.Sentences {
		if ctx.Err() != nil {
			return nil, false
		}
		out = e.checkSentence(&sc, b.Sentences[si].Tokens, out)
	}
	if ctx.Err() != nil {
		return nil, false
	}
	sortFindings(out)
	dropMarkupFixes(b, out)
	return out, true
}

// cancelCheckTokens is how many tokens of one sentence checkSentence
// matches between two looks at its context: a few hundred microseconds.
const cancelCheckTokens = 1024

// Check runs the rules over a document's analysis and returns findings
// with document offsets, sorted by position, with s applied. Results are
// cached per block (by BlockAnalysis pointer) across documents, within a
// bounded size. Callers must not modify the returned
// Replacements slices, which the cache shares. If ctx is cancelled, Check
// returns nil.
func (e *Engine) Check(ctx context.Context, res *analysis.Result, s Settings) []Finding {
	if res == nil {
		return nil
	}
	e.mu.Lock()
	e.tick++
	tick := e.tick
	e.mu.Unlock()
	var out []Finding
	for _, b := range res.Blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		if ctx.Err() != nil {
			return nil
		}
		for _, f := range e.blockFindings(ctx, b.BlockAnalysis, tick) {
			if f, ok := s.apply(f); ok {
				f.Start += b.Start
				f.End += b.Start
				out = append(out, f)
			}
		}
	}
	e.mu.Lock()
	if len(e.cache) > e.cacheLimit {
		for b, c := range e.cache {
			if tick-c.lastUse > evictAge {
				delete(e.cache, b)
			}
		}
	}
	e.mu.Unlock()
	sortFindings(out)
	return out
}

// blockFindings returns CheckBlock(b), from the cache when it can, or nil
// if ctx is cancelled first.
func (e *Engine) blockFindings(ctx context.Context, b *analysis.BlockAnalysis, tick uint64) []Finding {
	e.mu.Lock()
	c, ok := e.cache[b]
	if ok {
		c.lastUse = tick
	}
	e.mu.Unlock()
	if ok {
		return c.findings
	}
	fs, ok := e.checkBlock(ctx, b)
	if !ok {
		return nil
	}
	e.mu.Lock()
	e.cache[b] = &cachedFindings{findings: fs, lastUse: tick}
	e.mu.Unlock()
	return fs
}

// apply turns a finding off or changes its severity as s says.
// A setting for the rule itself wins over its category's: a category can
// be turned off with one of its rules left on.
func (s Settings) apply(f Finding) (Finding, bool) {
	if rs, ok := s.Rules[f.Rule.ID]; ok {
		if rs.Off {
			return f, false
		}
		if rs.Severity != 0 {
			f.Severity = rs.Severity
		}
		return f, true
	}
	if on, ok := s.Categories[f.Rule.Category]; ok && !on {
		return f, false
	}
	return f, true
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return strings.Compare(a.Rule.ID, b.Rule.ID)
	})
}

// ---- compiled form ----

type compiledRule struct {
	rule     *Rule
	patterns []compiledPattern
	unless   []compiledContext
}

type compiledPattern struct {
	before, after []elem
	match         []elem // match[0] is the anchor the index points at
	unless        []compiledContext
}

type compiledContext struct {
	before, after []elem
}

type elem struct {
	words         []string
	lemmas        []string
	upos          uint32 // bit per tag.UPOS
	ptb           uint64 // bit per tag.PTB
	caseSensitive bool
	negate        bool
	optional      bool
	skip          int
}

func compileRule(r *Rule) (*compiledRule, error) {
	if len(r.Patterns) == 0 {
		return nil, fmt.Errorf("no patterns")
	}
	cr := &compiledRule{rule: r, unless: compileContexts(r.Unless)}
	for _, p := range r.Patterns {
		if len(p.Match) == 0 {
			return nil, fmt.Errorf("a pattern has an empty match")
		}
		if !p.Match[0].canAnchor() {
			return nil, fmt.Errorf("the first element of a match must be required and name a word, lemma, pos or tag")
		}
		cr.patterns = append(cr.patterns, compiledPattern{
			before: compileSeq(p.Before), match: compileSeq(p.Match), after: compileSeq(p.After),
			unless: compileContexts(p.Unless),
		})
	}
	return cr, nil
}

func compileContexts(cs []Context) []compiledContext {
	out := make([]compiledContext, len(cs))
	for i, c := range cs {
		out[i] = compiledContext{before: compileSeq(c.Before), after: compileSeq(c.After)}
	}
	return out
}

func compileSeq(es []Element) []elem {
	out := make([]elem, len(es))
	for i, e := range es {
		ce := elem{caseSensitive: e.CaseSensitive, negate: e.Negate, optional: e.Optional, skip: e.Skip}
		for _, w := range e.Words {
			if !e.CaseSensitive {
				w = strings.ToLower(w)
			}
			ce.words = append(ce.words, normApostrophe(w))
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
		out[i] = ce
	}
	return out
}

// test reports whether the element accepts token t, whose normalised
// (lower-case, straight-apostrophe) text is norm.
func (e *elem) test(t *analysis.Token, norm string) bool {
	switch t.Kind {
	case token.Placeholder, token.URL, token.Email:
		// Never part of a usage problem; only an unconstrained element
		// (which skips over anything) accepts them.
		return !e.negate && e.words == nil && e.lemmas == nil && e.upos == 0 && e.ptb == 0
	}
	return e.accepts(t, norm) != e.negate
}

func (e *elem) accepts(t *analysis.Token, norm string) bool {
	if e.words != nil {
		w := norm
		if e.caseSensitive {
			w = normApostrophe(t.Text)
		}
		if !slices.Contains(e.words, w) {
			return false
		}
	}
	if e.lemmas != nil && !slices.Contains(e.lemmas, strings.ToLower(t.Lemma)) {
		return false
	}
	if e.upos != 0 && e.upos&(1<<t.UPOS) == 0 {
		return false
	}
	if e.ptb != 0 && e.ptb&(1<<t.PTB) == 0 {
		return false
	}
	return true
}

// normApostrophe replaces typographic apostrophes with straight ones.
func normApostrophe(s string) string {
	if strings.Contains(s, "’") {
		return strings.ReplaceAll(s, "’", "'")
	}
	return s
}

func normalise(s string) string { return normApostrophe(strings.ToLower(s)) }

// ---- index ----

type patternRef struct {
	rule, pattern int
}

// index maps a token to the patterns whose anchor may accept it.
type index struct {
	byWord  map[string][]patternRef
	byLemma map[string][]patternRef
	byPTB   [64][]patternRef
	byUPOS  [32][]patternRef
}

func buildIndex(rules []*compiledRule) index {
	ix := index{byWord: map[string][]patternRef{}, byLemma: map[string][]patternRef{}}
	for ri, r := range rules {
		for pi, p := range r.patterns {
			ref := patternRef{ri, pi}
			a := &p.match[0]
			switch {
			case a.words != nil:
				for _, w := range a.words {
					k := strings.ToLower(w)
					if !slices.Contains(ix.byWord[k], ref) {
						ix.byWord[k] = append(ix.byWord[k], ref)
					}
				}
			case a.lemmas != nil:
				for _, l := range a.lemmas {
					ix.byLemma[l] = append(ix.byLemma[l], ref)
				}
			case a.ptb != 0:
				for t := range 64 {
					if a.ptb&(1<<t) != 0 {
						ix.byPTB[t] = append(ix.byPTB[t], ref)
					}
				}
			default:
				for u := range 32 {
					if a.upos&(1<<u) != 0 {
						ix.byUPOS[u] = append(ix.byUPOS[u], ref)
					}
				}
			}
		}
	}
	return ix
}

// scratch holds per-call buffers.
type scratch struct {
	ctx   context.Context // checked in long sentences; never nil
	norms []string
	cands []patternRef
}

func (e *Engine) checkSentence(sc *scratch, toks []analysis.Token, out []Finding) []Finding {
	if len(toks) == 0 {
		return out
	}
	sc.norms = sc.norms[:0]
	for i := range toks {
		sc.norms = append(sc.norms, normalise(toks[i].Text))
	}
	s := sentence{toks: toks, norms: sc.norms}
	for i := range toks {
		if i > 0 && i%cancelCheckTokens == 0 && sc.ctx.Err() != nil {
			return out // checkBlock sees the error and drops the block
		}
		t := &toks[i]
		sc.cands = sc.cands[:0]
		sc.cands = append(sc.cands, e.index.byWord[sc.norms[i]]...)
		if t.Lemma != "" {
			sc.cands = append(sc.cands, e.index.byLemma[strings.ToLower(t.Lemma)]...)
		}
		sc.cands = append(sc.cands, e.index.byPTB[t.PTB&63]...)
		sc.cands = append(sc.cands, e.index.byUPOS[t.UPOS&31]...)
		for _, ref := range sc.cands {
			cr := e.rules[ref.rule]
			s.budget = maxTestsPerMatch
			end, ok := s.matchPattern(&cr.patterns[ref.pattern], i)
			if !ok || s.cancelled(cr.unless, i, end) {
				continue
			}
			out = e.addFinding(out, cr, toks, i, end)
		}
	}
	return out
}

// addFinding appends the finding for toks[start:end], unless the same rule
// already reported a finding starting there.
func (e *Engine) addFinding(out []Finding, cr *compiledRule, toks []analysis.Token, start, end int) []Finding {
	s, en := toks[start].Start, toks[end-1].End
	for i := len(out) - 1; i >= 0 && i >= len(out)-8; i-- {
		if out[i].Rule == cr.rule && out[i].Start == s {
			return out
		}
	}
	r := cr.rule
	matched := matchedText(toks[start:end])
	reps := make([]string, 0, len(r.Replacements))
	for _, rep := range r.Replacements {
		reps = append(reps, e.replacement(r, toks[start:end], rep))
	}
	msg := r.Message
	msg = strings.ReplaceAll(msg, "{match}", matched)
	if len(reps) > 0 {
		msg = strings.ReplaceAll(msg, "{replacement}", reps[0])
	}
	return append(out, Finding{Rule: r, Start: s, End: en, Severity: r.Severity, Message: msg, Replacements: reps})
}

// matchedText is the text of a run of tokens, with single spaces where the
// source had a gap.
func matchedText(toks []analysis.Token) string {
	if len(toks) == 1 {
		return toks[0].Text
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1].End < t.Start {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

type sentence struct {
	toks  []analysis.Token
	norms []string

	// budget is how many more token tests the current match attempt may
	// make. Skips and optional elements backtrack, and a rule of several
	// long skips (a custom rule from an untrusted repository, say) could
	// otherwise take time exponential in their number; past the budget
	// the attempt fails.
	budget int
}

// maxTestsPerMatch bounds the token tests of one match attempt (a pattern
// at one anchor, with its exceptions). The library's rules make at most a
// few dozen.
const maxTestsPerMatch = 10_000

func (s *sentence) test(e *elem, i int) bool {
	if s.budget <= 0 {
		return false
	}
	s.budget--
	return e.test(&s.toks[i], s.norms[i])
}

// matchPattern matches p with its anchor at token i and returns the end
// (exclusive) of the matched span.
func (s *sentence) matchPattern(p *compiledPattern, i int) (int, bool) {
	if !s.test(&p.match[0], i) {
		return 0, false
	}
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
		if s.test(e, pos+gap) && s.forward(match, after, j+1, pos+gap+1, end) {
			return true
		}
	}
	return e.optional && s.forward(match, after, j+1, pos, end)
}

// forwardSeq matches seq[j:] starting at token pos.
func (s *sentence) forwardSeq(seq []elem, j, pos int) bool {
	if j == len(seq) {
		return true
	}
	e := &seq[j]
	for gap := 0; gap <= e.skip && pos+gap < len(s.toks); gap++ {
		if s.test(e, pos+gap) && s.forwardSeq(seq, j+1, pos+gap+1) {
			return true
		}
	}
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
		if s.test(e, pos-g) && s.backward(seq, j-1, pos-g-1, e.skip) {
			return true
		}
	}
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

// Compile-time checks that the tag enums fit the elements' bit sets: a
// uint64 for Penn tags (HASH is the last) and a uint32 for Universal tags
// (X is the last). Indexing a one-element array out of range fails to build.
var (
	_ = [1]struct{}{}[int(tag.HASH)/64]
	_ = [1]struct{}{}[int(tag.X)/32]
)
