package markup

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// ChunkFlags tell Parse how to read a chunk.
type ChunkFlags uint8

const (
	// FrontMatter marks the YAML (---) or TOML (+++) front matter at the
	// very start of a Markdown document: it holds no prose.
	FrontMatter ChunkFlags = 1 << iota
	// TooDeep marks a chunk that nests block quotes or lists absurdly deep
	// (more than maxNesting markers or maxIndent columns of indentation on
	// one line). goldmark takes time quadratic in the depth there, so Parse
	// reads such a chunk as plain text instead.
	TooDeep
)

// Nesting limits beyond which a chunk is read as plain text. Real
// documents stay far below them.
const (
	maxNesting = 100
	maxIndent  = 400
)

// Chunk is a byte range of a document that parses independently of the
// rest: the blocks Parse finds in it are exactly the blocks a parse of the
// whole document finds there.
type Chunk struct {
	Start, End int
	Flags      ChunkFlags
}

// Text returns the chunk's text in src.
func (c Chunk) Text(src string) string { return src[c.Start:c.End] }

// IsMarkdown reports whether languageID names Markdown (by any of its
// ids in the format registry).
func IsMarkdown(languageID string) bool {
	return FormatFor(languageID) == markdownFormat
}

// Split cuts src into chunks that cover it in order without gaps and parse
// independently, as languageID's format does (Format.Split). Plain text
// is cut before each paragraph. Markdown is cut
// at a blank line followed by a line that is not indented, unless the blank
// line is inside front matter, a fenced code block, a $$ math block or an
// HTML block that ends at a marker (<!-- -->, <pre>, <script>, <style>,
// <textarea>, <? ?>, <!X >, CDATA) opened at the top level. To know what
// is top level it follows the list items, footnote definitions and block
// quotes as goldmark reads them, line by line, mostly from each line's
// first bytes; where a line has two readings (a setext underline after a
// paragraph that may turn out to be only link definitions or a table) it
// follows both and cuts only where both allow. A chunk that nests
// absurdly deep is flagged TooDeep.
func Split(languageID string, src string) []Chunk {
	return FormatFor(languageID).Split(src)
}

func splitPlain(src string) []Chunk {
	src = lfLines(src)
	var chunks []Chunk
	start, prevBlank := 0, false
	for pos := 0; pos < len(src); {
		end := lineEnd(src, pos)
		if isBlankLine(src[pos:end]) {
			prevBlank = true
		} else {
			if prevBlank && pos > start {
				chunks = append(chunks, Chunk{Start: start, End: pos})
				start = pos
			}
			prevBlank = false
		}
		pos = end
	}
	if len(src) > start || len(chunks) == 0 {
		chunks = append(chunks, Chunk{Start: start, End: len(src)})
	}
	return chunks
}

// lineEnd returns the offset just past the '\n' ending the line at pos, or
// len(s).
func lineEnd(s string, pos int) int {
	if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
		return pos + i + 1
	}
	return len(s)
}

// isSpace matches goldmark's util.IsSpace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func isBlankLine(line string) bool {
	for i := 0; i < len(line); i++ {
		if !isSpace(line[i]) {
			return false
		}
	}
	return true
}

// verbatimKind is the kind of a multi-line block whose content is not
// Markdown and may hold blank lines.
type verbatimKind uint8

const (
	noVerbatim verbatimKind = iota
	fenceBlock
	mathBlock
	htmlBlock
)

type verbatim struct {
	kind      verbatimKind
	fenceChar byte
	fenceLen  int
	htmlType  int // 1..5
}

// htmlType1Close ends an HTML block of type 1; it runs only on lines
// inside such a block.
var htmlType1Close = regexp.MustCompile(`(?i)^.*</(?:script|pre|style|textarea)>.*`)

// isBlockTag reports whether name, in any case, is in htmlBlockTags.
func isBlockTag(name string) bool {
	var buf [10]byte
	if len(name) > len(buf) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return htmlBlockTags[string(buf[:len(name)])]
}

// htmlBlockTags are the tag names that open an HTML block of type 6.
var htmlBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true,
	"blockquote": true, "body": true, "caption": true, "center": true, "col": true,
	"colgroup": true, "dd": true, "details": true, "dialog": true, "dir": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "frame": true, "frameset": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true,
	"html": true, "iframe": true, "legend": true, "li": true, "link": true, "main": true,
	"menu": true, "menuitem": true, "meta": true, "nav": true, "noframes": true, "ol": true,
	"optgroup": true, "option": true, "p": true, "param": true, "search": true,
	"section": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "title": true, "tr": true, "track": true,
	"ul": true,
}

// htmlOpen returns the HTML block type (1..7) that the line opens whose
// content, after an indent of at most 3 columns, is t; or 0.
// inParagraph tells whether the line would continue a paragraph, which
// type 7 cannot interrupt. The patterns and their order are goldmark's.
func htmlOpen(t string, inParagraph bool) int {
	if len(t) < 2 || t[0] != '<' {
		return 0
	}
	switch {
	case htmlType1Start(t):
		return 1
	case strings.HasPrefix(t, "<!--"):
		return 2
	case strings.HasPrefix(t, "<?"):
		return 3
	case len(t) > 2 && t[1] == '!' && t[2] >= 'A' && t[2] <= 'Z':
		return 4
	case strings.HasPrefix(t, "<![CDATA["):
		return 5
	}
	if tag, isClose, hasAttr, ok := htmlCompleteTag(t); ok {
		if isBlockTag(tag) {
			return 6
		}
		if !strings.EqualFold(tag, "script") && !strings.EqualFold(tag, "style") && !strings.EqualFold(tag, "pre") &&
			!inParagraph && !(isClose && hasAttr) {
			return 7
		}
	}
	if htmlType6Start(t) {
		return 6
	}
	return 0
}

// isLineEnd reports whether s is "", "\n" or "\r\n".
func isLineEnd(s string) bool {
	return s == "" || s == "\n" || s == "\r\n"
}

func isTagNameByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '-' }

// htmlTagName returns the length of the tag name at the start of s.
func htmlTagName(s string) int {
	if s == "" || !isLetter(s[0]) {
		return 0
	}
	n := 1
	for n < len(s) && isTagNameByte(s[n]) {
		n++
	}
	return n
}

// htmlType1Start matches goldmark's
// (?i)^<(script|pre|style|textarea)(?:\s.*|>.*|/>.*|)(?:\r\n|\n)?$.
func htmlType1Start(t string) bool {
	n := htmlTagName(t[1:])
	name := t[1 : 1+n]
	if !strings.EqualFold(name, "script") && !strings.EqualFold(name, "pre") &&
		!strings.EqualFold(name, "style") && !strings.EqualFold(name, "textarea") {
		return false
	}
	rest := t[1+n:]
	if isLineEnd(rest) {
		return true
	}
	switch rest[0] {
	case ' ', '\t', '\n', '\f', '\r', '>':
		return true
	case '/':
		return len(rest) > 1 && rest[1] == '>'
	}
	return false
}

// htmlType6Start matches goldmark's
// ^<(?:/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(?:[ ].*|>.*|/>.*|)(?:\r\n|\n)?$
// with a block tag name.
func htmlType6Start(t string) bool {
	i := 1
	if i < len(t) && t[i] == '/' {
		i++
		for i < len(t) && t[i] == ' ' {
			i++
		}
	}
	n := htmlTagName(t[i:])
	if n == 0 || !isBlockTag(t[i:i+n]) {
		return false
	}
	rest := t[i+n:]
	if isLineEnd(rest) {
		return true
	}
	switch rest[0] {
	case ' ', '>':
		return true
	case '/':
		return len(rest) > 1 && rest[1] == '>'
	}
	return false
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// htmlCompleteTag matches goldmark's type 7 pattern: a whole open or
// closing tag, alone on the line but for spaces:
// ^<(/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(attribute*)[ ]*(?:>|/>)[ ]*(?:\r\n|\n)?$
func htmlCompleteTag(t string) (tag string, isClose, hasAttr, ok bool) {
	i := 1
	if i < len(t) && t[i] == '/' {
		i++
		// goldmark compares its "/[ ]*" group with "/": spaces after the
		// slash make it no closing tag.
		isClose = i < len(t) && t[i] != ' '
		for i < len(t) && t[i] == ' ' {
			i++
		}
	}
	n := htmlTagName(t[i:])
	if n == 0 {
		return "", false, false, false
	}
	tag = t[i : i+n]
	i += n
	attrStart := i
	for {
		j := i
		for j < len(t) && isHTMLSpace(t[j]) {
			j++
		}
		if j == i || j >= len(t) || !(isLetter(t[j]) || t[j] == '_' || t[j] == ':') {
			break
		}
		j++
		for j < len(t) && (isLetter(t[j]) || isDigit(t[j]) || t[j] == ':' || t[j] == '.' || t[j] == '_' || t[j] == '-') {
			j++
		}
		// Optional value.
		k := j
		for k < len(t) && isHTMLSpace(t[k]) {
			k++
		}
		if k < len(t) && t[k] == '=' {
			k++
			for k < len(t) && isHTMLSpace(t[k]) {
				k++
			}
			if v := htmlAttrValue(t[k:]); v > 0 {
				j = k + v
			}
		}
		i = j
	}
	hasAttr = i > attrStart
	for i < len(t) && t[i] == ' ' {
		i++
	}
	switch {
	case i < len(t) && t[i] == '>':
		i++
	case i+1 < len(t) && t[i] == '/' && t[i+1] == '>':
		i += 2
	default:
		return "", false, false, false
	}
	for i < len(t) && t[i] == ' ' {
		i++
	}
	if !isLineEnd(t[i:]) {
		return "", false, false, false
	}
	return tag, isClose, hasAttr, true
}

// htmlAttrValue returns the length of the attribute value at the start of
// s, or 0.
func htmlAttrValue(s string) int {
	if s == "" {
		return 0
	}
	switch q := s[0]; q {
	case '"', '\'':
		if k := strings.IndexByte(s[1:], q); k >= 0 {
			return k + 2
		}
		return 0
	}
	n := 0
	for n < len(s) && !strings.ContainsRune("\"'=<>`", rune(s[n])) && s[n] > 0x20 {
		n++
	}
	return n
}

func htmlCloses(typ int, line string) bool {
	switch typ {
	case 1:
		return htmlType1Close.MatchString(line)
	case 2:
		return strings.Contains(line, "-->")
	case 3:
		return strings.Contains(line, "?>")
	case 4:
		return strings.Contains(line, ">")
	case 5:
		return strings.Contains(line, "]]>")
	case 6, 7:
		return isBlankLine(line)
	}
	return true
}

// fenceOpen reports whether s (a line with its indent removed) opens a
// code fence, and with what.
func fenceOpen(s string) (char byte, n int, ok bool) {
	if len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return 0, 0, false
	}
	c := s[0]
	for n < len(s) && s[n] == c {
		n++
	}
	if n < 3 {
		return 0, 0, false
	}
	if c == '`' && strings.IndexByte(s[n:], '`') >= 0 {
		return 0, 0, false
	}
	return c, n, true
}

// fenceCloses reports whether s (a line with its indent removed, indent
// at most 3) closes a fence of char c and length n.
func fenceCloses(s string, c byte, n int) bool {
	i := 0
	for i < len(s) && s[i] == c {
		i++
	}
	return i >= n && isBlankLine(s[i:])
}

// mathOpen reports whether s (a line with its indent removed) opens a $$
// math block, and whether the block also ends on this line.
func mathOpen(s string) (open, closed bool) {
	if !strings.HasPrefix(s, "$$") {
		return false, false
	}
	rest := strings.TrimRight(s[2:], " \t\r\n")
	if rest == "" {
		return true, false
	}
	if len(rest) >= 2 && strings.HasSuffix(rest, "$$") {
		return true, true
	}
	return false, false
}

// indentOf returns the column of the first non-space byte of line (tabs to
// the next multiple of 4) and its byte index.
func indentOf(line string) (col, idx int) {
	return indentFrom(line, 0)
}

// indentFrom is indentOf for a string that starts at column start; the
// column it returns is relative to start.
func indentFrom(s string, start int) (width, idx int) {
	col := start
	for idx < len(s) {
		switch s[idx] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col - start, idx
		}
		idx++
	}
	return col - start, idx
}

// listMarker returns the width of a list marker at the start of s and
// whether the item's content is empty, or ok false.
func listMarker(s string) (width int, empty, ordered1, ok bool) {
	if s == "" {
		return 0, false, false, false
	}
	n := 0
	switch s[0] {
	case '-', '+', '*':
		n = 1
	default:
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n > 9 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0, false, false, false
		}
		ordered1 = s[:n] == "1" || strings.TrimLeft(s[:n], "0") == "1"
		n++
	}
	// As goldmark's parseListItem reads it, a marker right before a CR is
	// no list item: "-\r\n" (an empty item in a CRLF document) is a
	// paragraph to goldmark, so it must be one here too.
	if n < len(s) && s[n] != ' ' && s[n] != '\t' && s[n] != '\n' {
		return 0, false, false, false
	}
	return n, isBlankLine(s[n:]), ordered1, true
}

// footnoteDefLen returns the length of a footnote definition's "[^label]:"
// at the start of s, or 0, as goldmark's footnote parser reads it.
func footnoteDefLen(s string) int {
	if len(s) < 5 || s[0] != '[' || s[1] != '^' {
		return 0
	}
	for i := 2; i < len(s) && i < 2+999; i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i++
			}
		case '[':
			return 0
		case ']':
			if i+1 >= len(s) || s[i+1] != ':' || isBlankLine(s[2:i]) {
				return 0
			}
			return i + 2
		}
	}
	return 0
}

func isThematicBreak(s string) bool {
	if s == "" || (s[0] != '-' && s[0] != '*' && s[0] != '_') {
		return false
	}
	c, n := s[0], 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// quoteContent strips the block-quote markers (each with one optional
// space) and list markers that open the line content s. indented reports
// content indented 4 columns or more past a '>': indented code, or a
// paragraph's continuation; inList that list markers were stripped.
func quoteContent(s string) (content string, indented, inList bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, ">") {
			s = s[1:]
			if strings.HasPrefix(s, " ") {
				s = s[1:]
			}
			if col, _ := indentOf(s); col >= 4 && !isBlankLine(s) {
				return s, true, inList
			}
			continue
		}
		if w, empty, _, ok := listMarker(s); ok && !empty && !isThematicBreak(s) {
			s = s[w:]
			inList = true
			continue
		}
		return s, false, inList
	}
}

// quoteLine classifies a block-quote line (rest starts with '>'): whether
// it leaves a paragraph open that the next line may continue lazily, and
// the verbatim block it opens or continues inside the quote.
func (s *mdSplitter) quoteLine(rest string, depth int) {
	if depth != s.quoteDepth {
		// Another quote: the one that held quoteVerb has ended.
		s.quoteVerb, s.quoteDepth = verbatim{}, depth
	}
	continuing := s.prevText && s.paraDepth == -1
	s.paraDepth = -1
	content, indented, inList := quoteContent(rest)
	if v := s.quoteVerb; v.kind != noVerbatim {
		t := strings.TrimLeft(content, " ")
		if closesVerbatim(v, content, len(content)-len(t), len(content)-len(t)) {
			s.quoteVerb = verbatim{}
		}
		s.prevText = false
		return
	}
	if indented {
		s.prevText = continuing
		return
	}
	s.prevText = false
	defer func() {
		if inList {
			// A verbatim block in a list item in a quote ends with the
			// item, which this does not track: leave it untracked.
			s.quoteVerb = verbatim{}
		}
	}()
	switch {
	case isBlankLine(content) || isATXHeading(content) || isThematicBreak(content):
	case strings.HasPrefix(content, "`") || strings.HasPrefix(content, "~"):
		if c, n, ok := fenceOpen(content); ok {
			s.quoteVerb = verbatim{kind: fenceBlock, fenceChar: c, fenceLen: n}
		} else {
			s.prevText = true
		}
	case strings.HasPrefix(content, "$$"):
		if open, closed := mathOpen(content); open {
			if !closed {
				s.quoteVerb = verbatim{kind: mathBlock}
			}
		} else {
			s.prevText = true
		}
	case strings.HasPrefix(content, "<"):
		if t := htmlOpen(content, continuing); t != 0 {
			if t >= 6 || !htmlCloses(t, content) {
				s.quoteVerb = verbatim{kind: htmlBlock, htmlType: t}
			}
		} else {
			s.prevText = true
		}
	default:
		s.prevText = true
	}
}

// isDelimiterRow reports whether s may be a table's delimiter row: only
// '|', ':', '-' and spaces, with a '-' and a '|' or ':' (a row of '-'
// alone is a setext underline).
func isDelimiterRow(s string) bool {
	if s == "" || (s[0] != '|' && s[0] != ':' && s[0] != '-') {
		return false
	}
	dash, bar := false, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			dash = true
		case '|', ':':
			bar = true
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return dash && bar
}

func isSetextUnderline(s string) bool {
	if s == "" || (s[0] != '=' && s[0] != '-') {
		return false
	}
	c, i := s[0], 0
	for i < len(s) && s[i] == c {
		i++
	}
	return isBlankLine(s[i:])
}

func isATXHeading(s string) bool {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(s) || s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\r')
}

// mdSplitter tracks just enough block structure to know where a blank line
// is a clean cut: the multi-line verbatim block open at the top level, and
// the content columns of the list items open since the last cut, with any
// verbatim block open inside the innermost of them.
type mdSplitter struct {
	top       verbatim
	items     []int // content column of each open list item, increasing
	nested    verbatim
	nestedCol int // content column of the item holding nested
	prevBlank bool
	prevText  bool // the previous line could be continued as a paragraph
	paraDepth int  // the item depth that paragraph is in; -1 inside a quote
	// paraMayVanish: the open paragraph may turn out to be only link
	// reference definitions or a table, and then a setext underline after
	// it is not one.
	paraMayVanish bool
	tooDeep       bool     // a line nests beyond the limits
	emptyItem     bool     // the innermost item opened with an empty line
	emptyMarker   byte     // and its marker: '-', '+', '*', '.' or ')'
	quoteVerb     verbatim // the verbatim block open inside a block quote
	quoteDepth    int      // the item depth of that quote
	// fork is the other reading of an ambiguous line, set by line.
	fork *mdSplitter
}

// maxReadings bounds the readings followed at once; past it the rest of
// the document is not cut again (always correct, only coarser).
const maxReadings = 8

// splitMarkdown follows every reading of the document that the cheap line
// classification cannot decide between, and cuts only where all of them
// are at a clean point.
func splitMarkdown(src string) []Chunk {
	src = lfLines(src)
	chunks := make([]Chunk, 0, len(src)/256+1)
	start := 0
	if n := frontMatterLen(src); n > 0 {
		chunks = append(chunks, Chunk{Start: 0, End: n, Flags: FrontMatter})
		start = n
	}
	states := []mdSplitter{{}}
	noCut := false
	for pos := start; pos < len(src); {
		end := lineEnd(src, pos)
		line := src[pos:end]
		if states[0].prevBlank && !noCut && pos > start && line[0] != ' ' && line[0] != '\t' && cleanCut(states) && !isBlankLine(line) {
			chunks = append(chunks, Chunk{Start: start, End: pos, Flags: flagsOf(states)})
			start = pos
			states = append(states[:0], mdSplitter{})
		}
		n := len(states)
		for i := 0; i < n; i++ {
			states[i].line(line)
			if f := states[i].fork; f != nil {
				states[i].fork = nil
				states = append(states, *f)
			}
		}
		if len(states) > 1 {
			states = dedupe(states)
			if len(states) > maxReadings {
				noCut = true
				states = states[:1]
			}
		}
		pos = end
	}
	if len(src) > start || len(chunks) == 0 {
		chunks = append(chunks, Chunk{Start: start, End: len(src), Flags: flagsOf(states)})
	}
	return chunks
}

func cleanCut(states []mdSplitter) bool {
	for i := range states {
		if states[i].top.kind != noVerbatim || !states[i].prevBlank {
			return false
		}
	}
	return true
}

func flagsOf(states []mdSplitter) ChunkFlags {
	var f ChunkFlags
	for i := range states {
		f |= states[i].flags()
	}
	return f
}

func dedupe(states []mdSplitter) []mdSplitter {
	out := states[:1]
	for _, s := range states[1:] {
		dup := false
		for i := range out {
			if out[i].same(&s) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

func (s *mdSplitter) same(o *mdSplitter) bool {
	return s.top == o.top && s.nested == o.nested && s.nestedCol == o.nestedCol &&
		s.prevBlank == o.prevBlank && s.prevText == o.prevText && s.paraDepth == o.paraDepth &&
		s.paraMayVanish == o.paraMayVanish && s.tooDeep == o.tooDeep && s.emptyItem == o.emptyItem && s.emptyMarker == o.emptyMarker && s.quoteVerb == o.quoteVerb && s.quoteDepth == o.quoteDepth &&
		slices.Equal(s.items, o.items)
}

func (s *mdSplitter) clone() *mdSplitter {
	c := *s
	c.items = slices.Clone(s.items)
	c.fork = nil
	return &c
}

func (s *mdSplitter) flags() ChunkFlags {
	if s.tooDeep {
		return TooDeep
	}
	return 0
}

// nestingMarkers counts the block-quote and list markers that open the
// line content s.
func nestingMarkers(s string) int {
	n := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			n++
			i++
		case (c == '-' || c == '+' || c == '*') && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t'):
			n++
			i += 2
		case isDigit(c):
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j+1 >= len(s) || (s[j] != '.' && s[j] != ')') || (s[j+1] != ' ' && s[j+1] != '\t') {
				return n
			}
			n++
			i = j + 2
		default:
			return n
		}
	}
	return n
}

func (s *mdSplitter) line(line string) {
	if s.top.kind != noVerbatim {
		s.continueTop(line)
		s.prevBlank, s.prevText = s.top.kind == noVerbatim && isBlankLine(line), false
		return
	}
	if isBlankLine(line) {
		s.quoteVerb = verbatim{}
		if s.nested.kind == htmlBlock && s.nested.htmlType >= 6 {
			s.nested = verbatim{}
		}
		if s.emptyItem && s.nested.kind == noVerbatim && len(s.items) > 0 {
			// An item can start with at most one blank line: an empty item
			// followed by a blank line ends.
			s.items = s.items[:len(s.items)-1]
		}
		s.emptyItem = false
		s.prevBlank, s.prevText = true, false
		return
	}
	wasEmpty := s.emptyItem
	s.emptyItem = false
	col, idx := indentOf(line)
	if line[idx] != '>' {
		// A line that is not a block quote's ends what was open in one.
		s.quoteVerb = verbatim{}
	}
	if col > maxIndent {
		s.tooDeep = true
	}
	if wasEmpty && len(s.items) > 0 {
		// goldmark closes a list whose last item is empty when a marker of
		// another kind follows, however far it is indented.
		base := 0
		if len(s.items) > 1 {
			base = s.items[len(s.items)-2]
		}
		if rest := line[idx:]; col-base < 4 && !isThematicBreak(rest) {
			if w, _, _, ok := listMarker(rest); ok && rest[w-1] != s.emptyMarker {
				s.items = s.items[:len(s.items)-1]
			}
		}
	}
	if c := line[idx]; c == '>' || c == '-' || c == '+' || c == '*' || isDigit(c) {
		if nestingMarkers(line[idx:]) > maxNesting {
			s.tooDeep = true
		}
	}
	if s.nested.kind != noVerbatim {
		if col >= s.nestedCol {
			if closesVerbatim(s.nested, line, col-s.nestedCol, idx) {
				s.nested = verbatim{}
			}
			s.prevBlank, s.prevText = false, false
			return
		}
		// A less indented line ends the item and the block inside it.
		s.nested = verbatim{}
		s.prevText = false
		s.popItems(col)
	}
	if s.prevBlank {
		s.popItems(col)
		s.prevText = false
	}
	s.prevBlank = false
	s.blockStart(line, col, idx)
}

// blockStart classifies the line content that begins at byte idx, column
// col, and updates the state.
func (s *mdSplitter) blockStart(line string, col, idx int) {
	base := 0
	depth := len(s.items)
	for depth > 0 && s.items[depth-1] > col {
		depth--
	}
	if depth > 0 {
		base = s.items[depth-1]
	}
	rest := line[idx:]
	if col-base >= 4 {
		// A paragraph's continuation, or indented code in the item at depth.
		if !s.prevText {
			s.items = s.items[:depth]
		} else if isDelimiterRow(rest) {
			s.paraMayVanish = true
		}
		return
	}
	if c := rest[0]; isLetter(c) || c >= utf8.RuneSelf {
		// No block starts with a letter: the common case, decided fast.
		s.paragraphLine(rest, depth)
		return
	}
	if c, n, ok := fenceOpen(rest); ok {
		s.items = s.items[:depth]
		s.openVerbatim(verbatim{kind: fenceBlock, fenceChar: c, fenceLen: n}, depth, false)
		return
	}
	if open, closed := mathOpen(rest); open {
		s.items = s.items[:depth]
		if !closed {
			s.openVerbatim(verbatim{kind: mathBlock}, depth, false)
		}
		s.prevText = false
		return
	}
	if rest[0] == '<' {
		if t := htmlOpen(rest, s.prevText); t > 0 {
			s.items = s.items[:depth]
			s.openVerbatim(verbatim{kind: htmlBlock, htmlType: t}, depth, t <= 5 && htmlCloses(t, rest))
			return
		}
	}
	if s.prevText && s.paraDepth == depth && isSetextUnderline(rest) {
		if s.paraMayVanish && s.fork == nil {
			// If the paragraph was only definitions or a table, the
			// underline is read as whatever else it is.
			alt := s.clone()
			alt.prevText = false
			alt.blockStart(line, col, idx)
			s.fork = alt
		}
		// The paragraph becomes a heading and ends.
		s.prevText = false
		return
	}
	if isThematicBreak(rest) || isATXHeading(rest) {
		s.items = s.items[:depth]
		s.prevText = false
		return
	}
	if rest[0] == '>' {
		s.items = s.items[:depth]
		// Block quote content is not tracked: a blank line ends it. A line
		// without '>' may continue its paragraph lazily but never reaches it
		// to be subject to the paragraph-interruption rules.
		s.quoteLine(rest, depth)
		return
	}
	if n := footnoteDefLen(rest); n > 0 {
		// A footnote definition is a container like a list item whose
		// content is indented 4 columns past its own container.
		s.items = append(s.items[:depth], base+4)
		s.prevText, s.emptyItem = false, false
		after := rest[n:]
		if len(s.items) > maxNesting {
			s.tooDeep = true
			return
		}
		if !isBlankLine(after) {
			// The content starts right after the colon; its indent is
			// the spaces there.
			sp, sidx := indentFrom(after, col+n)
			s.blockStart(line, base+4+sp, idx+n+sidx)
		}
		return
	}
	if w, empty, ordered1, ok := listMarker(rest); ok {
		// A list item interrupts a paragraph in the same container only
		// when it is not empty and, if ordered, starts at 1.
		interrupts := !s.prevText || s.paraDepth != depth || (!empty && (rest[0] == '-' || rest[0] == '+' || rest[0] == '*' || ordered1))
		if interrupts {
			s.items = s.items[:depth]
			after := rest[w:]
			sp, sidx := indentFrom(after, col+w)
			content := col + w + 1
			if !isBlankLine(after) && sp >= 1 && sp <= 4 {
				content = col + w + sp
			}
			s.items = append(s.items, content)
			s.prevText = false
			s.emptyItem, s.emptyMarker = isBlankLine(after), rest[w-1]
			if len(s.items) > maxNesting {
				s.tooDeep = true
				return
			}
			if !isBlankLine(after) && sp <= 4 {
				s.blockStart(line, col+w+sp, idx+w+sidx)
			}
			return
		}
	}
	s.paragraphLine(rest, depth)
}

// paragraphLine handles a line of paragraph text: a lazy continuation of
// an open paragraph, or a new paragraph in the item at depth.
func (s *mdSplitter) paragraphLine(rest string, depth int) {
	if !s.prevText {
		s.items = s.items[:depth]
		s.paraDepth = depth
		s.paraMayVanish = rest[0] == '['
	}
	// A table's delimiter row can be any line of the paragraph but the first.
	s.paraMayVanish = s.paraMayVanish || isDelimiterRow(rest)
	s.prevText = true
}

func (s *mdSplitter) openVerbatim(v verbatim, depth int, closedOnSameLine bool) {
	s.prevText = false
	if closedOnSameLine {
		return
	}
	if depth == 0 {
		s.top = v
		s.items = s.items[:0]
		return
	}
	s.nested = v
	s.nestedCol = s.items[depth-1]
}

func (s *mdSplitter) popItems(col int) {
	for len(s.items) > 0 && s.items[len(s.items)-1] > col {
		s.items = s.items[:len(s.items)-1]
	}
}

func (s *mdSplitter) continueTop(line string) {
	col, idx := indentOf(line)
	if closesVerbatim(s.top, line, col, idx) {
		s.top = verbatim{}
	}
}

// closesVerbatim reports whether line ends the verbatim block v; col is the
// line's indent relative to the block's container.
func closesVerbatim(v verbatim, line string, col, idx int) bool {
	switch v.kind {
	case fenceBlock:
		return col <= 3 && fenceCloses(line[idx:], v.fenceChar, v.fenceLen)
	case mathBlock:
		return strings.Contains(line, "$$")
	case htmlBlock:
		return htmlCloses(v.htmlType, line)
	}
	return true
}

// FrontMatterLen returns the length of the front matter that opens the
// Markdown document src (the FrontMatter chunk Split gives first), or 0,
// without splitting the rest: what a caller asking only about the top of
// a document needs (1.7 ms and 280 KB saved on the Rust Book, measured).
func FrontMatterLen(src string) int { return frontMatterLen(src) }

// frontMatterLen returns the length of the front matter at the start of
// src (through the end of its closing line), or 0. YAML front matter opens
// with a line "---" and closes with "---" or "..."; TOML with "+++" and
// "+++". Without a closing line there is no front matter.
func frontMatterLen(src string) int {
	src = lfLines(src)
	first := lineEnd(src, 0)
	delim := strings.TrimRight(src[:first], " \t\r\n")
	if delim != "---" && delim != "+++" {
		return 0
	}
	for pos := first; pos < len(src); {
		end := lineEnd(src, pos)
		l := strings.TrimRight(src[pos:end], " \t\r\n")
		if l == delim || (delim == "---" && l == "...") {
			return end
		}
		pos = end
	}
	return 0
}
