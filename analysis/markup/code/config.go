package code

// YAML and TOML: # comments outside quoted strings, and in YAML outside
// block scalars (| and >), whose lines are text whatever they hold.

func lexYAML(src string) []Comment {
	var out []Comment
	scalarIndent := -1 // inside a block scalar: its parent's indentation
	for pos := 0; pos < len(src); {
		end := lineContentEnd(src, pos)
		next := nextLineStart(src, end)
		indent := 0
		for pos+indent < end && src[pos+indent] == ' ' {
			indent++
		}
		blank := pos+indent == end || (src[pos+indent] == '\t' && isBlankRun(src[pos+indent:end]))
		if scalarIndent >= 0 {
			if blank || indent > scalarIndent {
				pos = next
				continue
			}
			scalarIndent = -1
		}
		lineCode := false
		valueStart := true // a quote here opens a quoted scalar
		for i := pos; i < end; {
			c := src[i]
			switch {
			case c == ' ' || c == '\t':
				i++
				continue
			case c == '#' && (i == pos || src[i-1] == ' ' || src[i-1] == '\t'):
				out = append(out, Comment{Start: i, End: end, TextStart: i + 1, TextEnd: end, Style: LineComment, Trailing: lineCode, Cut: !lineCode})
				i = end
				continue
			case (c == '"' || c == '\'') && valueStart:
				j := yamlQuoted(src, i)
				if j > end {
					// A quoted scalar that spans lines: go on after it.
					end = lineContentEnd(src, j)
					next = nextLineStart(src, end)
				}
				i = j
				lineCode, valueStart = true, false
				continue
			case (c == '|' || c == '>') && valueStart && blockScalarHeader(src[i+1:end]):
				scalarIndent = indent
				i = end
				continue
			case c == '-' || c == '?' || c == ':':
				if i+1 == end || src[i+1] == ' ' || src[i+1] == '\t' {
					valueStart = true
					lineCode = true
					i++
					continue
				}
			case c == '[' || c == '{' || c == ',':
				valueStart = true
				lineCode = true
				i++
				continue
			}
			valueStart = false
			lineCode = true
			i++
		}
		pos = next
	}
	return out
}

// yamlQuoted returns the end of the quoted scalar whose quote is at i.
func yamlQuoted(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			if q == '\'' && j+1 < len(src) && src[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(src)
}

// blockScalarHeader reports whether what follows a | or > makes it a block
// scalar's header: indentation and chomping indicators, then nothing or a
// comment.
func blockScalarHeader(rest string) bool {
	i := 0
	for i < len(rest) && (rest[i] == '-' || rest[i] == '+' || (rest[i] >= '1' && rest[i] <= '9')) {
		i++
	}
	if i == len(rest) {
		return true
	}
	if rest[i] != ' ' && rest[i] != '\t' {
		return false
	}
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	return i == len(rest) || rest[i] == '#'
}

func isBlankRun(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\r' {
			return false
		}
	}
	return true
}

// nextLineStart returns the start of the line after the one whose content
// ends at end.
func nextLineStart(src string, end int) int {
	if end < len(src) && src[end] == '\r' {
		end++
	}
	if end < len(src) && src[end] == '\n' {
		end++
	}
	return end
}

func lexTOML(src string) []Comment {
	var out []Comment
	lineCode := false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			lineCode = false
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			end := lineContentEnd(src, i)
			out = append(out, Comment{Start: i, End: end, TextStart: i + 1, TextEnd: end, Style: LineComment, Trailing: lineCode, Cut: !lineCode})
			i = end
		case c == '"' || c == '\'':
			if hasPrefixAt(src, i, string([]byte{c, c, c})) {
				i = skipTo(src, i+3, string([]byte{c, c, c}))
				// """a"""" ends with the last three quotes of the run.
				for i < len(src) && src[i] == c {
					i++
				}
			} else if c == '"' {
				i = skipQuoted(src, i+1, '"', false)
			} else {
				j := i + 1
				for j < len(src) && src[j] != '\'' && src[j] != '\n' {
					j++
				}
				i = min(j+1, len(src))
			}
			lineCode = true
		default:
			i++
			lineCode = true
		}
	}
	return out
}
