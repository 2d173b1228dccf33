package server

import (
	"context"
)

// Severity of a problem, as LSP numbers it (1 error … 4 hint).
type Severity int

// Severities.
const (
	SeverityError Severity = iota + 1
	SeverityWarning
	SeverityInfo
	SeverityHint
)

// Problem is one finding in a document, in the terms the server needs:
// byte offsets into the document's text, the rule that found it and the
// replacements that fix it.
type Problem struct {
	Start, End   int
	RuleID       string
	Category     string
	Severity     Severity
	Message      string
	Explanation  string   // Markdown: what is wrong and why
	Replacements []string // in order of preference; none means advice only
}

// Linter finds the problems in one document revision under settings. It
// must be safe for concurrent use, honour ctx, and return problems sorted
// by Start.
type Linter interface {
	Lint(ctx context.Context, languageID, src string, settings Settings) ([]Problem, error)
}

// nopLinter finds nothing; it stands in when the rules fail to load.
type nopLinter struct{}

func (nopLinter) Lint(context.Context, string, string, Settings) ([]Problem, error) { return nil, nil }

// languageOf maps an LSP language id to one the analyzer knows: markdown
// and plain text; anything else is read as plain text.
func languageOf(id string) string {
	switch id {
	case "markdown", "md", "mdx":
		return "markdown"
	default:
		return "plaintext"
	}
}
