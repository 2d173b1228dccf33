package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"liaison/analysis"
	"liaison/analysis/tag"
)

// Engine runs a set of rules over analysed prose. Rules are compiled once
// and indexed by the words (or lemmas, or tags) their matches can start
// at, so the cost per token does not grow with the number of rules. An
// Engine is safe for concurrent use.
type Engine struct {
	rules []*compiledRule
	tmpl  templateCache // the message and replacement templates compiled so far
	// onIndex holds the rules of the categories that are on by default:
	// a check whose settings turn none of the others on runs only these,
	// so a style rule costs nothing until a user asks for it. The index of
	// every rule is built the first time one asks (allIndex).
	onIndex index
	allOnce sync.Once
	allIx   *index
	offIDs  map[string]bool // the ids of the rules left out of onIndex
	infl    inflector
	mass    func(lemma string) bool    // the library's mass nouns, for number: mass
	sound   func(word string) Features // the sound a word starts with

	budgetRule  *Rule         // the pseudo-rule of suspension warnings (budget.go)
	suspended   []atomic.Bool // by rule: spent its budget (budget.go)
	nSuspended  atomic.Int32  // how many are
	ruleIndex   map[*Rule]int // rule → position in rules
	scratch     sync.Pool     // *scratch: buffers reused across blocks
	findingBufs sync.Pool     // *[]Finding: CheckWith's gathered findings
	spell       spellVerdicts // the spelling rules' verdicts on words (spelling.go)
}

// BlockCache keeps the findings of blocks between calls of CheckWith (a
// block's findings depend on its analysis and the engine's rules alone).
// rules/checker's cache is one: it keeps them with the block's analysis,
// and drops them with it. Implementations must be safe for concurrent use.
type BlockCache interface {
	// Findings returns what Keep was given for b, if it still has it.
	Findings(b *analysis.BlockAnalysis) ([]Finding, bool)
	// Keep offers b's findings (block offsets, before settings) for later
	// calls; the cache may decline them. The slice is not modified after.
	Keep(b *analysis.BlockAnalysis, fs []Finding)
}

// Settings adjust which rules report and how loudly. They are applied
// after the per-block cache, so changing them never re-runs the rules.
type Settings struct {
	Rules      map[string]RuleSetting // by rule id
	Categories map[string]bool        // false turns a category off; absent means its default (CategoryOnByDefault)
	Spelling   Spelling               // dialect and accepted words (spelling.go)
}

// RuleSetting turns one rule off or overrides its severity (zero: the
// rule's default), and for a rule that measures (Rule.Limit) its
// threshold (zero: the rule's own).
type RuleSetting struct {
	Off      bool
	Severity Severity
	Limit    int
}

// NewEngine compiles and indexes rules. Rule ids must be unique.
func NewEngine(rules []*Rule) (*Engine, error) {
	e := &Engine{
		infl:       defaultInflector(),
		mass:       massNouns(),
		sound:      soundFeature,
		budgetRule: suspendedRule(),
	}
	code, ctxCode := goRules(), goContextRules()
	e.spell.bindSpelling(code, ctxCode)
	e.tmpl.ts = templates{}
	stored := storedIndex(rules)
	seen := make(map[string]string, len(rules))
	e.rules = make([]*compiledRule, 0, len(rules))
	for i, r := range rules {
		if r == nil {
			continue
		}
		if src, dup := seen[r.ID]; dup {
			return nil, fmt.Errorf("rule %q defined twice: %s and %s", r.ID, src, r.Source)
		}
		seen[r.ID] = r.Source
		var cr *compiledRule
		var err error
		switch {
		case stored != nil:
			cr, err = prepareRuleWith(r, len(e.rules), code, ctxCode, stored.keys[i])
		case r.checked:
			cr, err = prepareRule(r, len(e.rules), code, ctxCode)
		default:
			cr, err = compileRule(r, len(e.rules), code, ctxCode, &e.tmpl)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: rule %s: %w", r.Source, r.ID, err)
		}
		e.rules = append(e.rules, cr)
	}
	if stored != nil {
		e.onIndex = *stored.index // read only, shared by the engines of the library
	} else {
		e.onIndex = e.buildIndex(true)
	}
	for _, cr := range e.rules {
		if !CategoryOnByDefault(cr.rule.Category) {
			if e.offIDs == nil {
				e.offIDs = map[string]bool{}
			}
			e.offIDs[cr.rule.ID] = true
		}
	}
	e.suspended = make([]atomic.Bool, len(e.rules))
	e.ruleIndex = make(map[*Rule]int, len(e.rules))
	for i, cr := range e.rules {
		e.ruleIndex[cr.rule] = i
	}
	return e, nil
}

// storedIndex returns the library as its snapshot holds it when rules
// are the library's rules as decoded from it, in order, and nil
// otherwise: only then do its keys and index fit (rule numbers are
// positions in rules). A rule decoded from the snapshot says so
// (Rule.checked), so that a list of other rules is told apart without
// loading the library.
func storedIndex(rules []*Rule) *libraryData {
	if len(rules) == 0 || rules[0] == nil || !rules[0].checked {
		return nil
	}
	lib, err := loadLibrary()
	if err != nil || lib.index == nil || len(lib.rules) != len(rules) || len(lib.keys) != len(rules) {
		return nil
	}
	for i, r := range rules {
		if r != lib.rules[i] {
			return nil
		}
	}
	return lib
}

// buildIndex indexes the engine's rules, or with onOnly those on by
// default.
func (e *Engine) buildIndex(onOnly bool) index {
	return buildIndex(e.rules, onOnly)
}

// allIndex returns the index of every rule, the rules off by default
// too, building it the first time.
func (e *Engine) allIndex() *index {
	e.allOnce.Do(func() {
		if len(e.offIDs) == 0 {
			e.allIx = &e.onIndex
			return
		}
		ix := e.buildIndex(false)
		e.allIx = &ix
	})
	return e.allIx
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
// only on b and the rules, is sorted by position, and holds at most one
// finding per span (see resolveOverlaps).
func (e *Engine) CheckBlock(b *analysis.BlockAnalysis) []Finding {
	out, _ := e.checkBlock(context.Background(), b, nil)
	return out
}

// checkBlock is checkBlockAll with at most one finding per span.
func (e *Engine) checkBlock(ctx context.Context, b *analysis.BlockAnalysis, doc *docBudget) ([]Finding, bool) {
	out, ok := e.checkBlockAll(ctx, b, doc, e.allIndex())
	return resolveOverlaps(out), ok
}

// checkBlockAll is CheckBlock, overlaps included, stopping early when ctx is cancelled (checked
// between sentences and every cancelCheckTokens tokens of a sentence, so a
// superseded lint of one very long line stops at once); ok is false then,
// and the partial findings must not be cached. doc holds the document's
// budgets (budget.go); nil leaves only those per attempt and per sentence.
func (e *Engine) checkBlockAll(ctx context.Context, b *analysis.BlockAnalysis, doc *docBudget, ix *index) (out []Finding, ok bool) {
	if b == nil {
		return nil, true
	}
	sc, _ := e.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer e.scratch.Put(sc)
	sc.ctx = ctx
	sc.ix = ix
	sc.budget.doc = doc
	sc.marks = b.Markup
	clear(sc.budget.sentence)
	for si := range b.Sentences {
		if ctx.Err() != nil {
			return nil, false
		}
		sc.prev = nil
		if si > 0 {
			sc.prev = b.Sentences[si-1].Tokens
		}
		out = e.checkSentence(sc, b.Sentences[si].Tokens, out)
	}
	if ctx.Err() != nil {
		return nil, false
	}
	if doc != nil {
		for _, s := range doc.fresh {
			out = append(out, e.suspensionWarning(s))
		}
		doc.fresh = doc.fresh[:0]
	}
	// Overlaps are resolved by the callers: Check after settings, so
	// that a rule turned off leaves room for one it would have hidden.
	sortFindings(out)
	dropMarkupFixes(b, out)
	return out, true
}

// cancelCheckTokens is how many tokens of one sentence checkSentence
// matches between two looks at its context: a few hundred microseconds.
const cancelCheckTokens = 1024

// Check runs the rules over a document's analysis and returns findings
// with document offsets, sorted by position, with s applied. If ctx is
// cancelled, Check returns nil.
func (e *Engine) Check(ctx context.Context, res *analysis.Result, s Settings) []Finding {
	return e.CheckWith(ctx, res, s, nil)
}

// CheckWith is Check taking each block's findings from cache when it has
// them, and offering it those it computes; nil caches nothing. Callers
// must not modify the returned Replacements slices, which the cache
// shares.
func (e *Engine) CheckWith(ctx context.Context, res *analysis.Result, s Settings, cache BlockCache) []Finding {
	if res == nil {
		return nil
	}
	var out []Finding
	doc := newDocBudget()
	// Unless the settings turn on a rule that is off by default, only the
	// rules that are on run. The cache holds what those found; a check that
	// runs the others too neither reads nor fills it.
	ix := &e.onIndex
	if len(e.offIDs) > 0 && s.turnsOnDefaultOff(e) {
		ix, cache = e.allIndex(), nil
	}
	// The findings the settings keep are gathered in a pooled buffer and
	// out is allocated once at their number: growing it block by block
	// was a fifth of a keystroke's garbage, and sizing it by every
	// finding wastes as much when settings drop many (spelling off). The
	// buffer is cleared before it goes back, holding nothing.
	buf, _ := e.findingBufs.Get().(*[]Finding)
	if buf == nil {
		buf = new([]Finding)
	}
	defer func() {
		clear(*buf)
		*buf = (*buf)[:0]
		e.findingBufs.Put(buf)
	}()
	for _, b := range res.Blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		if ctx.Err() != nil {
			return nil
		}
		suspended := e.nSuspended.Load() > 0
		fs, ok := e.blockFindings(ctx, b.BlockAnalysis, cache, doc, ix)
		if !ok {
			return nil
		}
		for _, f := range fs {
			// Read as each block's findings come: a rule suspended by a
			// later block keeps what it found before.
			if suspended && e.isSuspended(f.Rule) {
				continue // cached before its rule was suspended
			}
			if f, ok := s.Apply(f); ok {
				f.Start += b.Start
				f.End += b.Start
				*buf = append(*buf, f)
			}
		}
	}
	if len(*buf) > 0 {
		out = slices.Clone(*buf)
	}
	sortFindings(out)
	out = checkSpelling(res, s.Spelling, out)
	// Settings have been applied: a finding a setting turned off leaves
	// room for one it would have hidden.
	return resolveOverlaps(out)
}

// isSuspended reports whether r is a rule of the engine's that is
// suspended now.
func (e *Engine) isSuspended(r *Rule) bool {
	i, ok := e.ruleIndex[r]
	return ok && e.suspended[i].Load()
}

// blockFindings returns CheckBlock(b), from the cache when it can, or
// false if ctx is cancelled first. (A suspended rule's findings in a block
// cached before its suspension are dropped by Check.)
func (e *Engine) blockFindings(ctx context.Context, b *analysis.BlockAnalysis, cache BlockCache, doc *docBudget, ix *index) ([]Finding, bool) {
	if cache != nil {
		if fs, ok := cache.Findings(b); ok {
			return fs, true
		}
	}
	fs, ok := e.checkBlockAll(ctx, b, doc, ix)
	if !ok {
		return nil, false
	}
	if cache != nil {
		cache.Keep(b, fs)
	}
	return fs, true
}

// turnsOnDefaultOff reports whether s turns on a rule of e that is off by
// default: its category, or the rule itself.
func (s Settings) turnsOnDefaultOff(e *Engine) bool {
	for c, on := range s.Categories {
		if on && !CategoryOnByDefault(c) {
			return true
		}
	}
	for id, rs := range s.Rules {
		if !rs.Off && e.offIDs[id] {
			return true
		}
	}
	return false
}

// Apply turns a finding off (false) or changes its severity as s says.
// A setting for the rule itself wins over its category's: a category can
// be turned off with one of its rules left on, and a rule of a category
// that is off by default (style) turned on alone. A measured finding
// (long-sentence) at or under its limit is dropped.
func (s Settings) Apply(f Finding) (Finding, bool) {
	rs, ok := s.Rules[f.Rule.ID]
	if f.Measure > 0 {
		limit := f.Rule.Limit
		if ok && rs.Limit > 0 {
			limit = rs.Limit
		}
		if f.Measure <= limit {
			return f, false
		}
	}
	if ok {
		if rs.Off {
			return f, false
		}
		if rs.Severity != 0 {
			f.Severity = rs.Severity
		}
		return f, true
	}
	on, ok := s.Categories[f.Rule.Category]
	if !ok {
		on = CategoryOnByDefault(f.Rule.Category)
	}
	return f, on
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

// Compile-time checks that the tag enums fit the elements' bit sets: a
// uint64 for Penn tags (HASH is the last) and a uint32 for Universal tags
// (X is the last). Indexing a one-element array out of range fails to build.
var (
	_ = [1]struct{}{}[int(tag.HASH)/64]
	_ = [1]struct{}{}[int(tag.X)/32]
)
