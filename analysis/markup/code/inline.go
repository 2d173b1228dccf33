package code

import (
	"html"
	"strings"
)

// appendInline adds the pieces of one line of prose, src[s:e]: code and
// identifiers become placeholders, markup tags leave nothing, entities
// are decoded, the rest is verbatim.
//
// It also reports whether the line ends inside a tag that goes on on the
// next line.
func appendInline(ps []Piece, src string, s, e int) ([]Piece, bool) {
	openTag := false
	verbatim := func(a, b int) {
		if a >= b {
			return
		}
		if n := len(ps); n > 0 && ps[n-1].Kind == Verbatim && ps[n-1].End == a {
			ps[n-1].End = b
			return
		}
		ps = append(ps, Piece{Start: a, End: b, Kind: Verbatim})
	}
	placeholder := func(a, b int) {
		if n := len(ps); n > 0 && ps[n-1].Kind == Placeholder && ps[n-1].End == a {
			ps[n-1].End = b // one placeholder for code written without a break
			return
		}
		ps = append(ps, Piece{Start: a, End: b, Kind: Placeholder})
	}
	for i := s; i < e; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			verbatim(i, i+1)
			i++
			continue
		case c == '`':
			if j := closeBackticks(src, i, near(i, e)); j > 0 {
				// A reST role (:class:`Foo`) is part of the code it marks.
				placeholder(i, j)
				i = j
				continue
			}
		case c == ':' && roleEnd(src, i, e) > 0:
			// A reST role and its target, :func:`check`, are code.
			j := roleEnd(src, i, e)
			if k := closeBackticks(src, j, near(j, e)); k > 0 {
				placeholder(i, k)
				i = k
				continue
			}
		case c == '{' && i+1 < e && src[i+1] == '@':
			if j := matchBrace(src, i, near(i, e)); j > 0 {
				if strings.HasPrefix(src[i:j], "{@inheritDoc") {
					i = j
					continue
				}
				if label := linkLabel(src, i, j); label > 0 {
					// {@link Foo the label}: the label is prose.
					ps, _ = appendInline(ps, src, label, j-1)
				} else {
					placeholder(i, j)
				}
				i = j
				continue
			}
		case c == '<':
			if j, code := tagAt(src, i, e); j > 0 {
				openTag = j == e && strings.IndexByte(src[i:e], '>') < 0
				if code {
					placeholder(i, j)
				}
				i = j
				continue
			}
		case c == '&':
			if j := entityEnd(src, i, e); j > 0 {
				ps = append(ps, Piece{Start: i, End: j, Kind: Decoded, Text: html.UnescapeString(src[i:j])})
				i = j
				continue
			}
		case c == '[':
			if j, textStart, textEnd := linkAt(src, i, near(i, e)); j > 0 {
				if textStart < 0 {
					placeholder(i, j)
				} else {
					ps, _ = appendInline(ps, src, textStart, textEnd)
				}
				i = j
				continue
			}
		}
		// A word: up to the next blank, brackets of a call included.
		j := i
		parens := 0
		for j < e && (parens == 0 || j < i+maxInline) {
			b := src[j]
			if b == '(' && (parens > 0 || j > i && isIdentByte(src[j-1])) {
				parens++
			} else if b == ')' && parens > 0 {
				parens--
			} else if (b == ' ' || b == '\t') && parens == 0 {
				break
			} else if j > i && parens == 0 && ((b == '`' || b == '[') && !isIdentByte(src[j-1]) || b == '<' && tagEnd(src, j, e) > 0 || b == '&' && entityEnd(src, j, e) > 0 || b == '{' && j+1 < e && src[j+1] == '@') {
				break
			}
			j++
		}
		if parens > 0 {
			// An unclosed parenthesis: only up to the blank.
			j = i
			for j < e && src[j] != ' ' && src[j] != '\t' {
				j++
			}
		}
		if j == i {
			j = i + 1
		}
		if w := src[i:j]; w == "/*" || w == "*/" {
			// The markers of a nested block comment.
			for j < e && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			i = j
			continue
		}
		if q := quotedName(src, i, j); q > 0 {
			// 'old', a name in single quotes, is code.
			placeholder(i, q)
			verbatim(q, j)
			i = j
			continue
		}
		a, b := trimWord(src, i, j)
		if strings.ContainsAny(src[a:b], "=(") && isIdentifier(src[a:b]) {
			// key="" and f("x") keep their quotes, and a call its closing
			// bracket, but not one that closes a bracket opened before.
			open, closed := strings.Count(src[a:b], "("), strings.Count(src[a:b], ")")
			for b < j && (src[b] == '"' || src[b] == '\'' || src[b] == ')' && open > closed) {
				if src[b] == ')' {
					closed++
				}
				b++
			}
		}
		verbatim(i, a)
		if a < b && isIdentifier(src[a:b]) {
			placeholder(a, b)
		} else {
			verbatim(a, b)
		}
		verbatim(b, j)
		i = j
	}
	return ps, openTag
}

// quotedName returns the end of a word in single quotes, 'name', that
// src[i:j] starts with (sentence punctuation may follow), or 0.
func quotedName(src string, i, j int) int {
	for j > i && strings.IndexByte(".,;:!?)", src[j-1]) >= 0 {
		j--
	}
	if j-i < 3 || src[i] != '\'' || src[j-1] != '\'' || strings.IndexByte(src[i+1:j-1], '\'') >= 0 {
		return 0
	}
	return j
}

// maxInline bounds how far an inline construct (a code span, a {@tag}, a
// link, a call's brackets) is looked for past its opening, which keeps a
// line's reading linear: real ones are far shorter.
const maxInline = 256

func near(i, e int) int { return min(e, i+maxInline) }

// trimWord leaves out the punctuation around a word: opening brackets and
// quotes before, sentence punctuation and closing ones after (a call's
// brackets stay).
func trimWord(src string, a, b int) (int, int) {
	for a < b && strings.IndexByte(`("'*_`, src[a]) >= 0 {
		a++
	}
	open, closed := strings.Count(src[a:b], "("), strings.Count(src[a:b], ")")
	for b > a {
		c := src[b-1]
		if c == ')' && open >= closed {
			break
		}
		if strings.IndexByte(`.,;:!?)"'*_`, c) < 0 {
			break
		}
		if c == ')' {
			closed--
		}
		b--
	}
	return a, b
}

// isIdentifier reports whether a word is code rather than English: it has
// an inner capital (ParseFile, newFoo, HTTPServer), an underscore
// (snake_case, __init__), a dot or :: between names (os.Open, std::mem),
// call brackets (f(), f(x)), a sigil ($HOME, @Override, %s, --force), a
// path or URL, an =, or letters and digits mixed (utf8, u32).
func isIdentifier(w string) bool {
	if len(w) < 2 {
		return false
	}
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
		return true
	}
	switch w[0] {
	case '$', '@', '%', '#', '/', '~', '\\', '.':
		return len(w) > 1 && (isLetter(w[1]) || w[1] == '{' || w[1] == '/' || w[1] == '.' || w[1] == '_')
	case '-':
		return strings.HasPrefix(w, "--") && len(w) > 2 && isLetter(w[2])
	}
	if strings.ContainsAny(w, "_=(){}[]<>\\") || strings.Contains(w, "::") || strings.Contains(w, "->") {
		return strings.IndexFunc(w, func(r rune) bool { return r < 0x80 && isLetter(byte(r)) }) >= 0
	}
	if strings.Contains(w, "/") && (strings.Contains(w, ".") || strings.Count(w, "/") > 1) {
		return true
	}
	// Inner capitals: a lower-case letter then a capital, or two capitals
	// then lower case other than a plural "s" (URLs, APIs stay words).
	// A possessive "'s" does not count.
	core := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	for i := 1; i < len(core); i++ {
		c, p := core[i], core[i-1]
		if isUpper(c) && isLower(p) {
			return true
		}
		if isLower(c) && isUpper(p) && i >= 2 && isUpper(core[i-2]) && core[i:] != "s" {
			return true
		}
		if isDigit(c) && isLetter(p) {
			return true
		}
	}
	if k := strings.IndexByte(core, '.'); k > 0 && k < len(core)-1 {
		parts := strings.Split(core, ".")
		long := false
		for _, p := range parts {
			if p == "" {
				return false
			}
			if len(p) >= 2 {
				long = true
			}
		}
		return long
	}
	return false
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// roleEnd returns the end of a reST role (:func:, :py:meth:) at i that
// a backtick follows, or 0.
func roleEnd(src string, i, e int) int {
	j := i + 1
	e = near(i, e)
	for j < e && (isLetter(src[j]) || isDigit(src[j]) || src[j] == ':' || src[j] == '-' || src[j] == '+') {
		j++
	}
	if j > i+2 && j < e && src[j] == '`' && src[j-1] == ':' {
		return j
	}
	return 0
}

// closeBackticks returns the end of the code span opened by the backticks
// at i, or 0 when they do not close on the line. A reST role written
// before the span (:meth:`x`) is taken in: the span starts at the role's
// colon, which the caller has already passed as a word, so only the span
// itself is returned here.
func closeBackticks(src string, i, e int) int {
	n := 0
	for i+n < e && src[i+n] == '`' {
		n++
	}
	fence := src[i : i+n]
	for j := i + n; j < e; {
		k := strings.Index(src[j:e], fence)
		if k < 0 {
			return 0
		}
		k += j
		m := k + n
		if m < e && src[m] == '`' {
			for m < e && src[m] == '`' {
				m++
			}
			j = m
			continue
		}
		if m < e && src[m] == '_' {
			m++ // a reST link `text`_
		}
		return m
	}
	return 0
}

// linkLabel returns where the label of {@link target label} starts, or 0
// when it has none.
func linkLabel(src string, i, j int) int {
	body := src[i+2 : j-1]
	if !strings.HasPrefix(body, "link ") && !strings.HasPrefix(body, "linkplain ") {
		return 0
	}
	// The target runs to the first blank outside its brackets:
	// {@link Foo#bar(String, int) the label}.
	k := i + 2 + strings.IndexByte(body, ' ')
	for k < j-1 && src[k] == ' ' {
		k++
	}
	parens := 0
	for k < j-1 && (parens > 0 || src[k] != ' ') {
		switch src[k] {
		case '(':
			parens++
		case ')':
			parens--
		}
		k++
	}
	for k < j-1 && src[k] == ' ' {
		k++
	}
	if k >= j-1 {
		return 0
	}
	return k
}

// htmlTags are the tags that doc comments write (Javadoc, C# XML doc);
// codeTags hold code.
var (
	htmlTags = map[string]bool{"p": true, "b": true, "i": true, "em": true, "strong": true, "a": true, "ul": true, "ol": true, "li": true,
		"br": true, "dl": true, "dt": true, "dd": true, "table": true, "tr": true, "td": true, "th": true, "h1": true, "h2": true, "h3": true,
		"h4": true, "h5": true, "h6": true, "blockquote": true, "div": true, "span": true, "sup": true, "sub": true, "u": true, "hr": true,
		"img": true, "small": true, "cite": true, "summary": true, "remarks": true, "param": true, "returns": true, "value": true,
		"example": true, "exception": true, "para": true, "list": true, "item": true, "term": true, "description": true, "typeparam": true,
		"inheritdoc": true, "include": true, "caption": true, "thead": true, "tbody": true}
	codeTags = map[string]bool{"code": true, "c": true, "tt": true, "var": true, "kbd": true, "samp": true, "see": true, "seealso": true,
		"paramref": true, "typeparamref": true, "pre": true}
)

func tagEnd(src string, i, e int) int {
	j, _ := tagAt(src, i, e)
	return j
}

// tagAt returns the end of the HTML or XML doc tag at i and whether it is
// code (a <code>…</code> span, <see cref="…"/>), or 0 when no known tag
// starts there. A URL in angle brackets is code too.
func tagAt(src string, i, e int) (int, bool) {
	j := i + 1
	if j < e && src[j] == '/' {
		j++
	}
	k := j
	for k < e && (isLetter(src[k]) || isDigit(src[k])) {
		k++
	}
	name := strings.ToLower(src[j:k])
	if name == "http" || name == "https" {
		if end := strings.IndexByte(src[i:e], '>'); end > 0 {
			return i + end + 1, true
		}
		return 0, false
	}
	if !htmlTags[name] && !codeTags[name] {
		return 0, false
	}
	if k < e && src[k] != '>' && src[k] != ' ' && src[k] != '/' {
		return 0, false
	}
	end := strings.IndexByte(src[k:near(k, e)], '>')
	if end < 0 && near(k, e) < e {
		return 0, false
	}
	if end < 0 {
		// The tag goes on on the next line (<a⏎ href="…">): the rest of
		// this line is its attributes; the reader skips the next line's
		// up to its >.
		return e, false
	}
	end += k + 1
	if !codeTags[name] || src[j-1] == '/' {
		return end, false
	}
	if src[end-2] == '/' {
		return end, true // <see cref="X"/>
	}
	closing := "</" + src[j:k] + ">"
	if c := strings.Index(strings.ToLower(src[end:near(end, e)]), strings.ToLower(closing)); c >= 0 {
		return end + c + len(closing), true
	}
	return end, false
}

// entityEnd returns the end of an HTML entity at i, or 0.
func entityEnd(src string, i, e int) int {
	j := i + 1
	if j < e && src[j] == '#' {
		j++
	}
	k := j
	for k < e && k-j < 10 && (isLetter(src[k]) || isDigit(src[k])) {
		k++
	}
	if k == j || k >= e || src[k] != ';' {
		return 0
	}
	if html.UnescapeString(src[i:k+1]) == src[i:k+1] {
		return 0
	}
	return k + 1
}

// linkAt reads a Markdown link or a doc link at i: [text](url),
// [text][ref], [text] and [`code`] / [Name] / [pkg.Name]. It returns its
// end and the range of its text, or a text start of -1 when the whole
// link is code (its text an identifier), or 0 when no link starts there.
func linkAt(src string, i, e int) (end, textStart, textEnd int) {
	k := strings.IndexByte(src[i+1:e], ']')
	if k < 0 {
		return 0, 0, 0
	}
	close := i + 1 + k
	text := src[i+1 : close]
	end = close + 1
	switch {
	case end < e && src[end] == '(':
		if p := strings.IndexByte(src[end:e], ')'); p > 0 {
			end += p + 1
		} else {
			return 0, 0, 0
		}
	case end < e && src[end] == '[':
		if p := strings.IndexByte(src[end:e], ']'); p > 0 {
			end += p + 1
		} else {
			return 0, 0, 0
		}
	}
	if text == "" || text[0] == ' ' || text[len(text)-1] == ' ' {
		// [ -t 1 ] is a shell test, not a link.
		return end, -1, 0
	}
	trimmed := strings.Trim(text, "`")
	if !strings.ContainsAny(trimmed, " \t") || strings.HasPrefix(text, "`") {
		if isIdentifier(trimmed) || strings.HasPrefix(text, "`") || (len(trimmed) > 0 && isUpper(trimmed[0])) || strings.ContainsAny(trimmed, ".:") {
			return end, -1, 0
		}
	}
	return end, i + 1, close
}
