package code

import (
	"fmt"
	"strings"
)

// render writes blocks as their prose, one per line, with the placeholder
// as "thing", for golden files and failure messages.
func renderBlocks(src string, blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "%s %d-%d: ", kindName(b.Kind), b.Pieces[0].Start, b.Pieces[len(b.Pieces)-1].End)
		sb.WriteString(prose(src, b))
		sb.WriteByte('\n')
	}
	return sb.String()
}

func prose(src string, b Block) string {
	var sb strings.Builder
	for _, p := range b.Pieces {
		switch p.Kind {
		case Verbatim:
			sb.WriteString(src[p.Start:p.End])
		case Space:
			sb.WriteByte(' ')
		case Placeholder:
			sb.WriteString("thing")
		case Decoded:
			sb.WriteString(p.Text)
		}
	}
	return strings.TrimSpace(sb.String())
}

func kindName(k BlockKind) string {
	switch k {
	case Paragraph:
		return "p"
	case ListItem:
		return "li"
	case Heading:
		return "h"
	}
	return "?"
}
