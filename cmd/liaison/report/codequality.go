package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"liaison/rules"
)

// codeQualityWriter writes GitLab's Code Quality report (a JSON array of
// issues, the subset of the Code Climate format GitLab reads), for a job's
// artifacts:reports:codequality: the merge request then shows the findings.
type codeQualityWriter struct {
	w   *bufio.Writer
	arr *arrayWriter
}

func newCodeQualityWriter(w *bufio.Writer) *codeQualityWriter {
	return &codeQualityWriter{w: w, arr: newArrayWriter(w, "")}
}

type cqIssue struct {
	Description string   `json:"description"`
	CheckName   string   `json:"check_name"`
	Fingerprint string   `json:"fingerprint"`
	Severity    string   `json:"severity"`
	Categories  []string `json:"categories"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
			End   int `json:"end"`
		} `json:"lines"`
	} `json:"location"`
}

// cqSeverity maps a severity to Code Climate's: info, minor, major.
func cqSeverity(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "major"
	case rules.SeverityWarning:
		return "minor"
	}
	return "info"
}

func (c *codeQualityWriter) Write(f *Finding) error {
	var is cqIssue
	is.Description = f.Message
	is.CheckName = ruleID(f)
	// The fingerprint identifies the issue across runs, so GitLab can say
	// which are new: the file, the rule and where it is.
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%d\x00%d\x00%s", f.File, ruleID(f), f.Line, f.Column, f.Message))
	is.Fingerprint = hex.EncodeToString(sum[:16])
	is.Severity = cqSeverity(f.Severity)
	is.Categories = []string{"Style"}
	is.Location.Path = f.File
	is.Location.Lines.Begin = f.Line
	is.Location.Lines.End = f.EndLine
	return c.arr.add(&is)
}

func (c *codeQualityWriter) Close() error {
	c.arr.end()
	c.w.WriteString("\n")
	return c.w.Flush()
}
