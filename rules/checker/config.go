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
// each on the line and column it names, to the end of that line. The bad
// rules of its rule files are shown on the rule_files entry that names
// them. A rule file (not a configuration) is checked alone: ruleFindings.
func (c *Checker) configFindings(path, src string) []rules.Finding {
	if !IsConfigFile(path) {
		return ruleFindings(path, src)
	}
	root := filepath.Dir(path)
	for _, r := range c.currentRoots() {
		if rel, err := filepath.Rel(r, path); err == nil && filepath.IsLocal(rel) && len(r) < len(root) {
			root = r
		}
	}
	proj, err := c.files.LoadData(path, root, []byte(src), c.builtin)
	if err != nil {
		return problemFindings(path, src, project.Errors(path, err))
	}
	var errs project.ErrorList
	for _, e := range proj.Problems {
		ref := proj.RuleFileRef(e.File)
		errs = append(errs, &project.Error{File: path, Line: ref.Line, Column: ref.Column, Msg: e.Error()})
	}
	return problemFindings(path, src, errs)
}

// ruleFindings checks a rule file's text (an editor's buffer) as the
// project reads it, and returns its bad rules and, if it cannot be read as
// a rule file, why. It reads nothing.
func ruleFindings(path, src string) []rules.Finding {
	_, err := project.ParseRuleFile(path, []byte(src))
	return problemFindings(path, src, project.Errors(path, err))
}

// CheckedAsConfig reports whether the document at path is checked for its
// problems, as a configuration or a rule file of lk's project, whatever
// its language (YAML is otherwise code, not prose).
func CheckedAsConfig(path string, lk *Lookup) bool {
	return path != "" && (IsConfigFile(path) || lk.isRuleFile(path))
}

// isRuleFile reports whether path is one of the rule files of lk's project.
func (lk *Lookup) isRuleFile(path string) bool {
	p := lk.project()
	return p != nil && path != p.ConfigPath && slices.Contains(p.Files, path)
}

// problemFindings places the problems of the file at path on its text src.
func problemFindings(path, src string, errs project.ErrorList) []rules.Finding {
	out := []rules.Finding{}
	for _, e := range errs {
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
