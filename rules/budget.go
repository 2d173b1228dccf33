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
//     each attempt in the document; past it the rule is suspended, and
//     Check reports a warning naming it (see suspendedRule).
//
// (Attempts that stay within perAttempt are not counted at all; see
// budgets.)
//
// A suspended rule stays suspended for the Engine's life, that is until
// its rule files change and the engine is rebuilt: a rule that costs
// thousands of tests per attempt on one document costs as much on the
// next. Every later document's check reports the suspension too.
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
	debt      map[int]int
	attempts  map[int]int    // the expensive attempts, for tests
	suspended map[int][2]int // rule → the document span of the token where it was suspended
	offset    int            // start of the block being checked, in the document
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
		if d.suspended == nil {
			d.suspended = map[int][2]int{}
		}
		d.suspended[rule] = [2]int{d.offset + start, d.offset + end}
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

// suspensionWarning is the warning for rule r, suspended on the token at
// span (or, here is false, in an earlier document).
func (e *Engine) suspensionWarning(r *Rule, span [2]int, here bool) Finding {
	msg := fmt.Sprintf("Rule %q (%s) was suspended here: its match attempts cost more than %d token tests each "+
		"on average, its budget; its findings from here on are not reported.", r.ID, r.Source, perAttempt)
	if !here {
		msg = fmt.Sprintf("Rule %q (%s) is suspended: in an earlier document its match attempts cost more than %d "+
			"token tests each on average, its budget; it is not run on this document.", r.ID, r.Source, perAttempt)
	}
	return Finding{Rule: e.budgetRule, Start: span[0], End: span[1], Severity: SeverityWarning, Message: msg}
}
