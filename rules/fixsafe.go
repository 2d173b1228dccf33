package rules

// FixSafety is a rule's own `safe-fix` setting.
type FixSafety uint8

const (
	FixByCategory FixSafety = iota // not given: the category decides
	FixSafe                        // safe-fix: true
	FixUnsafe                      // safe-fix: false
)

// SafeFix reports whether the rule's preferred replacement may be applied
// without a person reading it first (liaison check --fix). A rule file
// says so with `safe-fix: true` or `false`; without it the category
// decides: a misspelling or a proscribed word form has one right
// spelling, so the match is wrong whatever the sentence means and the
// replacement is the right form of what was written; a confusable pair, a
// grammar construction, a redundancy or a matter of style may be what the
// writer meant, and their fixes are only offered.
func (r *Rule) SafeFix() bool {
	switch r.FixSafety {
	case FixSafe:
		return true
	case FixUnsafe:
		return false
	}
	switch r.Category {
	case "proscribed", // liaison → liaise, inflected as the tagger read it
		"nonword",     // alot → a lot
		"misspelling", // recieve → receive
		"eggcorn",     // for all intensive purposes → intents and purposes
		"malapropism",
		"nonstandard": // could of → could have
		return true
	}
	return false
}
