package markup

import "strings"

// parseRST reads reStructuredText: paragraphs, section titles, list items
// (bullet, enumerated, definition), block quotes, footnotes, table cells
// (grid and simple tables) and the content of admonitions and other prose
// directives. Not prose: literal blocks (after "::"), doctest blocks,
// comments, hyperlink targets, substitution definitions, field lists,
// directives' arguments and options, the content of code, math, raw,
// include and unknown directives. Inline literals, roles other than the
// prose ones, substitutions, and bare URLs read as the placeholder word;
// a reference's text is kept and its target dropped.
//
// The scanner works on indentation as docutils does: a construct's body
// is the run of lines indented more than its first line.
func parseRST(src string) []Block {
	src = lfLines(src)
	p := rstParser{src: src, memo: closers{}}
	p.out.b.src = src
	var rl []rline
	for _, l := range splitLines(src) {
		rl = append(rl, p.rline(l))
	}
	p.blocks(rl[pepHeaderLines(src, rl):], Paragraph)
	return p.out.blocks
}

// rline is a line of a region: its content starts at start (after the
// region's indentation, or after a list marker) at column ind; a blank
// line has ind -1.
type rline struct{ start, end, ind int }

type rstParser struct {
	src  string
	out  blockList
	memo closers
}

func (p *rstParser) rline(l srcLine) rline {
	if l.blank(p.src) {
		return rline{l.start, l.end, -1}
	}
	return rline{l.firstNonBlank(p.src), l.end, l.indent(p.src)}
}

func (p *rstParser) text(l rline) string { return p.src[l.start:l.end] }

// indentedBody returns the end of the run of lines after i that are blank
// or indented more than ind, with trailing blank lines left out.
func indentedBody(rl []rline, i, ind int) int {
	j := i + 1
	last := i + 1
	for ; j < len(rl); j++ {
		if rl[j].ind < 0 {
			continue
		}
		if rl[j].ind <= ind {
			break
		}
		last = j + 1
	}
	return last
}

// blocks parses a region; kind is the kind of its paragraphs.
func (p *rstParser) blocks(rl []rline, kind BlockKind) {
	literalNext := false
	base := -1
	for i := 0; i < len(rl); {
		l := rl[i]
		if l.ind < 0 {
			i++
			continue
		}
		if base < 0 || l.ind < base {
			base = l.ind
		}
		t := p.text(l)
		if l.ind > base {
			// An indented block: a literal block after "::", else a quote.
			j := i
			for j < len(rl) && (rl[j].ind < 0 || rl[j].ind > base) {
				j++
			}
			if !literalNext {
				p.blocks(rl[i:j], Quote)
			}
			literalNext = false
			i = j
			continue
		}
		literalNext = false
		next := rline{ind: -1}
		if i+1 < len(rl) {
			next = rl[i+1]
		}
		switch {
		case t == ".." || strings.HasPrefix(t, ".. "):
			j := indentedBody(rl, i, l.ind)
			p.explicit(rl[i:j])
			i = j
			continue
		case strings.HasPrefix(t, "__ ") || t == "__":
			i = indentedBody(rl, i, l.ind) // an anonymous hyperlink target
			continue
		case strings.HasPrefix(t, ">>>"):
			for i < len(rl) && rl[i].ind >= 0 {
				i++
			}
			continue
		case isAdornment(t) && next.ind >= 0 && i+2 < len(rl) && rl[i+2].ind >= 0 && p.text(rl[i+2]) == strings.TrimSpace(t):
			// Overline, title, underline.
			p.inline(next.start, next.end)
			p.out.emit(Heading, next.start, next.end)
			i += 3
			continue
		case isAdornment(t) && len(strings.TrimSpace(t)) >= 4:
			i++ // a transition
			continue
		case next.ind == l.ind && isAdornment(p.text(next)) && !isAdornment(t) && len(strings.TrimSpace(p.text(next))) >= 2:
			p.inline(l.start, l.end)
			p.out.emit(Heading, l.start, l.end)
			i += 2
			continue
		case strings.HasPrefix(t, "+-") || strings.HasPrefix(t, "+="):
			j := i
			for j < len(rl) && rl[j].ind >= 0 && (p.src[rl[j].start] == '+' || p.src[rl[j].start] == '|') {
				j++
			}
			p.gridTable(rl[i:j])
			i = j
			continue
		case isSimpleTableBorder(t):
			j, borders := i+1, 1
			for ; j < len(rl); j++ {
				if rl[j].ind >= 0 && isSimpleTableBorder(p.text(rl[j])) {
					borders++
					if borders >= 2 && (j+1 >= len(rl) || rl[j+1].ind < 0) {
						break
					}
				}
			}
			if j >= len(rl) {
				i++ // never closed: not a table
				continue
			}
			p.simpleTable(rl[i : j+1])
			i = j + 1
			continue
		case isFieldMarker(t):
			i = indentedBody(rl, i, l.ind)
			continue
		}
		if n := listMarkerLen(t); n > 0 {
			j := indentedBody(rl, i, l.ind)
			item := append([]rline(nil), rl[i:j]...)
			s := l.start + n
			for s < l.end && (p.src[s] == ' ' || p.src[s] == '\t') {
				s++
			}
			if s == l.end {
				item[0] = rline{l.end, l.end, -1}
			} else {
				item[0] = rline{s, l.end, l.ind + (s - l.start)}
			}
			p.blocks(item, ListItem)
			i = j
			continue
		}
		if strings.HasPrefix(t, "| ") || t == "|" {
			// A line block: each line is a line of the paragraph.
			j := i
			for j < len(rl) && rl[j].ind >= 0 {
				j++
			}
			for _, ll := range rl[i:j] {
				s := ll.start
				if strings.HasPrefix(p.text(ll), "|") {
					s++
				}
				p.inline(s, ll.end)
				p.out.b.atomic(" ", ll.end, ll.end, false)
			}
			p.out.emit(kind, rl[i].start, rl[j-1].end)
			i = j
			continue
		}
		// A paragraph: lines at this indentation up to a blank line.
		j := i + 1
		for j < len(rl) && rl[j].ind == l.ind {
			j++
		}
		if j < len(rl) && rl[j].ind > l.ind {
			// A definition list item: term lines, then the definition.
			p.inline(l.start, rl[j-1].end)
			p.out.emit(kind, l.start, rl[j-1].end)
			k := j
			for k < len(rl) && (rl[k].ind < 0 || rl[k].ind > l.ind) {
				k++
			}
			for k > j && rl[k-1].ind < 0 {
				k--
			}
			p.blocks(rl[j:k], kind)
			i = k
			continue
		}
		end := rl[j-1].end
		if strings.HasSuffix(p.src[l.start:end], "::") {
			literalNext = true
			end -= 1 // "Example::" reads "Example:"
			if e := strings.TrimRight(p.src[l.start:end-1], " \t"); len(e) < end-1-l.start || e == "" {
				end = l.start + len(e) // "Example ::" and a lone "::" lose it all
			}
		}
		p.inline(l.start, end)
		p.out.emit(kind, l.start, end)
		i = j
	}
}

// isAdornment reports whether t is a section adornment: one punctuation
// character repeated.
func isAdornment(t string) bool {
	t = strings.TrimRight(t, " \t")
	if len(t) < 2 || !isASCIIPunct(t[0]) {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] != t[0] {
			return false
		}
	}
	return true
}

// isSimpleTableBorder matches "=====  =====  ====".
func isSimpleTableBorder(t string) bool {
	t = strings.TrimRight(t, " \t")
	if !strings.HasPrefix(t, "=") || !strings.Contains(t, " ") {
		return false
	}
	return strings.Trim(t, "= ") == ""
}

// isFieldMarker matches a field list item ":Name: body".
func isFieldMarker(t string) bool {
	if len(t) < 3 || t[0] != ':' || t[1] == ' ' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] == '`' {
			return false // a role, not a field
		}
		if t[i] == ':' && t[i-1] != '\\' {
			return i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t'
		}
	}
	return false
}

// listMarkerLen returns the length of a bullet or enumerator that starts t
// and is followed by a blank or the end of the line, or 0.
func listMarkerLen(t string) int {
	spaced := func(n int) int {
		if n < len(t) && t[n] != ' ' && t[n] != '\t' {
			return 0
		}
		return n
	}
	if t == "" {
		return 0
	}
	if strings.IndexByte("-*+", t[0]) >= 0 {
		return spaced(1)
	}
	if strings.HasPrefix(t, "•") || strings.HasPrefix(t, "‣") {
		return spaced(3)
	}
	i := 0
	paren := t[0] == '('
	if paren {
		i++
	}
	s := i
	switch {
	case i < len(t) && t[i] == '#':
		i++
	case i < len(t) && isDigit(t[i]):
		for i < len(t) && isDigit(t[i]) {
			i++
		}
	case i < len(t) && isLetter(t[i]):
		for i < len(t) && i-s < 5 && strings.IndexByte("ivxlcdmIVXLCDM", t[i]) >= 0 {
			i++
		}
		if i == s {
			i++ // one letter
		} else if i-s > 1 && i < len(t) && isLetter(t[i]) {
			return 0
		}
	default:
		return 0
	}
	if i >= len(t) {
		return 0
	}
	switch {
	case paren && t[i] == ')':
	case !paren && (t[i] == '.' || t[i] == ')'):
	default:
		return 0
	}
	if n := spaced(i + 1); n > 0 && n < len(t) {
		return n
	}
	return 0
}

// explicit handles an explicit markup construct (lines starting "..").
func (p *rstParser) explicit(rl []rline) {
	first := rl[0]
	t := p.text(first)
	rest := strings.TrimLeft(strings.TrimPrefix(t, ".."), " ")
	restStart := first.end - len(rest)
	switch {
	case strings.HasPrefix(rest, "["):
		// A footnote or citation: ".. [1] text".
		close := strings.IndexByte(rest, ']')
		if close < 0 {
			return
		}
		s := restStart + close + 1
		for s < first.end && (p.src[s] == ' ' || p.src[s] == '\t') {
			s++
		}
		body := append([]rline(nil), rl...)
		if s == first.end {
			body[0] = rline{s, s, -1}
		} else {
			body[0] = rline{s, first.end, first.ind + 3 + close + 1}
			if len(body) > 1 && body[1].ind >= 0 {
				body[0].ind = body[1].ind
			}
		}
		p.blocks(body, Footnote)
	case strings.HasPrefix(rest, "_") || strings.HasPrefix(rest, "|"):
		// A hyperlink target or a substitution definition.
	default:
		dc := strings.Index(rest, "::")
		if dc <= 0 || strings.ContainsAny(rest[:dc], " \t`") {
			return // a comment
		}
		p.directive(strings.ToLower(rest[:dc]), restStart+dc+2, first, rl[1:])
	}
}

// rstProseDirectives are the directives whose content is prose; titled
// ones take their argument as a title.
var rstProseDirectives = map[string]bool{
	"note": true, "warning": true, "tip": true, "hint": true, "important": true, "caution": true,
	"danger": true, "attention": true, "error": true, "seealso": true, "admonition": true,
	"topic": true, "sidebar": true, "rubric": true, "epigraph": true, "highlights": true,
	"pull-quote": true, "container": true, "compound": true, "figure": true, "list-table": true,
	"deprecated": true, "versionadded": true, "versionchanged": true, "versionremoved": true,
	"only": true, "table": true, "glossary": true, "centered": true, "hlist": true,
}

// rstTitledDirectives take their argument as a title (prose); for the
// version directives the argument is a version number.
var rstTitledDirectives = map[string]bool{
	"admonition": true, "topic": true, "sidebar": true, "rubric": true, "table": true, "centered": true,
}

// rstArgIsContent are the admonitions whose text may start on the
// directive's own line.
var rstArgIsContent = map[string]bool{
	"note": true, "warning": true, "tip": true, "hint": true, "important": true, "caution": true,
	"danger": true, "attention": true, "error": true, "seealso": true,
}

func (p *rstParser) directive(name string, argStart int, first rline, body []rline) {
	if !rstProseDirectives[name] {
		return
	}
	argEnd := first.end
	as, ae := trimRange(p.src, argStart, argEnd)
	// Options: the field list that opens the body.
	k := 0
	for k < len(body) && body[k].ind >= 0 && isFieldMarker(p.text(body[k])) {
		k++
		for k < len(body) && body[k].ind > body[k-1].ind && !isFieldMarker(p.text(body[k])) {
			k++
		}
	}
	if k == 0 && as < ae && !rstArgIsContent[name] {
		// The argument may go on over the following lines, up to a blank.
		for k < len(body) && body[k].ind >= 0 && !isFieldMarker(p.text(body[k])) {
			ae = body[k].end
			k++
		}
	}
	content := body[k:]
	if as < ae {
		switch {
		case rstTitledDirectives[name]:
			p.inline(as, ae)
			p.out.emit(Heading, as, ae)
		case rstArgIsContent[name]:
			ind := first.ind + 3
			if len(content) > 0 && content[0].ind >= 0 {
				ind = content[0].ind
			}
			content = append([]rline{{as, ae, ind}}, content...)
		}
	}
	p.blocks(content, Paragraph)
}

// gridTable reads a grid table: each row's cells, one block per cell and
// line of the row (a cell over several lines gives several blocks).
func (p *rstParser) gridTable(rl []rline) {
	if len(rl) == 0 {
		return
	}
	border := p.text(rl[0])
	for _, l := range rl {
		t := p.text(l)
		if strings.HasPrefix(t, "+") {
			border = t
			continue
		}
		// Cut the line at the border's "+" columns where the row has "|".
		from := 1
		for c := 1; c <= len(t); c++ {
			if c == len(t) || (c < len(border) && border[c] == '+' && t[c] == '|') {
				s, e := trimRange(p.src, l.start+from, l.start+min(c, len(t)))
				if s < e {
					p.inline(s, e)
					p.out.emit(TableCell, s, e)
				}
				from = c + 1
			}
		}
	}
}

// simpleTable reads a simple table: columns are the runs of "=" of its
// first border; each cell on each line is a block (the last column takes
// the rest of the line).
func (p *rstParser) simpleTable(rl []rline) {
	if len(rl) == 0 {
		return
	}
	border := p.text(rl[0])
	var cols [][2]int
	for i := 0; i < len(border); {
		if border[i] != '=' {
			i++
			continue
		}
		j := i
		for j < len(border) && border[j] == '=' {
			j++
		}
		cols = append(cols, [2]int{i, j})
		i = j
	}
	for _, l := range rl[1:] {
		if l.ind < 0 {
			continue
		}
		t := p.text(l)
		if isSimpleTableBorder(t) || isAdornment(t) {
			continue
		}
		// Border column c is at this offset on the row line.
		at := func(c int) int { return l.start + rl[0].ind + c - l.ind }
		for ci, c := range cols {
			s, e := at(c[0]), l.end
			if ci+1 < len(cols) {
				e = at(cols[ci+1][0])
			}
			s, e = max(s, l.start), min(e, l.end)
			if s >= e {
				continue
			}
			s, e = trimRange(p.src, s, e)
			if s < e {
				p.inline(s, e)
				p.out.emit(TableCell, s, e)
			}
		}
	}
}

// rstProseRoles are the interpreted-text roles whose content is prose.
var rstProseRoles = map[string]bool{
	"term": true, "emphasis": true, "strong": true, "abbr": true, "dfn": true, "sub": true,
	"sup": true, "subscript": true, "superscript": true, "title-reference": true, "t": true,
	"title": true, "guilabel": true,
}

// rstStartOK reports whether inline markup may start at i: at the start,
// or after a blank or opening punctuation, and followed by a non-blank.
func (p *rstParser) startOK(i, lo int) bool {
	if i > lo {
		c := p.src[i-1]
		if !isSpace(c) && strings.IndexByte("'\"([{<-/:", c) < 0 {
			return false
		}
	}
	return true
}

// endOK reports whether an end-string ending at e (exclusive) may end
// inline markup: followed by the end, a blank or closing punctuation.
func (p *rstParser) endOK(e, hi int) bool {
	if e >= hi {
		return true
	}
	c := p.src[e]
	return isSpace(c) || strings.IndexByte("'\")]}>-/:.,;!?\\", c) >= 0 || c >= 0x80
}

// findEnd finds delim after i (the content starts at i and must not start
// with a blank), not preceded by a blank, and at a valid end; it returns
// the delimiter's offset or -1.
func (p *rstParser) findEnd(i, hi int, delim string) int {
	if i >= hi || isSpace(p.src[i]) {
		return -1
	}
	k := p.memo.find(delim, i+1, hi, func(from int) int {
		for j := from; j < hi; {
			k := strings.Index(p.src[j:hi], delim)
			if k < 0 {
				return -1
			}
			k += j
			e := k + len(delim)
			if !isSpace(p.src[k-1]) && p.src[k-1] != '\\' && (p.endOK(e, hi) || (delim == "`" && (p.src[e] == '_' || p.src[e] == ':'))) {
				return k
			}
			j = k + 1
		}
		return -1
	})
	if k < 0 || k-i > inlineReach {
		return -1
	}
	return k
}

// inline adds the prose of the source range [lo, hi).
func (p *rstParser) inline(lo, hi int) {
	b := &p.out.b
	from := lo
	flush := func(to int) { rawText(b, from, to) }
	for i := lo; i < hi; {
		c := p.src[i]
		switch {
		case c == '\\' && i+1 < hi:
			flush(i)
			if isSpace(p.src[i+1]) {
				i += 2
			} else {
				n := runeLen(p.src, i+1)
				b.atomic(p.src[i+1:i+1+n], i, i+1+n, false)
				i += 1 + n
			}
			from = i
			continue
		case c == '`' && p.startOK(i, lo):
			if strings.HasPrefix(p.src[i:hi], "``") {
				if e := p.findEnd(i+2, hi, "``"); e >= 0 {
					flush(i)
					e = compoundEnd(p.src, e+2, hi)
					placeholder(b, i, e)
					i, from = e, e
					continue
				}
				break
			}
			e := p.findEnd(i+1, hi, "`")
			if e < 0 {
				break
			}
			flush(i)
			end := e + 1
			role := ""
			switch {
			case strings.HasPrefix(p.src[end:hi], "__"):
				end += 2
				role = "ref"
			case strings.HasPrefix(p.src[end:hi], "_"):
				end++
				role = "ref"
			case strings.HasPrefix(p.src[end:hi], ":"):
				if n := roleNameLen(p.src[end+1 : hi]); n > 0 && end+1+n < hi && p.src[end+1+n] == ':' {
					role = p.src[end+1 : end+1+n]
					end += n + 2
				}
			}
			p.interpreted(role, i, i+1, e, end)
			i, from = end, end
			continue
		case c == ':' && p.startOK(i, lo):
			n := roleNameLen(p.src[i+1 : hi])
			if n == 0 || i+2+n >= hi || p.src[i+1+n] != ':' || p.src[i+2+n] != '`' {
				break
			}
			open := i + 2 + n
			e := p.findEnd(open+1, hi, "`")
			if e < 0 {
				break
			}
			flush(i)
			p.interpreted(p.src[i+1:i+1+n], i, open+1, e, e+1)
			i, from = e+1, e+1
			continue
		case c == '*' && p.startOK(i, lo):
			delim := "*"
			if strings.HasPrefix(p.src[i:hi], "**") {
				delim = "**"
			}
			e := p.findEnd(i+len(delim), hi, delim)
			if e < 0 {
				break
			}
			flush(i)
			rawText(b, i+len(delim), e)
			i = e + len(delim)
			from = i
			continue
		case c == '|' && p.startOK(i, lo):
			e := p.findEnd(i+1, hi, "|")
			if e < 0 {
				break
			}
			flush(i)
			end := e + 1
			for end < hi && end < e+3 && p.src[end] == '_' {
				end++
			}
			placeholder(b, i, end)
			i, from = end, end
			continue
		case c == '[' && p.startOK(i, lo):
			k := strings.Index(p.src[i:reach(i, hi)], "]_")
			if k <= 1 || strings.ContainsAny(p.src[i:i+k], " \t\n") || !p.endOK(i+k+2, hi) {
				break
			}
			ws := i
			for ws > from && (p.src[ws-1] == ' ' || p.src[ws-1] == '\t') {
				ws--
			}
			flush(ws)
			skipped(b, ws, i+k+2)
			i = i + k + 2
			from = i
			continue
		case c == '_' && i > lo && isWordByte(p.src[i-1]):
			// A reference name "word_" or anonymous "word__".
			end := i + 1
			if end < hi && p.src[end] == '_' {
				end++
			}
			if !p.endOK(end, hi) || (end < hi && p.src[end] == '_') {
				break
			}
			flush(i)
			i, from = end, end
			continue
		case c == 'h' || c == 'f' || c == 'm':
			if i > lo && isWordByte(p.src[i-1]) {
				break
			}
			if e := urlEnd(p.src, i, hi); e > i {
				flush(i)
				placeholder(b, i, e)
				i, from = e, e
				continue
			}
		}
		i++
	}
	flush(hi)
}

// roleNameLen returns the length of a role name at the start of s.
func roleNameLen(s string) int {
	i := 0
	for i < len(s) && (isLetter(s[i]) || isDigit(s[i]) || strings.IndexByte("-_.+", s[i]) >= 0 || (s[i] == ':' && i+1 < len(s) && s[i+1] != '`')) {
		i++
	}
	return i
}

// interpreted adds interpreted text with role (src[start:end) in all; its
// text is [open, close)): a reference's or a titled role's text, the
// content of a prose role, or else the placeholder word.
func (p *rstParser) interpreted(role string, start, open, close, end int) {
	b := &p.out.b
	content := p.src[open:close]
	titled := false
	if strings.HasSuffix(content, ">") {
		if lt := strings.LastIndex(content, "<"); lt > 0 && isSpace(content[lt-1]) {
			close = open + lt
			for close > open && isSpace(p.src[close-1]) {
				close--
			}
			titled = true
		}
	}
	switch {
	case role == "ref" && titled, role == "ref" && !strings.HasPrefix(content, "<"):
		rawText(b, open, close)
		return
	case rstProseRoles[role]:
		if role == "abbr" {
			if lp := strings.Index(content, " ("); lp > 0 {
				close = open + lp
			}
		}
		rawText(b, open, close)
		return
	case titled && (role == "doc" || role == "pep" || role == "rfc" || role == "term" || role == "download"):
		rawText(b, open, close)
		return
	}
	placeholder(b, start, end)
}

// runeLen is the length of the UTF-8 sequence starting at s[i].
func runeLen(s string, i int) int {
	n := 1
	for i+n < len(s) && n < 4 && s[i+n]&0xC0 == 0x80 {
		n++
	}
	return n
}

// pepHeaderLines returns the number of lines of an RFC 2822 header that
// opens the document ("PEP: 8", "Title: …", indented continuation lines),
// as Python Enhancement Proposals have and docutils' PEP reader takes as
// metadata, or 0.
func pepHeaderLines(src string, rl []rline) int {
	n := 0
	for n < len(rl) && rl[n].ind >= 0 {
		t := src[rl[n].start:rl[n].end]
		if rl[n].ind > 0 && n > 0 {
			n++
			continue
		}
		colon := strings.Index(t+" ", ": ")
		if colon <= 0 || !isLetter(t[0]) || strings.ContainsAny(t[:colon], " \t") {
			return 0
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}
