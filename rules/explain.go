package rules

import (
	"context"
	"math/bits"
	"slices"

	"liaison/analysis"
)

// This file is the engine's account of itself, for `liaison explain`: how
// each sentence reads to the rules (tokens, tags, lemmas, the features an
// element may ask for) and which patterns matched where, including the
// matches that produced no finding and why, so that the writer of a rule
// can see why it fires or stays quiet. It reuses the matcher; nothing here
// runs when checking.

// SentenceExplanation is one sentence as the rules see it.
type SentenceExplanation struct {
	Start, End int // block offsets
	Tokens     []TokenExplanation
	Matches    []PatternMatch // by position of the match, then rule order
}

// TokenExplanation is a token and the features the rules compute for it
// (sound included).
type TokenExplanation struct {
	analysis.Token
	Features Features
}

// MatchStatus says what became of a pattern match.
type MatchStatus uint8

const (
	// Reported: the match is a finding.
	Reported MatchStatus = iota
	// Overlapped: another finding over an overlapping span was kept (a
	// higher priority, a more specific pattern, a longer span; see
	// resolveOverlaps). PatternMatch.By names its rule.
	Overlapped
	// CancelledByPattern: an exception (unless) of the pattern holds.
	CancelledByPattern
	// CancelledByRule: an exception (unless) of the rule holds.
	CancelledByRule
	// Suppressed: the engine made no finding of it for another reason:
	// the same rule already reported a finding starting there, or the
	// rule's budget for the sentence was spent.
	Suppressed
	// Duplicate: an earlier pattern of the same rule matched the same
	// span, and the one finding there is listed under it
	// (PatternMatch.Same).
	Duplicate
	// Off: the rule is off unless a user turns it on — its category is
	// off by default (style) — so the match makes no finding.
	Off
)

var matchStatusNames = [...]string{"reported", "overlapped", "cancelled-by-pattern-unless", "cancelled-by-rule-unless", "suppressed", "duplicate", "off"}

func (s MatchStatus) String() string {
	if int(s) < len(matchStatusNames) {
		return matchStatusNames[s]
	}
	return "unknown"
}

// PatternMatch is one match of one pattern of a rule.
type PatternMatch struct {
	Rule *Rule
	// Pattern is the index of the pattern in Rule.Patterns; -1 for a rule
	// written in Go.
	Pattern int
	// Start and End are the tokens of the matched part (the finding's
	// span), End exclusive; indices into the sentence's Tokens.
	Start, End int
	// Elements are the tokens the pattern's elements took, numbered as
	// back-references and templates number them (before, match, after in
	// reading order); -1 for an optional element that took none. Empty
	// for a rule written in Go.
	Elements []ElementMatch
	Status   MatchStatus
	// Unless is the index of the exception that cancelled the match, in
	// the pattern's or the rule's Unless list.
	Unless int
	// By is the rule whose finding was kept, for Overlapped.
	By *Rule
	// Same is the pattern whose match this one repeats, for Duplicate.
	Same int
}

// ElementMatch is the token one element of a pattern took.
type ElementMatch struct {
	Number int    // from 1, across before, match and after
	Part   string // "before", "match" or "after"
	Token  int    // index into the sentence's tokens; -1 none
}

// Explain returns how the engine reads each sentence of b and every
// pattern match in it, reported or not. Offsets are relative to the
// block. It stops, returning what it has, when ctx is cancelled.
func (e *Engine) Explain(ctx context.Context, b *analysis.BlockAnalysis) []SentenceExplanation {
	if b == nil {
		return nil
	}
	all, _ := e.checkBlockAll(ctx, b, nil, e.allIndex())
	// The findings a check with the default settings keeps: a rule that is
	// off (style) neither reports nor hides another.
	all = slices.DeleteFunc(all, func(f Finding) bool { _, on := (Settings{}).Apply(f); return !on })
	candidates := checkSpelling(&analysis.Result{Blocks: []analysis.Block{{End: len(b.Prose), BlockAnalysis: b}}}, Spelling{NoSuggestions: true}, all)
	findings := resolveOverlaps(slices.Clone(candidates))
	var out []SentenceExplanation
	var s sentence
	var norms []string
	for si := range b.Sentences {
		if ctx.Err() != nil {
			break
		}
		toks := b.Sentences[si].Tokens
		norms = norms[:0]
		for i := range toks {
			norms = append(norms, normalise(toks[i].Text))
		}
		s.reset(toks, norms)
		s.mass, s.sound = e.mass, e.sound
		s.prev, s.marks = nil, b.Markup
		if si > 0 {
			s.prev = b.Sentences[si-1].Tokens
		}
		se := SentenceExplanation{Start: b.Sentences[si].Start, End: b.Sentences[si].End}
		for i := range toks {
			se.Tokens = append(se.Tokens, TokenExplanation{Token: toks[i], Features: s.featureOf(i, true)})
		}
		for _, cr := range e.rules {
			se.Matches = e.explainRule(&s, cr, se.Matches)
		}
		for i := range se.Matches {
			m := &se.Matches[i]
			if m.Status != Reported {
				continue
			}
			if _, on := (Settings{}).Apply(Finding{Rule: m.Rule}); !on {
				m.Status = Off
				continue
			}
			m.Status, m.By = outcome(findings, m.Rule, toks[m.Start].Start, toks[m.End-1].End)
			for j := range i {
				if o := &se.Matches[j]; o.Rule == m.Rule && o.Start == m.Start && o.End == m.End && o.Status == m.Status {
					m.Status, m.Same, m.By = Duplicate, o.Pattern, nil
					break
				}
			}
		}
		// A spelling candidate the document's settings settle (spelling.go:
		// a known word, the document's own dialect) is no match of
		// interest when it made no finding, kept or overlapped.
		se.Matches = slices.DeleteFunc(se.Matches, func(m PatternMatch) bool {
			if m.Rule.Code != SpellingRuleID && m.Rule.Code != DialectRuleID {
				return false
			}
			return m.Status == Suppressed || m.Status == Overlapped && !hasFinding(candidates, m.Rule, toks[m.Start].Start, toks[m.End-1].End)
		})
		sortMatches(se.Matches)
		out = append(out, se)
	}
	return out
}

// explainRule appends the matches of one rule in the sentence, each
// marked Reported unless an exception cancelled it (Explain then compares
// them with the findings).
func (e *Engine) explainRule(s *sentence, cr *compiledRule, out []PatternMatch) []PatternMatch {
	if !cr.compiled(&e.tmpl) {
		return out
	}
	if cr.code != nil {
		for _, m := range cr.matches(s) {
			if m.Start < 0 || m.End > len(s.toks) || m.Start >= m.End {
				continue
			}
			pm := PatternMatch{Rule: cr.rule, Pattern: -1, Start: m.Start, End: m.End}
			if k := cancelledBy(s, cr.unless, m.Start, m.End); k >= 0 {
				pm.Status, pm.Unless = CancelledByRule, k
			}
			out = append(out, pm)
		}
		return out
	}
	for pi := range cr.patterns {
		p := &cr.patterns[pi]
		bare := *p
		bare.unless = nil // match without the exceptions, to report them
		for i := range s.toks {
			s.budget = maxTestsPerMatch
			end, ok := s.matchPattern(&bare, i)
			if !ok {
				continue
			}
			pm := PatternMatch{Rule: cr.rule, Pattern: pi, Start: i, End: end, Elements: elementsOf(p, s.caps)}
			if k := cancelledBy(s, p.unless, i, end); k >= 0 {
				pm.Status, pm.Unless = CancelledByPattern, k
			} else if k := cancelledBy(s, cr.unless, i, end); k >= 0 {
				pm.Status, pm.Unless = CancelledByRule, k
			}
			out = append(out, pm)
		}
	}
	return out
}

// elementsOf numbers the captured tokens of a match of p.
func elementsOf(p *compiledPattern, caps []int) []ElementMatch {
	out := make([]ElementMatch, 0, p.slots)
	n := 0
	for _, part := range []struct {
		name  string
		elems []elem
	}{{"before", p.before}, {"match", p.match}, {"after", p.after}} {
		for range part.elems {
			tok := -1
			if n < len(caps) {
				tok = caps[n]
			}
			n++
			out = append(out, ElementMatch{Number: n, Part: part.name, Token: tok})
		}
	}
	return out
}

// cancelledBy returns the index of the first exception in cs that holds
// around toks[start:end], or -1.
func cancelledBy(s *sentence, cs []compiledContext, start, end int) int {
	for k := range cs {
		s.budget = maxTestsPerMatch
		if s.cancelled(cs[k:k+1], start, end) {
			return k
		}
	}
	return -1
}

// hasFinding reports whether fs holds a finding of r over [start, end).
func hasFinding(fs []Finding, r *Rule, start, end int) bool {
	for _, f := range fs {
		if f.Rule == r && f.Start == start && f.End == end {
			return true
		}
	}
	return false
}

// outcome finds what became of an uncancelled match of r over the block
// span [start, end): a finding of r there, or the kept finding it
// overlaps, or neither.
func outcome(findings []Finding, r *Rule, start, end int) (MatchStatus, *Rule) {
	var by *Rule
	for _, f := range findings {
		if f.Rule == r && f.Start == start && f.End == end {
			return Reported, nil
		}
		if by == nil && f.Start < end && start < f.End && f.Rule != r {
			by = f.Rule
		}
	}
	if by != nil {
		return Overlapped, by
	}
	return Suppressed, nil
}

func sortMatches(ms []PatternMatch) {
	// Stable insertion sort by start: the matches arrive in rule order,
	// which breaks ties, and a sentence has few.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// FeatureValues lists the features in f by kind, in the order and with
// the names a rule file uses: [["number", "singular"], ["person",
// "third"], ["sound", "vowel"]].
func (f Features) FeatureValues() [][2]string {
	var out [][2]string
	for i := range featureKinds {
		k := &featureKinds[i]
		m := f & kindMask(k)
		for m != 0 {
			b := uint(bits.TrailingZeros32(uint32(m)))
			out = append(out, [2]string{k.key, k.values[b-k.shift]})
			m &^= 1 << b
		}
	}
	return out
}
