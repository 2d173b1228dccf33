package report

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// QuoteName returns a file name as it may be printed in a line of output:
// as it is, or Go-quoted when it holds a control character (a newline
// would forge a line of output), invalid UTF-8, a line or paragraph
// separator, or starts with a quote (so a quoted name is never ambiguous).
func QuoteName(name string) string {
	if name == "" || name[0] == '"' {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return strconv.Quote(name)
		}
	}
	return name
}
