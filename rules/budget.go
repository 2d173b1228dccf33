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

// budgets counts one check's token tests per rule.
type budgets struct {
	sentence map[int]*ruleSpend // in the current sentence
	doc      *docBudget         // nil for CheckBlock: no document budget
}

// ruleSpend is one rule's tests and attempts.
type ruleSpend struct {
	tests, attempts int
}

// docBudget counts tests per rule over one document and records the rules
// it suspended.
type docBudget struct {
	used      map[int]*ruleSpend
	suspended map[int][2]int // rule → the document span of the token where it was suspended
	offset    int            // start of the block being checked, in the document
}

func newDocBudget() *docBudget {
	return &docBudget{used: map[int]*ruleSpend{}}
}

func (b *budgets) startSentence() {
	clear(b.sentence)
}

func spendOf(m map[int]*ruleSpend, rule int) *ruleSpend {
	s := m[rule]
	if s == nil {
		s = &ruleSpend{}
		m[rule] = s
	}
	return s
}

// allowance is how many tests rule may make in its next attempt; 0 when
// it has none left.
func (b *budgets) allowance(e *Engine, rule int) int {
	if e.suspended[rule].Load() {
		return 0
	}
	allow := maxTestsPerMatch
	if s := b.sentence[rule]; s != nil {
		allow = min(allow, sentenceBase+perAttempt*(s.attempts+1)-s.tests)
	}
	if b.doc != nil {
		if s := b.doc.used[rule]; s != nil {
			allow = min(allow, documentBase+perAttempt*(s.attempts+1)-s.tests)
		}
	}
	return allow
}

// spend records an attempt of n tests by rule on the token at
// [start, end) (block offsets), and suspends the rule when it has spent
// its document's budget.
func (b *budgets) spend(e *Engine, rule, n, start, end int) {
	if b.sentence == nil {
		b.sentence = map[int]*ruleSpend{}
	}
	s := spendOf(b.sentence, rule)
	s.tests += n
	s.attempts++
	if b.doc == nil {
		return
	}
	d := spendOf(b.doc.used, rule)
	d.tests += n
	d.attempts++
	if d.tests >= documentBase+perAttempt*d.attempts && !e.suspended[rule].Swap(true) {
		e.nSuspended.Add(1)
		if b.doc.suspended == nil {
			b.doc.suspended = map[int][2]int{}
		}
		b.doc.suspended[rule] = [2]int{b.doc.offset + start, b.doc.offset + end}
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
