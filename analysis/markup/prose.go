package markup

import (
	"html"
	"strings"
	"unicode/utf8"
)

// PlaceholderWord stands in the prose for inline code, inline math and
// URLs inside a sentence, so that the sentence still reads (and tags) as a
// sentence: "Call `foo()` to start" reads "Call thing to start". It is a
// common, unambiguous noun in the tagger's training data. Its span has
// Placeholder set; rules should not report on it.
const PlaceholderWord = "thing"

// proseBuilder accumulates one block's prose and spans. Source offsets are
// relative to the parsed text until finish makes them block-relative.
type proseBuilder struct {
	src      string
	prose    []byte
	spans    []Span
	runStart int // pending verbatim text run [runStart, runEnd) of src
	runEnd   int
	hasRun   bool
}

func (b *proseBuilder) reset() {
	b.prose = b.prose[:0]
	b.spans = b.spans[:0]
	b.hasRun = false
}

// text adds the source run [start, end) as text that may hold backslash
// escapes and entities. Contiguous runs merge, so that an escape or an
// entity split across goldmark's text nodes is still seen whole.
func (b *proseBuilder) text(start, end int) {
	if start >= end {
		return
	}
	if b.hasRun && b.runEnd == start {
		b.runEnd = end
		return
	}
	b.flush()
	b.runStart, b.runEnd, b.hasRun = start, end, true
}

// raw adds the source run [start, end) verbatim, with no escapes or
// entities decoded (plain text).
func (b *proseBuilder) raw(start, end int) {
	b.flush()
	b.verbatim(start, end)
}

// atomic adds prose that stands for the source run [start, end) as a
// whole.
func (b *proseBuilder) atomic(prose string, start, end int, placeholder bool) {
	b.flush()
	p := len(b.prose)
	b.prose = append(b.prose, prose...)
	b.spans = append(b.spans, Span{ProseStart: p, ProseEnd: len(b.prose), SourceStart: start, SourceEnd: end, Placeholder: placeholder, Atomic: true})
}

// lineBreak adds one space for the line break that follows source offset
// at: the trailing spaces or backslash of a hard break and the "\n" or
// "\r\n".
func (b *proseBuilder) lineBreak(at int) {
	end := at
	for end < len(b.src) && (b.src[end] == ' ' || b.src[end] == '\t' || b.src[end] == '\\' || b.src[end] == '\r') {
		end++
	}
	if end < len(b.src) && b.src[end] == '\n' {
		end++
	} else {
		end = at
		if end < len(b.src) && b.src[end] == '\n' {
			end++
		}
	}
	b.atomic(" ", at, end, false)
}

func (b *proseBuilder) verbatim(start, end int) {
	if start >= end {
		return
	}
	p := len(b.prose)
	b.prose = append(b.prose, b.src[start:end]...)
	if n := len(b.spans); n > 0 {
		last := &b.spans[n-1]
		if !last.Atomic && last.SourceEnd == start && last.ProseEnd == p {
			last.ProseEnd, last.SourceEnd = len(b.prose), end
			return
		}
	}
	b.spans = append(b.spans, Span{ProseStart: p, ProseEnd: len(b.prose), SourceStart: start, SourceEnd: end})
}

// flush decodes the pending text run: backslash escapes and entities become
// atomic spans, everything else is verbatim.
func (b *proseBuilder) flush() {
	if !b.hasRun {
		return
	}
	b.hasRun = false
	s, end := b.runStart, b.runEnd
	from := s
	for i := s; i < end; i++ {
		switch b.src[i] {
		case '\\':
			if i+1 < end && isASCIIPunct(b.src[i+1]) {
				b.verbatim(from, i)
				b.atomic(b.src[i+1:i+2], i, i+2, false)
				i++
				from = i + 1
			}
		case '&':
			if n, decoded := entityAt(b.src[i:end]); n > 0 {
				b.verbatim(from, i)
				b.atomic(decoded, i, i+n, false)
				i += n - 1
				from = i + 1
			}
		}
	}
	b.verbatim(from, end)
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// entityAt reports the length of the HTML entity or numeric character
// reference at the start of s and its decoded text, or 0.
func entityAt(s string) (int, string) {
	if len(s) < 3 || s[0] != '&' {
		return 0, ""
	}
	i := 1
	if s[1] == '#' {
		i = 2
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		digits := i
		for i < len(s) && i-digits < 8 && (isDigit(s[i]) || (hex && isHexLetter(s[i]))) {
			i++
		}
		n := i - digits
		if n == 0 || (hex && n > 6) || (!hex && n > 7) || i >= len(s) || s[i] != ';' {
			return 0, ""
		}
		return i + 1, html.UnescapeString(s[:i+1])
	}
	for i < len(s) && i < 33 && (isDigit(s[i]) || isLetter(s[i])) {
		i++
	}
	if i == 1 || !isLetter(s[1]) || i >= len(s) || s[i] != ';' {
		return 0, ""
	}
	name := s[:i+1]
	decoded := html.UnescapeString(name)
	if decoded == name || utf8.RuneCountInString(decoded) > 2 {
		return 0, ""
	}
	return i + 1, decoded
}

func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isLetter(c byte) bool    { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isHexLetter(c byte) bool { return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') }

// finish trims surrounding white space and returns the block, or false
// when no prose is left.
func (b *proseBuilder) finish(kind BlockKind, start, end int) (Block, bool) {
	b.flush()
	spans := b.spans
	prose := b.prose
	// Trim leading white space.
	for len(spans) > 0 {
		sp := &spans[0]
		if sp.Atomic {
			if strings.TrimSpace(string(prose[sp.ProseStart:sp.ProseEnd])) != "" {
				break
			}
			spans = spans[1:]
			continue
		}
		for sp.ProseStart < sp.ProseEnd && isSpace(prose[sp.ProseStart]) {
			sp.ProseStart++
			sp.SourceStart++
		}
		if sp.ProseStart < sp.ProseEnd {
			break
		}
		spans = spans[1:]
	}
	// Trim trailing white space.
	for len(spans) > 0 {
		sp := &spans[len(spans)-1]
		if sp.Atomic {
			if strings.TrimSpace(string(prose[sp.ProseStart:sp.ProseEnd])) != "" {
				break
			}
			spans = spans[:len(spans)-1]
			continue
		}
		for sp.ProseStart < sp.ProseEnd && isSpace(prose[sp.ProseEnd-1]) {
			sp.ProseEnd--
			sp.SourceEnd--
		}
		if sp.ProseStart < sp.ProseEnd {
			break
		}
		spans = spans[:len(spans)-1]
	}
	if len(spans) == 0 {
		return Block{}, false
	}
	start = min(start, spans[0].SourceStart)
	for _, sp := range spans {
		end = max(end, sp.SourceEnd)
	}
	base := spans[0].ProseStart
	out := make([]Span, len(spans))
	for i, sp := range spans {
		sp.ProseStart -= base
		sp.ProseEnd -= base
		sp.SourceStart -= start
		sp.SourceEnd -= start
		out[i] = sp
	}
	return Block{
		Kind:  kind,
		Start: start,
		End:   end,
		Prose: string(prose[base:spans[len(spans)-1].ProseEnd]),
		Spans: out,
	}, true
}
