package markup

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The goldmark parsers are immutable once built and safe for concurrent
// use; they are built on first use.
var (
	proseParser      = sync.OnceValue(func() parser.Parser { return newProseParser(true) })
	unlinkedParser   = sync.OnceValue(func() parser.Parser { return newProseParser(false) })
	definitionParser = sync.OnceValue(newDefinitionParser)
)

// blockParsers are CommonMark's plus $$ math blocks and footnote
// definitions. Both parsers use the same set, so they agree on where
// link reference definitions can be.
func blockParsers() []util.PrioritizedValue {
	return append(parser.DefaultBlockParsers(),
		util.Prioritized(mathBlockParser{}, 690),
		util.Prioritized(extension.NewFootnoteBlockParser(), 999),
	)
}

// newProseParser builds the parser of prose; without links, it has no
// parser for bare URLs and e-mail addresses (linkify), which goldmark
// offers every space, line start, '*', '_', '~' and '(' to. A chunk in
// which none can start (mayHoldBareURL) is read the same without it, and
// at half the cost of the inline parsing: each of those offers splits
// the text where it stands and costs a look at the line.
func newProseParser(links bool) parser.Parser {
	inlines := []util.PrioritizedValue{
		util.Prioritized(wrapRange(parser.NewCodeSpanParser(), false), 100),
		util.Prioritized(footnoteRefParser{}, 101),
		util.Prioritized(inlineMathParser{}, 150),
		util.Prioritized(parser.NewLinkParser(), 200),
		util.Prioritized(wrapRange(parser.NewAutoLinkParser(), false), 300),
		util.Prioritized(parser.NewRawHTMLParser(), 400),
		util.Prioritized(parser.NewEmphasisParser(), 500),
		util.Prioritized(extension.NewStrikethroughParser(), 500),
		util.Prioritized(extension.NewTaskCheckBoxParser(), 0),
	}
	if links {
		inlines = append(inlines, util.Prioritized(wrapRange(extension.NewLinkifyParser(), true), 999))
	}
	return parser.NewParser(
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(paragraphTransformers()...),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
}

// paragraphTransformers are CommonMark's (link reference definitions) and
// GFM tables'. The table transformer changes what a setext underline
// sees, so the definition parser needs it too.
func paragraphTransformers() []util.PrioritizedValue {
	return append(parser.DefaultParagraphTransformers(),
		util.Prioritized(extension.NewTableParagraphTransformer(), 200))
}

// newDefinitionParser parses blocks only: enough to find link reference
// definitions exactly where goldmark finds them.
func newDefinitionParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(),
		parser.WithParagraphTransformers(paragraphTransformers()...),
	)
}

// placeholderNode replaces inline code, inline math and autolinks: one
// placeholder word over its whole source.
type placeholderNode struct {
	ast.BaseInline
	start, stop int
}

var kindPlaceholder = ast.NewNodeKind("ProsePlaceholder")

func (n *placeholderNode) Kind() ast.NodeKind { return kindPlaceholder }
func (n *placeholderNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// skipNode is inline markup that is not prose and leaves nothing in it: a
// footnote reference.
type skipNode struct{ ast.BaseInline }

var kindSkip = ast.NewNodeKind("ProseSkip")

func (n *skipNode) Kind() ast.NodeKind         { return kindSkip }
func (n *skipNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// rangeWrapper runs an inline parser and, when it finds a code span or an
// autolink, replaces the node by a placeholder over the source it
// consumed.
type rangeWrapper struct {
	inner parser.InlineParser
	// linkify's parser consumes the space or punctuation that triggered it
	// (and puts it back as text itself): the placeholder starts after it.
	skipLead bool
}

func wrapRange(p parser.InlineParser, skipLead bool) parser.InlineParser {
	return rangeWrapper{inner: p, skipLead: skipLead}
}

func (w rangeWrapper) Trigger() []byte { return w.inner.Trigger() }

func (w rangeWrapper) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	start := seg.Start
	if w.skipLead && !mayBeBareURL(line) {
		return nil
	}
	n := w.inner.Parse(parent, block, pc)
	switch n.(type) {
	case *ast.CodeSpan, *ast.AutoLink:
	default:
		return n
	}
	_, after := block.PeekLine()
	stop := after.Start
	if w.skipLead && len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			start++
		}
	}
	if stop < start {
		stop = start
	}
	return &placeholderNode{start: start, stop: stop}
}

// mayBeBareURL is a cheap test that rules out most words before
// linkify's own parser (which runs on every space) looks at them: a URL
// starts with a protocol or "www.", an e-mail address has an '@' before
// the next space. It looks at a bounded prefix, so that a long line
// without spaces costs linear time.
func mayBeBareURL(line []byte) bool {
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) < 4 {
		return false
	}
	switch line[0] {
	case 'h', 'f', 'w':
		if bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) ||
			bytes.HasPrefix(line, []byte("ftp:")) || bytes.HasPrefix(line, []byte("www.")) {
			return true
		}
	}
	// An e-mail address is at most 254 bytes long.
	for _, c := range line[:min(len(line), 254)] {
		switch c {
		case '@':
			return true
		case ' ', '\t', '\n', '\r':
			return false
		}
	}
	return false
}

// mayHoldBareURL reports whether some line of src may hold a bare URL or
// e-mail address by mayBeBareURL's test, which needs "http:", "https:",
// "ftp:", "www." or an '@' in the line: without them, linkify's parser
// finds nothing anywhere in src and can be left out (newProseParser).
// The colons are found with IndexByte, and what precedes each looked at:
// a test of the three prefixes by strings.Contains cost twice as much,
// as an 'h' is common in prose and a ':' much less so.
func mayHoldBareURL(src string) bool {
	if strings.IndexByte(src, '@') >= 0 || strings.Contains(src, "www.") {
		return true
	}
	for s := src; ; {
		i := strings.IndexByte(s, ':')
		if i < 0 {
			return false
		}
		if before := s[:i]; strings.HasSuffix(before, "http") || strings.HasSuffix(before, "https") || strings.HasSuffix(before, "ftp") {
			return true
		}
		s = s[i+1:]
	}
}

// footnoteRefParser reads a footnote reference [^label] whether or not the
// label is defined, so that a chunk reads the same without the rest of
// the document. It leaves nothing in the prose.
type footnoteRefParser struct{}

func (footnoteRefParser) Trigger() []byte { return []byte{'['} }

func (footnoteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 4 || line[1] != '^' {
		return nil
	}
	for i := 2; i < len(line) && i < 1000; i++ {
		switch line[i] {
		case ']':
			if i == 2 || util.IsBlank(line[2:i]) {
				return nil
			}
			block.Advance(i + 1)
			return &skipNode{}
		case '[', '\n', '\r', '\\':
			return nil
		}
	}
	return nil
}

// inlineMathParser reads $…$ with pandoc's rule (the opening $ followed
// by a non-space, the closing $ preceded by a non-space and not followed
// by a digit) and $$…$$, each within one line.
type inlineMathParser struct{}

func (inlineMathParser) Trigger() []byte { return []byte{'$'} }

func (inlineMathParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) >= 2 && line[1] == '$' {
		end := bytes.Index(line[2:], []byte("$$"))
		if end <= 0 || bytes.IndexByte(line[2:2+end], '\n') >= 0 {
			return nil
		}
		n := 2 + end + 2
		block.Advance(n)
		return &placeholderNode{start: seg.Start, stop: seg.Start + n}
	}
	if len(line) < 3 || isSpace(line[1]) {
		return nil
	}
	for i := 2; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '\n', '\r':
			return nil
		case '$':
			if isSpace(line[i-1]) || (i+1 < len(line) && isDigit(line[i+1])) {
				continue
			}
			block.Advance(i + 1)
			return &placeholderNode{start: seg.Start, stop: seg.Start + i + 1}
		}
	}
	return nil
}

// mathBlockNode is a $$ display-math block: not prose.
type mathBlockNode struct {
	ast.BaseBlock
	closed bool
}

var kindMathBlock = ast.NewNodeKind("MathBlock")

func (n *mathBlockNode) Kind() ast.NodeKind         { return kindMathBlock }
func (n *mathBlockNode) IsRaw() bool                { return true }
func (n *mathBlockNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// mathBlockParser reads a display-math block: a line "$$" up to the next
// line holding "$$", or one line "$$ … $$".
type mathBlockParser struct{}

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	open, closed := mathOpen(string(line[pos:]))
	if !open {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &mathBlockNode{closed: closed}, parser.NoChildren
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*mathBlockNode)
	if n.closed {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	reader.AdvanceToEOL()
	if bytes.Contains(line, []byte("$$")) {
		n.closed = true
		return parser.Close
	}
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (mathBlockParser) CanInterruptParagraph() bool                                { return true }
func (mathBlockParser) CanAcceptIndentedLine() bool                                { return false }

// defsContext resolves link references against the whole document's
// definitions first, then against the chunk's own.
type defsContext struct {
	parser.Context
	defs *Definitions
}

func (c defsContext) Reference(label string) (parser.Reference, bool) {
	if r, ok := c.defs.refs[label]; ok {
		return r, true
	}
	return c.Context.Reference(label)
}

// parseMarkdown parses src as Markdown and returns its prose blocks in
// source order, offsets relative to src.
func parseMarkdown(src string, defs *Definitions) []Block {
	src = lfLines(src)
	if fencedOnly(src) {
		return nil
	}
	return goldmarkBlocks(src, defs)
}

// goldmarkBlocks is parseMarkdown without the fenced-code shortcut.
func goldmarkBlocks(src string, defs *Definitions) []Block {
	p := unlinkedParser()
	if mayHoldBareURL(src) {
		p = proseParser()
	}
	return goldmarkBlocksWith(p, src, defs)
}

// goldmarkBlocksWith is goldmarkBlocks with the parser given.
func goldmarkBlocksWith(p parser.Parser, src string, defs *Definitions) []Block {
	w := getWalker(src)
	defer putWalker(w)
	var ctx parser.Context = parser.NewContext()
	if defs != nil && len(defs.refs) > 0 {
		ctx = defsContext{Context: ctx, defs: defs}
	}
	doc := p.Parse(text.NewReader(w.source), parser.WithContext(ctx))
	w.walkBlock(doc, Paragraph)
	sortBlocks(w.blocks)
	return w.blocks
}

// mdWalker turns goldmark's tree into blocks. Its buffers (the source
// copy goldmark reads, the prose and spans of the block being built) are
// reused from one chunk to the next through walkers: the analyzer parses
// a document chunk by chunk (the Rust Book has 5,000), and growing them
// afresh for each was a fifth of the bytes the Markdown path allocated.
type mdWalker struct {
	source []byte // src as goldmark reads it; nothing returned points into it
	b      proseBuilder
	blocks []Block // returned: never reused
}

var walkers = sync.Pool{New: func() any { return new(mdWalker) }}

// maxPooledBytes and maxPooledSpans bound what a pooled walker keeps: one
// huge document must not pin its copy for the life of the process.
const (
	maxPooledBytes = 1 << 20
	maxPooledSpans = 1 << 14
)

func getWalker(src string) *mdWalker {
	w := walkers.Get().(*mdWalker)
	w.source = append(w.source[:0], src...)
	w.b = proseBuilder{src: src, prose: w.b.prose[:0], spans: w.b.spans[:0]}
	return w
}

func putWalker(w *mdWalker) {
	w.blocks = nil
	w.b.src = ""
	if cap(w.source) > maxPooledBytes || cap(w.b.prose) > maxPooledBytes || cap(w.b.spans) > maxPooledSpans {
		return
	}
	walkers.Put(w)
}

func (w *mdWalker) walkBlock(n ast.Node, kind BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.emit(c, kind)
		case *ast.Heading:
			w.emit(c, Heading)
		case *east.TableCell:
			w.emit(c, TableCell)
		case *ast.Blockquote:
			w.walkBlock(c, Quote)
		case *ast.ListItem:
			w.walkBlock(c, ListItem)
		case *east.Footnote:
			w.walkBlock(c, Footnote)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *mathBlockNode, *ast.ThematicBreak:
		default:
			w.walkBlock(c, kind)
		}
	}
}

func (w *mdWalker) emit(n ast.Node, kind BlockKind) {
	w.b.reset()
	w.walkInline(n)
	start, end := len(w.b.src), 0
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		start = lines.At(0).Start
		last := lines.At(lines.Len() - 1)
		end = last.Stop
		for end > start && isSpace(w.b.src[end-1]) {
			end--
		}
	}
	if blk, ok := w.b.finish(kind, start, end); ok {
		w.blocks = append(w.blocks, blk)
	}
}

func (w *mdWalker) walkInline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			w.b.text(seg.Start, seg.Stop)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.b.lineBreak(seg.Stop)
			}
		case *placeholderNode:
			w.b.atomic(PlaceholderWord, c.start, c.stop, true)
		case *ast.String, *ast.RawHTML, *skipNode, *east.TaskCheckBox, *east.FootnoteLink, *east.FootnoteBacklink:
			// Not prose.
			w.b.flush()
		default:
			// Emphasis, strong, strikethrough, link text, image alt text.
			w.walkInline(c)
		}
	}
}

// fencedOnly reports whether src (its line endings made LF or CRLF by
// lfLines) is one fenced code block at the top level, followed by nothing
// but blank lines: goldmark would find no prose in it, and parsing it
// costs as much as parsing prose. In the Rust Book 950 of 5,840 chunks
// are such code, 115 KB. It follows goldmark's fenced code block parser:
// an opening fence of three or more backticks (whose info string has
// none) or tildes, indented by at most three spaces; the block runs to a
// closing fence of the same character, at least as long, indented by at
// most three columns and followed by white space only, or to the end.
// Anything else (a tab in an opening fence's indentation, say) is left to
// goldmark: answering false is always safe.
func fencedOnly(src string) bool {
	line, rest, _ := strings.Cut(src, "\n")
	indent := 0
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	if indent > 3 || indent == len(line) || (line[indent] != '`' && line[indent] != '~') {
		return false
	}
	char := line[indent]
	n := indent
	for n < len(line) && line[n] == char {
		n++
	}
	length := n - indent
	if length < 3 || (char == '`' && strings.IndexByte(line[n:], '`') >= 0) {
		return false
	}
	for rest != "" {
		line, rest, _ = strings.Cut(rest, "\n")
		if closesFence(line, char, length) {
			return isBlankLine(rest)
		}
	}
	return true // unclosed: code to the end of the chunk
}

// closesFence reports whether line closes a fenced code block opened by
// length times char. A tab in the indentation takes it to four columns,
// where it no longer can.
func closesFence(line string, char byte, length int) bool {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i > 3 {
		return false
	}
	j := i
	for j < len(line) && line[j] == char {
		j++
	}
	return j-i >= length && isBlankLine(line[j:])
}
