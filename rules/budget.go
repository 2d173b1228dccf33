package rules

import "fmt"

// Budgets bound the work of one rule, so that a rule file from an
// untrusted repository cannot make every lint arbitrarily slow: a pattern
// of long skips backtracks, and each attempt may cost up to
// maxTestsPerMatch token tests. The budgets count token tests:
//
//   - per match attempt: maxTestsPerMatch; past it the attempt fails;
//   - per sentence: sentenceBase plus perAttempt for each attempt the
//     rule made in the sentence; past it the rule is not tried again in
//     that sentence;
//   - per document (one Engine.Check): documentBase plus perAttempt for
//     each attempt in the document; past it the rule is suspended, with
//     one warning naming it (see suspendedRule) on the token where that
//     happened.
//
// (Attempts that stay within perAttempt are not counted at all; see
// budgets.)
//
// A suspended rule stays suspended for the Engine's life, that is until
// its rule files change and the engine is rebuilt: a rule that costs
// thousands of tests per attempt on one document costs as much on the
// next. The warning belongs to the block where the rule was suspended
// and is cached with its findings, so a document keeps showing it while
// that block is unchanged, and a checked folder gets one warning per rule,
// not one per file; Engine.Suspended lists the suspended rules.
//
// The budgets scale with the attempts, so a rule is suspended only when
// its attempts cost more than perAttempt tests on average (the library's
// cost a few), and the whole check stays within a constant factor of the
// library's own cost, whatever the rules. TestLibraryWithinBudgets checks
// that the library never comes near them on the Rust Book.
const (
	maxTestsPerMatch = 10_000
	perAttempt       = 64
	sentenceBase     = 4_000
	documentBase     = 50_000
)

// budgets counts one check's token tests per rule. The budget is kept as
// a debt: each attempt adds its tests minus perAttempt, but only attempts
// that cost more than perAttempt are recorded, so the cheap attempts that
// make up nearly all of the library's work cost no bookkeeping (and earn
// no credit); a rule whose debt reaches the base is out of budget.
type budgets struct {
	sentence map[int]int // debt per rule in the current sentence
	doc      *docBudget  // nil for CheckBlock: no document budget
}

// docBudget counts debt per rule over one document and records the rules
// it suspended.
type docBudget struct {
	debt     map[int]int
	attempts map[int]int  // the expensive attempts, for tests
	fresh    []suspension // suspended in the block being checked
}

// suspension is a rule suspended on the token at [start, end) (block
// offsets).
type suspension struct {
	rule, start, end int
}

func newDocBudget() *docBudget {
	return &docBudget{}
}

func (b *budgets) startSentence() {
	if len(b.sentence) > 0 {
		clear(b.sentence)
	}
}

// allowance is how many tests rule may make in its next attempt; 0 when
// it has none left.
func (b *budgets) allowance(e *Engine, rule int) int {
	if e.nSuspended.Load() > 0 && e.suspended[rule].Load() {
		return 0
	}
	allow := maxTestsPerMatch
	if len(b.sentence) > 0 {
		allow = min(allow, perAttempt+sentenceBase-b.sentence[rule])
	}
	if b.doc != nil && len(b.doc.debt) > 0 {
		allow = min(allow, perAttempt+documentBase-b.doc.debt[rule])
	}
	return allow
}

// spend records an attempt of n tests by rule on the token at
// [start, end) (block offsets), and suspends the rule when its debt in
// the document reaches documentBase.
func (b *budgets) spend(e *Engine, rule, n, start, end int) {
	if n <= perAttempt {
		return
	}
	if b.sentence == nil {
		b.sentence = map[int]int{}
	}
	b.sentence[rule] += n - perAttempt
	d := b.doc
	if d == nil {
		return
	}
	if d.debt == nil {
		d.debt, d.attempts = map[int]int{}, map[int]int{}
	}
	d.debt[rule] += n - perAttempt
	d.attempts[rule]++
	if d.debt[rule] >= documentBase && !e.suspended[rule].Swap(true) {
		e.nSuspended.Add(1)
		d.fresh = append(d.fresh, suspension{rule, start, end})
	}
}

// suspendedRule is the pseudo-rule of the warning Check gives when it
// suspends a rule. Settings can turn it off like any rule.
func suspendedRule() *Rule {
	return &Rule{
		ID:       "rule-suspended",
		Category: "engine",
		Severity: SeverityWarning,
		Summary:  "a rule was suspended for exceeding its time budget",
		Explanation: "A rule that backtracks (several long `skip`s, optional elements) can cost more than any " +
			"text is worth; liaison gives each rule a budget of token tests per sentence and per document, " +
			"and suspends a rule that spends it. Simplify the rule's pattern (fewer or shorter skips, a rarer " +
			"element to index it by) or turn it off.",
	}
}

// suspensionWarning is the warning for a suspension.
func (e *Engine) suspensionWarning(s suspension) Finding {
	r := e.rules[s.rule].rule
	msg := fmt.Sprintf("Rule %q (%s) was suspended here: its match attempts cost more than %d token tests each "+
		"on average, past its budget; it is not run again until its rule file changes.", r.ID, r.Source, perAttempt)
	return Finding{Rule: e.budgetRule, Start: s.start, End: s.end, Severity: SeverityWarning, Message: msg}
}

// Suspended returns the ids of the rules suspended for exceeding their
// budget, in rule order, for a front end to log.
func (e *Engine) Suspended() []string {
	if e.nSuspended.Load() == 0 {
		return nil
	}
	var out []string
	for i, cr := range e.rules {
		if e.suspended[i].Load() {
			out = append(out, cr.rule.ID)
		}
	}
	return out
}
