package markup

import "strings"

// This file holds the line and inline helpers shared by the hand-written
// scanners of AsciiDoc, reStructuredText, Org and Typst. None of those
// formats has a maintained Go parser that reports source offsets
// (go-org's nodes carry text only, with indentation stripped), so each is
// a block scanner over lines and an inline scanner over a block's source
// range, both writing into a proseBuilder with raw (verbatim) runs and
// atomic spans: nothing is decoded the Markdown way.

// srcLine is one line of a document: [start, end) is its content without
// the line terminator, next the start of the following line.
type srcLine struct{ start, end, next int }

// splitLines cuts src into lines. src must already have lone CRs turned
// into LFs (lfLines); a CRLF's CR is left out of the content.
func splitLines(src string) []srcLine {
	lines := make([]srcLine, 0, strings.Count(src, "\n")+1)
	for pos := 0; pos < len(src); {
		next := lineEnd(src, pos)
		end := next
		if end > pos && src[end-1] == '\n' {
			end--
			if end > pos && src[end-1] == '\r' {
				end--
			}
		}
		lines = append(lines, srcLine{pos, end, next})
		pos = next
	}
	return lines
}

// text returns the line's content.
func (l srcLine) text(src string) string { return src[l.start:l.end] }

// blank reports whether the line holds only white space.
func (l srcLine) blank(src string) bool { return isBlankLine(src[l.start:l.end]) }

// indent is the line's width of leading blanks, a tab counting as up to
// the next multiple of 8 (as docutils counts it).
func (l srcLine) indent(src string) int {
	w := 0
	for i := l.start; i < l.end; i++ {
		switch src[i] {
		case ' ':
			w++
		case '\t':
			w = (w/8 + 1) * 8
		default:
			return w
		}
	}
	return w
}

// firstNonBlank is the offset of the line's first non-blank byte (its end
// when there is none).
func (l srcLine) firstNonBlank(src string) int {
	i := l.start
	for i < l.end && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// trimRange narrows [start, end) of src to exclude surrounding blanks.
func trimRange(src string, start, end int) (int, int) {
	for start < end && isSpace(src[start]) {
		start++
	}
	for end > start && isSpace(src[end-1]) {
		end--
	}
	return start, end
}

// rawText adds src[start:end) verbatim, except that each line break and
// the blanks around it read as one space (an atomic span), so that a
// paragraph's lines join into one run of prose.
func rawText(b *proseBuilder, start, end int) {
	for start < end {
		nl := strings.IndexByte(b.src[start:end], '\n')
		if nl < 0 {
			b.raw(start, end)
			return
		}
		nl += start
		ws := nl
		for ws > start && (b.src[ws-1] == ' ' || b.src[ws-1] == '\t' || b.src[ws-1] == '\r') {
			ws--
		}
		b.raw(start, ws)
		after := nl + 1
		for after < end && (b.src[after] == ' ' || b.src[after] == '\t') {
			after++
		}
		b.atomic(" ", ws, after, false)
		start = after
	}
}

// placeholder adds the placeholder word for the non-prose source run
// [start, end) (inline code, math, a URL, a reference). A placeholder that
// follows another with no word between them joins it, so that
// "#pr(1) #breaking" reads as one word, not "thing thing".
func placeholder(b *proseBuilder, start, end int) {
	n := len(b.spans)
	if n > 0 && b.spans[n-1].Placeholder && !hasWordByte(b.src[b.spans[n-1].SourceEnd:start]) {
		b.spans[n-1].SourceEnd = end
		return
	}
	if n > 1 && b.spans[n-2].Placeholder {
		ws := b.spans[n-1]
		if isBlankLine(string(b.prose[ws.ProseStart:ws.ProseEnd])) && !hasWordByte(b.src[b.spans[n-2].SourceEnd:start]) {
			b.prose = b.prose[:ws.ProseStart]
			b.spans = b.spans[:n-1]
			b.spans[n-2].SourceEnd = end
			return
		}
	}
	b.atomic(PlaceholderWord, start, end, true)
}

// compoundEnd extends the end of inline code over the rest of a
// hyphenated compound it opens ("“if“-statement", "`Vec`-like"): such a
// word is not prose to check, and a rule reading "thing-statement" as a
// word would judge the article before it by the placeholder.
func compoundEnd(src string, end, hi int) int {
	for end+1 < hi && src[end] == '-' && isWordByte(src[end+1]) {
		end++
		for end < hi && isWordByte(src[end]) {
			end++
		}
	}
	return end
}

// hasWordByte reports whether s holds a letter or a digit: the source
// between two placeholders that join may hold blanks and the brackets
// that closed the first ("@calc.abs[`abs`] #pr(1)"), not a word.
func hasWordByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if isWordByte(s[i]) {
			return true
		}
	}
	return false
}

// skipped drops the source run [start, end) from the prose, keeping a
// space in its place when it separates two words (a comment or a label in
// the middle of a line).
func skipped(b *proseBuilder, start, end int) {
	if start >= end || len(b.prose) == 0 || isSpace(b.prose[len(b.prose)-1]) {
		return
	}
	if end < len(b.src) && !isSpace(b.src[end]) && !isASCIIPunct(b.src[end]) {
		b.atomic(" ", start, end, false)
	}
}

// inlineReach bounds how far an inline scanner looks for the end of a
// span (a closing mark, a bracket): real spans are far shorter, and the
// bound keeps a paragraph full of unmatched openers linear, not
// quadratic.
const inlineReach = 2048

// reach is the end of the search for a span opened at i in [.., hi).
func reach(i, hi int) int { return min(hi, i+inlineReach) }

// closerMemo remembers the last search for the closing mark of one kind
// of inline span: the first valid closer at or after from, before hi, is
// at (-1: none). Whether a mark can close a span does not depend on where
// the span opened, so a later opener before at shares the answer: a
// paragraph full of unmatched openers is scanned once, not once per
// opener.
type closerMemo struct {
	hi, from, at int
	ok           bool
}

// closers holds a closerMemo per kind of span.
type closers map[string]*closerMemo

// find returns the first valid closer at or after from, before hi, with
// search doing the scanning when the memo cannot answer.
func (c closers) find(key string, from, hi int, search func(from int) int) int {
	m := c[key]
	if m == nil {
		m = &closerMemo{}
		c[key] = m
	}
	if m.ok && m.hi == hi && from >= m.from && (m.at < 0 || from <= m.at) {
		return m.at
	}
	at := search(from)
	*m = closerMemo{hi: hi, from: from, at: at, ok: true}
	return at
}

// blockList collects finished blocks.
type blockList struct {
	b      proseBuilder
	blocks []Block
}

// emit finishes the builder's block and keeps it unless it is empty or
// holds nothing but placeholders and blanks (a line that is only a macro
// call or a reference is not a sentence).
func (l *blockList) emit(kind BlockKind, start, end int) {
	blk, ok := l.b.finish(kind, start, end)
	l.b.reset()
	if !ok {
		return
	}
	for _, s := range blk.Spans {
		if !s.Placeholder && strings.TrimSpace(blk.Prose[s.ProseStart:s.ProseEnd]) != "" {
			l.blocks = append(l.blocks, blk)
			return
		}
	}
}

// isPunctByte reports whether c is ASCII punctuation.
func isPunctByte(c byte) bool { return isASCIIPunct(c) }

// isWordByte reports whether c is an ASCII letter or digit or the start or
// continuation of a multi-byte rune (treated as a letter).
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) || c >= 0x80 }

// urlEnd returns the end of a bare URL starting at i (http://, https://,
// ftp://, mailto:), or i when there is none. Trailing punctuation that
// ends a sentence is left out.
func urlEnd(s string, i, end int) int {
	rest := s[i:end]
	var n int
	switch {
	case strings.HasPrefix(rest, "https://"):
		n = 8
	case strings.HasPrefix(rest, "http://"):
		n = 7
	case strings.HasPrefix(rest, "ftp://"):
		n = 6
	case strings.HasPrefix(rest, "mailto:"):
		n = 7
	default:
		return i
	}
	j := i + n
	for j < end && !isSpace(s[j]) && s[j] != '<' && s[j] != '>' && s[j] != '"' && s[j] != '[' && s[j] != ']' {
		j++
	}
	for j > i+n && strings.IndexByte(".,;:!?)'", s[j-1]) >= 0 {
		j--
	}
	if j == i+n {
		return i
	}
	return j
}
