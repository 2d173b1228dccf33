package markup

import "strings"

// parseTypst reads Typst markup: paragraphs, headings, list, enumeration
// and term items, and the markup inside content blocks ("#link(url)[the
// text]", "#info[…]", "#[…]"), which belongs to the sentence or the
// blocks around it. Not prose: code (set, show, let, import and include
// rules, function arguments, code blocks), math, raw text and raw blocks,
// labels, comments. A call without content inside a sentence ("#pr(12)",
// "#sym.arrow"), inline math, inline raw, a reference ("@intro", whose
// supplement is kept) and a URL read as the placeholder word; a call alone
// on its line (a figure, an image) reads as nothing.
func parseTypst(src string) []Block {
	src = lfLines(src)
	p := typstParser{src: src, itemCol: -1}
	p.out.b.src = src
	p.markup(0, len(src))
	p.end()
	return p.out.blocks
}

type typstParser struct {
	src string
	out blockList

	open    bool      // a block is being built
	kind    BlockKind // the open block's kind
	heading bool      // the open block is a heading, which ends with its line
	itemCol int       // the open list item's marker column, or -1
	nlStart int       // a pending line break [nlStart, nlEnd) inside the block
	nlEnd   int
	hasNL   bool
	depth   int // content blocks being read, nested
	// skipDepth counts the brackets being skipped, nested.
	skipDepth int
}

// typstMaxSkipDepth bounds the nesting of brackets skipped as code or
// content; deeper input (nothing real nests so) is taken as unclosed.
const typstMaxSkipDepth = 256

// typstMaxDepth bounds the nesting of content blocks read as prose;
// deeper ones are skipped, which keeps a pathological nesting linear.
const typstMaxDepth = 32

func (p *typstParser) end() {
	if p.open {
		p.out.emit(p.kind, len(p.src), 0)
	}
	p.out.b.reset()
	p.open, p.heading, p.itemCol, p.hasNL = false, false, -1, false
}

func (p *typstParser) begin(kind BlockKind) {
	p.end()
	p.open, p.kind = true, kind
}

// prepare opens a paragraph if no block is open and adds a pending line
// break, before prose is added.
func (p *typstParser) prepare() {
	if !p.open {
		p.begin(Paragraph)
	}
	if p.hasNL {
		p.hasNL = false
		if len(p.out.b.prose) > 0 {
			p.out.b.atomic(" ", p.nlStart, p.nlEnd, false)
		}
	}
}

func (p *typstParser) text(s, e int) {
	if s >= e {
		return
	}
	p.prepare()
	p.out.b.raw(s, e)
}

func (p *typstParser) placeholder(s, e int) {
	p.prepare()
	placeholder(&p.out.b, s, e)
}

func (p *typstParser) skip(s, e int) {
	if p.open && !p.hasNL {
		skipped(&p.out.b, s, e)
	}
}

// empty reports whether the open block holds no prose yet.
func (p *typstParser) empty() bool { return !p.open || len(p.out.b.prose) == 0 }

var typstStatements = map[string]bool{
	"let": true, "set": true, "show": true, "import": true, "include": true, "if": true,
	"for": true, "while": true, "context": true, "return": true, "break": true, "continue": true,
}

// typstNoProse are functions whose content blocks are not part of the
// sentence they sit in.
var typstNoProse = map[string]bool{"footnote": true, "raw": true, "metadata": true, "hide": true}

// markup scans markup over [lo, hi).
func (p *typstParser) markup(lo, hi int) {
	src := p.src
	from := lo
	lineStart := lo == 0 || src[lo-1] == '\n'
	if lineStart {
		for lo < hi && (src[lo] == ' ' || src[lo] == '\t') {
			lo++
		}
		from = lo
	}
	flush := func(to int) {
		e := to
		for e > from && (src[e-1] == '\r') {
			e--
		}
		p.text(from, e)
	}
	for i := lo; i < hi; {
		if lineStart {
			lineStart = false
			if n := p.lineConstruct(i, hi); n > i {
				i, from = n, n
				continue
			}
		}
		c := src[i]
		switch c {
		case '\n':
			ws := i
			for ws > from && (src[ws-1] == ' ' || src[ws-1] == '\t' || src[ws-1] == '\r') {
				ws--
			}
			flush(ws)
			k := i + 1
			for k < hi && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			col := k - (i + 1)
			switch {
			case p.heading, k >= hi || src[k] == '\n' || src[k] == '\r':
				p.end()
			case p.itemCol >= 0 && col <= p.itemCol:
				p.end()
			case p.open:
				if !p.hasNL {
					p.nlStart = ws
				}
				p.nlEnd, p.hasNL = k, true
			}
			i, from, lineStart = k, k, true
			continue
		case '\\':
			flush(i)
			if i+1 >= hi || isSpace(src[i+1]) {
				// A line break: reads as a space.
				if p.open {
					p.prepare()
					p.out.b.atomic(" ", i, i+1, false)
				}
				i++
			} else if strings.HasPrefix(src[i:hi], "\\u{") {
				e := strings.IndexByte(src[i:hi], '}')
				if e < 0 {
					e = 2
				}
				p.placeholder(i, i+e+1)
				i += e + 1
			} else {
				n := runeLen(src, i+1)
				p.prepare()
				p.out.b.atomic(src[i+1:i+1+n], i, i+1+n, false)
				i += 1 + n
			}
			from = i
			continue
		case '`':
			flush(i)
			e := p.skipRaw(i, hi)
			if !strings.Contains(src[i:e], "\n") {
				e = compoundEnd(src, e, hi)
			}
			if !(p.empty() && restBlank(src, e, hi)) {
				p.placeholder(i, e)
			}
			i, from = e, e
			continue
		case '$':
			flush(i)
			e := p.skipMath(i+1, hi)
			p.placeholder(i, e)
			i, from = e, e
			continue
		case '#':
			if i+1 < hi && (isLetter(src[i+1]) || src[i+1] == '_' || src[i+1] == '(' || src[i+1] == '{' || src[i+1] == '[') {
				flush(i)
				i = p.hash(i, hi)
				from = i
				continue
			}
		case '@':
			if i+1 < hi && (isLetter(src[i+1]) || isDigit(src[i+1]) || src[i+1] == '_') && (i == lo || !isWordByte(src[i-1])) {
				flush(i)
				e := i + 1
				for e < hi && (isLetter(src[e]) || isDigit(src[e]) || strings.IndexByte("_-:.", src[e]) >= 0) {
					e++
				}
				for e > i+1 && (src[e-1] == '.' || src[e-1] == ':') {
					e--
				}
				if e < hi && src[e] == '[' {
					ce, closed := p.skipContent(e+1, hi)
					if closed && p.depth < typstMaxDepth {
						p.depth++
						p.markup(e+1, ce-1)
						p.depth--
					}
					e = ce
				} else {
					p.placeholder(i, e)
				}
				i, from = e, e
				continue
			}
		case '<':
			e := i + 1
			for e < hi && (isLetter(src[e]) || isDigit(src[e]) || strings.IndexByte("_-:.", src[e]) >= 0) {
				e++
			}
			if e > i+1 && e < hi && src[e] == '>' {
				ws := i
				for ws > from && src[ws-1] == ' ' {
					ws--
				}
				flush(ws)
				p.skip(ws, e+1)
				i, from = e+1, e+1
				continue
			}
		case '*', '_':
			flush(i)
			i, from = i+1, i+1
			continue
		case '~':
			flush(i)
			p.prepare()
			p.out.b.atomic(" ", i, i+1, false)
			i, from = i+1, i+1
			continue
		case '/':
			if i+1 < hi && src[i+1] == '/' && (i == lo || src[i-1] != ':') {
				ws := i
				for ws > from && (src[ws-1] == ' ' || src[ws-1] == '\t') {
					ws--
				}
				flush(ws)
				e := lineEnd(src, i)
				if e > i && src[e-1] == '\n' {
					e--
				}
				i, from = min(e, hi), min(e, hi)
				continue
			}
			if i+1 < hi && src[i+1] == '*' {
				ws := i
				for ws > from && (src[ws-1] == ' ' || src[ws-1] == '\t') {
					ws--
				}
				flush(ws)
				e := p.skipBlockComment(i, hi)
				p.skip(ws, e)
				i, from = e, e
				continue
			}
		case 'h', 'f', 'm':
			if i == lo || !isWordByte(src[i-1]) {
				if e := urlEnd(src, i, hi); e > i {
					flush(i)
					p.placeholder(i, e)
					i, from = e, e
					continue
				}
			}
		}
		i++
	}
	flush(hi)
}

// restBlank reports whether only blanks follow e on its line.
func restBlank(src string, e, hi int) bool {
	for ; e < hi && src[e] != '\n'; e++ {
		if src[e] != ' ' && src[e] != '\t' && src[e] != '\r' {
			return false
		}
	}
	return true
}

// afterLabel returns the end of a label ("<fig>") that follows e after
// blanks, or e.
func afterLabel(src string, e, hi int) int {
	k := e
	for k < hi && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k >= hi || src[k] != '<' {
		return e
	}
	for k++; k < hi && (isLetter(src[k]) || isDigit(src[k]) || strings.IndexByte("_-:.", src[k]) >= 0); k++ {
	}
	if k < hi && src[k] == '>' {
		return k + 1
	}
	return e
}

// lineConstruct handles what may start a line at i (after its indentation):
// a heading, a list, enumeration or term item, a raw block, a code
// statement. It returns where scanning goes on, or i.
func (p *typstParser) lineConstruct(i, hi int) int {
	src := p.src
	lineStart := strings.LastIndexByte(src[:i], '\n') + 1
	col := i - lineStart
	switch src[i] {
	case '=':
		j := i
		for j < hi && src[j] == '=' {
			j++
		}
		if j < hi && (src[j] == ' ' || src[j] == '\t') {
			p.begin(Heading)
			p.heading = true
			return j + 1
		}
	case '-', '+':
		if i+1 < hi && (src[i+1] == ' ' || src[i+1] == '\t') || i+1 == hi || src[i+1] == '\n' {
			if src[i] == '-' && i+1 < hi && src[i+1] == '-' {
				return i
			}
			p.begin(ListItem)
			p.itemCol = col
			return min(i+1, hi)
		}
	case '/':
		if i+1 < hi && src[i+1] == ' ' {
			p.begin(ListItem)
			p.itemCol = col
			return i + 2
		}
	case '`':
		if strings.HasPrefix(src[i:hi], "```") {
			p.end()
			return p.skipRaw(i, hi)
		}
	case '#':
		j := i + 1
		for j < hi && (isLetter(src[j]) || src[j] == '_') {
			j++
		}
		if typstStatements[src[i+1:j]] && src[i+1:j] != "context" {
			p.end()
			return p.skipStatement(j, hi)
		}
	default:
		if isDigit(src[i]) {
			j := i
			for j < hi && isDigit(src[j]) {
				j++
			}
			if j+1 < hi && src[j] == '.' && (src[j+1] == ' ' || src[j+1] == '\t') {
				p.begin(ListItem)
				p.itemCol = col
				return j + 2
			}
		}
	}
	return i
}

// hash handles an embedded expression at i ("#name…", "#(…)", "#{…}",
// "#[…]") and returns its end.
func (p *typstParser) hash(i, hi int) int {
	src := p.src
	j := i + 1
	name := ""
	var contents, args [][2]int
	switch src[j] {
	case '(':
		a := j + 1
		j = p.skipCode(a, hi, ')')
		args = append(args, [2]int{a, j})
	case '{':
		j = p.skipCode(j+1, hi, '}')
	case '[':
		k, closed := p.skipContent(j+1, hi)
		if !closed {
			return hi // unclosed: the rest is not markup Typst would read
		}
		contents = append(contents, [2]int{j + 1, k - 1})
		j = k
	default:
		s := j
		for j < hi && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '_' || src[j] == '-') {
			j++
		}
		for j > s+1 && src[j-1] == '-' {
			j--
		}
		name = src[s:j]
		if typstStatements[name] {
			e := p.skipStatement(j, hi)
			if !(p.empty() && restBlank(src, e, hi)) && name == "context" {
				p.placeholder(i, e)
			}
			return e
		}
	}
	for j < hi {
		switch {
		case src[j] == '(':
			a := j + 1
			j = p.skipCode(a, hi, ')')
			args = append(args, [2]int{a, j})
			continue
		case src[j] == '[':
			k, closed := p.skipContent(j+1, hi)
			if !closed {
				return hi
			}
			contents = append(contents, [2]int{j + 1, k - 1})
			j = k
			continue
		case src[j] == '.' && j+1 < hi && isLetter(src[j+1]):
			j++
			for j < hi && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '_' || src[j] == '-') {
				j++
			}
			continue
		}
		break
	}
	if len(contents) > 0 && !typstNoProse[name] && p.depth < typstMaxDepth {
		c := contents[0]
		p.depth++
		p.markup(c[0], c[1])
		p.depth--
		return j
	}
	if len(contents) > 0 {
		p.skip(i, j)
		return j
	}
	if p.empty() && restBlank(src, afterLabel(src, j, hi), hi) {
		// A call on a line of its own: a figure, an image. A figure's
		// caption is prose, a block of its own.
		for _, a := range args {
			if cs, ce, ok := p.caption(a[0], a[1]); ok && p.depth < typstMaxDepth {
				p.end()
				p.depth++
				p.markup(cs, ce)
				p.depth--
				p.end()
			}
		}
		return j
	}
	p.placeholder(i, j)
	return j
}

// caption finds a "caption: [...]" argument in the arguments [a, e) and
// returns its content's range.
func (p *typstParser) caption(a, e int) (int, int, bool) {
	k := strings.Index(p.src[a:e], "caption:")
	if k < 0 || (k > 0 && (isWordByte(p.src[a+k-1]) || p.src[a+k-1] == '-' || p.src[a+k-1] == '.')) {
		return 0, 0, false
	}
	c := a + k + len("caption:")
	for c < e && isSpace(p.src[c]) {
		c++
	}
	if c >= e || p.src[c] != '[' {
		return 0, 0, false
	}
	end, closed := p.skipContent(c+1, e)
	if !closed {
		return 0, 0, false
	}
	return c + 1, end - 1, true
}

// skipStatement skips a code statement from j to the end of its line,
// brackets (which may span lines) included.
func (p *typstParser) skipStatement(j, hi int) int {
	src := p.src
	for j < hi {
		switch src[j] {
		case '\n':
			// A statement goes on after a line ending in an operator or
			// when the next line starts with "else" or ".".
			k := j + 1
			for k < hi && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if strings.HasPrefix(src[k:hi], "else") || strings.HasPrefix(src[k:hi], ".") {
				j = k
				continue
			}
			return j
		case '(':
			j = p.skipCode(j+1, hi, ')')
			continue
		case '{':
			j = p.skipCode(j+1, hi, '}')
			continue
		case '[':
			j, _ = p.skipContent(j+1, hi)
			continue
		case '"':
			j = p.skipString(j, hi)
			continue
		case ';':
			return j + 1
		case '/':
			if j+1 < hi && src[j+1] == '/' {
				e := lineEnd(src, j)
				if e > j && src[e-1] == '\n' {
					e--
				}
				return e
			}
		}
		j++
	}
	return hi
}

// skipString skips a string literal starting at the quote at i.
func (p *typstParser) skipString(i, hi int) int {
	for j := i + 1; j < hi; j++ {
		switch p.src[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		case '\n':
			return j
		}
	}
	return hi
}

// skipCode skips code from j (just after an opening bracket) to just
// after its closer.
func (p *typstParser) skipCode(j, hi int, closer byte) int {
	if p.skipDepth >= typstMaxSkipDepth {
		return hi // pathological nesting: the rest is code
	}
	p.skipDepth++
	defer func() { p.skipDepth-- }()
	src := p.src
	for j < hi {
		switch c := src[j]; c {
		case closer:
			return j + 1
		case '(':
			j = p.skipCode(j+1, hi, ')')
			continue
		case '{':
			j = p.skipCode(j+1, hi, '}')
			continue
		case '[':
			j, _ = p.skipContent(j+1, hi)
			continue
		case ')', '}', ']':
			return j + 1 // unbalanced: stop here
		case '"':
			j = p.skipString(j, hi)
			continue
		case '`':
			j = p.skipRaw(j, hi)
			continue
		case '/':
			if j+1 < hi && src[j+1] == '/' {
				j = lineEnd(src, j)
				continue
			}
			if j+1 < hi && src[j+1] == '*' {
				j = p.skipBlockComment(j, hi)
				continue
			}
		}
		j++
	}
	return hi
}

// skipContent skips markup from j (just after "[") to just after its "]";
// closed is false when the content block does not close before hi.
func (p *typstParser) skipContent(j, hi int) (end int, closed bool) {
	if p.skipDepth >= typstMaxSkipDepth {
		return hi, false
	}
	p.skipDepth++
	defer func() { p.skipDepth-- }()
	src := p.src
	depth := 0
	for j < hi {
		switch src[j] {
		case '\\':
			j += 2
			continue
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return j + 1, true
			}
			depth--
		case '`':
			j = p.skipRaw(j, hi)
			continue
		case '$':
			j = p.skipMath(j+1, hi)
			continue
		case '#':
			if j+1 < hi && (isLetter(src[j+1]) || src[j+1] == '(' || src[j+1] == '{' || src[j+1] == '[') {
				j = p.skipHash(j, hi)
				continue
			}
		case '/':
			if j+1 < hi && src[j+1] == '/' && (j == 0 || src[j-1] != ':') {
				e := lineEnd(src, j)
				if e > j && src[e-1] == '\n' {
					e--
				}
				j = e
				continue
			}
			if j+1 < hi && src[j+1] == '*' {
				j = p.skipBlockComment(j, hi)
				continue
			}
		}
		j++
	}
	return hi, false
}

// skipHash skips an embedded expression at i without adding prose.
func (p *typstParser) skipHash(i, hi int) int {
	src := p.src
	j := i + 1
	switch src[j] {
	case '(':
		return p.skipCode(j+1, hi, ')')
	case '{':
		return p.skipCode(j+1, hi, '}')
	case '[':
		e, _ := p.skipContent(j+1, hi)
		return e
	}
	s := j
	for j < hi && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '_' || src[j] == '-') {
		j++
	}
	if typstStatements[src[s:j]] {
		return p.skipStatement(j, hi)
	}
	for j < hi {
		switch {
		case src[j] == '(':
			j = p.skipCode(j+1, hi, ')')
		case src[j] == '[':
			j, _ = p.skipContent(j+1, hi)
		case src[j] == '.' && j+1 < hi && isLetter(src[j+1]):
			j++
			for j < hi && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '_' || src[j] == '-') {
				j++
			}
		default:
			return j
		}
	}
	return j
}

// skipRaw skips raw text starting with the backticks at i.
func (p *typstParser) skipRaw(i, hi int) int {
	n := 0
	for i+n < hi && p.src[i+n] == '`' {
		n++
	}
	if n == 2 {
		return i + 2 // empty raw text
	}
	fence := p.src[i : i+n]
	if k := strings.Index(p.src[i+n:hi], fence); k >= 0 {
		return i + n + k + n
	}
	return hi
}

// skipMath skips math from j (just after "$") to just after its "$".
func (p *typstParser) skipMath(j, hi int) int {
	for ; j < hi; j++ {
		switch p.src[j] {
		case '\\':
			j++
		case '$':
			return j + 1
		case '"':
			j = p.skipString(j, hi) - 1
		}
	}
	return hi
}

// skipBlockComment skips a (nested) block comment starting at i.
func (p *typstParser) skipBlockComment(i, hi int) int {
	depth := 0
	for j := i; j+1 < hi; j++ {
		switch {
		case p.src[j] == '/' && p.src[j+1] == '*':
			depth++
			j++
		case p.src[j] == '*' && p.src[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return hi
}
