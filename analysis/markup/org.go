package markup

import "strings"

// parseOrg reads Org: headlines (without their TODO keyword, priority and
// tags), the #+title, paragraphs, list items (description list terms
// too), footnote definitions, table cells, and the content of quote,
// verse, center and special blocks. Not prose: comments, keywords other
// than the title, drawers, planning lines, fixed-width lines, source,
// example, export and comment blocks, table rules and formulas. Inline
// verbatim and code, links without a description, URLs, macros and math
// read as the placeholder word; a link's description is kept, its target
// dropped.
//
// A scanner of its own: go-org, the maintained Go parser Vale uses, keeps
// no source offsets (its nodes hold text only, with indentation
// stripped), and every prose byte here must map back to its source.
func parseOrg(src string) []Block {
	src = lfLines(src)
	p := orgParser{src: src, lines: splitLines(src), memo: closers{}}
	p.out.b.src = src
	p.region(0, len(p.lines), Paragraph)
	return p.out.blocks
}

type orgParser struct {
	src   string
	lines []srcLine
	out   blockList
	memo  closers
}

func (p *orgParser) text(i int) string { return p.lines[i].text(p.src) }

// orgVerbatimBlocks are the #+begin_ blocks whose content is not prose.
var orgVerbatimBlocks = map[string]bool{
	"src": true, "example": true, "export": true, "comment": true, "latex": true, "html": true,
	"ascii": true, "verbatim": true, "results": true,
}

// orgTodo are the TODO keywords a headline may open with.
var orgTodo = map[string]bool{
	"TODO": true, "DONE": true, "NEXT": true, "WAIT": true, "WAITING": true, "HOLD": true,
	"CANCELLED": true, "CANCELED": true, "STRT": true, "PROJ": true, "LOOP": true, "IDEA": true,
	"KILL": true, "OKAY": true, "YES": true, "NO": true, "COMMENT": true,
}

// orgBlockName returns the lower-cased name of a "#+begin_NAME" line (or
// "" when t is not one) and whether t is one.
func orgBlockName(t, prefix string) (string, bool) {
	t = strings.TrimLeft(t, " \t")
	if len(t) < len(prefix) || !strings.EqualFold(t[:len(prefix)], prefix) {
		return "", false
	}
	name := t[len(prefix):]
	if i := strings.IndexAny(name, " \t"); i >= 0 {
		name = name[:i]
	}
	return strings.ToLower(name), name != ""
}

// orgListMarker returns where a list item's text starts in t, or 0.
func orgListMarker(t string) int {
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	s := i
	switch {
	case i < len(t) && (t[i] == '-' || t[i] == '+' || (t[i] == '*' && i > 0)):
		i++
	case i < len(t) && isDigit(t[i]):
		for i < len(t) && isDigit(t[i]) {
			i++
		}
		if i >= len(t) || (t[i] != '.' && t[i] != ')') {
			return 0
		}
		i++
	case i+1 < len(t) && isLetter(t[i]) && (t[i+1] == '.' || t[i+1] == ')') && i+2 < len(t) && t[i+2] == ' ':
		i += 2
	default:
		return 0
	}
	if i < len(t) && t[i] != ' ' && t[i] != '\t' {
		return 0
	}
	if i == s {
		return 0
	}
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	if strings.HasPrefix(t[i:], "[@") {
		if j := strings.IndexByte(t[i:], ']'); j > 0 {
			i += j + 1
			for i < len(t) && t[i] == ' ' {
				i++
			}
		}
	}
	for _, box := range []string{"[ ] ", "[X] ", "[x] ", "[-] "} {
		if strings.HasPrefix(t[i:], box) {
			i += len(box)
		}
	}
	if i == len(t) {
		return len(t)
	}
	return i
}

// orgStartsConstruct reports whether line t starts something other than
// paragraph text, which ends a paragraph.
func orgStartsConstruct(t string) bool {
	u := strings.TrimLeft(t, " \t")
	switch {
	case u == "":
		return true
	case strings.HasPrefix(t, "*") && headlineLevel(t) > 0:
		return true
	case strings.HasPrefix(u, "#+"), u == "#", strings.HasPrefix(u, "# "):
		return true
	case strings.HasPrefix(u, "|"), u == ":", strings.HasPrefix(u, ": "):
		return true
	case isDrawerStart(u):
		return true
	case orgListMarker(t) > 0:
		return true
	case strings.HasPrefix(t, "[fn:"):
		return true
	}
	return false
}

func headlineLevel(t string) int {
	i := 0
	for i < len(t) && t[i] == '*' {
		i++
	}
	if i == 0 || i >= len(t) || (t[i] != ' ' && t[i] != '\t') {
		if i > 0 && i == len(t) {
			return i
		}
		return 0
	}
	return i
}

func isDrawerStart(u string) bool {
	u = strings.TrimRight(u, " \t")
	if len(u) < 3 || u[0] != ':' || u[len(u)-1] != ':' {
		return false
	}
	for i := 1; i < len(u)-1; i++ {
		if !(isLetter(u[i]) || isDigit(u[i]) || u[i] == '_' || u[i] == '-') {
			return false
		}
	}
	return true
}

// region parses lines [lo, hi); kind is the kind of its paragraphs.
func (p *orgParser) region(lo, hi int, kind BlockKind) {
	afterHeadline := false
	for i := lo; i < hi; {
		l := p.lines[i]
		t := l.text(p.src)
		u := strings.TrimLeft(t, " \t")
		wasHeadline := afterHeadline
		afterHeadline = false
		if u == "" {
			i++
			continue
		}
		if name, ok := orgBlockName(t, "#+begin_"); ok {
			j := i + 1
			for j < hi {
				if n, ok := orgBlockName(p.text(j), "#+end_"); ok && n == name {
					break
				}
				j++
			}
			switch {
			case orgVerbatimBlocks[name]:
			case name == "quote" || name == "verse":
				p.region(i+1, j, Quote)
			default:
				p.region(i+1, j, kind)
			}
			i = min(j+1, hi)
			continue
		}
		if n := headlineLevel(t); n > 0 {
			p.headline(l, n)
			afterHeadline = true
			i++
			continue
		}
		switch {
		case strings.HasPrefix(u, "#+"):
			if key, ok := orgBlockName(u, "#+"); ok && (key == "title:") {
				s := l.end - len(u) + len("#+title:")
				p.inline(s, l.end)
				p.out.emit(Heading, s, l.end)
			}
			i++
			continue
		case u == "#" || strings.HasPrefix(u, "# "):
			i++
			continue
		case u == ":" || strings.HasPrefix(u, ": "):
			i++
			continue
		case isDrawerStart(u):
			j := i + 1
			for j < hi && !strings.EqualFold(strings.TrimSpace(p.text(j)), ":END:") {
				j++
			}
			if j >= hi {
				j = i // no :END:, not a drawer
			}
			i = j + 1
			continue
		case strings.HasPrefix(u, "|"):
			if !strings.HasPrefix(u, "|-") {
				p.tableRow(l)
			}
			i++
			continue
		case strings.Trim(u, "- \t") == "" && len(strings.TrimSpace(u)) >= 5:
			i++ // a horizontal rule
			continue
		case wasHeadline && (strings.HasPrefix(u, "SCHEDULED:") || strings.HasPrefix(u, "DEADLINE:") || strings.HasPrefix(u, "CLOSED:")):
			i++
			continue
		}
		// A paragraph, a list item or a footnote definition: lines up to
		// a blank line or a line that starts another construct; a list
		// item's lines must be indented past its marker.
		start, bk := l.start, kind
		marker := orgListMarker(t)
		ind := -1
		if marker > 0 {
			start, bk = l.start+marker, ListItem
			ind = l.indent(p.src)
		} else if strings.HasPrefix(t, "[fn:") {
			if j := strings.IndexByte(t, ']'); j > 0 {
				start, bk = l.start+j+1, Footnote
			}
		}
		j := i + 1
		for j < hi {
			v := p.text(j)
			if orgStartsConstruct(v) || (ind >= 0 && p.lines[j].indent(p.src) <= ind) {
				break
			}
			j++
		}
		end := p.lines[j-1].end
		if bk == ListItem {
			// A description list item: "term :: description".
			if k := strings.Index(p.src[start:end], " ::"); k >= 0 && (start+k+3 == end || isSpace(p.src[start+k+3])) {
				p.inline(start, start+k)
				p.out.emit(ListItem, start, start+k)
				start += k + 3
			}
		}
		p.inline(start, end)
		p.out.emit(bk, start, end)
		i = j
	}
}

// headline emits a headline's title, without its stars, TODO keyword,
// priority cookie, statistics cookies and tags.
func (p *orgParser) headline(l srcLine, level int) {
	s, e := l.start+level, l.end
	s, e = trimRange(p.src, s, e)
	if w := strings.IndexAny(p.src[s:e]+" ", " \t"); orgTodo[p.src[s:s+w]] {
		s, e = trimRange(p.src, s+w, e)
	}
	if strings.HasPrefix(p.src[s:e], "[#") && s+4 <= e && p.src[s+3] == ']' {
		s, e = trimRange(p.src, s+4, e)
	}
	// Tags: a final run ":a:b:" after a blank.
	if t := p.src[s:e]; strings.HasSuffix(t, ":") {
		if k := strings.LastIndexAny(t, " \t"); k >= 0 && isTags(t[k+1:]) {
			s, e = trimRange(p.src, s, s+k)
		}
	}
	// A statistics cookie at the end: [2/5] or [40%].
	if t := p.src[s:e]; strings.HasSuffix(t, "]") {
		if k := strings.LastIndexByte(t, '['); k >= 0 && strings.Trim(t[k+1:len(t)-1], "0123456789/%") == "" {
			s, e = trimRange(p.src, s, s+k)
		}
	}
	p.inline(s, e)
	p.out.emit(Heading, s, e)
}

func isTags(t string) bool {
	if len(t) < 3 || t[0] != ':' || t[len(t)-1] != ':' {
		return false
	}
	for i := 1; i < len(t)-1; i++ {
		c := t[i]
		if !(isLetter(c) || isDigit(c) || c == '_' || c == '@' || c == '#' || c == '%' || c == ':') {
			return false
		}
	}
	return true
}

// tableRow emits each cell of a table row "| a | b |".
func (p *orgParser) tableRow(l srcLine) {
	t := l.text(p.src)
	first := strings.IndexByte(t, '|')
	from := l.start + first + 1
	for i := from; i <= l.end; i++ {
		if i == l.end || p.src[i] == '|' {
			s, e := trimRange(p.src, from, i)
			if s < e {
				p.inline(s, e)
				p.out.emit(TableCell, s, e)
			}
			from = i + 1
		}
	}
}

// orgPre and orgPost are the bytes allowed before an emphasis marker and
// after its closing one (org-emphasis-regexp-components).
const (
	orgPre  = "-('\"{"
	orgPost = "-.,;:!?')}[\"\\"
)

// emphasis returns the content range and end of an emphasis span opened
// by the marker at i, or end == i.
func (p *orgParser) emphasis(i, lo, hi int) (cs, ce, end int) {
	m := p.src[i]
	if i > lo && !isSpace(p.src[i-1]) && strings.IndexByte(orgPre, p.src[i-1]) < 0 {
		return 0, 0, i
	}
	if i+1 >= hi || isSpace(p.src[i+1]) {
		return 0, 0, i
	}
	j := p.memo.find(string(m), i+2, hi, func(from int) int {
		for j := from; j < hi; j++ {
			if p.src[j] != m || isSpace(p.src[j-1]) {
				continue
			}
			if j+1 < hi && !isSpace(p.src[j+1]) && strings.IndexByte(orgPost, p.src[j+1]) < 0 {
				continue
			}
			return j
		}
		return -1
	})
	// An emphasis spans two lines at most.
	if j < 0 || j-i > inlineReach || strings.Count(p.src[i:j], "\n") > 1 {
		return 0, 0, i
	}
	return i + 1, j, j + 1
}

// inline adds the prose of the source range [lo, hi).
func (p *orgParser) inline(lo, hi int) {
	b := &p.out.b
	from := lo
	flush := func(to int) { rawText(b, from, to) }
	for i := lo; i < hi; {
		c := p.src[i]
		switch c {
		case '[':
			if strings.HasPrefix(p.src[i:hi], "[[") {
				if j := strings.Index(p.src[i:reach(i, hi)], "]]"); j > 2 {
					flush(i)
					link := p.src[i+2 : i+j]
					if k := strings.Index(link, "]["); k >= 0 && !orgKeyLink(link[:k]) {
						p.inline(i+2+k+2, i+j)
					} else {
						placeholder(b, i, i+j+2)
					}
					i += j + 2
					from = i
					continue
				}
			}
			if strings.HasPrefix(p.src[i:hi], "[fn:") {
				if j := strings.IndexByte(p.src[i:reach(i, hi)], ']'); j > 0 {
					ws := i
					for ws > from && p.src[ws-1] == ' ' {
						ws--
					}
					flush(ws)
					skipped(b, ws, i+j+1)
					i += j + 1
					from = i
					continue
				}
			}
		case '=', '~':
			if _, _, e := p.emphasis(i, lo, hi); e > i {
				flush(i)
				e = compoundEnd(p.src, e, hi)
				placeholder(b, i, e)
				i, from = e, e
				continue
			}
		case '*', '/', '_', '+':
			if cs, ce, e := p.emphasis(i, lo, hi); e > i {
				flush(i)
				p.inline(cs, ce)
				i, from = e, e
				continue
			}
		case '{':
			if strings.HasPrefix(p.src[i:hi], "{{{") {
				if j := strings.Index(p.src[i:reach(i, hi)], "}}}"); j > 0 {
					flush(i)
					placeholder(b, i, i+j+3)
					i += j + 3
					from = i
					continue
				}
			}
		case '<':
			if strings.HasPrefix(p.src[i:hi], "<<") {
				if j := strings.Index(p.src[i:reach(i, hi)], ">>"); j > 2 {
					flush(i)
					skipped(b, i, i+j+2)
					i += j + 2
					from = i
					continue
				}
			}
		case '\\':
			if strings.HasPrefix(p.src[i:hi], "\\(") {
				if j := strings.Index(p.src[i:reach(i, hi)], "\\)"); j > 0 {
					flush(i)
					placeholder(b, i, i+j+2)
					i += j + 2
					from = i
					continue
				}
			}
			if strings.HasPrefix(p.src[i:hi], "\\\\") && (i+2 == hi || isSpace(p.src[i+2])) {
				flush(i) // a line break
				i += 2
				from = i
				continue
			}
		case '@':
			if strings.HasPrefix(p.src[i:hi], "@@") {
				if j := strings.Index(p.src[i+2:reach(i+2, hi)], "@@"); j > 0 {
					flush(i)
					skipped(b, i, i+2+j+2)
					i += j + 4
					from = i
					continue
				}
			}
		case 's', 'c':
			if i == lo || !isWordByte(p.src[i-1]) {
				if strings.HasPrefix(p.src[i:hi], "src_") || strings.HasPrefix(p.src[i:hi], "call_") {
					if j := strings.IndexAny(p.src[i:reach(i, hi)], "}]"); j > 0 && !strings.ContainsAny(p.src[i:i+j], " \n") {
						flush(i)
						placeholder(b, i, i+j+1)
						i += j + 1
						from = i
						continue
					}
				}
			}
		}
		if (c == 'h' || c == 'f' || c == 'm') && (i == lo || !isWordByte(p.src[i-1])) {
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

// orgKeyLink reports a link whose description is a key sequence, not
// prose: Doom Emacs's "kbd:" links ([[kbd:][SPC s i]]).
func orgKeyLink(target string) bool {
	return strings.HasPrefix(target, "kbd:")
}
