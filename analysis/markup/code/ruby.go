package code

// Ruby: # comments and =begin … =end blocks, outside strings (with #{…}
// interpolation), %-literals, here-documents, regular expressions and
// character literals (?#); nothing after __END__.

type rubyLexer struct {
	src     string
	out     []Comment
	pending []heredoc
	prev    byte // the last significant byte of code, for / and ?
}

func lexRuby(src string) []Comment {
	lx := &rubyLexer{src: src}
	lx.code(0, 0)
	return lx.out
}

func (lx *rubyLexer) code(i, depth int) int {
	src := lx.src
	lineCode := false
	braces := 0
	for i < len(src) {
		c := src[i]
		if !lineCode && depth == 0 && (i == 0 || src[i-1] == '\n') {
			if hasPrefixAt(src, i, "=begin") && (i+6 == len(src) || !isIdentByte(src[i+6])) {
				i = lx.beginEnd(i)
				continue
			}
			if hasPrefixAt(src, i, "__END__") && lineContentEnd(src, i) == i+7 {
				return len(src)
			}
		}
		start := i
		switch {
		case c == '\n':
			i++
			lineCode = false
			if len(lx.pending) > 0 {
				i = lx.heredocBodies(i)
			}
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '\\':
			i += 2
		case c == '#':
			end := lineContentEnd(src, i)
			lx.out = append(lx.out, Comment{Start: i, End: end, TextStart: i + 1, TextEnd: end, Style: LineComment,
				Trailing: lineCode, Cut: !lineCode && depth == 0 && len(lx.pending) == 0})
			if !lineCode {
				lx.prev = 0
			}
			i = end
			continue
		case c == '"' || c == '`':
			i = lx.interpolated(i+1, c, 0, depth)
		case c == '\'':
			i = skipQuoted(src, i+1, '\'', true)
		case c == '%' && lx.operandExpected() && percentLiteral(src, i) > 0:
			i = lx.interpolated(percentLiteral(src, i), closerOf(src[percentLiteral(src, i)-1]), src[percentLiteral(src, i)-1], depth)
		case c == '/' && lx.operandExpected():
			i = lx.interpolated(i+1, '/', 0, depth)
		case c == '?' && lx.operandExpected() && i+1 < len(src) && src[i+1] != ' ' && src[i+1] != '\n' && (i+2 >= len(src) || !isIdentByte(src[i+2])):
			i += 2
		case c == '<' && hasPrefixAt(src, i, "<<") && lx.heredocAt(i+2):
			i = lx.heredocStart(i + 2)
		case c == '{' && depth > 0:
			braces++
			i++
		case c == '}' && depth > 0:
			if braces == 0 {
				return i + 1
			}
			braces--
			i++
		case isIdentByte(c):
			for i < len(src) && (isIdentByte(src[i]) || src[i] == '?' || src[i] == '!') {
				i++
			}
		default:
			i++
		}
		lineCode = true
		if i > start && i <= len(src) {
			lx.prev = src[i-1]
		}
	}
	return min(i, len(src))
}

// operandExpected reports whether the code before expects a value, so that
// / starts a regular expression and % a literal.
func (lx *rubyLexer) operandExpected() bool {
	switch lx.prev {
	case 0, '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^':
		return true
	}
	return false
}

func (lx *rubyLexer) beginEnd(i int) int {
	src := lx.src
	textStart := lineContentEnd(src, i)
	for pos := textStart; pos < len(src); {
		if src[pos] == '\r' {
			pos++
		}
		if pos < len(src) && src[pos] == '\n' {
			pos++
		}
		if hasPrefixAt(src, pos, "=end") && (pos+4 == len(src) || !isIdentByte(src[pos+4])) {
			end := lineContentEnd(src, pos)
			lx.out = append(lx.out, Comment{Start: i, End: end, TextStart: textStart, TextEnd: pos, Style: BlockComment, Cut: true})
			return end
		}
		pos = lineContentEnd(src, pos)
		if pos >= len(src) {
			break
		}
	}
	lx.out = append(lx.out, Comment{Start: i, End: len(src), TextStart: textStart, TextEnd: len(src), Style: BlockComment, Cut: true})
	return len(src)
}

// percentLiteral returns the offset after the opening delimiter of a
// %-literal (%q(…), %w[…], %(…)) at i, or 0.
func percentLiteral(src string, i int) int {
	j := i + 1
	if j < len(src) && hasByte(src[j:j+1], 'q', 'Q', 'w', 'W', 'i', 'I', 'r', 's', 'x') {
		j++
	}
	if j < len(src) && hasByte(src[j:j+1], '(', '[', '{', '<', '|', '!', '/') {
		return j + 1
	}
	return 0
}

func closerOf(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	case '<':
		return '>'
	}
	return open
}

// interpolated skips a string from i (after its opening delimiter) to its
// closing delimiter close, nesting open … close pairs when open differs
// from close, and lexing the code of each #{…} in it.
func (lx *rubyLexer) interpolated(i int, close, open byte, depth int) int {
	src := lx.src
	level := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '#' && i+1 < len(src) && src[i+1] == '{' && depth < maxNesting:
			i = lx.code(i+2, depth+1)
			continue
		case open != 0 && open != close && c == open:
			level++
		case c == close:
			if level == 0 {
				return i + 1
			}
			level--
		}
		i++
	}
	return len(src)
}

// heredocAt reports whether a here-document's delimiter follows << at i:
// <<~ or <<- and a word or quote, or an upper-case word or a quote (so
// that a << b and array << x stay operators).
func (lx *rubyLexer) heredocAt(i int) bool {
	src := lx.src
	if i < len(src) && (src[i] == '~' || src[i] == '-') {
		i++
		return i < len(src) && (isIdentByte(src[i]) || src[i] == '\'' || src[i] == '"')
	}
	return i < len(src) && ((src[i] >= 'A' && src[i] <= 'Z') || src[i] == '\'' || src[i] == '"')
}

func (lx *rubyLexer) heredocStart(i int) int {
	src := lx.src
	h := heredoc{}
	if i < len(src) && (src[i] == '~' || src[i] == '-') {
		h.stripTabs = true // the delimiter may be indented
		i++
	}
	if i < len(src) && (src[i] == '\'' || src[i] == '"' || src[i] == '`') {
		q := src[i]
		j := i + 1
		for j < len(src) && src[j] != q && src[j] != '\n' {
			j++
		}
		h.delim = src[i+1 : j]
		i = min(j+1, len(src))
	} else {
		j := i
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		h.delim = src[i:j]
		i = j
	}
	if h.delim != "" && len(lx.pending) < maxNesting {
		lx.pending = append(lx.pending, h)
	}
	return i
}

func (lx *rubyLexer) heredocBodies(i int) int {
	i = skipHeredocs(lx.src, i, lx.pending, " \t") // <<- and <<~ indent with either
	lx.pending = lx.pending[:0]
	return i
}
