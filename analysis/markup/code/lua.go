package code

// Lua: -- line comments and --[[ … ]] / --[==[ … ]==] block comments,
// outside "…", '…' and [[ … ]] / [==[ … ]==] long strings.

func lexLua(src string) []Comment {
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
		case c == '-' && hasPrefixAt(src, i, "--"):
			if n := longBracket(src, i+2); n > 0 {
				textEnd, end := longBracketEnd(src, i+2+n, n-2)
				out = append(out, Comment{Start: i, End: end, TextStart: i + 2 + n, TextEnd: textEnd, Style: BlockComment, Trailing: lineCode, Cut: !lineCode})
				i = end
				continue
			}
			end := lineContentEnd(src, i)
			out = append(out, Comment{Start: i, End: end, TextStart: i + 2, TextEnd: end, Style: LineComment, Trailing: lineCode, Cut: !lineCode})
			i = end
		case c == '"' || c == '\'':
			i = skipQuoted(src, i+1, c, false)
			lineCode = true
		case c == '[':
			if n := longBracket(src, i); n > 0 {
				_, i = longBracketEnd(src, i+n, n-2)
			} else {
				i++
			}
			lineCode = true
		default:
			i++
			lineCode = true
		}
	}
	return out
}

// longBracket returns the length of a long bracket opening ([[, [=[, …) at
// i, or 0.
func longBracket(src string, i int) int {
	if i >= len(src) || src[i] != '[' {
		return 0
	}
	j := i + 1
	for j < len(src) && src[j] == '=' {
		j++
	}
	if j < len(src) && src[j] == '[' {
		return j + 1 - i
	}
	return 0
}

// longBracketEnd finds the closing bracket with level equal signs from i
// and returns where it starts and ends (the end of src when unclosed).
func longBracketEnd(src string, i, level int) (start, end int) {
	for j := i; j < len(src); j++ {
		if src[j] != ']' {
			continue
		}
		k := j + 1
		for k < len(src) && src[k] == '=' {
			k++
		}
		if k-j-1 == level && k < len(src) && src[k] == ']' {
			return j, k + 1
		}
	}
	return len(src), len(src)
}
