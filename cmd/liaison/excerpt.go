package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis/text"
	"liaison/cmd/liaison/report"
)

// excerptContext is how many characters of a long line an excerpt shows
// on each side of the finding, and excerptWidth the most of the finding
// itself: a 1 MB line with a finding every 45 bytes gives short excerpts,
// not a megabyte per finding.
const (
	excerptContext = 60
	excerptWidth   = 120
)

// excerptOf is the excerpt of the finding start..end that starts on line
// (1-based): the line, or the part of it around the finding, with control
// characters shown as U+FFFD so a file's bytes cannot drive the terminal.
func excerptOf(doc *text.Document, src string, start, end, line int) *report.Excerpt {
	ls, le := doc.LineBounds(line - 1)
	start = min(max(start, ls), le)
	fe := min(max(end, start), le)
	// The finding's part on this line, at most excerptWidth characters.
	width := 0
	for i := start; i < fe && width < excerptWidth; width++ {
		_, n := utf8.DecodeRuneInString(src[i:])
		i += n
		if width+1 == excerptWidth {
			fe = i
		}
	}
	from := start
	caret := 0
	for caret < excerptContext && from > ls {
		_, n := utf8.DecodeLastRuneInString(src[ls:from])
		from -= n
		caret++
	}
	to := fe
	for k := 0; k < excerptContext && to < le; k++ {
		_, n := utf8.DecodeRuneInString(src[to:le])
		to += n
	}
	return &report.Excerpt{
		Text:   printable(src[from:to]),
		Caret:  caret,
		Width:  max(width, 1),
		Before: from > ls,
		After:  to < le,
	}
}

// printable replaces control characters other than tab, and invalid
// UTF-8, with U+FFFD, one per character.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t') || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t') || r == '\u2028' || r == '\u2029' {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}
