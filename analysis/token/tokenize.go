package token

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// Tokenize appends the tokens of text to dst and returns the extended
// slice. Offsets are byte offsets into text. Every byte of text ends up
// either inside a token or in whitespace between tokens; invalid UTF-8 bytes
// and control characters become one-byte Symbol tokens.
func Tokenize(dst []Token, text string) []Token {
	var t Tokenizer
	return t.Append(dst, text)
}

// Tokenizer splits text into tokens. Its zero value is ready to use; reusing
// one Tokenizer across calls reuses its scratch space. A Tokenizer is not
// safe for concurrent use.
type Tokenizer struct {
	iter  words.Iterator[string]
	ready bool      // iter is set up
	segs  []segment // scratch: the UAX #29 segments of one chunk
}

// segment is one UAX #29 word-boundary segment of a chunk, its Kind one
// of segWord, segPunct, segOther. It is a Token so that scratch segments
// can share the token array of a call (see Sentences).
type segment = Token

const (
	segWord  = Word   // starts with a letter, digit or connector
	segPunct = Punct  // one punctuation mark (possibly with marks)
	segOther = Symbol // symbols, emoji, controls
)

// Append appends the tokens of text to dst and returns the extended slice.
func (t *Tokenizer) Append(dst []Token, text string) []Token {
	dst, _ = t.appendFrom(dst, text, 0, len(text))
	return dst
}

// appendFrom appends the tokens of text from byte offset i, which must be
// where Append would look for the next token (0, or an offset appendFrom
// returned), and stops at the first such place at or after stop. It
// returns that place, len(text) at the end: calls from 0 on, each from
// where the last stopped, give Append's tokens. Offsets are into text.
func (t *Tokenizer) appendFrom(dst []Token, text string, i, stop int) ([]Token, int) {
	if !t.ready {
		t.iter = *words.FromString("")
		if t.segs == nil {
			t.segs = make([]segment, 0, 32)
		}
		t.ready = true
	}
	for i < len(text) && i < stop {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size <= 1 {
				dst = append(dst, Token{Start: i, End: i + 1, Kind: Symbol})
				i++
				continue
			}
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		j := chunkEnd(text, i)
		dst = t.chunk(dst, text, i, j)
		i = j
	}
	return dst, i
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// chunkEnd returns the end of the run of non-space, valid UTF-8 that starts
// at i (text[i] is neither space nor invalid).
func chunkEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if (r == utf8.RuneError && size <= 1) || unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// chunk tokenizes text[start:end], a run without whitespace.
func (t *Tokenizer) chunk(dst []Token, text string, start, end int) []Token {
	if segs, ok := simpleSegments(t.segs[:0], text, start, end); ok {
		t.segs = segs
		return t.segments(dst, text, segs)
	}
	for start < end {
		// Look for a URL or an e-mail address; the parts before and after
		// are tokenized as ordinary text.
		s, e, kind := findLink(text, start, end)
		if kind == 0 {
			return t.plain(dst, text, start, end)
		}
		dst = t.plain(dst, text, start, s)
		dst = append(dst, Token{Start: s, End: e, Kind: kind})
		start = e
	}
	return dst
}

// findLink finds the first URL or e-mail address in text[start:end].
func findLink(text string, start, end int) (s, e int, kind Kind) {
	for i := start; i < end; i++ {
		switch c := text[i]; c {
		case ':':
			if i+2 < end && text[i+1] == '/' && text[i+2] == '/' {
				s = i
				for s > start && isSchemeByte(text[s-1]) {
					s--
				}
				for s < i && !isASCIILetter(text[s]) {
					s++
				}
				if s < i && i+3 < end {
					return s, urlEnd(text, s, i+3, end), URL
				}
			} else if i >= start+6 && equalFold(text[i-6:i], "mailto") && (i == start+6 || !isWordByte(text[i-7])) {
				if _, e, ok := emailAround(text, i+1, indexByteFrom(text, i+1, end, '@'), end); ok {
					return i - 6, e, URL
				}
			}
		case 'w', 'W':
			if i+4 < end && (i == start || !isWordByte(text[i-1])) &&
				lowerASCII(text[i+1]) == 'w' && lowerASCII(text[i+2]) == 'w' && text[i+3] == '.' && isWordByte(text[i+4]) {
				return i, urlEnd(text, i, i+4, end), URL
			}
		case '@':
			if s, e, ok := emailAround(text, start, i, end); ok {
				return s, e, Email
			}
		}
	}
	return 0, 0, 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isWordByte(c byte) bool    { return isASCIILetter(c) || isASCIIDigit(c) || c == '_' }
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
func isSchemeByte(c byte) bool {
	return isASCIILetter(c) || isASCIIDigit(c) || c == '+' || c == '-' || c == '.'
}

// urlEnd returns where a URL that starts at s ends: at the end of the chunk,
// less trailing punctuation that belongs to the prose (a full stop, a
// closing quote, a closing bracket that the URL did not open). body is the
// first byte after the scheme or "www.".
func urlEnd(text string, s, body, end int) int {
	// Bracket balance of the whole candidate, updated as closers are
	// trimmed: a closer stays when the URL opened more than it closed.
	var paren, square, curly int
	for i := s; i < end; i++ {
		switch text[i] {
		case '(':
			paren++
		case ')':
			paren--
		case '[':
			square++
		case ']':
			square--
		case '{':
			curly++
		case '}':
			curly--
		}
	}
	e := end
	for e > body {
		c := text[e-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*', '_', '<', '>':
			e--
			continue
		case ')', ']', '}':
			balance := &paren
			if c == ']' {
				balance = &square
			} else if c == '}' {
				balance = &curly
			}
			if *balance >= 0 {
				return e // the URL opened this one: Foo_(bar)
			}
			*balance++
			e--
			continue
		}
		if c >= utf8.RuneSelf {
			// Trailing curly quotes and similar.
			r, size := utf8.DecodeLastRuneInString(text[body:e])
			if unicode.IsPunct(r) {
				e -= size
				continue
			}
		}
		break
	}
	return e
}

// indexByteFrom returns the index of c in text[from:end], or from when
// there is none.
func indexByteFrom(text string, from, end int, c byte) int {
	for i := from; i < end; i++ {
		if text[i] == c {
			return i
		}
	}
	return from
}

// emailAround checks for an e-mail address around the '@' at at, within
// text[start:end].
func emailAround(text string, start, at, end int) (s, e int, ok bool) {
	s = at
	for s > start && isLocalByte(text[s-1]) {
		s--
	}
	for s < at && text[s] == '.' {
		s++
	}
	if s == at {
		return 0, 0, false
	}
	e = at + 1
	dot := false
	for e < end && (isWordByte(text[e]) || text[e] == '-' || text[e] == '.') {
		e++
	}
	for e > at+1 && (text[e-1] == '.' || text[e-1] == '-') {
		e--
	}
	for i := at + 2; i < e-1; i++ {
		if text[i] == '.' {
			dot = true
		}
	}
	if !dot {
		return 0, 0, false
	}
	return s, e, true
}

func isLocalByte(c byte) bool {
	return isWordByte(c) || c == '.' || c == '%' || c == '+' || c == '-'
}

// plain tokenizes text[start:end], a run without whitespace, URLs or e-mail
// addresses, on top of UAX #29 word segmentation.
func (t *Tokenizer) plain(dst []Token, text string, start, end int) []Token {
	if start >= end {
		return dst
	}
	segs := t.segs[:0]
	t.iter.SetText(text[start:end])
	for t.iter.Next() {
		s, e := start+t.iter.Start(), start+t.iter.End()
		segs = append(segs, segment{Start: s, End: e, Kind: classify(text[s:e])})
	}
	t.segs = segs
	return t.segments(dst, text, segs)
}

// simpleSegments is the common case of plain done without UAX #29: an ASCII
// chunk of one run of letters and digits between ASCII marks ("word",
// "(word),"), where every mark is a segment of its own. ok is false for
// anything else.
func simpleSegments(segs []segment, text string, start, end int) (_ []segment, ok bool) {
	i := start
	for i < end && !isASCIIAlnum(text[i]) {
		if c := text[i]; c >= utf8.RuneSelf || c == '_' {
			return segs, false
		}
		segs = append(segs, segment{Start: i, End: i + 1, Kind: classifyASCII(text[i])})
		i++
	}
	w := i
	for i < end && isASCIIAlnum(text[i]) {
		i++
	}
	if w < i {
		segs = append(segs, segment{Start: w, End: i, Kind: segWord})
	}
	for ; i < end; i++ {
		c := text[i]
		if c >= utf8.RuneSelf || c == '_' || isASCIIAlnum(c) {
			return segs, false
		}
		segs = append(segs, segment{Start: i, End: i + 1, Kind: classifyASCII(c)})
	}
	return segs, true
}

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || isASCIIDigit(c) }

// segments emits the tokens of one chunk's segments.
func (t *Tokenizer) segments(dst []Token, text string, segs []segment) []Token {
	for k := 0; k < len(segs); k++ {
		sg := segs[k]
		if k == 0 && len(segs) > 1 {
			if e := emoticonEnd(text, sg.Start, segs[len(segs)-1].End); e > 0 {
				last := k
				for last+1 < len(segs) && segs[last+1].Start < e {
					last++
				}
				if segs[last].End == e { // ends on a segment boundary
					dst = append(dst, Token{Start: sg.Start, End: e, Kind: Symbol})
					k = last
					continue
				}
			}
		}
		switch sg.Kind {
		case segWord:
			dst, k = t.word(dst, text, segs, k)
		default:
			dst, k = punctRun(dst, text, segs, k)
		}
	}
	return dst
}

// emoticonEnd returns the end of an emoticon that starts a chunk at i
// (":)", ";-)", ":D", ":((", "=P"), or 0. end is the end of the chunk.
func emoticonEnd(text string, i, end int) int {
	switch text[i] {
	case ':', ';', '=':
	default:
		return 0
	}
	j := i + 1
	if j < end && text[j] == '-' {
		j++
	}
	if j == end {
		return 0
	}
	mouth := text[j]
	switch mouth {
	case ')', '(', 'D', 'P', 'p', '/', '\\', ']', '[', '|', '*', 'O', 'o', '3':
	default:
		return 0
	}
	j++
	for j < end && text[j] == mouth && !isASCIIAlnum(mouth) {
		j++
	}
	if j < end && (isWordByte(text[j]) || text[j] >= utf8.RuneSelf) {
		return 0
	}
	return j
}

func classify(seg string) Kind {
	c := seg[0]
	if c < utf8.RuneSelf {
		return classifyASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(seg)
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r):
		return segWord
	case unicode.IsPunct(r):
		return segPunct
	}
	return segOther
}

func classifyASCII(c byte) Kind {
	switch {
	case isWordByte(c):
		return segWord
	case c < ' ' || c == 0x7f:
		return segOther
	case isASCIIPunct(c):
		return segPunct
	}
	return segOther
}

// isASCIIPunct reports the ASCII marks that are punctuation rather than
// symbols: . , ; : ! ? ( ) [ ] { } " ' - / \ and the underscore.
func isASCIIPunct(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '\'', '-', '/', '\\', '_':
		return true
	}
	return false
}

// runeAt returns the rune that starts a segment.
func runeAt(text string, i int) rune {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// punctRun emits the punctuation or symbol segment segs[k], merged with the
// segments after it when they form one mark: a run of the same mark ("...",
// "--", "!!!", "**") or a run of terminators ("?!", ".?").
func punctRun(dst []Token, text string, segs []segment, k int) ([]Token, int) {
	sg := segs[k]
	kind := Symbol
	if sg.Kind == segPunct {
		kind = Punct
	}
	r := runeAt(text, sg.Start)
	single := sg.End-sg.Start == utf8.RuneLen(r)
	end := sg.End
	if single && mergesInRuns(r) {
		for k+1 < len(segs) {
			n := segs[k+1]
			nr := runeAt(text, n.Start)
			if n.End-n.Start != utf8.RuneLen(nr) || !(nr == r || isTerminatorRune(r) && isTerminatorRune(nr)) {
				break
			}
			end = n.End
			k++
		}
	}
	switch r {
	case '@', '&', '#', '*', '%':
		kind = Symbol
	case '\'', '’', '`':
		// '' and `` stand for double quotes, as in EWT.
		if single && k+1 < len(segs) && segs[k+1].End-segs[k+1].Start == sg.End-sg.Start && runeAt(text, segs[k+1].Start) == r {
			return append(dst, Token{Start: sg.Start, End: segs[k+1].End, Kind: Punct}), k + 1
		}
	}
	// A leading apostrophe on a two-digit year ('73, '90s) stays with it.
	if (r == '\'' || r == '’') && end == sg.End && k+1 < len(segs) && segs[k+1].Kind == segWord &&
		(sg.Start == 0 || !isWordByte(text[sg.Start-1])) && isYear(text[segs[k+1].Start:segs[k+1].End]) {
		return append(dst, Token{Start: sg.Start, End: segs[k+1].End, Kind: Number}), k + 1
	}
	return append(dst, Token{Start: sg.Start, End: end, Kind: kind}), k
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

func isYear(s string) bool {
	return len(s) >= 2 && isASCIIDigit(s[0]) && isASCIIDigit(s[1]) && (len(s) == 2 || len(s) == 3 && s[2] == 's')
}

// mergesInRuns reports marks whose repetitions form one token.
func mergesInRuns(r rune) bool {
	switch r {
	case '"', '\'', '(', ')', '[', ']', '{', '}', '‘', '’', '“', '”', '«', '»', ',', ';':
		return false
	}
	return true
}

func isTerminatorRune(r rune) bool { return r == '.' || r == '!' || r == '?' }

// word emits the word that starts at segs[k]: joined across hyphens (and a
// few other joiners), split into EWT-style contractions, with the full stop
// of an abbreviation attached. It returns the index of the last segment
// consumed.
func (t *Tokenizer) word(dst []Token, text string, segs []segment, k int) ([]Token, int) {
	start := segs[k].Start
	first := k
	for k+2 < len(segs) && segs[k+2].Kind == segWord && joins(text, segs[k], segs[k+1], segs[k+2]) {
		k += 2
	}
	end := segs[k].End
	kind := Word
	if isNumeric(text, start) {
		kind = Number
		// 80's, 1990’s: EWT keeps a decade whole.
		if k+2 < len(segs) && isApostrophe(text[segs[k+1].Start:segs[k+1].End]) && text[segs[k+2].Start:segs[k+2].End] == "s" {
			k += 2
			end = segs[k].End
		}
	}

	// An abbreviation keeps its full stop, unless the full stop ends the
	// sentence (then it is the sentence's terminator, as in EWT).
	if k+1 < len(segs) && text[segs[k+1].Start] == '.' && segs[k+1].End == segs[k+1].Start+1 &&
		(k+2 == len(segs) || text[segs[k+2].Start] != '.') && first == k && kind == Word {
		class := abbreviationClass(text, start, end)
		if class == numberAbbreviation && !digitFollows(text, end+1) {
			class = notAbbreviation
		}
		if class != notAbbreviation {
			if !abbreviationEnds(text, end+1, text[start:end], class) {
				return append(dst, Token{Start: start, End: end + 1, Kind: Word}), k + 1
			}
		}
	}
	if kind == Word {
		return splitContractions(dst, text, start, end), k
	}
	if first == k || text[segs[first+1].Start] == ':' {
		if cut := unitStart(text[start:end]); cut > 0 {
			// 5pm, 10GB, 398,487MMBTU: EWT splits a number from its unit.
			return append(dst, Token{Start: start, End: start + cut, Kind: Number}, Token{Start: start + cut, End: end, Kind: Word}), k
		}
	}
	return append(dst, Token{Start: start, End: end, Kind: kind}), k
}

// unitStart returns where the letters of a number written together with
// its unit start (5|pm, 10|GB), or 0: for a number alone, an ordinal (2nd,
// 21st), a decade (1990s), one letter (3D, 3801a) or anything mixed (4x4).
func unitStart(w string) int {
	i := 0
	for i < len(w) && (isASCIIDigit(w[i]) || (w[i] == ',' || w[i] == '.' || w[i] == ':') && i+1 < len(w) && isASCIIDigit(w[i+1])) {
		i++
	}
	if i == 0 || len(w)-i < 2 {
		return 0
	}
	for j := i; j < len(w); j++ {
		if !isASCIILetter(w[j]) {
			return 0
		}
	}
	switch u := w[i:]; {
	case equalFold(u, "st"), equalFold(u, "nd"), equalFold(u, "rd"), equalFold(u, "th"), u == "s":
		return 0
	}
	return i
}

// isNumeric reports whether the word at i starts with a digit.
func isNumeric(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIIDigit(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsDigit(r)
}

// joins reports whether the single mark mid joins the words a and b into
// one token: hyphens always (well-known, e-mail, 853-7906), a slash
// between numbers or between short words (9/11, b/c, I/O), a colon between
// numbers (12:30), an ampersand between short words (R&D, AT&T).
func joins(text string, a, mid, b segment) bool {
	r := runeAt(text, mid.Start)
	if mid.End-mid.Start != utf8.RuneLen(r) {
		return false
	}
	switch r {
	case '-', '‐', '‑':
		return true
	case '.':
		// UAX #29 joins letter.letter and digit.digit; join the mixed
		// cases too: Paper4.pdf, EY4108.E.
		return true
	case '/':
		return isNumeric(text, a.Start) && isNumeric(text, b.Start) ||
			a.End-a.Start <= 2 && b.End-b.Start <= 2
	case ':':
		return isNumeric(text, a.Start) && isNumeric(text, b.Start)
	case '&':
		return a.End-a.Start <= 3 && b.End-b.Start <= 3
	}
	return false
}

// splitContractions appends the word text[start:end], split the way UD
// English-EWT splits contractions: do|n't, ca|n't, He|'ll, John|'s,
// can|not, gon|na, wan|na, got|ta.
func splitContractions(dst []Token, text string, start, end int) []Token {
	w := text[start:end]
	cut := 0
	switch {
	case apostropheNearEnd(w):
		// A clitic after an apostrophe: 's 'm 'd 're 've 'll.
		if c := cliticStart(w); c > 0 {
			dst = splitContractions(dst, text, start, start+c)
			return append(dst, Token{start + c, end, Word})
		}
		cut = notStart(w)
	case len(w) == 6 && equalFold(w, "cannot"),
		len(w) == 5 && (equalFold(w, "gonna") || equalFold(w, "wanna") || equalFold(w, "gotta")):
		cut = 3
	default:
		cut = bareContraction(w)
	}
	if cut > 0 {
		return append(dst, Token{start, start + cut, Word}, Token{start + cut, end, Word})
	}
	return append(dst, Token{start, end, Word})
}

// bareContraction returns where the second part of a contraction written
// without its apostrophe starts (do|nt, I|m, that|s), as EWT splits them,
// or 0. Forms that are also words (its, lets, hell, wed, ill) stay whole.
func bareContraction(w string) int {
	if len(w) < 2 || len(w) > 8 {
		return 0
	}
	switch a, b := lowerASCII(w[len(w)-2]), lowerASCII(w[len(w)-1]); {
	case a == 'n' && b == 't', a == 'r' && b == 'e', a == 'v' && b == 'e', a == 'l' && b == 'l',
		b == 's', a == 'i' && b == 'm':
	default:
		return 0 // the common case, decided without the switch below
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		buf[i] = lowerASCII(w[i])
	}
	switch string(buf[:len(w)]) {
	case "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt",
		"wouldnt", "shouldnt", "wont", "havent", "hasnt", "hadnt", "aint", "mustnt", "neednt",
		"youre", "theyre", "youve", "weve", "theyve", "youll", "theyll":
		return len(w) - 2
	case "thats", "whats", "theres", "shes":
		return len(w) - 1
	case "im", "ive":
		return 1
	}
	return 0
}

// apostropheBefore returns the length of the apostrophe (' or ’) that ends
// w[:i], or 0.
func apostropheBefore(w string, i int) int {
	if i >= 1 && w[i-1] == '\'' {
		return 1
	}
	if i >= 3 && w[i-3:i] == "’" {
		return 3
	}
	return 0
}

// cliticStart returns where a clitic ('s 'm 'd 're 've 'll) starts in w
// (which has an apostrophe near its end), or 0 when w has none (or nothing but the clitic, or a number before it: 80's).
func cliticStart(w string) int {
	n := len(w)
	for _, sfx := range [...]string{"s", "m", "d", "re", "ve", "ll"} {
		if n <= len(sfx) || !equalFold(w[n-len(sfx):], sfx) {
			continue
		}
		a := apostropheBefore(w, n-len(sfx))
		if a == 0 {
			continue
		}
		cut := n - len(sfx) - a
		if cut == 0 || isASCIIDigit(w[cut-1]) {
			return 0
		}
		return cut
	}
	return 0
}

// notStart returns where n't starts in w, or 0.
func notStart(w string) int {
	n := len(w)
	if n < 3 || lowerASCII(w[n-1]) != 't' {
		return 0
	}
	a := apostropheBefore(w, n-1)
	if a == 0 {
		return 0
	}
	cut := n - 1 - a - 1
	if cut <= 0 || lowerASCII(w[cut]) != 'n' {
		return 0
	}
	return cut
}

// apostropheNearEnd is a quick test for a contraction: ' or the last byte
// of ’ among the last four bytes of w.
func apostropheNearEnd(w string) bool {
	for i := len(w) - 1; i >= 0 && i >= len(w)-4; i-- {
		if c := w[i]; c == '\'' || c == 0x99 {
			return true
		}
	}
	return false
}

// equalFold is strings.EqualFold for ASCII t.
func equalFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerASCII(s[i]) != t[i] {
			return false
		}
	}
	return true
}
