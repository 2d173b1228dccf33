package code

// The C family: // line comments and /* */ block comments, with each
// language's string literals, which is what tells a comment marker inside
// a string from a real one.

// cOpts are the lexical differences within the C family.
type cOpts struct {
	hash      bool // PHP: # also starts a line comment (not #[, an attribute)
	nested    bool // block comments nest (Rust, Swift, Kotlin)
	quote     byte // what ' starts: 'c' a char literal, 's' a string, 'r' a Rust char or lifetime, 0 nothing
	goRaw     bool // `…` is a raw string (Go)
	template  bool // `…${…}…` is a template literal (JavaScript, TypeScript)
	rustRaw   bool // r"…", r#"…"#, br"…", cr"…"
	cppRaw    bool // R"d(…)d" and its u8R, LR, uR, UR forms
	verbatim  bool // C#: @"…" with "" for a quote
	triple    bool // """…""" (Kotlin, Swift, Java text blocks, C# raw strings)
	swiftHash bool // #"…"# extended delimiters
	regex     bool // /…/ regular expression literals (JavaScript)
	heredoc   bool // PHP <<<ID … ID
}

var (
	goOpts     = cOpts{quote: 'c', goRaw: true}
	rustOpts   = cOpts{quote: 'r', nested: true, rustRaw: true}
	cOptsC     = cOpts{quote: 'c'}
	cppOpts    = cOpts{quote: 'c', cppRaw: true}
	csOpts     = cOpts{quote: 'c', verbatim: true, triple: true}
	javaOpts   = cOpts{quote: 'c', triple: true}
	kotlinOpts = cOpts{quote: 'c', nested: true, triple: true}
	swiftOpts  = cOpts{nested: true, triple: true, swiftHash: true}
	jsOpts     = cOpts{quote: 's', template: true, regex: true}
	phpOpts    = cOpts{quote: 's', hash: true, heredoc: true}
)

func lexGo(src string) []Comment     { return lexC(src, &goOpts) }
func lexRust(src string) []Comment   { return lexC(src, &rustOpts) }
func lexCLang(src string) []Comment  { return lexC(src, &cOptsC) }
func lexCpp(src string) []Comment    { return lexC(src, &cppOpts) }
func lexCSharp(src string) []Comment { return lexC(src, &csOpts) }
func lexJava(src string) []Comment   { return lexC(src, &javaOpts) }
func lexKotlin(src string) []Comment { return lexC(src, &kotlinOpts) }
func lexSwift(src string) []Comment  { return lexC(src, &swiftOpts) }
func lexJS(src string) []Comment     { return lexC(src, &jsOpts) }
func lexPHP(src string) []Comment    { return lexC(src, &phpOpts) }

// maxNesting bounds the nesting of template literals (and of block
// comments where they nest) that the lexers follow; deeper input is read
// as the inside of the innermost one, which keeps them linear.
const maxNesting = 64

type clexer struct {
	src      string
	o        *cOpts
	out      []Comment
	lineCode bool // code seen since the last line break
	// prev is the last significant byte of code (0 at the start and after
	// a comment alone on its line), and prevWord whether it ended a word;
	// they decide whether / starts a regular expression.
	prev     byte
	prevWord string
}

func lexC(src string, o *cOpts) []Comment {
	lx := &clexer{src: src, o: o}
	lx.code(0, 0)
	return lx.out
}

// code lexes code from i; inside a template literal's ${ (depth > 0) it
// returns after the } that closes it, else at the end of src.
func (lx *clexer) code(i, depth int) int {
	src, o := lx.src, lx.o
	braces := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			lx.lineCode = false
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = lx.lineComment(i, 2, depth)
			continue
		case c == '#' && o.hash && !(i+1 < len(src) && src[i+1] == '['):
			i = lx.lineComment(i, 1, depth)
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = lx.blockComment(i, depth)
			continue
		}
		start := i
		switch {
		case c == '"':
			i = lx.doubleQuoted(i)
		case c == '\'' && o.quote != 0:
			i = lx.singleQuoted(i)
		case c == '`' && o.goRaw:
			i = skipTo(src, i+1, "`")
		case c == '`' && o.template:
			i = lx.templateLiteral(i, depth)
		case c == '@' && o.verbatim && i+1 < len(src) && (src[i+1] == '"' || (src[i+1] == '$' && i+2 < len(src) && src[i+2] == '"')):
			i = lx.verbatimString(i + 1)
		case c == '$' && o.verbatim && i+2 < len(src) && src[i+1] == '@' && src[i+2] == '"':
			i = lx.verbatimString(i + 2)
		case c == '#' && o.swiftHash && lx.swiftHashString(i) > 0:
			i = lx.swiftHashString(i)
		case c == '<' && o.heredoc && hasPrefixAt(src, i, "<<<"):
			i = lx.phpHeredoc(i)
		case c == '/' && o.regex && lx.regexAllowed():
			i = lx.regexLiteral(i)
		case c == '{' && depth > 0:
			braces++
			i++
		case c == '}' && depth > 0:
			if braces == 0 {
				return i + 1
			}
			braces--
			i++
		case isIdentByte(c):
			i = lx.word(i)
		default:
			i++
		}
		lx.lineCode = true
		if i > start {
			lx.prev = src[i-1]
		}
		if !isIdentByte(c) {
			lx.prevWord = ""
		}
	}
	return i
}

// word skips an identifier or number, or the raw string it prefixes.
func (lx *clexer) word(i int) int {
	src, o := lx.src, lx.o
	j := i
	for j < len(src) && isIdentByte(src[j]) {
		j++
	}
	w := src[i:j]
	if j < len(src) {
		switch {
		case o.rustRaw && (w == "r" || w == "br" || w == "cr") && (src[j] == '"' || src[j] == '#'):
			if end := rustRawString(src, j); end > 0 {
				return end
			}
		case o.cppRaw && src[j] == '"' && (w == "R" || w == "u8R" || w == "LR" || w == "uR" || w == "UR"):
			if end := cppRawString(src, j); end > 0 {
				return end
			}
		}
	}
	lx.prevWord = w
	return j
}

// lineComment records the comment from i (marker n bytes long) to the end
// of its line.
func (lx *clexer) lineComment(i, n, depth int) int {
	end := lineContentEnd(lx.src, i)
	lx.add(Comment{Start: i, End: end, TextStart: i + n, TextEnd: end, Style: LineComment}, depth)
	return end
}

func (lx *clexer) add(c Comment, depth int) {
	c.Trailing = lx.lineCode
	c.Cut = depth == 0 && !c.Trailing
	if !c.Trailing {
		// A regular expression may follow a comment alone on its line:
		// what precedes a cut point must not decide how the text after
		// it is read.
		lx.prev, lx.prevWord = 0, ""
	}
	lx.out = append(lx.out, c)
}

func (lx *clexer) blockComment(i, depth int) int {
	src := lx.src
	j := i + 2
	level := 1
	for j < len(src) {
		if src[j] == '*' && j+1 < len(src) && src[j+1] == '/' {
			level--
			j += 2
			if level == 0 || !lx.o.nested {
				break
			}
			continue
		}
		if lx.o.nested && src[j] == '/' && j+1 < len(src) && src[j+1] == '*' && level < maxNesting {
			level++
			j += 2
			continue
		}
		j++
	}
	textEnd := j
	if level == 0 || !lx.o.nested {
		if j >= i+4 && src[j-2:j] == "*/" {
			textEnd = j - 2
		}
	}
	lx.add(Comment{Start: i, End: j, TextStart: i + 2, TextEnd: max(textEnd, i+2), Style: BlockComment}, depth)
	return j
}

// doubleQuoted skips a "…" string (or a """…""" one where the language
// has them); it ends at an unescaped quote, or at the end of its line
// where strings cannot span lines unescaped, which keeps an unterminated
// string from swallowing the rest of the file.
func (lx *clexer) doubleQuoted(i int) int {
	src := lx.src
	if lx.o.triple && hasPrefixAt(src, i, `"""`) {
		return lx.tripleQuoted(i, `"""`)
	}
	return skipQuoted(src, i+1, '"', lx.o.rustRaw)
}

func (lx *clexer) tripleQuoted(i int, q string) int {
	// C# raw strings may open with more than three quotes; the same
	// number closes them.
	n := len(q)
	for i+n < len(lx.src) && lx.src[i+n] == '"' {
		n++
	}
	closing := lx.src[i : i+n]
	for j := i + n; j < len(lx.src); j++ {
		switch lx.src[j] {
		case '\\':
			j++
		case '"':
			if hasPrefixAt(lx.src, j, closing) {
				return j + n
			}
		}
	}
	return len(lx.src)
}

// skipQuoted skips from i (just after the opening quote q) to after the
// closing one, honouring backslash escapes; a line break ends it unless
// multiline.
func skipQuoted(src string, i int, q byte, multiline bool) int {
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '\n':
			if !multiline {
				return i
			}
		case q:
			return i + 1
		}
		i++
	}
	return len(src)
}

func (lx *clexer) singleQuoted(i int) int {
	src := lx.src
	switch lx.o.quote {
	case 's':
		return skipQuoted(src, i+1, '\'', false)
	case 'r':
		// A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a).
		if i+1 < len(src) && src[i+1] == '\\' {
			return skipQuoted(src, i+1, '\'', false)
		}
		j := i + 1
		if j < len(src) {
			j += runeLen(src[j])
		}
		if j < len(src) && src[j] == '\'' {
			return j + 1
		}
		return i + 1
	}
	// C, C++, Java, C#, Kotlin, Go: a char literal, except a C++14 digit
	// separator (1'000) after an identifier or number other than a
	// literal's prefix (L'x', u8'x').
	if i > 0 && isIdentByte(src[i-1]) {
		k := i
		for k > 0 && isIdentByte(src[k-1]) {
			k--
		}
		switch src[k:i] {
		case "L", "u", "U", "u8":
		default:
			return i + 1
		}
	}
	return skipQuoted(src, i+1, '\'', false)
}

// templateLiteral skips a JavaScript template literal, lexing the code of
// each ${…} in it (which may hold comments and further templates).
func (lx *clexer) templateLiteral(i, depth int) int {
	src := lx.src
	j := i + 1
	for j < len(src) {
		switch src[j] {
		case '\\':
			j += 2
			continue
		case '`':
			return j + 1
		case '$':
			if j+1 < len(src) && src[j+1] == '{' && depth < maxNesting {
				j = lx.code(j+2, depth+1)
				continue
			}
		}
		j++
	}
	return len(src)
}

// verbatimString skips a C# verbatim string from its quote at i.
func (lx *clexer) verbatimString(i int) int {
	src := lx.src
	for j := i + 1; j < len(src); j++ {
		if src[j] == '"' {
			if j+1 < len(src) && src[j+1] == '"' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(src)
}

// swiftHashString returns the end of a Swift #"…"# string at i, or 0 when
// none starts there.
func (lx *clexer) swiftHashString(i int) int {
	src := lx.src
	n := 0
	for i+n < len(src) && src[i+n] == '#' {
		n++
	}
	j := i + n
	if j >= len(src) || src[j] != '"' {
		return 0
	}
	quotes := `"`
	if hasPrefixAt(src, j, `"""`) {
		quotes = `"""`
	}
	closing := quotes + src[i:i+n]
	for k := j + len(quotes); k < len(src); k++ {
		if src[k] == '"' && hasPrefixAt(src, k, closing) {
			return k + len(closing)
		}
	}
	return len(src)
}

// phpHeredoc skips a heredoc or nowdoc from its <<< at i.
func (lx *clexer) phpHeredoc(i int) int {
	src := lx.src
	j := i + 3
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	quoted := j < len(src) && (src[j] == '\'' || src[j] == '"')
	if quoted {
		j++
	}
	k := j
	for k < len(src) && isIdentByte(src[k]) {
		k++
	}
	if k == j {
		return i + 3
	}
	id := src[j:k]
	for pos := lineContentEnd(src, k) + 1; pos < len(src); pos = lineContentEnd(src, pos) + 1 {
		p := pos
		for p < len(src) && (src[p] == ' ' || src[p] == '\t') {
			p++
		}
		if hasPrefixAt(src, p, id) && (p+len(id) == len(src) || !isIdentByte(src[p+len(id)])) {
			return p + len(id)
		}
	}
	return len(src)
}

// regexAllowed reports whether a / here starts a regular expression
// rather than a division, from the code before it.
func (lx *clexer) regexAllowed() bool {
	if lx.prevWord != "" {
		switch lx.prevWord {
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
			return true
		}
		return false
	}
	switch lx.prev {
	case 0, '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^':
		return true
	}
	return false
}

const maxRegex = 512

// regexLiteral skips /…/flags; a line break before the closing slash
// means it was a division after all.
func (lx *clexer) regexLiteral(i int) int {
	src := lx.src
	class := false
	// A regular expression longer than maxRegex is taken for a division:
	// it keeps a long line of slashes linear.
	for j := i + 1; j < len(src) && j < i+maxRegex; j++ {
		switch src[j] {
		case '\\':
			j++
		case '\n':
			return i + 1
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				j++
				for j < len(src) && isIdentByte(src[j]) {
					j++
				}
				return j
			}
		}
	}
	return i + 1
}

// rustRawString returns the end of a raw string whose #s or quote start at
// j, or 0 when none does.
func rustRawString(src string, j int) int {
	n := 0
	for j+n < len(src) && src[j+n] == '#' {
		n++
	}
	if j+n >= len(src) || src[j+n] != '"' {
		return 0
	}
	closing := `"` + src[j:j+n]
	for k := j + n + 1; k < len(src); k++ {
		if src[k] == '"' && hasPrefixAt(src, k, closing) {
			return k + len(closing)
		}
	}
	return len(src)
}

// cppRawString returns the end of a raw string whose quote is at j, or 0.
func cppRawString(src string, j int) int {
	k := j + 1
	for k < len(src) && k-j <= 17 && src[k] != '(' {
		if c := src[k]; c == ' ' || c == ')' || c == '\\' || c == '\n' {
			return 0
		}
		k++
	}
	if k >= len(src) || src[k] != '(' {
		return 0
	}
	closing := ")" + src[j+1:k] + `"`
	for m := k + 1; m < len(src); m++ {
		if src[m] == ')' && hasPrefixAt(src, m, closing) {
			return m + len(closing)
		}
	}
	return len(src)
}

// skipTo returns the offset after the next occurrence of s from i, or the
// end of src.
func skipTo(src string, i int, s string) int {
	for j := i; j+len(s) <= len(src); j++ {
		if hasPrefixAt(src, j, s) {
			return j + len(s)
		}
	}
	return len(src)
}

func hasPrefixAt(src string, i int, p string) bool {
	return i >= 0 && i+len(p) <= len(src) && src[i:i+len(p)] == p
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// lineContentEnd returns the end of the line at i, before its "\n" or
// "\r\n".
func lineContentEnd(src string, i int) int {
	j := i
	for j < len(src) && src[j] != '\n' {
		j++
	}
	if j > i && src[j-1] == '\r' {
		j--
	}
	return j
}

func runeLen(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c>>5 == 0x6:
		return 2
	case c>>4 == 0xe:
		return 3
	case c>>3 == 0x1e:
		return 4
	}
	return 1
}
