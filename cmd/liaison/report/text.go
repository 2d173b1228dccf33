package report

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"liaison/rules"
)

// textWriter writes one line per finding, FILE:LINE:COLUMN: SEVERITY:
// MESSAGE [RULE], as compilers do (editors and terminals make it a link),
// then, when the finding has an excerpt, its source line with a caret line
// under the finding and the preferred replacement.
type textWriter struct {
	w     *bufio.Writer
	color bool
}

// ANSI SGR sequences.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrDim    = "\x1b[2m"
	sgrRed    = "\x1b[1;31m"
	sgrYellow = "\x1b[1;33m"
	sgrBlue   = "\x1b[1;34m"
	sgrCyan   = "\x1b[1;36m"
	sgrGreen  = "\x1b[32m"
)

func severityColor(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return sgrRed
	case rules.SeverityWarning:
		return sgrYellow
	case rules.SeverityInfo:
		return sgrBlue
	}
	return sgrCyan
}

// paint wraps s in an SGR sequence when colour is on.
func (t *textWriter) paint(sgr, s string) string {
	if !t.color || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

func (t *textWriter) Write(f *Finding) error {
	w := t.w
	sev := severityColor(f.Severity)
	fmt.Fprintf(w, "%s: %s: %s %s\n",
		t.paint(sgrBold, fmt.Sprintf("%s:%d:%d", QuoteName(f.File), f.Line, f.Column)),
		t.paint(sev, f.Severity.String()), f.Message, t.paint(sgrDim, "["+ruleID(f)+"]"))
	if ex := f.Excerpt; ex != nil {
		num := strconv.Itoa(f.Line)
		gutter := strings.Repeat(" ", len(num))
		text := ex.Text
		lead := ""
		if ex.Before {
			lead = "…"
		}
		tail := ""
		if ex.After {
			tail = "…"
		}
		fmt.Fprintf(w, " %s %s %s%s%s\n", t.paint(sgrDim, num), t.paint(sgrDim, "|"), lead, text, tail)
		// The caret line repeats the excerpt's tabs so that the carets
		// line up under the finding whatever the tab width.
		var pad strings.Builder
		if ex.Before {
			pad.WriteByte(' ')
		}
		i := 0
		for _, r := range text {
			if i == ex.Caret {
				break
			}
			if r == '\t' {
				pad.WriteByte('\t')
			} else {
				pad.WriteByte(' ')
			}
			i++
		}
		help := ""
		if len(f.Replacements) > 0 {
			help = " " + t.paint(sgrGreen, f.Replacements[0])
		}
		fmt.Fprintf(w, " %s %s %s%s%s\n", gutter, t.paint(sgrDim, "|"), pad.String(), t.paint(sev, strings.Repeat("^", max(ex.Width, 1))), help)
	}
	return nil
}

func (t *textWriter) Close() error { return t.w.Flush() }

func ruleID(f *Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.ID
}
