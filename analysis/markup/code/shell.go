package code

import "strings"

// Shell (sh, bash, zsh): # starts a comment only at the start of a word,
// outside quotes, parameter expansions (${#x}, $#) and here-documents.

// shellLexer keeps the here-documents whose bodies start at the next line
// break.
type shellLexer struct {
	src     string
	out     []Comment
	pending []heredoc
}

type heredoc struct {
	delim     string
	stripTabs bool // <<- lets the body and the delimiter be indented by tabs
}

func lexShell(src string) []Comment {
	lx := &shellLexer{src: src}
	lx.code(0, 0)
	return lx.out
}

// code lexes from i; inside $( … ) (depth > 0) it returns after the ) that
// closes it.
func (lx *shellLexer) code(i, depth int) int {
	src := lx.src
	lineCode := false
	parens := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			i++
			lineCode = false
			if len(lx.pending) > 0 {
				i = lx.heredocBodies(i)
			}
		case c == '\\':
			i += 2
			lineCode = true
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#' && (i == 0 || isShellBreak(src[i-1])):
			end := lineContentEnd(src, i)
			lx.out = append(lx.out, Comment{Start: i, End: end, TextStart: i + 1, TextEnd: end, Style: LineComment,
				Trailing: lineCode, Cut: !lineCode && depth == 0 && len(lx.pending) == 0})
			i = end
		case c == '\'':
			i = skipTo(src, i+1, "'")
			lineCode = true
		case c == '"':
			i = lx.doubleQuoted(i+1, depth)
			lineCode = true
		case c == '`':
			i = skipQuoted(src, i+1, '`', true)
			lineCode = true
		case c == '$' && i+1 < len(src) && src[i+1] == '\'':
			i = skipQuoted(src, i+2, '\'', true)
			lineCode = true
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			i = skipBraces(src, i+1)
			lineCode = true
		case c == '$' && i+1 < len(src) && src[i+1] == '(' && depth < maxNesting:
			i = lx.code(i+2, depth+1)
			lineCode = true
		case c == '$':
			i++ // $# and $' are parameters, not a comment or a quote
			if i < len(src) && src[i] != '\n' {
				i++
			}
			lineCode = true
		case c == '<' && hasPrefixAt(src, i, "<<") && !hasPrefixAt(src, i, "<<<"):
			i = lx.heredocStart(i + 2)
			lineCode = true
		case c == '(':
			parens++
			i++
			lineCode = true
		case c == ')':
			if depth > 0 && parens == 0 {
				return i + 1
			}
			if parens > 0 {
				parens--
			}
			i++
			lineCode = true
		default:
			i++
			lineCode = true
		}
	}
	return min(i, len(src))
}

func isShellBreak(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ';', '|', '&', '(', ')', '<', '>':
		return true
	}
	return false
}

// doubleQuoted skips a "…" string from just after its quote; command
// substitutions in it are lexed as code.
func (lx *shellLexer) doubleQuoted(i, depth int) int {
	src := lx.src
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1
		case '`':
			i = skipQuoted(src, i+1, '`', true)
			continue
		case '$':
			if i+1 < len(src) && src[i+1] == '(' && depth < maxNesting {
				i = lx.code(i+2, depth+1)
				continue
			}
			if i+1 < len(src) && src[i+1] == '{' {
				i = skipBraces(src, i+1)
				continue
			}
		}
		i++
	}
	return len(src)
}

// skipBraces skips a balanced {…} from its { at i.
func skipBraces(src string, i int) int {
	level := 0
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				return i + 1
			}
		}
	}
	return len(src)
}

// heredocStart reads the delimiter word after << (or <<-) at i and queues
// the body for the next line break.
func (lx *shellLexer) heredocStart(i int) int {
	src := lx.src
	h := heredoc{}
	if i < len(src) && src[i] == '-' {
		h.stripTabs = true
		i++
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	var word []byte
	for i < len(src) {
		c := src[i]
		if c == '\'' || c == '"' {
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				j++
			}
			word = append(word, src[i+1:j]...)
			i = min(j+1, len(src))
			continue
		}
		if c == '\\' && i+1 < len(src) {
			word = append(word, src[i+1])
			i += 2
			continue
		}
		if isShellBreak(c) || c == '`' || c == '$' {
			break
		}
		word = append(word, c)
		i++
	}
	if len(word) > 0 && len(lx.pending) < maxNesting {
		h.delim = string(word)
		lx.pending = append(lx.pending, h)
	}
	return i
}

// heredocBodies skips the bodies of the pending here-documents from the
// line at i and returns the start of the line after the last delimiter.
func (lx *shellLexer) heredocBodies(i int) int {
	i = skipHeredocs(lx.src, i, lx.pending, "\t") // <<- strips tabs only
	lx.pending = lx.pending[:0]
	return i
}

// skipHeredocs skips the bodies of the here-documents pending, in order,
// from the line at i, and returns the start of the line after the last
// one's delimiter. A here-document with stripTabs may indent its
// delimiter line with the bytes of indent.
func skipHeredocs(src string, i int, pending []heredoc, indent string) int {
	for _, h := range pending {
		for i < len(src) {
			end := lineContentEnd(src, i)
			line := src[i:end]
			if h.stripTabs {
				line = strings.TrimLeft(line, indent)
			}
			next := end
			if next < len(src) && src[next] == '\r' {
				next++
			}
			if next < len(src) {
				next++
			}
			i = next
			if line == h.delim {
				break
			}
		}
	}
	return i
}
