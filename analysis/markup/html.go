package markup

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var htmlFormat = &Format{
	Name:       "html",
	IDs:        []string{"html", "htm", "xhtml"},
	Extensions: []string{".html", ".htm", ".xhtml"},
	Comment:    CommentSyntax{Open: "<!--", Close: "-->"},
	parse:      func(chunk string, _ ChunkFlags, _ *Definitions) []Block { return parseHTML(chunk) },
	// One chunk per document: an element may hold blank lines, and where
	// a raw-text element (<script>, <style>) ends decides what follows.
	split:    nil,
	comments: htmlComments,
}

func init() { register(htmlFormat) }

// htmlSkip are the elements whose content is not prose: dropped where they
// stand.
var htmlSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Pre: true, atom.Textarea: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Object: true, atom.Iframe: true, atom.Noscript: true,
	atom.Select: true, atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// htmlPlaceholder are inline elements whose content is not prose but
// reads as a noun in the sentence (code, a variable, math): one
// placeholder word.
var htmlPlaceholder = map[atom.Atom]bool{
	atom.Code: true, atom.Kbd: true, atom.Samp: true, atom.Var: true, atom.Math: true, atom.Tt: true,
}

// htmlBlockKind is the kind of block an element opens, or 0 for an inline
// element. Any other element not listed as inline is a block too.
func htmlBlockKind(a atom.Atom) BlockKind {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Title:
		return Heading
	case atom.Li, atom.Dt, atom.Dd:
		return ListItem
	case atom.Td, atom.Th:
		return TableCell
	case atom.Blockquote:
		return Quote
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Data, atom.Dfn, atom.Em,
		atom.I, atom.Mark, atom.Q, atom.Ruby, atom.Rb, atom.Rt, atom.Rp, atom.S, atom.Small, atom.Span,
		atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.U, atom.Del, atom.Ins, atom.Font, atom.Big,
		atom.Strike, atom.Nobr, atom.Label, atom.Wbr, atom.Img, atom.Acronym, atom.Br:
		return 0
	}
	return Paragraph
}

type htmlParser struct {
	src    string
	b      proseBuilder
	kind   BlockKind
	kinds  []BlockKind // the block elements open, innermost last
	blocks []Block
	// skip is the element being skipped (0: none) and how deep the same
	// element nests inside it; skipStart is where it started, for a
	// placeholder.
	skip      atom.Atom
	skipName  string
	skipDepth int
	skipStart int
	holder    bool // the skipped element stands as a placeholder
	sup       int  // depth of open <sup> elements
}

// parseHTML reads an HTML document: the text of its prose elements; not
// script, style, pre, code (a placeholder inside a sentence), attributes
// or comments. Entities are decoded, each an atomic span over its source;
// white space collapses to one space as a browser shows it.
func parseHTML(src string) []Block {
	p := &htmlParser{src: src, b: proseBuilder{src: src}, kind: Paragraph}
	z := html.NewTokenizer(strings.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start, end := pos, pos+len(raw)
		pos = end
		if end > len(src) {
			break
		}
		switch tt {
		case html.TextToken:
			if p.skip == 0 && !(p.sup > 0 && isNoteMark(src[start:end])) {
				p.text(start, end)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			p.tag(tt, name, start, end)
		}
	}
	p.endBlock()
	return p.blocks
}

func (p *htmlParser) tag(tt html.TokenType, name []byte, start, end int) {
	a := atom.Lookup(name)
	if p.skip != 0 || p.skipName != "" {
		if !p.sameTag(a, name) {
			return
		}
		switch {
		case tt == html.StartTagToken:
			p.skipDepth++
		case tt == html.EndTagToken && p.skipDepth > 0:
			p.skipDepth--
		case tt == html.EndTagToken:
			if p.holder {
				p.placeholder(p.skipStart, end)
			}
			p.skip, p.skipName, p.holder = 0, "", false
		}
		return
	}
	if tt == html.StartTagToken && (htmlSkip[a] || htmlPlaceholder[a]) {
		p.skip, p.skipDepth, p.skipStart = a, 0, start
		if a == 0 {
			p.skipName = string(name)
		}
		p.holder = htmlPlaceholder[a]
		if !p.holder {
			p.endBlock()
		}
		return
	}
	switch a {
	case atom.Br:
		p.space(start, end)
		return
	case atom.Wbr, atom.Img:
		return
	case atom.Sup:
		switch tt {
		case html.StartTagToken:
			p.sup++
		case html.EndTagToken:
			p.sup = max(p.sup-1, 0)
		}
	}
	kind := htmlBlockKind(a)
	if kind == 0 {
		return
	}
	p.endBlock()
	switch tt {
	case html.StartTagToken:
		if len(p.kinds) < 1000 {
			p.kinds = append(p.kinds, kind)
		}
	case html.EndTagToken:
		// Close the innermost block of this kind (a missing end tag is
		// forgiven, as browsers forgive it).
		for i := len(p.kinds) - 1; i >= 0; i-- {
			if p.kinds[i] == kind {
				p.kinds = p.kinds[:i]
				break
			}
		}
	}
	// The innermost container but a plain paragraph decides: a <p> in a
	// <li> is a list item's paragraph.
	p.kind = Paragraph
	for i := len(p.kinds) - 1; i >= 0; i-- {
		if p.kinds[i] != Paragraph {
			p.kind = p.kinds[i]
			break
		}
	}
}

func (p *htmlParser) sameTag(a atom.Atom, name []byte) bool {
	if p.skip != 0 {
		return a == p.skip
	}
	return string(name) == p.skipName
}

func (p *htmlParser) endBlock() {
	if blk, ok := p.b.finish(p.kind, len(p.src), 0); ok {
		p.blocks = append(p.blocks, blk)
	}
	p.b.reset()
}

func (p *htmlParser) endsWithSpace() bool {
	return len(p.b.prose) == 0 || p.b.prose[len(p.b.prose)-1] == ' '
}

func (p *htmlParser) space(start, end int) {
	if p.endsWithSpace() {
		return
	}
	if end-start == 1 && p.src[start] == ' ' {
		p.b.raw(start, end)
		return
	}
	p.b.atomic(" ", start, end, false)
}

// placeholder adds the placeholder word for src[start:end] inside a
// sentence; at the start of a block it leaves nothing. Placeholders with
// only markup between them are one: <code>⟨</code><var>name</var><code>⟩</code>
// is one thing.
func (p *htmlParser) placeholder(start, end int) {
	if len(p.b.prose) == 0 {
		return
	}
	if n := len(p.b.spans); n > 0 && p.b.spans[n-1].Placeholder && p.b.spans[n-1].ProseEnd == len(p.b.prose) {
		p.b.spans[n-1].SourceEnd = end
		return
	}
	p.b.atomic(PlaceholderWord, start, end, true)
}

// isNoteMark reports whether the text of a <sup> is a footnote mark (a
// number, "[3]", "*", "†"), which is not prose.
func isNoteMark(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9') && r != '*' && r != '†' && r != '‡' {
			return false
		}
	}
	return true
}

// text adds the text token src[start:end]: white space runs collapse to
// one space, entities decode.
func (p *htmlParser) text(start, end int) {
	src := p.src
	for i := start; i < end; {
		switch c := src[i]; {
		case isHTMLSpace(c) || c == '\f':
			j := i
			for j < end && (isHTMLSpace(src[j]) || src[j] == '\f') {
				j++
			}
			p.space(i, j)
			i = j
		case c == '&':
			if n, decoded := entityAt(src[i:end]); n > 0 {
				if strings.TrimSpace(decoded) == "" && decoded != "\u00a0" {
					p.space(i, i+n)
				} else {
					p.b.atomic(decoded, i, i+n, false)
				}
				i += n
				continue
			}
			p.b.raw(i, i+1)
			i++
		default:
			j := i + 1
			for j < end && !isHTMLSpace(src[j]) && src[j] != '\f' && src[j] != '&' {
				j++
			}
			p.b.raw(i, j)
			i = j
		}
	}
}

// htmlComments finds the comments of an HTML document (not "<!--" inside
// a script or an attribute), with the tokenizer.
func htmlComments(src string) []Comment {
	var out []Comment
	z := html.NewTokenizer(strings.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		start := pos
		pos += len(raw)
		if tt == html.CommentToken && bytes.HasPrefix(raw, []byte("<!--")) && bytes.HasSuffix(raw, []byte("-->")) && len(raw) >= 7 {
			out = append(out, Comment{Start: start, End: pos, Text: src[start+4 : pos-3], TextStart: start + 4})
		}
	}
}
