package code

import "strings"

// line is one line of a comment's text, after its marker or gutter, in
// document offsets.
type line struct {
	start, end int // the text, trailing blanks and line ending left out
	text       int // its first non-blank byte (end when blank)
	indent     int // columns of blanks before text (a tab counts 4)
	opener     bool
}

func (ln line) blank() bool { return ln.text >= ln.end }

// lines returns the text lines of a group of comments: each line comment's
// text after its marker, or each line of a block comment or docstring with
// the "*" gutter of a C-style block comment left out.
func (l *Language) lines(src string, g []Comment) []line {
	var out []line
	if g[0].Style == LineComment {
		for _, c := range g {
			start := c.Start
			for _, m := range l.markers {
				if hasPrefixAt(src, start, m) {
					start += len(m)
					break
				}
			}
			out = append(out, makeLine(src, min(start, c.End), c.End))
		}
		return out
	}
	c := g[0]
	start, end := c.TextStart, c.TextEnd
	slashStar := c.Style == BlockComment && hasPrefixAt(src, c.Start, "/*")
	if slashStar {
		// "/**" and "/*!" open doc comments; "/*****" a banner.
		for start < end && src[start] == '*' {
			start++
		}
		if start < end && start == c.TextStart && src[start] == '!' {
			start++
		}
		if start < end && src[start] == '<' && start > c.TextStart {
			start++ // Doxygen's /**< member after */
		}
		for end > start && src[end-1] == '*' {
			end--
		}
	}
	first := true
	for pos := start; pos <= end; {
		e := strings.IndexByte(src[pos:end], '\n')
		next := end + 1
		if e < 0 {
			e = end
		} else {
			e += pos
			next = e + 1
		}
		ln := makeLine(src, pos, e)
		ln.opener = first
		first = false
		out = append(out, ln)
		pos = next
	}
	if slashStar && hasGutter(src, out) {
		for i := 1; i < len(out); i++ {
			ln := &out[i]
			if !ln.blank() && src[ln.text] == '*' {
				// One star, or Lua's two ("**").
				k := ln.text + 1
				if k < ln.end && src[k] == '*' {
					k++
				}
				*ln = makeLine(src, k, ln.end)
			}
		}
	}
	return out
}

// hasGutter reports whether every line after the first that is not blank
// starts with a "*".
func hasGutter(src string, lines []line) bool {
	n := 0
	for _, ln := range lines[1:] {
		if ln.blank() || isDirectiveLine(src[ln.text:ln.end]) {
			continue // a directive line a disable action wrote has no gutter
		}
		if src[ln.text] != '*' {
			return false
		}
		n++
	}
	return n > 0
}

func makeLine(src string, start, end int) line {
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\r') {
		end--
	}
	ln := line{start: start, end: end, text: start}
	for ln.text < end && (src[ln.text] == ' ' || src[ln.text] == '\t') {
		if src[ln.text] == '\t' {
			ln.indent += 4
		} else {
			ln.indent++
		}
		ln.text++
	}
	return ln
}

// isDirectiveLine reports whether a line of a block comment is a liaison
// directive written as a line comment.
func isDirectiveLine(t string) bool {
	for _, p := range []string{"// liaison-", "# liaison-", "-- liaison-", "liaison-"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}
