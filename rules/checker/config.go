package checker

import (
	"path/filepath"
	"slices"
	"sync"

	"liaison/rules"
	"liaison/rules/project"
)

// ConfigRuleID is the rule id of the problems of a configuration file,
// found when it is checked as a document (open in an editor).
const ConfigRuleID = "liaison-config"

// ConfigRule is the rule the problems of a configuration file carry.
var ConfigRule = sync.OnceValue(func() *rules.Rule {
	return &rules.Rule{
		ID:       ConfigRuleID,
		Severity: rules.SeverityError,
		Summary:  "a problem in a liaison configuration file",
		Message:  "invalid configuration",
	}
})

// configFindings checks a configuration's text (an editor's buffer, saved
// or not; its rule files are read from disk) and returns its problems,
// each on the line and column it names, to the end of that line.
func (c *Checker) configFindings(path, src string) []rules.Finding {
	root := filepath.Dir(path)
	for _, r := range c.currentRoots() {
		if rel, err := filepath.Rel(r, path); err == nil && filepath.IsLocal(rel) && len(r) < len(root) {
			root = r
		}
	}
	_, err := c.files.LoadData(path, root, []byte(src), c.builtin)
	if err == nil {
		return []rules.Finding{}
	}
	var out []rules.Finding
	for _, e := range project.Errors(path, err) {
		start := 0
		if e.Line > 0 {
			start = project.Offset(src, e.Line, max(e.Column, 1))
		}
		end := start
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
		if e.Column == 0 {
			start = project.Offset(src, e.Line, 1)
		}
		msg := e.Msg
		if e.File != path {
			msg = e.Error()
		}
		out = append(out, rules.Finding{Rule: ConfigRule(), Start: start, End: end, Severity: rules.SeverityError, Message: msg})
	}
	slices.SortStableFunc(out, func(a, b rules.Finding) int { return a.Start - b.Start })
	return out
}
