package markup

import "strings"

// parseAsciiDoc reads AsciiDoc: paragraphs, section and block titles,
// list items (ordered, unordered, checklists, callouts, description
// lists), admonitions (paragraphs and blocks), the content of example,
// sidebar, quote and open blocks, and table cells. Not prose: comments,
// attribute entries, block attribute lines, preprocessor directives and
// block macros, listing, literal, passthrough and source blocks (and
// paragraphs styled so), literal (indented) paragraphs, CSV/DSV tables.
// Inline monospace, passthroughs, attribute references, URLs and macros
// without text read as the placeholder word; a link's or cross
// reference's text is kept, its target dropped.
func parseAsciiDoc(src string) []Block {
	src = lfLines(src)
	p := adocParser{src: src, lines: splitLines(src), memo: closers{}}
	p.out.b.src = src
	p.region(p.header(), len(p.lines), Paragraph)
	return p.out.blocks
}

type adocParser struct {
	src   string
	lines []srcLine
	out   blockList
	memo  closers
}

func (p *adocParser) text(i int) string { return p.lines[i].text(p.src) }

// adocDelimiter returns the delimiter of a delimited block that line t
// opens, or "".
func adocDelimiter(t string) string {
	t = strings.TrimRight(t, " \t")
	if t == "--" {
		return t
	}
	if strings.HasPrefix(t, "```") {
		return "```"
	}
	if len(t) >= 4 && (t[1:] == "===" || strings.HasSuffix(t, "===") && strings.Trim(t[1:], "=") == "") && strings.IndexByte("|!,:", t[0]) >= 0 {
		return t
	}
	if len(t) < 4 || strings.IndexByte("-.+/=*_", t[0]) < 0 {
		return ""
	}
	for i := 1; i < len(t); i++ {
		if t[i] != t[0] {
			return ""
		}
	}
	return t
}

// adocVerbatimStyles are block styles whose content is not prose.
var adocVerbatimStyles = map[string]bool{
	"source": true, "listing": true, "literal": true, "pass": true, "stem": true,
	"latexmath": true, "asciimath": true, "comment": true, "subs": false,
	"plantuml": true, "ditaa": true, "graphviz": true, "mermaid": true,
}

var adocAdmonitions = []string{"NOTE: ", "TIP: ", "IMPORTANT: ", "WARNING: ", "CAUTION: "}

// blockStyle returns the style (first positional attribute) of a block
// attribute line "[source,ruby]", lower-cased, without its id, role and
// option shorthands; and whether the line is one.
func blockStyle(t string) (string, bool) {
	t = strings.TrimRight(t, " \t")
	if len(t) < 2 || t[0] != '[' || t[len(t)-1] != ']' {
		return "", false
	}
	inner := t[1 : len(t)-1]
	if strings.HasPrefix(inner, "[") {
		return "", true // an anchor [[id]]
	}
	first := inner
	if i := strings.IndexByte(first, ','); i >= 0 {
		first = first[:i]
	}
	if strings.ContainsAny(first, "=\"") {
		return "", true // a named attribute
	}
	if i := strings.IndexAny(first, ".#%"); i >= 0 {
		first = first[:i]
	}
	return strings.ToLower(strings.TrimSpace(first)), true
}

// isAdocDirective matches a preprocessor directive or block macro on a
// line of its own: "include::file[]", "image::a.png[Alt]", "ifdef::x[]".
func isAdocDirective(t string) bool {
	i := 0
	for i < len(t) && (isLetter(t[i]) || isDigit(t[i]) || t[i] == '-' || t[i] == '_') {
		i++
	}
	return i > 0 && strings.HasPrefix(t[i:], "::") && strings.HasSuffix(strings.TrimRight(t, " \t"), "]") && strings.IndexByte(t[i:], '[') > 0
}

// isAttributeEntry matches ":name: value" and ":!name:".
func isAttributeEntry(t string) bool {
	if len(t) < 3 || t[0] != ':' {
		return false
	}
	i := 1
	if t[i] == '!' {
		i++
	}
	s := i
	for i < len(t) && (isLetter(t[i]) || isDigit(t[i]) || t[i] == '-' || t[i] == '_') {
		i++
	}
	if i < len(t) && t[i] == '!' {
		i++
	}
	return i > s && i < len(t) && t[i] == ':' && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t')
}

// adocListMarker returns the offset in t where a list item's text starts,
// or 0 when t is not a list item.
func adocListMarker(t string) int {
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	s := i
	switch {
	case i < len(t) && (t[i] == '*' || t[i] == '.'):
		for i < len(t) && i-s < 6 && t[i] == t[s] {
			i++
		}
	case i < len(t) && t[i] == '-':
		i++
	case i < len(t) && t[i] == '<':
		j := strings.IndexByte(t[i:], '>')
		if j < 2 || strings.Trim(t[i+1:i+j], "0123456789.") != "" {
			return 0
		}
		i += j + 1
	case i < len(t) && isDigit(t[i]):
		for i < len(t) && isDigit(t[i]) {
			i++
		}
		if i >= len(t) || t[i] != '.' {
			return 0
		}
		i++
	case i+1 < len(t) && isLetter(t[i]) && t[i+1] == '.':
		i += 2
	default:
		return 0
	}
	if i >= len(t) || (t[i] != ' ' && t[i] != '\t') {
		return 0
	}
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	if i == len(t) {
		return 0
	}
	if strings.HasPrefix(t[i:], "[ ] ") || strings.HasPrefix(t[i:], "[x] ") || strings.HasPrefix(t[i:], "[*] ") {
		i += 4
	}
	return i
}

// adocDescTerm returns the end of a description list term ("term::",
// "term:::", "term;;") in t and the start of its text, or -1.
func adocDescTerm(t string) (int, int) {
	for _, sep := range []string{"::::", ":::", "::", ";;"} {
		if i := strings.Index(t, sep); i > 0 && t[0] != ' ' && t[0] != '\t' {
			after := i + len(sep)
			if after < len(t) && t[after] != ' ' && t[after] != '\t' {
				continue
			}
			if strings.Contains(t[:i], "::") || isAdocDirective(t) {
				return -1, -1
			}
			for after < len(t) && (t[after] == ' ' || t[after] == '\t') {
				after++
			}
			return i, after
		}
	}
	return -1, -1
}

// header reads the document header, a level-0 title ("= Title") with
// the author, revision and attribute lines that follow it up to a blank
// line, and returns the index of the first line after it (0 when the
// document has no header).
func (p *adocParser) header() int {
	i := 0
	for i < len(p.lines) && (p.lines[i].blank(p.src) || strings.HasPrefix(p.text(i), "//") || isAttributeEntry(p.text(i))) {
		i++
	}
	if i >= len(p.lines) || !strings.HasPrefix(p.text(i), "= ") {
		return 0
	}
	l := p.lines[i]
	p.inline(l.start+2, l.end)
	p.out.emit(Heading, l.start+2, l.end)
	for i++; i < len(p.lines) && !p.lines[i].blank(p.src); i++ {
	}
	return i
}

// region parses lines [lo, hi); kind is the kind of its paragraphs.
func (p *adocParser) region(lo, hi int, kind BlockKind) {
	style, attrs := "", "" // the pending block style and attribute line
	descText := false      // the lines after "term::" are its text even if indented
	for i := lo; i < hi; {
		l := p.lines[i]
		t := l.text(p.src)
		if l.blank(p.src) {
			i++
			continue
		}
		if d := adocDelimiter(t); d != "" {
			j := i + 1
			for j < hi && strings.TrimRight(p.text(j), " \t") != d {
				j++
			}
			p.delimited(d, style, attrs, i+1, j, kind)
			style, attrs, descText = "", "", false
			i = min(j+1, hi)
			continue
		}
		switch {
		case strings.HasPrefix(t, "//"):
			i++
			continue
		case isAttributeEntry(t):
			for i < hi && strings.HasSuffix(strings.TrimRight(p.text(i), " \t"), " \\") {
				i++
			}
			i++
			continue
		case isAdocDirective(t):
			i++
			continue
		case t == "+" || t == "'''" || t == "---" || t == "***" || t == "<<<" || t == "- - -" || t == "* * *":
			i++
			continue
		}
		if s, ok := blockStyle(t); ok {
			if s != "" || style == "" {
				style = s
			}
			attrs = t
			i++
			continue
		}
		if len(t) > 1 && t[0] == '.' && t[1] != '.' && t[1] != ' ' && t[1] != '\t' {
			// A block title.
			p.inline(l.start+1, l.end)
			p.out.emit(Heading, l.start+1, l.end)
			i++
			continue
		}
		if n := headingMarker(t); n > 0 {
			s, e := l.start+n, l.end
			// A closing run of markers ("== Title ==") is not the title.
			if tt := strings.TrimRight(p.src[s:e], " \t"); strings.HasSuffix(tt, " "+t[:n-1]) {
				e = s + len(tt) - (n - 1)
			}
			p.inline(s, e)
			p.out.emit(Heading, s, e)
			style = ""
			i++
			continue
		}
		verbatim := adocVerbatimStyles[style]
		if (t[0] == ' ' || t[0] == '\t') && !descText && adocListMarker(t) == 0 {
			verbatim = true // a literal paragraph
		}
		// The paragraph or list item text: lines up to a blank line, a
		// delimiter, a list continuation or another list item.
		j := i + 1
		for j < hi {
			u := p.text(j)
			if p.lines[j].blank(p.src) || adocDelimiter(u) != "" || u == "+" || adocListMarker(u) > 0 ||
				strings.HasPrefix(u, "//") || isAttributeEntry(u) || isAdocDirective(u) {
				break
			}
			if _, _, ok := descTermLine(u); ok {
				break
			}
			if _, ok := blockStyle(u); ok && j+1 < hi && adocDelimiter(p.text(j+1)) != "" {
				break
			}
			j++
		}
		descText = false
		if verbatim {
			style = ""
			i = j
			continue
		}
		start, end := l.start, p.lines[j-1].end
		bk := kind
		if style == "quote" || style == "verse" {
			bk = Quote
		}
		if n := adocListMarker(t); n > 0 {
			start, bk = l.start+n, ListItem
		} else if ts, te, ok := descTermLine(t); ok {
			p.inline(l.start, l.start+ts)
			p.out.emit(ListItem, l.start, l.start+ts)
			start, bk = l.start+te, ListItem
			if l.start+te >= l.end && j == i+1 {
				descText = true
			}
		} else {
			for _, a := range adocAdmonitions {
				if strings.HasPrefix(t, a) {
					start += len(a)
					break
				}
			}
		}
		p.inline(start, end)
		p.out.emit(bk, start, end)
		style = ""
		i = j
	}
}

// descTermLine reports a description list term in line t.
func descTermLine(t string) (termEnd, textStart int, ok bool) {
	if adocListMarker(t) > 0 {
		return 0, 0, false
	}
	te, ts := adocDescTerm(t)
	return te, ts, te > 0
}

// headingMarker returns the length of a section title's marker ("== ")
// at the start of t, or 0.
func headingMarker(t string) int {
	if t == "" || (t[0] != '=' && t[0] != '#') {
		return 0
	}
	i := 0
	for i < len(t) && t[i] == t[0] {
		i++
	}
	if i > 6 || i >= len(t) || t[i] != ' ' {
		return 0
	}
	return i + 1
}

// delimited handles the delimited block d over lines [lo, hi).
func (p *adocParser) delimited(d, style, attrs string, lo, hi int, kind BlockKind) {
	if adocVerbatimStyles[style] {
		return
	}
	switch d[0] {
	case '|':
		p.table(lo, hi, tableColumnStyles(attrs))
	case '=', '*', '-':
		if d == "--" || d[0] != '-' {
			k := kind
			if style == "quote" || style == "verse" {
				k = Quote
			}
			p.region(lo, hi, k)
		}
	case '_':
		p.region(lo, hi, Quote)
	}
	// Listing, literal, passthrough, comment, fenced code, CSV and DSV
	// tables, and nested (!===) tables are not prose.
}

// table reads the cells of a PSV table over lines [lo, hi): each cell is
// a block; its specifier ("2+", "a", ".^") is not prose, and a literal
// ("l") cell is left out.
func (p *adocParser) table(lo, hi int, cols []byte) {
	if lo >= hi {
		return
	}
	start, end := p.lines[lo].start, p.lines[hi-1].end
	cellStart, cellStyle := -1, byte(0)
	col := 0 // the column of the next cell (colspans counted, rowspans not)
	var emit func(to int)
	emit = func(to int) {
		if cellStart < 0 || cellStyle == 'l' || cellStyle == 'm' {
			return
		}
		s, e := trimRange(p.src, cellStart, to)
		if s >= e {
			return
		}
		if cellStyle == 'a' {
			// AsciiDoc content: blocks of their own.
			saved := p.lines
			p.lines = linesIn(p.src, s, e)
			p.region(0, len(p.lines), TableCell)
			p.lines = saved
			return
		}
		p.inline(s, e)
		p.out.emit(TableCell, s, e)
	}
	for i := start; i < end; i++ {
		if p.src[i] == '\\' && i+1 < end && p.src[i+1] == '|' {
			i++
			continue
		}
		if p.src[i] != '|' {
			continue
		}
		// The specifier runs back from the "|" to a blank or line start.
		spec := i
		for spec > start && strings.IndexByte("0123456789.+*<^>adehlmsv", p.src[spec-1]) >= 0 {
			spec--
		}
		if spec > start && !isSpace(p.src[spec-1]) {
			spec = i // letters glued to text are text
		}
		emit(spec)
		cellStyle = 0
		span := 1
		if len(cols) > 0 {
			cellStyle = cols[col%len(cols)]
		}
		if spec < i {
			if c := p.src[i-1]; isLetter(c) {
				cellStyle = c
			}
			if k := strings.IndexByte(p.src[spec:i], '+'); k > 0 && p.src[spec] != '.' {
				span = max(1, atoiPrefix(p.src[spec:spec+k]))
			}
		}
		col += span
		cellStart = i + 1
	}
	emit(end)
}

// adocConstrainedOK reports whether a constrained mark may open at i
// (after a non-word byte) and close at e (before a non-word byte).
func (p *adocParser) openOK(i, lo int) bool {
	return i == lo || !(isWordByte(p.src[i-1]) || p.src[i-1] == ':' || p.src[i-1] == ';' || p.src[i-1] == '}')
}

// findClose finds the closing mark for a mark opened at i with content
// starting at c: for a constrained mark, one followed by a non-word byte
// and preceded by a non-blank; for an unconstrained one, anywhere.
func (p *adocParser) findClose(c, hi int, mark string, constrained bool) int {
	if c >= hi || isSpace(p.src[c]) {
		return -1
	}
	key := mark
	if constrained {
		key += "c"
	}
	k := p.memo.find(key, c+1, hi, func(from int) int {
		for j := from; j < hi; {
			k := strings.Index(p.src[j:hi], mark)
			if k < 0 {
				return -1
			}
			k += j
			e := k + len(mark)
			if !isSpace(p.src[k-1]) && (!constrained || e >= hi || !isWordByte(p.src[e])) {
				return k
			}
			j = k + 1
		}
		return -1
	})
	if k < 0 || k-c > inlineReach {
		return -1
	}
	return k
}

// adocProseMacros keep their text: links and cross references.
var adocProseMacros = map[string]bool{"link": true, "xref": true, "mailto": true, "https": true, "http": true, "ftp": true, "irc": true}

// inline adds the prose of the source range [lo, hi).
func (p *adocParser) inline(lo, hi int) {
	b := &p.out.b
	from := lo
	flush := func(to int) { rawText(b, from, to) }
	for i := lo; i < hi; {
		c := p.src[i]
		switch c {
		case '\\':
			if i+1 < hi && strings.IndexByte("*_`#+{[<^~\\(", p.src[i+1]) >= 0 {
				flush(i)
				b.atomic(p.src[i+1:i+2], i, i+2, false)
				i += 2
				from = i
				continue
			}
		case '"', '\'':
			// Curved quotes "`like this`" and '`this`'.
			if i+1 < hi && p.src[i+1] == '`' {
				flush(i)
				b.atomic(p.src[i:i+1], i, i+2, false)
				i += 2
				from = i
				continue
			}
		case '`':
			if i+1 < hi && (p.src[i+1] == '"' || p.src[i+1] == '\'') && i > lo && !isSpace(p.src[i-1]) {
				flush(i)
				b.atomic(p.src[i+1:i+2], i, i+2, false)
				i += 2
				from = i
				continue
			}
			if e := p.mark(i, lo, hi, "`"); e > i {
				flush(i)
				e = compoundEnd(p.src, e, hi)
				placeholder(b, i, e)
				i, from = e, e
				continue
			}
		case '+':
			if (i+1 >= hi || p.src[i+1] == '\n' || p.src[i+1] == '\r') && i > lo && p.src[i-1] == ' ' {
				ws := i // a hard line break " +"
				for ws > from && p.src[ws-1] == ' ' {
					ws--
				}
				flush(ws)
				i++
				from = i
				continue
			}
			if e := p.mark(i, lo, hi, "+"); e > i {
				flush(i)
				placeholder(b, i, e)
				i, from = e, e
				continue
			}
		case '*', '_', '#', '^', '~':
			if e, cs, ce := p.markContent(i, lo, hi, string(c)); e > i {
				flush(i)
				p.inline(cs, ce)
				i, from = e, e
				continue
			}
		case '{':
			if j := strings.IndexByte(p.src[i:reach(i, hi)], '}'); j > 1 && isAttrName(p.src[i+1:i+j]) {
				flush(i)
				// An attribute that holds a URL: {url-repo}/path[Text].
				k := i + j + 1
				for k < reach(i, hi) && !isSpace(p.src[k]) && p.src[k] != '[' {
					k++
				}
				if k >= hi || p.src[k] != '[' {
					// Without link text, only a path glued to it: {url}/a.
					k = i + j + 1
					for k < hi && !isSpace(p.src[k]) && (k > i+j+1 || p.src[k] == '/' || p.src[k] == '#') {
						k++
					}
				}
				if k < hi && p.src[k] == '[' {
					if e, ts, te := p.bracketText(k, hi); e > k {
						if ts < te {
							rawText(b, ts, te)
						} else {
							placeholder(b, i, e)
						}
						i, from = e, e
						continue
					}
				}
				if k > i+j+1 && p.src[k-1] == '.' {
					k--
				}
				placeholder(b, i, k)
				i, from = k, k
				continue
			}
		case '[':
			if strings.HasPrefix(p.src[i:hi], "[[") {
				if j := strings.Index(p.src[i:reach(i, hi)], "]]"); j > 2 && !strings.ContainsAny(p.src[i:i+j], " \n") {
					flush(i)
					skipped(b, i, i+j+2)
					i += j + 2
					from = i
					continue
				}
			}
			// An attribute list before formatted text: [.role]*text*.
			if j := strings.IndexByte(p.src[i:reach(i, hi)], ']'); j > 0 && i+j+1 < hi && strings.IndexByte("*_#`", p.src[i+j+1]) >= 0 && !strings.ContainsAny(p.src[i+1:i+j], "\n[") {
				flush(i)
				i += j + 1
				from = i
				continue
			}
		case '<':
			if strings.HasPrefix(p.src[i:hi], "<<") {
				if j := strings.Index(p.src[i:reach(i, hi)], ">>"); j > 2 && !strings.Contains(p.src[i:i+j], "\n\n") {
					flush(i)
					inner := p.src[i+2 : i+j]
					if k := strings.IndexByte(inner, ','); k >= 0 && strings.TrimSpace(inner[k+1:]) != "" {
						s, e := trimRange(p.src, i+2+k+1, i+j)
						rawText(b, s, e)
					} else {
						placeholder(b, i, i+j+2)
					}
					i += j + 2
					from = i
					continue
				}
			}
		case '(':
			if strings.HasPrefix(p.src[i:hi], "(((") {
				if j := strings.Index(p.src[i:reach(i, hi)], ")))"); j > 0 {
					flush(i)
					skipped(b, i, i+j+3)
					i += j + 3
					from = i
					continue
				}
			} else if strings.HasPrefix(p.src[i:hi], "((") {
				if j := strings.Index(p.src[i:reach(i, hi)], "))"); j > 2 {
					flush(i)
					rawText(b, i+2, i+j)
					i += j + 2
					from = i
					continue
				}
			}
		case '-':
			if i+1 < hi && p.src[i+1] == '-' && i > lo && isWordByte(p.src[i-1]) && i+2 < hi && isWordByte(p.src[i+2]) {
				flush(i)
				b.atomic("—", i, i+2, false)
				i += 2
				from = i
				continue
			}
		}
		if isLetter(c) && (i == lo || !isWordByte(p.src[i-1])) {
			if m := p.macro(i, hi); m.end > i {
				flush(i)
				switch m.act {
				case macroText:
					rawText(b, m.ts, m.te)
				case macroSkip:
					skipped(b, i, m.end)
				default:
					placeholder(b, i, m.end)
				}
				i, from = m.end, m.end
				continue
			}
		}
		i++
	}
	flush(hi)
}

// isAttrName matches an attribute reference's name (and the forms
// "counter:name", "set:name").
func isAttrName(s string) bool {
	if s == "" || !(isLetter(s[0]) || isDigit(s[0]) || s[0] == '_') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(isLetter(s[i]) || isDigit(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == ':') {
			return false
		}
	}
	return true
}

// mark returns the end of a constrained or unconstrained span opened by
// mark at i, or i.
func (p *adocParser) mark(i, lo, hi int, mark string) int {
	e, _, _ := p.markContent(i, lo, hi, mark)
	return e
}

// markContent returns the end of a span of formatted text opened at i
// with mark (doubled: unconstrained) and its content range, or i.
func (p *adocParser) markContent(i, lo, hi int, mark string) (int, int, int) {
	double := mark + mark
	if strings.HasPrefix(p.src[i:hi], double) {
		if k := p.findClose(i+2, hi, double, false); k > i {
			return k + 2, i + 2, k
		}
	}
	if mark == "^" || mark == "~" {
		// Superscript and subscript: no blanks inside.
		if k := strings.IndexByte(p.src[i+1:reach(i+1, hi)], mark[0]); k > 0 && !strings.ContainsAny(p.src[i+1:i+1+k], " \t\n") {
			return i + 2 + k, i + 1, i + 1 + k
		}
		return i, 0, 0
	}
	if !p.openOK(i, lo) {
		return i, 0, 0
	}
	if k := p.findClose(i+1, hi, mark, true); k > i {
		return k + 1, i + 1, k
	}
	return i, 0, 0
}

// macroAct is what an inline macro adds to the prose.
type macroAct uint8

const (
	macroPlaceholder macroAct = iota
	macroText                 // its text, [ts, te)
	macroSkip                 // nothing
)

type adocMacro struct {
	end    int
	act    macroAct
	ts, te int
}

// macro reads an inline macro or a URL starting at i
// ("xref:a.adoc[Text]", "kbd:[Ctrl+C]", "https://example.org[Text]");
// its end is i when there is none.
func (p *adocParser) macro(i, hi int) adocMacro {
	none := adocMacro{end: i}
	j := i
	for j < hi && (isLetter(p.src[j]) || isDigit(p.src[j]) || p.src[j] == '-' || p.src[j] == '_') {
		j++
	}
	if j >= hi || p.src[j] != ':' {
		return none
	}
	name := p.src[i:j]
	k := j + 1
	url := name == "https" || name == "http" || name == "ftp" || name == "irc"
	if url {
		e := urlEnd(p.src, i, hi)
		if e == i {
			return none
		}
		k = e
		for k < hi && !isSpace(p.src[k]) && p.src[k] != '[' {
			k++ // urlEnd leaves trailing punctuation out
		}
		if k >= hi || p.src[k] != '[' {
			return adocMacro{end: e}
		}
	} else {
		for k < hi && k < i+inlineReach && !isSpace(p.src[k]) && p.src[k] != '[' {
			k++
		}
		if k >= hi || p.src[k] != '[' {
			return none
		}
	}
	if k == j+1 && !adocKnownMacro[name] {
		return none // "word:[x]" is not a macro unless known
	}
	e, ts, te := p.bracketText(k, hi)
	if e == k {
		return none
	}
	switch {
	case (adocProseMacros[name] || name == "indexterm2") && ts < te:
		return adocMacro{e, macroText, ts, te}
	case name == "footnote" || name == "anchor" || name == "indexterm":
		return adocMacro{end: e, act: macroSkip}
	}
	return adocMacro{end: e}
}

// adocKnownMacro are the inline macros whose target may be empty.
var adocKnownMacro = map[string]bool{
	"kbd": true, "btn": true, "menu": true, "pass": true, "stem": true, "latexmath": true,
	"asciimath": true, "footnote": true, "indexterm": true, "indexterm2": true, "icon": true,
	"image": true, "link": true, "xref": true, "anchor": true,
}

// bracketText reads the bracketed text at k ("[Text,window=_blank]"),
// brackets nested, and returns its end (past the "]") and the range of
// its text without the named attributes; the end is k when it does not
// close.
func (p *adocParser) bracketText(k, hi int) (end, ts, te int) {
	hi = reach(k, hi)
	depth, e := 0, -1
	for m := k; m < hi && e < 0; m++ {
		switch p.src[m] {
		case '\\':
			m++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				e = m
			}
		}
	}
	if e < 0 {
		return k, 0, 0
	}
	ts, te = k+1, e
	text := p.src[ts:te]
	if c := strings.IndexByte(text, ','); c >= 0 && strings.Contains(text[c:], "=") {
		te = ts + c
	}
	if te > ts && p.src[te-1] == '^' {
		te--
	}
	if te-ts >= 2 && p.src[ts] == '"' && p.src[te-1] == '"' {
		ts, te = ts+1, te-1
	}
	ts, te = trimRange(p.src, ts, te)
	return e + 1, ts, te
}

// linesIn cuts [start, end) of src into lines.
func linesIn(src string, start, end int) []srcLine {
	var lines []srcLine
	for pos := start; pos < end; {
		next := min(lineEnd(src, pos), end)
		e := next
		if e > pos && src[e-1] == '\n' {
			e--
			if e > pos && src[e-1] == '\r' {
				e--
			}
		}
		lines = append(lines, srcLine{pos, e, next})
		pos = next
	}
	return lines
}

// tableColumnStyles reads the cols attribute of a table's attribute line
// ([cols="1,2m,1"], [cols=3*], [cols=2]) and returns each column's style
// letter (0 for none; "m" monospace and "l" literal columns are not
// prose), or nil when the table has no cols.
func tableColumnStyles(attrs string) []byte {
	i := strings.Index(attrs, "cols=")
	if i < 0 {
		return nil
	}
	v := attrs[i+len("cols="):]
	if strings.HasPrefix(v, "\"") {
		v = v[1:]
		if j := strings.IndexByte(v, '"'); j >= 0 {
			v = v[:j]
		}
	} else if j := strings.IndexAny(v, ",]"); j >= 0 {
		v = v[:j]
	}
	if n := atoiPrefix(v); n > 0 && len(strings.TrimLeft(v, "0123456789")) == 0 {
		return make([]byte, min(n, 100)) // "cols=3": three plain columns
	}
	var out []byte
	for _, spec := range strings.Split(v, ",") {
		spec = strings.TrimSpace(spec)
		repeat := 1
		if k := strings.IndexByte(spec, '*'); k > 0 {
			repeat = max(1, min(atoiPrefix(spec[:k]), 100))
			spec = spec[k+1:]
		}
		var style byte
		if spec != "" && isLetter(spec[len(spec)-1]) {
			style = spec[len(spec)-1]
		}
		for range repeat {
			out = append(out, style)
		}
	}
	return out
}

// atoiPrefix reads the decimal number that starts s (0 for none).
func atoiPrefix(s string) int {
	n := 0
	for i := 0; i < len(s) && isDigit(s[i]) && n < 1<<20; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
