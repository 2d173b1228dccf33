package rules

// Severity of a finding, as users configure it.
type Severity int

const (
	SeverityError Severity = iota + 1
	SeverityWarning
	SeverityInfo
	SeverityHint
)

// Finding is one usage problem in a document. Start and End are byte
// offsets into the document source.
type Finding struct {
	Rule         *Rule
	Start, End   int
	Severity     Severity
	Message      string
	Replacements []string // in order of preference; may be empty (advice only)
}

// Rule is one usage rule (its fields arrive with the rule format).
type Rule struct {
	ID string
}
