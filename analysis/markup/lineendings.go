package markup

import (
	"strings"

	"liaison/analysis/text"
)

// lfLines returns s with each lone CR rewritten as an LF. liaison ends a
// line at an LF, a CRLF or a lone CR (analysis/text, as CommonMark does),
// but goldmark and the line scanners here that follow it end lines at LF
// only: a lone-CR document would read as one line, so that a comment
// opening it swallows the whole document as an HTML block, and headings,
// lists and blank lines go unseen. The rewrite keeps every length, so all
// offsets into s stay valid; a CRLF is left as it is. A text without a CR
// is returned as it is, after one scan.
func lfLines(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	var b []byte
	for i >= 0 {
		if text.BreakLen(s, i) == 1 {
			if b == nil {
				b = []byte(s)
			}
			b[i] = '\n'
		}
		next := strings.IndexByte(s[i+1:], '\r')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if b == nil {
		return s
	}
	return string(b)
}
