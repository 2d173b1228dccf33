package markup

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Comment is a comment in a document: in Markdown, an HTML comment
// "<!--" through "-->"; in other formats, as Format.Comments finds them.
type Comment struct {
	Start, End int    // the whole comment, in document bytes
	Text       string // what lies between the comment markers
	TextStart  int    // where Text starts, in document bytes
}

// Comments returns the HTML comments of a Markdown document that are
// markup, in source order: those in HTML blocks and inline HTML, not those
// inside code blocks, code spans or front matter. A chunk Split flags as
// TooDeep is skipped. A document without "<!--" costs one scan.
func Comments(src string) []Comment {
	if !strings.Contains(src, "<!--") {
		return nil
	}
	var out []Comment
	for _, c := range Split("markdown", src) {
		if c.Flags != 0 || !strings.Contains(c.Text(src), "<!--") {
			continue
		}
		source := []byte(lfLines(c.Text(src)))
		doc := proseParser().Parse(text.NewReader(source))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.HTMLBlock:
				start, end := -1, -1
				if lines := n.Lines(); lines.Len() > 0 {
					start, end = lines.At(0).Start, lines.At(lines.Len()-1).Stop
				}
				if n.HasClosure() {
					if start < 0 {
						start = n.ClosureLine.Start
					}
					end = n.ClosureLine.Stop
				}
				if start >= 0 {
					out = appendComments(out, src, c.Start+start, c.Start+end)
				}
				return ast.WalkSkipChildren, nil
			case *ast.RawHTML:
				if segs := n.Segments; segs.Len() > 0 {
					start, end := segs.At(0).Start, segs.At(segs.Len()-1).Stop
					out = appendComments(out, src, c.Start+start, c.Start+end)
				}
				return ast.WalkSkipChildren, nil
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// appendComments appends the complete comments in src[start:end].
func appendComments(out []Comment, src string, start, end int) []Comment {
	for start < end {
		i := strings.Index(src[start:end], "<!--")
		if i < 0 {
			break
		}
		open := start + i
		j := strings.Index(src[open+4:end], "-->")
		if j < 0 {
			break
		}
		close := open + 4 + j + 3
		out = append(out, Comment{Start: open, End: close, Text: src[open+4 : close-3], TextStart: open + 4})
		start = close
	}
	return out
}
