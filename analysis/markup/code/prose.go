package code

import (
	"strings"
)

// reader turns the lines of one comment into prose blocks.
type reader struct {
	src   string
	style textStyle
	base  int // the comment's indentation: the least of its lines'

	blocks []Block
	para   []line // the lines of the current paragraph, as prose ranges
	kind   BlockKind

	fence     string // the fence of an open fenced code block
	pre       string // what closes an open <pre>, <code> or @code block
	codeAbove int    // in an indented code block: its least indentation; else -1
	doctest   bool   // in a doctest's output
	literal   bool   // the paragraph before ended with "::" or was a code directive
	example   bool   // in a @example tag's code
	afterCode bool   // a line of code came before, with no blank line since
	colon     int    // the indentation of the line before when it ended with ":"; else -1
	prevBlank bool
}

func (l *Language) appendBlocks(blocks []Block, src string, g []Comment) []Block {
	if isLicence(src, g) {
		return blocks
	}
	lines := l.lines(src, g)
	r := &reader{src: src, style: l.style, blocks: blocks, codeAbove: -1, colon: -1, prevBlank: true}
	r.base = -1
	for i, ln := range lines {
		if ln.blank() || (ln.opener && len(lines) > 1) {
			continue
		}
		if r.base < 0 || ln.indent < r.base {
			r.base = ln.indent
		}
		_ = i
	}
	if r.base < 0 {
		r.base = 0
	}
	for _, ln := range lines {
		r.line(ln)
	}
	r.flush()
	return r.blocks
}

// licenceWords are what a licence's own text says: any of them makes a
// comment a licence header.
var licenceWords = [...]string{"licensed under", "licensed to", "spdx-license-identifier", "permission is hereby granted",
	"this program is free software", "redistribution and use in source and binary forms", "this source code is licensed",
	"use of this source code is governed by"}

// isLicence reports whether a comment is a licence header: it names a
// copyright and a licence, or says what licences say.
func isLicence(src string, g []Comment) bool {
	text := src[g[0].Start:g[len(g)-1].End]
	if !strings.Contains(text, "icen") && !strings.Contains(text, "ICEN") && !strings.Contains(text, "ermission") && !strings.Contains(text, "ree software") &&
		!strings.Contains(text, "edistribution") && !strings.Contains(text, "governed by") &&
		!strings.Contains(text, "opyright") && !strings.Contains(text, "OPYRIGHT") && !strings.Contains(text, "(c)") && !strings.Contains(text, "(C)") && !strings.Contains(text, "©") {
		return false // the common case, without lowering the text
	}
	text = strings.ToLower(text)
	for _, w := range licenceWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	for _, w := range []string{"licen", "permission is hereby granted", "all rights reserved", "copyright notice", "spdx-"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func (r *reader) line(ln line) {
	src := r.src
	t := src[ln.text:ln.end]
	rel := ln.indent - r.base
	if ln.opener {
		rel = 0
	}
	switch {
	case r.fence != "":
		if strings.HasPrefix(t, r.fence) {
			r.fence = ""
		}
		return
	case r.pre != "":
		if strings.Contains(t, r.pre) {
			r.pre = ""
		}
		return
	case ln.blank() || isDecoration(t):
		r.flush()
		r.prevBlank = true
		r.doctest = false
		r.afterCode = false
		return
	case r.codeAbove >= 0:
		if rel >= r.codeAbove {
			return
		}
		r.codeAbove = -1
	}
	wasBlank := r.prevBlank
	r.prevBlank = false
	literal := r.literal
	r.literal = false
	colon := r.colon
	r.colon = -1
	if colon >= 0 && rel >= colon+2 && listMarker(t) == 0 && r.style != restText {
		// "Run it so:" and an indented line under it: an example.
		r.flush()
		r.codeAbove = colon + 2
		return
	}
	switch {
	case r.doctest:
		return
	case isToolDirective(t) || r.style == configText && isSetting(t):
		r.flush()
		return
	case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
		r.flush()
		n := 0
		for n < len(t) && t[n] == t[0] {
			n++
		}
		r.fence = t[:n]
		return
	case r.example:
		if t[0] != '@' {
			return
		}
		r.example = false
	}
	if closer := preOpen(t); closer != "" {
		r.flush()
		if !strings.Contains(t[1:], closer) {
			r.pre = closer
		}
		return
	}
	if rel >= r.codeIndent() && (wasBlank || literal) && (literal || listMarker(t) == 0) && r.codeIndent() > 0 {
		r.flush()
		r.codeAbove = r.codeIndent()
		if literal && r.style == restText {
			r.codeAbove = 1
		}
		return
	}
	if literal && r.style == restText && rel > 0 {
		r.flush()
		r.codeAbove = 1
		return
	}
	if strings.HasPrefix(t, ">>>") {
		r.flush()
		r.doctest = true
		return
	}
	if strings.HasPrefix(t, "$ ") {
		r.flush()
		return
	}
	if r.style == restText && strings.HasPrefix(t, "..") {
		r.flush()
		name := strings.TrimSpace(strings.TrimPrefix(t, ".."))
		if i := strings.Index(name, "::"); i >= 0 {
			switch strings.TrimSpace(name[:i]) {
			case "code", "code-block", "sourcecode", "doctest", "testcode", "highlight", "literalinclude", "math", "productionlist":
				r.literal = true
			}
		}
		return
	}
	start := ln.text
	kind := Paragraph
	if t[0] == '@' || (t[0] == '\\' && len(t) > 1 && isLetter(t[1])) {
		r.flush()
		start = r.docTag(ln)
		if start < 0 {
			return
		}
	} else if r.style == restText && t[0] == ':' {
		if n := fieldMarker(t); n > 0 {
			r.flush()
			name := strings.Fields(t[1:n])
			if len(name) > 0 && (name[0] == "type" || name[0] == "rtype" || name[0] == "vartype" || name[0] == "meta") {
				return
			}
			start = ln.text + n
		}
	} else if r.style != restText && isHeading(t) {
		r.flush()
		n := strings.IndexByte(t, ' ')
		r.kind = Heading
		r.para = append(r.para, line{start: ln.text + n + 1, end: ln.end})
		r.flush()
		return
	} else if n := listMarker(t); n > 0 {
		r.flush()
		start, kind = ln.text+n, ListItem
	} else if isBlockTag(t) {
		r.flush()
		if strings.HasPrefix(strings.ToLower(t), "<li") {
			kind = ListItem
		}
	} else if isSection(t) {
		r.flush()
		return
	} else if strongCode(t) || r.afterCode && rel > 0 {
		// Code, and the lines indented under a line of code.
		r.flush()
		r.afterCode = true
		return
	}
	r.afterCode = false
	end := ln.end
	if r.style == restText && strings.HasSuffix(t, "::") {
		r.literal = true
		end-- // "Example::" reads "Example:"
		if end-1 == ln.text || strings.TrimSpace(src[start:end]) == ":" {
			r.flush()
			return
		}
		if src[end-2] == ' ' {
			end -= 2 // "Example ::" reads "Example"
		}
	}
	if start >= end {
		return
	}
	if len(r.para) == 0 {
		r.kind = kind
	}
	r.para = append(r.para, line{start: start, end: end})
	if strings.HasSuffix(t, ":") {
		r.colon = rel
	}
}

// codeIndent is how far past the comment's indentation a line after a
// blank line must be indented to be code: Go's doc comments indent code
// at all; 0 where indentation alone does not
// make code (reStructuredText, where :: does).
func (r *reader) codeIndent() int {
	switch r.style {
	case goText:
		return 1
	case restText:
		return 0
	}
	// Markdown says four, but C++ and JavaScript comments indent their
	// examples by two (abseil), and a paragraph indented by two after a
	// blank line is rarely prose.
	return 2
}

// docTag reads a Javadoc, JSDoc or Doxygen tag line: it returns where its
// prose starts, or -1 when it has none.
func (r *reader) docTag(ln line) int {
	src := r.src
	i := ln.text + 1
	j := i
	for j < ln.end && (isLetter(src[j]) || src[j] == '-' || src[j] == '_') {
		j++
	}
	tag := strings.ToLower(src[i:j])
	skipType := func() {
		for j < ln.end && src[j] == ' ' {
			j++
		}
		if j < ln.end && src[j] == '{' {
			if k := matchBrace(src, j, ln.end); k > 0 {
				j = k
			}
		}
	}
	skipWord := func() {
		for j < ln.end && src[j] == ' ' {
			j++
		}
		if j < ln.end && src[j] == '[' {
			// JSDoc's optional parameter: [name=default].
			if k := strings.IndexByte(src[j:ln.end], ']'); k >= 0 {
				j += k + 1
				for j < ln.end && (src[j] == ' ' || src[j] == '-' || src[j] == ':') {
					j++
				}
				return
			}
		}
		for j < ln.end && src[j] != ' ' && src[j] != '\t' {
			j++
		}
		for j < ln.end && (src[j] == ' ' || src[j] == '-' || src[j] == ':') {
			j++
		}
	}
	switch tag {
	case "param", "arg", "argument", "property", "prop", "tparam", "typeparam", "template", "field", "member", "throws", "throw", "exception", "raises", "retval", "callback":
		skipType()
		skipWord()
	case "return", "returns", "result", "deprecated", "note", "remarks", "summary", "brief", "description", "desc", "details", "todo", "warning", "warn", "attention", "par", "pre", "post", "invariant", "bug", "yield", "yields":
		skipType()
		for j < ln.end && (src[j] == ' ' || src[j] == '-') {
			j++
		}
	case "example", "code":
		r.example = true
		return -1
	default:
		return -1
	}
	if j >= ln.end {
		return -1
	}
	return j
}

func matchBrace(src string, i, end int) int {
	level := 0
	for j := i; j < end; j++ {
		switch src[j] {
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				return j + 1
			}
		}
	}
	return 0
}

// fieldMarker returns the length of a reST field marker (":param x: ")
// at the start of t, or 0.
func fieldMarker(t string) int {
	if len(t) < 3 || t[0] != ':' || !isLetter(t[1]) {
		return 0
	}
	k := strings.Index(t[1:], ":")
	if k < 0 || strings.IndexByte(t[1:k+1], '`') >= 0 {
		return 0
	}
	n := k + 2
	if n < len(t) && t[n] != ' ' {
		return 0
	}
	for n < len(t) && t[n] == ' ' {
		n++
	}
	return n
}

func (r *reader) flush() {
	if len(r.para) == 0 {
		return
	}
	para := r.para
	r.para = r.para[:0]
	kind := r.kind
	r.kind = Paragraph
	b := Block{Kind: kind}
	inTag := false
	prevEnd := -1
	codeLines := 0
	for _, ln := range para {
		if inTag {
			// The rest of a tag begun on the line before.
			k := strings.IndexByte(r.src[ln.start:ln.end], '>')
			if k < 0 {
				continue
			}
			ln.start += k + 1
			inTag = false
		}
		if prevEnd >= 0 {
			// One space for the line break, whatever blanks a dropped tag
			// left before it.
			if n := len(b.Pieces); n > 0 && b.Pieces[n-1].Kind == Verbatim && b.Pieces[n-1].End == prevEnd {
				last := &b.Pieces[n-1]
				for last.End > last.Start && (r.src[last.End-1] == ' ' || r.src[last.End-1] == '\t') {
					last.End--
				}
				prevEnd = last.End
				if last.End == last.Start {
					b.Pieces = b.Pieces[:n-1]
				}
			}
			b.Pieces = append(b.Pieces, Piece{Start: prevEnd, End: ln.start, Kind: Space})
		}
		n0 := len(b.Pieces)
		b.Pieces, inTag = appendInline(b.Pieces, r.src, ln.start, ln.end)
		if codeLike(render(r.src, b.Pieces[n0:])) {
			codeLines++
		}
		prevEnd = ln.end
	}
	// Commented-out code, or an example not marked as one.
	if codeLines*2 > len(para) {
		return
	}
	text := strings.TrimSpace(render(r.src, b.Pieces))
	if !hasWords(r.src, b.Pieces) || (kind != Heading && !strings.ContainsAny(text, " \t")) {
		return
	}
	r.blocks = append(r.blocks, b)
}

// render returns the prose of pieces, with the placeholder as "thing".
func render(src string, ps []Piece) string {
	var sb strings.Builder
	for _, p := range ps {
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
	return sb.String()
}

// hasWords reports whether the pieces hold a word of prose: a block of
// nothing but placeholders and punctuation (a URL alone, a name) is left
// out, and so is a block of one word (a label: "eventfd", "FENCE").
func hasWords(src string, ps []Piece) bool {
	for _, p := range ps {
		if p.Kind != Verbatim {
			continue
		}
		for i := p.Start; i < p.End; i++ {
			if isLetter(src[i]) || src[i] >= 0x80 {
				return true
			}
		}
	}
	return false
}

// isDecoration reports whether a line is a rule drawn with one repeated
// punctuation character ("-----", "=====", "*****", "/////").
func isDecoration(t string) bool {
	if len(t) < 3 {
		return false
	}
	if (t[0] == '{' || t[0] == '}') && isDecoration(t[1:]) {
		return true // Lua's "{=====" and "}=====" around a section
	}
	c := t[0]
	if isLetter(c) || isDigit(c) || c >= 0x80 || c == '`' || c == '~' {
		return false // ``` and ~~~ are fences
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c && t[i] != ' ' {
			return false
		}
	}
	return true
}

// toolDirectives start a comment that speaks to a tool, not to a reader.
var toolDirectives = [...]string{
	"!/",                                       // a shebang, #!/bin/sh
	"// liaison-", "# liaison-", "-- liaison-", // a directive inside a block comment or docstring
	"go:", "+build", "nolint", "lint:", "eslint", "jshint", "jscs:", "istanbul ", "prettier-ignore", "@ts-", "tslint:",
	"noqa", "type:", "pylint:", "pyright:", "mypy:", "fmt:", "isort:", "shellcheck ", "-*-", "vim:", "vi:", "ex:",
	"region", "endregion", "#region", "#endregion", "NOLINT", "clang-format", "liaison-", "export ", "line ",
	"rubocop:", "frozen_string_literal", "encoding:", "coding:", "c8 ", "swiftlint:", "sourcery:", "MARK:", "cgo ",
	"pragma", "codespell:", "spell-checker:", "cspell:", "@formatter:", "noinspection", "ReSharper ", "SPDX-",
	"yaml-language-server:", "IWYU pragma", "namespace ", "$schema", "webpack", "@flow", "@jsx", "@refresh", "deno-lint", "biome-ignore", "#nosec", "nosec",
}

func isToolDirective(t string) bool {
	for _, d := range toolDirectives {
		if strings.HasPrefix(t, d) {
			return true
		}
	}
	return false
}

// preOpen returns what closes a verbatim block opened at the start of t
// (<pre>, <code> alone, Doxygen's @code), or "".
func preOpen(t string) string {
	if t[0] != '<' && t[0] != '@' && t[0] != '\\' {
		return ""
	}
	lower := strings.ToLower(t)
	switch {
	case strings.HasPrefix(lower, "<pre>") || strings.HasPrefix(lower, "<pre "):
		return "</pre>"
	case lower == "<code>" || strings.HasPrefix(lower, "<code>") && !strings.Contains(lower, "</code>"):
		return "</code>"
	case strings.HasPrefix(t, "@code") || strings.HasPrefix(t, `\code`):
		return "endcode"
	case strings.HasPrefix(t, "@verbatim") || strings.HasPrefix(t, `\verbatim`):
		return "endverbatim"
	}
	return ""
}

// listMarker returns the length of a list item's marker and the blank
// after it at the start of t, or 0.
func listMarker(t string) int {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return 2
	}
	if strings.HasPrefix(t, "• ") {
		return len("• ")
	}
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return i + 2
	}
	return 0
}

func isHeading(t string) bool {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n+1 < len(t) && t[n] == ' '
}

// blockTags are the HTML tags that begin a new paragraph when a line
// starts with them (Javadoc's <p>, <li>).
var blockTags = [...]string{"<p>", "<p ", "</p>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<dl>", "</dl>", "<dt>", "<dd>", "<br>", "<br/>", "<br />", "<hr>", "<table", "</table>", "<tr>", "<td>", "<th>", "<blockquote>", "</blockquote>", "<div", "</div>", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<summary>", "</summary>", "<remarks>", "</remarks>", "<para>", "</para>", "<returns>", "<value>", "<example>"}

func isBlockTag(t string) bool {
	if t[0] != '<' {
		return false
	}
	lower := strings.ToLower(t)
	for _, tag := range blockTags {
		if strings.HasPrefix(lower, tag) {
			return true
		}
	}
	return false
}

// isSetting reports whether a line of a YAML or TOML comment is a
// setting (commented out): "key: value", "key = value", "- item: x",
// "[table]".
func isSetting(t string) bool {
	t = strings.TrimPrefix(t, "- ")
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		return true
	}
	i := 0
	for i < len(t) && (isLetter(t[i]) || isDigit(t[i]) || strings.IndexByte("_.-\"'", t[i]) >= 0) {
		i++
	}
	if i == 0 || isUpper(t[0]) && !strings.ContainsAny(t[:i], "_.-") {
		return false // "Note: …" is prose
	}
	rest := strings.TrimLeft(t[i:], " ")
	return strings.HasPrefix(rest, "=") || rest == ":" || strings.HasPrefix(rest, ": ")
}

// isSection reports whether a line is a docstring section title alone on
// its line (Google and NumPy styles: "Args:", "Returns:", "Parameters").
func isSection(t string) bool {
	switch strings.TrimSuffix(t, ":") {
	case "Args", "Arguments", "Parameters", "Params", "Returns", "Return", "Yields", "Raises", "Throws", "Attributes", "Example", "Examples", "Note", "Notes", "See Also", "Usage", "Keyword Args", "Keyword Arguments", "Other Parameters", "Todo":
		return true
	}
	return false
}

// strongCode reports whether a line is code beyond doubt: no sentence
// ends with an opening brace or a semicolon after a closing parenthesis.
func strongCode(t string) bool {
	for _, s := range []string{"{", "}", ");", "};", "];", ") {", "});", "*/"} {
		// A line that ends with a {@link …} or {code} mentioned in a
		// sentence is prose.
		if strings.HasSuffix(t, s) && !(s == "}" && (strings.Contains(t, "{@") || strings.Contains(t, "`") || strings.Count(t, " ") > 3 && !strings.Contains(t, "{"))) {
			return true
		}
	}
	if (strings.HasPrefix(t, "if ") || strings.HasPrefix(t, "elif ")) && strings.Contains(t, "; then") ||
		(strings.HasPrefix(t, "for ") || strings.HasPrefix(t, "while ")) && strings.Contains(t, "; do") || strings.HasPrefix(t, "if [") || (strings.HasPrefix(t, "import ") || strings.HasPrefix(t, "export ")) && strings.Contains(t, " from ") {
		return true // shell and JavaScript
	}
	if strings.HasPrefix(t, "= ") || strings.HasPrefix(t, "| ") || strings.HasPrefix(t, "=> ") {
		return true // the value of an expression worked out
	}
	for _, p := range []string{"#include", "#define", "#if", "#endif", "} ", "@Override", "import ", "from ", "package "} {
		if strings.HasPrefix(t, p) && (p[0] != 'i' && p[0] != 'f' && p[0] != 'p' || codeLike(t)) {
			return true
		}
	}
	return false
}

// codeLike reports whether a line, as prose (markup gone, identifiers
// the placeholder), reads as code: it is dense with operators and
// brackets, or holds an operator no sentence holds.
func codeLike(t string) bool {
	for _, op := range []string{" == ", " != ", " && ", " || ", " := ", " += ", " -= ", "();", " = ", "->", "=>"} {
		if strings.Contains(t, op) {
			return true
		}
	}
	if strings.HasSuffix(t, ";") || strings.HasSuffix(t, "(") || strings.HasSuffix(t, ",") && strings.Count(t, "(") > strings.Count(t, ")") {
		return true
	}
	symbols, letters := 0, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case strings.IndexByte("(){}[];=<>&|+*/\\$@%^~", c) >= 0:
			symbols++
		case isLetter(c):
			letters++
		}
	}
	return symbols*5 > letters && symbols >= 2
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
