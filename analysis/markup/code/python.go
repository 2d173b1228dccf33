package code

// Python: # comments, and docstrings — a string literal that is a
// statement of its own (the module's, a class's or a function's first
// statement, or an attribute's docstring after it). Every other string,
// whatever it holds, is code.

func lexPython(src string) []Comment {
	var out []Comment
	depth := 0        // open brackets: inside them a line break does not end a statement
	lineCode := false // code seen on this logical line
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 {
				lineCode = false
			}
			i++
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i += 2
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
		case c == '#':
			end := lineContentEnd(src, i)
			out = append(out, Comment{Start: i, End: end, TextStart: i + 1, TextEnd: end, Style: LineComment,
				Trailing: lineCode, Cut: !lineCode && depth == 0})
			i = end
		case c == '"' || c == '\'' || (isIdentByte(c) && pyStringAt(src, i) > 0):
			p := 0
			if c != '"' && c != '\'' {
				p = pyStringAt(src, i)
			}
			prefix := src[i : i+p]
			q := i + p
			end, textStart, textEnd := pyString(src, q)
			doc := !lineCode && depth == 0 && !hasByte(prefix, 'b', 'B', 'f', 'F', 't', 'T') && restOfLineEmpty(src, end)
			if doc {
				out = append(out, Comment{Start: i, End: end, TextStart: textStart, TextEnd: textEnd, Style: DocString, Cut: true})
			}
			lineCode = true
			i = end
		case c == '(' || c == '[' || c == '{':
			depth++
			lineCode = true
			i++
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
			lineCode = true
			i++
		case isIdentByte(c):
			for i < len(src) && isIdentByte(src[i]) {
				i++
			}
			lineCode = true
		default:
			lineCode = true
			i++
		}
	}
	return out
}

// pyStringAt returns the length of a string prefix (r, b, f, u, rb, …) at
// i that a quote follows, or 0.
func pyStringAt(src string, i int) int {
	if i > 0 && isIdentByte(src[i-1]) {
		return 0
	}
	for n := 1; n <= 2 && i+n < len(src); n++ {
		if !hasByte(src[i+n-1:i+n], 'r', 'R', 'b', 'B', 'f', 'F', 'u', 'U', 't', 'T') {
			return 0
		}
		if src[i+n] == '"' || src[i+n] == '\'' {
			return n
		}
	}
	return 0
}

// pyString skips the string whose quote is at q and returns its end and
// the range of its text. A backslash escapes the next byte, in raw strings
// too (r"\"" is a string of two bytes).
func pyString(src string, q int) (end, textStart, textEnd int) {
	quote := src[q]
	if q+2 < len(src) && src[q+1] == quote && src[q+2] == quote {
		for j := q + 3; j < len(src); j++ {
			switch {
			case src[j] == '\\':
				j++
			case src[j] == quote && j+2 < len(src) && src[j+1] == quote && src[j+2] == quote:
				return j + 3, q + 3, j
			}
		}
		return len(src), q + 3, len(src)
	}
	for j := q + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && src[j+1] == '\r' && j+2 < len(src) && src[j+2] == '\n' {
				j++
			}
			j++
		case '\n':
			return j, q + 1, j
		case quote:
			return j + 1, q + 1, j
		}
	}
	return len(src), q + 1, len(src)
}

// restOfLineEmpty reports whether only blanks or a comment follow i on
// its line.
func restOfLineEmpty(src string, i int) bool {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\r':
		case '\n', '#':
			return true
		case ';':
			return true
		default:
			return false
		}
	}
	return true
}

func hasByte(s string, bs ...byte) bool {
	for i := 0; i < len(s); i++ {
		for _, b := range bs {
			if s[i] == b {
				return true
			}
		}
	}
	return false
}
