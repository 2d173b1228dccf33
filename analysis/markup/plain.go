package markup

// parsePlain reads plain text: paragraphs separated by blank lines; a line
// break inside a paragraph reads as one space.
func parsePlain(src string) []Block {
	src = lfLines(src)
	var blocks []Block
	b := proseBuilder{src: src}
	paraStart, paraEnd := -1, -1
	emit := func() {
		if paraStart < 0 {
			return
		}
		if blk, ok := b.finish(Paragraph, paraStart, paraEnd); ok {
			blocks = append(blocks, blk)
		}
		b.reset()
		paraStart = -1
	}
	for pos := 0; pos < len(src); {
		end := lineEnd(src, pos)
		content := end
		if content > pos && src[content-1] == '\n' {
			content--
			if content > pos && src[content-1] == '\r' {
				content--
			}
		}
		if isBlankLine(src[pos:end]) {
			emit()
		} else {
			if paraStart < 0 {
				paraStart = pos
			} else {
				b.atomic(" ", paraEnd, pos, false)
			}
			b.raw(pos, content)
			paraEnd = content
		}
		pos = end
	}
	emit()
	return blocks
}
