// Package project reads a project's liaison configuration, .liaison.yaml:
// which rules and categories are on, severity overrides, custom rule files
// (in the built-in rule format), per-glob overrides, and ignore globs for
// `liaison check`.
//
// Find locates the configuration for a document by walking up from its
// directory to the workspace folder or repository root; Load reads it and
// the rule files it names; a Project answers the settings in force for
// one file (SettingsFor) and whether `check` skips it (Ignored).
//
// A configuration or rule file from a cloned repository is untrusted input.
// Both are read through safefile: regular files only (a FIFO or a device is
// refused, never opened blocking), at most MaxFileBytes, and only inside
// the project root once symbolic links are resolved, so a configuration
// linked to a file elsewhere is refused unread and nothing of it is
// quoted. YAML nesting deeper than MaxDepth and anchors/aliases are
// refused; the count limits (MaxGlobs, MaxRuleFiles, MaxRules) are checked
// on the YAML tree before anything is compiled; globs compile to RE2
// regular expressions, so matching is linear in the path; rule files must
// be .yaml/.yml files, and nothing in a file can make liaison read other
// files, run programs or reach the network. Every problem is reported as file:line:column
// (Error, ErrorList); nothing here panics on bad input.
//
// DisableRule computes the edit that turns one rule off in a configuration
// file's text, for the "Disable … in this project" code action.
package project
