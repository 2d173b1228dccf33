package rules

import (
	"fmt"
	"strings"

	"liaison/analysis"
	"liaison/analysis/markup"
)

// Severity of a finding, as users configure it.
type Severity int

const (
	SeverityError Severity = iota + 1
	SeverityWarning
	SeverityInfo
	SeverityHint
)

var severityNames = [...]string{SeverityError: "error", SeverityWarning: "warning", SeverityInfo: "info", SeverityHint: "hint"}

// String returns the severity's name as written in rule files: error,
// warning, info or hint.
func (s Severity) String() string {
	if s >= SeverityError && s <= SeverityHint {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity reads a severity name (case-insensitive); "information" and
// "warn" are accepted as synonyms.
func ParseSeverity(name string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "error":
		return SeverityError, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "info", "information":
		return SeverityInfo, nil
	case "hint":
		return SeverityHint, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or hint)", name)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < SeverityError || s > SeverityHint {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Finding is one usage problem in a document. Start and End are byte
// offsets into the document source (relative to the block for the results
// of Engine.CheckBlock).
type Finding struct {
	Rule       *Rule
	Start, End int
	Severity   Severity
	Message    string
	// Replacements, in order of preference, each replace the whole of
	// [Start, End). Empty for advice only, and for a finding whose range
	// holds markup (an inline tag inside the word), which a replacement
	// would delete: see dropMarkupFixes.
	Replacements []string
	// Measure is what a measuring rule counted (the words of a long
	// sentence), compared with its limit when settings are applied; zero
	// for every other rule.
	Measure int

	specificity int // of the pattern that matched, for resolveOverlaps
}

// dropMarkupFixes removes the replacements of every finding whose source
// range holds markup (b.Markup): a replacement rewrites the whole range,
// so it would delete an inline tag or comment inside the word ("I
// recie<span>ved</span> it." would become "I received</span> it."). Such a
// finding stays, as advice; its message still names the replacement.
// Doing it here, where findings are made, means no consumer (code
// actions, fix-all, the CLI's JSON, rules test) can apply one.
func dropMarkupFixes(b *analysis.BlockAnalysis, fs []Finding) {
	if len(b.Markup) == 0 {
		return
	}
	for i := range fs {
		if len(fs[i].Replacements) > 0 && !markup.ProseOnly(b.Markup, fs[i].Start, fs[i].End) {
			fs[i].Replacements = nil
		}
	}
}
