package report

import (
	"bufio"
	"fmt"
	"strings"

	"liaison/rules"
)

// githubWriter writes GitHub Actions workflow commands, one per finding:
//
//	::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
//
// which the runner turns into annotations on the pull request's files.
// Columns count characters.
type githubWriter struct{ w *bufio.Writer }

// githubData escapes a command's message as the runner unescapes it: %
// first, then the line endings that would end the command.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// githubProperty escapes a property value: the message's escapes, and the
// colon and comma that separate properties.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

// githubCommand is the command for a severity: hints and information are
// notices.
func githubCommand(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "error"
	case rules.SeverityWarning:
		return "warning"
	}
	return "notice"
}

func (g *githubWriter) Write(f *Finding) error {
	msg := f.Message
	if len(f.Replacements) > 0 {
		msg += fmt.Sprintf(" (suggestion: %s)", f.Replacements[0])
	}
	_, err := fmt.Fprintf(g.w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
		githubCommand(f.Severity), githubProperty.Replace(f.File), f.Line, f.Column, f.EndLine, f.EndColumn,
		githubProperty.Replace("liaison "+ruleID(f)), githubData.Replace(msg))
	return err
}

func (g *githubWriter) Close() error { return g.w.Flush() }
