package markup

import (
	"regexp"
	"strings"
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

// IsMarkdown reports whether languageID names Markdown; every other
// language is read as plain text.
func IsMarkdown(languageID string) bool {
	switch strings.ToLower(languageID) {
	case "markdown", "md", "gfm", "commonmark", "mdx":
		return true
	}
	return false
}

// Split cuts src into chunks that cover it in order without gaps and parse
// independently. Plain text is cut before each paragraph. Markdown is cut
// at a blank line followed by a line that is not indented, unless the blank
// line is inside front matter, a fenced code block, a $$ math block or an
// HTML block that ends at a marker (<!-- -->, <pre>, <script>, <style>,
// <textarea>, <? ?>, <!X >, CDATA) opened at the top level. It reads each
// line once and looks only at its first bytes.
func Split(languageID string, src string) []Chunk {
	if IsMarkdown(languageID) {
		return splitMarkdown(src)
	}
	return splitPlain(src)
}

func splitPlain(src string) []Chunk {
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

var (
	htmlType1Open  = regexp.MustCompile(`(?i)^[ ]{0,3}<(script|pre|style|textarea)(?:\s.*|>.*|/>.*|)(?:\r\n|\n)?$`)
	htmlType1Close = regexp.MustCompile(`(?i)^.*</(?:script|pre|style|textarea)>.*`)
	htmlType4Open  = regexp.MustCompile(`^[ ]{0,3}<![A-Z]+.*(?:\r\n|\n)?$`)
)

// htmlOpen returns the HTML block type (1..5) that line opens, or 0. The
// patterns are goldmark's.
func htmlOpen(line string) int {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 2 || t[0] != '<' {
		return 0
	}
	switch {
	case htmlType1Open.MatchString(line):
		return 1
	case strings.HasPrefix(t, "<!--"):
		return 2
	case strings.HasPrefix(t, "<?"):
		return 3
	case htmlType4Open.MatchString(line):
		return 4
	case strings.HasPrefix(t, "<![CDATA["):
		return 5
	}
	return 0
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
	for idx < len(line) {
		switch line[idx] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, idx
		}
		idx++
	}
	return col, idx
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
	if n < len(s) && s[n] != ' ' && s[n] != '\t' && s[n] != '\n' && s[n] != '\r' {
		return 0, false, false, false
	}
	return n, isBlankLine(s[n:]), ordered1, true
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
	tooDeep   bool // a line nests beyond the limits
	emptyItem bool // the innermost item opened with an empty line
}

func splitMarkdown(src string) []Chunk {
	var chunks []Chunk
	start := 0
	if n := frontMatterLen(src); n > 0 {
		chunks = append(chunks, Chunk{Start: 0, End: n, Flags: FrontMatter})
		start = n
	}
	var s mdSplitter
	for pos := start; pos < len(src); {
		end := lineEnd(src, pos)
		line := src[pos:end]
		if s.top.kind == noVerbatim && s.prevBlank && pos > start &&
			line[0] != ' ' && line[0] != '\t' && !isBlankLine(line) {
			chunks = append(chunks, Chunk{Start: start, End: pos, Flags: s.flags()})
			start = pos
			s = mdSplitter{}
		}
		s.line(line)
		pos = end
	}
	if len(src) > start || len(chunks) == 0 {
		chunks = append(chunks, Chunk{Start: start, End: len(src), Flags: s.flags()})
	}
	return chunks
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
		s.prevBlank, s.prevText = false, false
		return
	}
	if isBlankLine(line) {
		if s.emptyItem && s.nested.kind == noVerbatim && len(s.items) > 0 {
			// An item can start with at most one blank line: an empty item
			// followed by a blank line ends.
			s.items = s.items[:len(s.items)-1]
		}
		s.emptyItem = false
		s.prevBlank, s.prevText = true, false
		return
	}
	s.emptyItem = false
	col, idx := indentOf(line)
	if col > maxIndent {
		s.tooDeep = true
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
	s.blockStart(line, col, idx, true)
}

// blockStart classifies the line content that begins at byte idx, column
// col, and updates the state.
func (s *mdSplitter) blockStart(line string, col, idx int, mayBeLazy bool) {
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
		}
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
		if t := htmlOpen(strings.Repeat(" ", min(col-base, 3)) + rest); t > 0 {
			s.items = s.items[:depth]
			s.openVerbatim(verbatim{kind: htmlBlock, htmlType: t}, depth, htmlCloses(t, rest))
			return
		}
	}
	if isThematicBreak(rest) || isATXHeading(rest) {
		s.items = s.items[:depth]
		s.prevText = false
		return
	}
	if rest[0] == '>' {
		s.items = s.items[:depth]
		// Block quote content is not tracked: a blank line ends it.
		s.prevText = true
		return
	}
	if w, empty, ordered1, ok := listMarker(rest); ok {
		interrupts := !s.prevText || (!empty && (rest[0] == '-' || rest[0] == '+' || rest[0] == '*' || ordered1))
		if interrupts {
			s.items = s.items[:depth]
			after := rest[w:]
			sp, sidx := indentOf(after)
			content := col + w + 1
			if !isBlankLine(after) && sp >= 1 && sp <= 4 {
				content = col + w + sp
			}
			s.items = append(s.items, content)
			s.prevText = false
			s.emptyItem = isBlankLine(after)
			if len(s.items) > maxNesting {
				s.tooDeep = true
				return
			}
			if !isBlankLine(after) && sp <= 4 {
				s.blockStart(line, col+w+sp, idx+w+sidx, false)
			}
			return
		}
	}
	// Paragraph text: a lazy continuation of an open paragraph, or a new
	// paragraph in the item at depth.
	if !s.prevText {
		s.items = s.items[:depth]
	}
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

// frontMatterLen returns the length of the front matter at the start of
// src (through the end of its closing line), or 0. YAML front matter opens
// with a line "---" and closes with "---" or "..."; TOML with "+++" and
// "+++". Without a closing line there is no front matter.
func frontMatterLen(src string) int {
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
