// Package report writes the findings of `liaison check` in the formats
// people and CI systems read: text for a terminal (with colour and a source
// excerpt under each finding), json (the stable schema the README
// documents), sarif (SARIF 2.1.0, for code-scanning services), github
// (workflow commands that annotate a pull request), rdjson (reviewdog's
// diagnostic JSON, with suggestions) and codequality (GitLab's Code
// Quality report).
//
// A report is written a finding at a time, as `check` streams them, and
// holds no finding after writing it (SARIF keeps each reported rule once,
// for tool.driver.rules). Positions come in every unit a format needs:
// 1-based lines, and columns in characters, UTF-16 code units (SARIF's
// default columnKind) and UTF-8 bytes (reviewdog's); the caller computes
// them from the document's line index. LSP types stay in server/.
package report
