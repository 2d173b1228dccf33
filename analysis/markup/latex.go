package markup

import (
	"slices"
	"strings"
)

// LaTeXOptions extend what the LaTeX reader knows about a project's own
// macros and environments (.liaison.yaml's latex section).
type LaTeXOptions struct {
	// TextMacros are macros whose last mandatory argument is prose read
	// inline, as \emph's is ("newterm" for \newterm{…}).
	TextMacros []string
	// SkipEnvironments are environments whose content is not prose, as
	// verbatim's is ("snip" for \begin{snip}…\end{snip}).
	SkipEnvironments []string
}

var latexFormat = &Format{
	Name:       "latex",
	IDs:        []string{"latex", "tex"},
	Extensions: []string{".tex", ".ltx"},
	Comment:    CommentSyntax{Line: "%"},
	parse:      func(chunk string, _ ChunkFlags, _ *Definitions) []Block { return ParseLaTeX(chunk, nil) },
	parseWith: func(chunk string, _ ChunkFlags, _ *Definitions, opts *Options) []Block {
		return ParseLaTeX(chunk, &opts.LaTeX)
	},
	// A LaTeX document is not cut into chunks: an environment, a group or
	// a macro's argument may hold blank lines, and the preamble decides
	// where the body starts. Reading one is fast enough to redo on every
	// keystroke (BenchmarkExtractLaTeX).
	split: nil,
}

func init() { register(latexFormat) }

// latexMacro is what the reader does with a macro.
type latexMacro uint8

const (
	texDrop        latexMacro = iota + 1 // drop it and its arguments
	texDecl                              // a declaration (\em, \centering): drop it
	texText                              // its last argument is inline prose
	texTextAll                           // each argument is inline prose (\lettrine)
	texHeading                           // its last argument is a heading
	texFootnote                          // its last argument is a footnote block
	texCaption                           // its last argument is a paragraph of its own
	texPlaceholder                       // a placeholder word (\ref, \url, \texttt)
	texMark                              // dropped, with the space before it (\cite, \label)
	texHref                              // \href{url}{text}: the text
	texSpace                             // one space (\quad, \newline)
	texPar                               // a paragraph break (\par)
	texItem                              // a list item starts
)

// latexMacroInfo is a known macro: what it does, its mandatory argument
// count (optional [..] arguments are skipped wherever they appear), and
// the text it stands for (for texText with no argument).
type latexMacroInfo struct {
	kind latexMacro
	args int
	text string
}

// latexMacros are the macros the reader knows; any other is dropped at
// the start of a block and a placeholder inside one, with every argument
// that directly follows it.
var latexMacros = map[string]latexMacroInfo{
	// Sectioning.
	"part": {texHeading, 1, ""}, "chapter": {texHeading, 1, ""}, "section": {texHeading, 1, ""},
	"subsection": {texHeading, 1, ""}, "subsubsection": {texHeading, 1, ""},
	"paragraph": {texHeading, 1, ""}, "subparagraph": {texHeading, 1, ""},
	"addchap": {texHeading, 1, ""}, "addsec": {texHeading, 1, ""}, "minisec": {texHeading, 1, ""},
	"title": {texHeading, 1, ""}, "frametitle": {texHeading, 1, ""},
	// Blocks of their own.
	"footnote": {texFootnote, 1, ""}, "footnotetext": {texFootnote, 1, ""}, "thanks": {texFootnote, 1, ""},
	"marginpar": {texFootnote, 1, ""}, "caption": {texCaption, 1, ""}, "subcaption": {texCaption, 1, ""},
	"item": {texItem, 0, ""},
	// Inline prose.
	"emph": {texText, 1, ""}, "textbf": {texText, 1, ""}, "textit": {texText, 1, ""}, "textsl": {texText, 1, ""},
	"textsc": {texText, 1, ""}, "textup": {texText, 1, ""}, "textmd": {texText, 1, ""}, "textrm": {texText, 1, ""},
	"textsf": {texText, 1, ""}, "textnormal": {texText, 1, ""}, "underline": {texText, 1, ""}, "uline": {texText, 1, ""},
	"mbox": {texText, 1, ""}, "fbox": {texText, 1, ""}, "makebox": {texText, 1, ""}, "text": {texText, 1, ""},
	"enquote": {texText, 1, ""}, "textquote": {texText, 1, ""}, "foreignlanguage": {texText, 2, ""},
	"hyperref": {texText, 1, ""}, "hyperlink": {texText, 2, ""}, "textsuperscript": {texText, 1, ""},
	"textsubscript": {texText, 1, ""}, "lettrine": {texTextAll, 2, ""}, "href": {texHref, 2, ""},
	// Words.
	"LaTeX": {texText, 0, "LaTeX"}, "TeX": {texText, 0, "TeX"}, "LaTeXe": {texText, 0, "LaTeX"},
	"ldots": {texText, 0, "…"}, "dots": {texText, 0, "…"}, "textellipsis": {texText, 0, "…"},
	"textendash": {texText, 0, "–"}, "textemdash": {texText, 0, "—"}, "textquoteleft": {texText, 0, "‘"},
	"textquoteright": {texText, 0, "’"}, "textquotedblleft": {texText, 0, "“"}, "textquotedblright": {texText, 0, "”"},
	"S": {texText, 0, "§"}, "P": {texText, 0, "¶"}, "textparagraph": {texText, 0, "¶"}, "textsection": {texText, 0, "§"},
	"copyright": {texText, 0, "©"}, "textregistered": {texText, 0, "®"}, "texttrademark": {texText, 0, "™"},
	"ss": {texText, 0, "ß"}, "o": {texText, 0, "ø"}, "O": {texText, 0, "Ø"}, "ae": {texText, 0, "æ"},
	"AE": {texText, 0, "Æ"}, "oe": {texText, 0, "œ"}, "OE": {texText, 0, "Œ"}, "aa": {texText, 0, "å"},
	"AA": {texText, 0, "Å"}, "l": {texText, 0, "ł"}, "L": {texText, 0, "Ł"}, "i": {texText, 0, "ı"},
	"textasciitilde": {texText, 0, "~"}, "textbackslash": {texText, 0, "\\"}, "textbar": {texText, 0, "|"},
	"textless": {texText, 0, "<"}, "textgreater": {texText, 0, ">"}, "&": {texText, 0, "&"},
	// Placeholders: non-prose that reads as a noun in the sentence.
	"ref": {texPlaceholder, 1, ""}, "eqref": {texPlaceholder, 1, ""}, "pageref": {texPlaceholder, 1, ""},
	"autoref": {texPlaceholder, 1, ""}, "cref": {texPlaceholder, 1, ""}, "Cref": {texPlaceholder, 1, ""},
	"crefrange": {texPlaceholder, 2, ""}, "Crefrange": {texPlaceholder, 2, ""}, "nameref": {texPlaceholder, 1, ""},
	"vref": {texPlaceholder, 1, ""}, "url": {texPlaceholder, 1, ""}, "nolinkurl": {texPlaceholder, 1, ""},
	"path": {texPlaceholder, 1, ""}, "texttt": {texPlaceholder, 1, ""}, "mintinline": {texPlaceholder, 2, ""},
	"cite": {texPlaceholder, 1, ""}, "citet": {texPlaceholder, 1, ""}, "citealt": {texPlaceholder, 1, ""},
	"citeauthor": {texPlaceholder, 1, ""}, "citeyear": {texPlaceholder, 1, ""}, "textcite": {texPlaceholder, 1, ""},
	"Textcite": {texPlaceholder, 1, ""}, "Citet": {texPlaceholder, 1, ""}, "ensuremath": {texPlaceholder, 1, ""},
	"today": {texPlaceholder, 0, ""},
	// Marks: dropped with the space before them.
	"citep": {texMark, 1, ""}, "citeyearpar": {texMark, 1, ""}, "parencite": {texMark, 1, ""},
	"footcite": {texMark, 1, ""}, "autocite": {texMark, 1, ""}, "label": {texMark, 1, ""},
	"index": {texMark, 1, ""}, "footnotemark": {texMark, 0, ""}, "nocite": {texMark, 1, ""},
	"glossary": {texMark, 1, ""}, "protect": {texMark, 0, ""}, "allowbreak": {texMark, 0, ""},
	"linebreak": {texSpace, 0, ""}, "newline": {texSpace, 0, ""}, "quad": {texSpace, 0, ""},
	"qquad": {texSpace, 0, ""}, "hfill": {texSpace, 0, ""}, "enspace": {texSpace, 0, ""},
	"par": {texPar, 0, ""}, "smallskip": {texPar, 0, ""}, "medskip": {texPar, 0, ""}, "bigskip": {texPar, 0, ""},
	"newpage": {texPar, 0, ""}, "clearpage": {texPar, 0, ""}, "cleardoublepage": {texPar, 0, ""},
	"pagebreak": {texPar, 0, ""}, "maketitle": {texPar, 0, ""}, "tableofcontents": {texPar, 0, ""},
	"hline": {texDecl, 0, ""}, "toprule": {texDecl, 0, ""}, "midrule": {texDecl, 0, ""}, "bottomrule": {texDecl, 0, ""},
	// Not prose, arguments and all.
	"includegraphics": {texDrop, 1, ""}, "input": {texDrop, 1, ""}, "include": {texDrop, 1, ""},
	"vspace": {texDrop, 1, ""}, "hspace": {texDrop, 1, ""}, "setlength": {texDrop, 2, ""},
	"addtolength": {texDrop, 2, ""}, "setcounter": {texDrop, 2, ""}, "addtocounter": {texDrop, 2, ""},
	"newcommand": {texDrop, 2, ""}, "renewcommand": {texDrop, 2, ""}, "providecommand": {texDrop, 2, ""},
	"newenvironment": {texDrop, 3, ""}, "renewenvironment": {texDrop, 3, ""}, "newtheorem": {texDrop, 2, ""},
	"usepackage": {texDrop, 1, ""}, "RequirePackage": {texDrop, 1, ""}, "documentclass": {texDrop, 1, ""},
	"bibliography": {texDrop, 1, ""}, "bibliographystyle": {texDrop, 1, ""}, "addbibresource": {texDrop, 1, ""},
	"pagestyle": {texDrop, 1, ""}, "thispagestyle": {texDrop, 1, ""}, "hypersetup": {texDrop, 1, ""},
	"graphicspath": {texDrop, 1, ""}, "selectlanguage": {texDrop, 1, ""}, "cline": {texDrop, 1, ""},
	"addcontentsline": {texDrop, 3, ""}, "addtocontents": {texDrop, 2, ""}, "newglossaryentry": {texDrop, 2, ""},
	"color": {texDrop, 1, ""}, "textcolor": {texText, 2, ""}, "definecolor": {texDrop, 3, ""},
	"author": {texDrop, 1, ""}, "date": {texDrop, 1, ""}, "multicolumn": {texText, 3, ""},
	"phantom": {texDrop, 1, ""}, "vphantom": {texDrop, 1, ""}, "hphantom": {texDrop, 1, ""},
}

// latexDecls are declarations: dropped, with no argument.
var latexDecls = []string{
	"noindent", "indent", "centering", "raggedright", "raggedleft", "em", "it", "bf", "sl", "sc", "tt",
	"rm", "sf", "itshape", "bfseries", "scshape", "ttfamily", "rmfamily", "sffamily", "upshape",
	"mdseries", "slshape", "normalfont", "tiny", "scriptsize", "footnotesize", "small", "normalsize",
	"large", "Large", "LARGE", "huge", "Huge", "appendix", "frontmatter", "mainmatter", "backmatter",
	"relax", "vfill", "sloppy", "fussy", "nopagebreak", "noalign", "displaystyle", "tightlist",
	"nobreak", "null", "leavevmode", "strut", "hrulefill", "onehalfspacing", "doublespacing",
	"singlespacing", "fi", "else",
}

// Environments by what their content is.
var (
	// latexVerbatimEnvs hold no prose and no LaTeX: skipped to their \end.
	latexVerbatimEnvs = []string{
		"verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "lstlisting", "minted",
		"comment", "filecontents", "filecontents*", "alltt", "tikzpicture", "pgfpicture", "tikzcd",
		"forest", "asy", "dot2tex", "pycode", "sagesilent", "sageblock", "luacode", "luacode*",
	}
	// latexMathEnvs are display math: one placeholder inside a paragraph.
	latexMathEnvs = []string{
		"equation", "equation*", "align", "align*", "alignat", "alignat*", "gather", "gather*",
		"multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*", "math",
		"displaymath", "dmath", "dmath*", "IEEEeqnarray", "IEEEeqnarray*", "CD", "cases", "split",
		"array", "matrix", "pmatrix", "bmatrix", "vmatrix", "smallmatrix",
	}
	latexTableEnvs = []string{"tabular", "tabular*", "tabularx", "tabulary", "longtable", "tabu", "supertabular"}
	latexQuoteEnvs = []string{"quote", "quotation", "verse", "displayquote"}
	// latexCodeLanguages are the language names that code-listing
	// environments take as their first argument (minted's lexer names):
	// \begin{snip}{haskell} is a listing whatever the environment is.
	latexCodeLanguages = []string{
		"c", "cpp", "c++", "csharp", "java", "go", "rust", "haskell", "python", "python3", "py",
		"javascript", "js", "typescript", "ts", "ruby", "scala", "ocaml", "fsharp", "kotlin", "swift",
		"php", "perl", "lua", "r", "matlab", "julia", "lisp", "scheme", "racket", "clojure", "elixir",
		"erlang", "bash", "sh", "shell", "console", "zsh", "sql", "text", "xml", "html", "css", "json",
		"yaml", "toml", "tex", "latex", "coq", "agda", "idris", "lean", "elm", "purescript", "nix",
		"make", "makefile", "cmake", "dockerfile", "diff", "asm", "nasm", "fortran", "pascal", "ada",
	}
)

// maxLaTeXDepth bounds the nesting of macro arguments read as prose;
// deeper arguments are dropped, which keeps the reader's stack small on
// hostile input.
const maxLaTeXDepth = 64

// latexEnvKind is how the reader treats an open environment.
type latexEnvKind uint8

const (
	envOther latexEnvKind = iota
	envList
	envTable
	envQuote
)

type latexParser struct {
	src    string
	opts   *LaTeXOptions
	braces map[int]int // '{' offset → offset just past its '}'
	blocks []Block
	cur    *latexBlock
	envs   []latexEnvKind
	depth  int
	// afterMark: a mark (\cite, \label) was dropped since the last prose,
	// so punctuation right after it takes the space before it away.
	afterMark bool
}

type latexBlock struct {
	b    proseBuilder
	kind BlockKind
}

// ParseLaTeX reads a LaTeX document: the body (after \begin{document},
// when the document has one) as paragraphs, headings, list items, table
// cells, quotes, footnotes and captions; commands, their non-text
// arguments, math, verbatim and comments are not prose. opts may be nil.
func ParseLaTeX(src string, opts *LaTeXOptions) []Block {
	src = lfLines(src)
	p := &latexParser{src: src, opts: opts}
	start, end := latexBody(src)
	p.braces = p.matchBraces(start, end)
	p.cur = &latexBlock{b: proseBuilder{src: src}, kind: Paragraph}
	p.run(start, end, false)
	p.endBlock()
	sortBlocks(p.blocks)
	return p.blocks
}

// latexBody returns the document body: after \begin{document} through
// \end{document} when the document has them outside comments, else the
// whole document (a fragment \input by another).
func latexBody(src string) (start, end int) {
	begin := latexFind(src, 0, `\begin{document}`)
	if begin < 0 {
		return 0, len(src)
	}
	start = begin + len(`\begin{document}`)
	if e := latexFind(src, start, `\end{document}`); e >= 0 {
		return start, e
	}
	return start, len(src)
}

// latexFind returns the offset of the first s at or after from that is
// not in a comment, or -1.
func latexFind(src string, from int, s string) int {
	for from < len(src) {
		i := strings.Index(src[from:], s)
		if i < 0 {
			return -1
		}
		at := from + i
		if !inLaTeXComment(src, at) {
			return at
		}
		from = at + len(s)
	}
	return -1
}

// inLaTeXComment reports whether offset at lies after an unescaped % on
// its line.
func inLaTeXComment(src string, at int) bool {
	ls := strings.LastIndexByte(src[:at], '\n') + 1
	for i := ls; i < at; i++ {
		switch src[i] {
		case '\\':
			i++
		case '%':
			return true
		}
	}
	return false
}

// matchBraces pairs the braces of src[start:end] in one pass, so that an
// argument's end is found in constant time (a scan per argument would be
// quadratic on unbalanced input). Escaped braces, comments and verbatim
// environments are skipped.
func (p *latexParser) matchBraces(start, end int) map[int]int {
	m := map[int]int{}
	var stack []int
	src := p.src
	for i := start; i < end; i++ {
		switch src[i] {
		case '\\':
			if strings.HasPrefix(src[i:], `\begin{`) {
				if name, next, ok := p.envName(i+len(`\begin`), end); ok && p.isCodeEnv(name, next, end) {
					i = p.envEnd(name, next, end) - 1
					continue
				}
			}
			i++
		case '%':
			if j := strings.IndexByte(src[i:end], '\n'); j >= 0 {
				i += j
			} else {
				i = end
			}
		case '{':
			stack = append(stack, i)
		case '}':
			if n := len(stack); n > 0 {
				m[stack[n-1]] = i + 1
				stack = stack[:n-1]
			}
		}
	}
	return m
}

// envName reads "{name}" at i; next is just past it.
func (p *latexParser) envName(i, end int) (name string, next int, ok bool) {
	if i >= end || p.src[i] != '{' {
		return "", i, false
	}
	j := strings.IndexByte(p.src[i:end], '}')
	if j < 0 || j > 40 {
		return "", i, false
	}
	return p.src[i+1 : i+j], i + j + 1, true
}

// envEnd returns the offset just past \end{name}, searched from i, or end.
func (p *latexParser) envEnd(name string, i, end int) int {
	closing := `\end{` + name + `}`
	if j := strings.Index(p.src[i:end], closing); j >= 0 {
		return i + j + len(closing)
	}
	return end
}

// isCodeEnv reports whether the environment name, whose \begin{name}
// ends at next, holds no prose: a verbatim environment, or one whose
// first argument names a programming language.
func (p *latexParser) isCodeEnv(name string, next, end int) bool {
	if p.isVerbatimEnv(name) {
		return true
	}
	if next >= end || p.src[next] != '{' {
		return false
	}
	j := strings.IndexByte(p.src[next:end], '}')
	return j > 0 && j < 16 && slices.Contains(latexCodeLanguages, strings.ToLower(p.src[next+1:next+j]))
}

func (p *latexParser) isVerbatimEnv(name string) bool {
	return slices.Contains(latexVerbatimEnvs, name) || (p.opts != nil && slices.Contains(p.opts.SkipEnvironments, name))
}

func (p *latexParser) isTextMacro(name string) bool {
	return p.opts != nil && slices.Contains(p.opts.TextMacros, name)
}

// endBlock finishes the current block and starts an empty one of the kind
// the open environments give.
func (p *latexParser) endBlock() {
	if blk, ok := p.cur.b.finish(p.cur.kind, len(p.src), 0); ok {
		p.blocks = append(p.blocks, blk)
	}
	p.cur.b.reset()
	p.cur.kind = p.envBlockKind()
	p.afterMark = false
}

func (p *latexParser) envBlockKind() BlockKind {
	for i := len(p.envs) - 1; i >= 0; i-- {
		switch p.envs[i] {
		case envList:
			return ListItem
		case envTable:
			return TableCell
		case envQuote:
			return Quote
		}
	}
	return Paragraph
}

func (p *latexParser) inTable() bool {
	return len(p.envs) > 0 && p.envs[len(p.envs)-1] == envTable
}

// hasProse reports whether the current block has prose yet.
func (p *latexParser) hasProse() bool { return len(p.cur.b.prose) > 0 }

func (p *latexParser) endsWithSpace() bool {
	pr := p.cur.b.prose
	return len(pr) == 0 || pr[len(pr)-1] == ' '
}

// text adds src[i:j] verbatim.
func (p *latexParser) text(i, j int) {
	if i >= j {
		return
	}
	if p.afterMark && strings.IndexByte(".,;:!?)", p.src[i]) >= 0 {
		p.trimSpace()
	}
	p.afterMark = false
	p.cur.b.raw(i, j)
}

// atomic adds prose standing for src[i:j].
func (p *latexParser) atomic(prose string, i, j int, placeholder bool) {
	if p.afterMark && prose != "" && strings.IndexByte(".,;:!?)", prose[0]) >= 0 {
		p.trimSpace()
	}
	p.afterMark = false
	p.cur.b.atomic(prose, i, j, placeholder)
}

// space adds one space for the white space src[i:j], unless the prose
// already ends with one.
func (p *latexParser) space(i, j int) {
	if p.endsWithSpace() {
		return
	}
	if j-i == 1 && p.src[i] == ' ' {
		p.cur.b.raw(i, j)
		return
	}
	p.cur.b.atomic(" ", i, j, false)
}

// trimSpace takes a trailing space off the prose.
func (p *latexParser) trimSpace() {
	b := &p.cur.b
	n := len(b.spans)
	if n == 0 || len(b.prose) == 0 || b.prose[len(b.prose)-1] != ' ' {
		return
	}
	last := &b.spans[n-1]
	if last.Atomic {
		if last.ProseEnd-last.ProseStart != 1 {
			return
		}
		b.spans = b.spans[:n-1]
	} else {
		last.ProseEnd--
		last.SourceEnd--
		if last.ProseEnd == last.ProseStart {
			b.spans = b.spans[:n-1]
		}
	}
	b.prose = b.prose[:len(b.prose)-1]
}

// run reads src[i:end] as text. nested: inside a macro's argument, where
// a blank line is a space.
func (p *latexParser) run(i, end int, nested bool) {
	src := p.src
	for i < end {
		switch c := src[i]; c {
		case '\\':
			i = p.command(i, end, nested)
		case '%':
			i = p.comment(i, end)
		case '{', '}':
			i++
		case '$':
			i = p.dollarMath(i, end)
		case '~':
			p.atomic(" ", i, i+1, false)
			i++
		case ' ', '\t', '\n':
			j, lines := i, 0
			for j < end && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n') {
				if src[j] == '\n' {
					lines++
				}
				j++
			}
			if lines >= 2 && !nested {
				p.endBlock()
			} else {
				p.space(i, j)
			}
			i = j
		case '`':
			if i+1 < end && src[i+1] == '`' {
				p.atomic("“", i, i+2, false)
				i += 2
			} else {
				p.atomic("‘", i, i+1, false)
				i++
			}
		case '\'':
			if i+1 < end && src[i+1] == '\'' {
				p.atomic("”", i, i+2, false)
				i += 2
			} else {
				p.text(i, i+1)
				i++
			}
		case '-':
			switch {
			case strings.HasPrefix(src[i:end], "---"):
				p.atomic("—", i, i+3, false)
				i += 3
			case strings.HasPrefix(src[i:end], "--"):
				p.atomic("–", i, i+2, false)
				i += 2
			default:
				p.text(i, i+1)
				i++
			}
		case '&':
			if p.inTable() {
				p.endBlock()
			}
			i++
		default:
			j := i + 1
			for j < end && !isLaTeXSpecial(src[j]) {
				j++
			}
			p.text(i, j)
			i = j
		}
	}
}

func isLaTeXSpecial(c byte) bool {
	switch c {
	case '\\', '%', '{', '}', '$', '~', ' ', '\t', '\n', '`', '\'', '-', '&':
		return true
	}
	return false
}

// comment skips a comment from its % through the line ending and the next
// line's indentation, as TeX does; a blank line after it still ends the
// paragraph.
func (p *latexParser) comment(i, end int) int {
	src := p.src
	j := strings.IndexByte(src[i:end], '\n')
	if j < 0 {
		return end
	}
	nl := i + j
	k := nl + 1
	for k < end && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k < end && src[k] == '\n' {
		return nl
	}
	return k
}

// dollarMath reads $…$ or $$…$$ as a placeholder word, inside a paragraph
// (it does not span a blank line); at the start of a block it leaves
// nothing.
func (p *latexParser) dollarMath(i, end int) int {
	src := p.src
	delim := "$"
	if i+1 < end && src[i+1] == '$' {
		delim = "$$"
	}
	j := i + len(delim)
	close := -1
	for j < end {
		switch {
		case src[j] == '\\':
			j += 2
			continue
		case strings.HasPrefix(src[j:end], delim):
			close = j + len(delim)
		case src[j] == '\n' && latexBlankAfter(src, j+1, end):
		default:
			j++
			continue
		}
		break
	}
	if close < 0 {
		close = min(j, end)
	}
	p.math(i, close)
	return close
}

// latexBlankAfter reports whether the line at i is blank.
func latexBlankAfter(src string, i, end int) bool {
	for i < end && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i >= end || src[i] == '\n'
}

// math adds the math src[i:j]: a placeholder word inside a sentence (see
// placeholder).
func (p *latexParser) math(i, j int) { p.placeholder(i, j, len(p.src)) }

// placeholder adds the placeholder word for the non-prose src[i:j] (math,
// a reference, an unknown macro) where it reads in a sentence: after
// prose, or before prose on the same line. Alone on its line at the start
// of a block it leaves nothing (\olfileid{…}, a display formula).
//
// Placeholders with no prose between them are one: "\cat{C}\cat{D}" or
// "$x$$y$" is one thing.
func (p *latexParser) placeholder(i, j, end int) {
	b := &p.cur.b
	if n := len(b.spans); n > 0 && b.spans[n-1].Placeholder && b.spans[n-1].ProseEnd == len(b.prose) {
		b.spans[n-1].SourceEnd = j
		return
	}
	if p.hasProse() || latexTextFollows(p.src, j, end) {
		p.atomic(PlaceholderWord, i, j, true)
		return
	}
	p.afterMark = false
}

// latexTextFollows reports whether the rest of the line at i holds
// anything but white space and a comment.
func latexTextFollows(src string, i, end int) bool {
	for ; i < end; i++ {
		switch src[i] {
		case ' ', '\t':
		case '\n', '%':
			return false
		default:
			return true
		}
	}
	return false
}

// command reads the command at src[i] == '\\' and returns the offset
// after it and its arguments.
func (p *latexParser) command(i, end int, nested bool) int {
	src := p.src
	if i+1 >= end {
		return end
	}
	c := src[i+1]
	if !isLetter(c) {
		return p.symbol(i, end, nested)
	}
	j := i + 1
	for j < end && isLetter(src[j]) {
		j++
	}
	name := src[i+1 : j]
	switch name {
	case "begin":
		return p.begin(i, j, end)
	case "end":
		if n, next, ok := p.envName(j, end); ok {
			if !p.isVerbatimEnv(n) {
				p.endBlock()
				if len(p.envs) > 0 {
					p.envs = p.envs[:len(p.envs)-1]
				}
				p.cur.kind = p.envBlockKind()
			}
			return next
		}
		return j
	case "verb", "lstinline":
		return p.inlineVerbatim(i, j, end)
	}
	if mark, ok := latexLetterAccents[name]; ok {
		return p.accent(i, j, end, mark)
	}
	if j < end && src[j] == '*' {
		j++
	}
	info, known := latexMacros[name]
	if !known {
		switch {
		case slices.Contains(latexDecls, name):
			info = latexMacroInfo{kind: texDecl}
		case p.isTextMacro(name):
			info = latexMacroInfo{kind: texText, args: 1}
		case strings.HasSuffix(name, "section") || strings.HasSuffix(name, "chapter"):
			// A project's own sectioning (\olsection): its argument is a title.
			info = latexMacroInfo{kind: texHeading, args: 1}
		default:
			_, next := p.args(j, end, -1)
			p.placeholder(i, next, end)
			return next
		}
	}
	switch {
	case info.kind == texDecl:
		for j < end && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		return j
	case info.kind == texText && info.args == 0:
		p.atomic(info.text, i, j, false)
		return j
	case info.args == 0 && info.kind != texItem:
		// No argument to read: a bracket after it is text.
		switch info.kind {
		case texMark:
			p.afterMark = p.hasProse()
		case texPlaceholder:
			p.placeholder(i, j, end)
		case texSpace:
			p.space(i, j)
		case texPar:
			if !nested {
				p.endBlock()
			}
		}
		return j
	}
	args, next := p.args(j, end, info.args)
	switch info.kind {
	case texDrop:
	case texMark:
		p.afterMark = p.hasProse()
	case texText, texTextAll, texHref:
		switch {
		case len(args) == 0:
		case info.kind == texTextAll:
			for _, a := range args {
				p.nested(a[0], a[1])
			}
		case info.kind == texHref && len(args) == 2:
			p.nested(args[1][0], args[1][1])
		default:
			a := args[len(args)-1]
			p.nested(a[0], a[1])
		}
	case texPlaceholder:
		p.placeholder(i, next, end)
	case texSpace:
		p.space(i, next)
	case texPar:
		if !nested {
			p.endBlock()
		}
	case texItem:
		p.endBlock()
		if p.cur.kind == Paragraph {
			p.cur.kind = ListItem
		}
	case texHeading:
		p.endBlock()
		if len(args) > 0 {
			p.cur.kind = Heading
			p.nested(args[len(args)-1][0], args[len(args)-1][1])
			p.endBlock()
		}
	case texFootnote, texCaption:
		if len(args) > 0 {
			saved := p.cur
			p.cur = &latexBlock{b: proseBuilder{src: src}, kind: Footnote}
			if info.kind == texCaption {
				p.cur.kind = Paragraph
			}
			a := args[len(args)-1]
			p.nested(a[0], a[1])
			p.endBlock()
			p.cur = saved
		}
		p.afterMark = p.hasProse()
	}
	return next
}

// nested reads a macro's argument src[i:j] as prose, within a depth limit.
func (p *latexParser) nested(i, j int) {
	if p.depth >= maxLaTeXDepth {
		return
	}
	p.depth++
	p.run(i, j, true)
	p.depth--
}

// args reads the arguments after a macro name ending at i: n mandatory
// {…} arguments (with any [...] optional ones among them, white space
// allowed before each), or for n < 0 every {…} and [...] that directly
// follows. It returns the inner ranges of the mandatory arguments and the
// offset after the last argument read.
func (p *latexParser) args(i, end, n int) (args [][2]int, next int) {
	src := p.src
	next = i
	for {
		j := next
		if n >= 0 {
			for j < end && (src[j] == ' ' || src[j] == '\t' || (src[j] == '\n' && !latexBlankAfter(src, j+1, end))) {
				j++
			}
		}
		if j >= end {
			return args, next
		}
		switch {
		case src[j] == '{' && (n < 0 || len(args) < n):
			close, ok := p.braces[j]
			if !ok || close > end {
				return append(args, [2]int{j + 1, end}), end
			}
			args = append(args, [2]int{j + 1, close - 1})
			next = close
		case src[j] == '[' && (n < 0 || len(args) < n || n == 0):
			close := p.optEnd(j, end)
			if close == 0 {
				return args, next
			}
			next = close
		default:
			return args, next
		}
	}
}

// optEnd returns the offset after the ']' closing the optional argument
// at src[i] == '[', or 0; it does not cross a blank line.
func (p *latexParser) optEnd(i, end int) int {
	src := p.src
	for j := i + 1; j < end; j++ {
		switch src[j] {
		case '\\':
			j++
		case '{':
			if close, ok := p.braces[j]; ok && close <= end {
				j = close - 1
			} else {
				return 0
			}
		case ']':
			return j + 1
		case '\n':
			if latexBlankAfter(src, j+1, end) {
				return 0
			}
		}
	}
	return 0
}

// begin reads \begin{name} (src[i:j] is "\begin") with the arguments that
// directly follow it.
func (p *latexParser) begin(i, j, end int) int {
	name, next, ok := p.envName(j, end)
	if !ok {
		return j
	}
	switch {
	case p.isCodeEnv(name, next, end):
		p.endBlock()
		return p.envEnd(name, next, end)
	case slices.Contains(latexMathEnvs, name):
		close := p.envEnd(name, next, end)
		p.math(i, close)
		return close
	}
	p.endBlock()
	_, next = p.args(next, end, -1)
	kind := envOther
	switch {
	case slices.Contains(latexTableEnvs, name):
		kind = envTable
	case slices.Contains(latexQuoteEnvs, name):
		kind = envQuote
	case name == "itemize" || name == "enumerate" || name == "description" || name == "list" ||
		strings.HasSuffix(name, "list") || strings.HasSuffix(name, "items"):
		kind = envList
	}
	if len(p.envs) < 1000 {
		p.envs = append(p.envs, kind)
	}
	p.cur.kind = p.envBlockKind()
	return next
}

// inlineVerbatim reads \verb|…| or \lstinline|…| (or {…}) as a
// placeholder; src[i:j] is the command.
func (p *latexParser) inlineVerbatim(i, j, end int) int {
	src := p.src
	if j < end && src[j] == '*' {
		j++
	}
	if j < end && src[j] == '[' {
		if close := p.optEnd(j, end); close > 0 {
			j = close
		}
	}
	if j >= end {
		return end
	}
	delim := src[j]
	closeDelim := delim
	if delim == '{' {
		closeDelim = '}'
	}
	k := strings.IndexByte(src[j+1:end], closeDelim)
	nl := strings.IndexByte(src[j+1:end], '\n')
	close := end
	if k >= 0 && (nl < 0 || k < nl) {
		close = j + 1 + k + 1
	} else if nl >= 0 {
		close = j + 1 + nl
	}
	p.math(i, close)
	return close
}

// symbol reads a control symbol: \\ \% \( \[ \' and the like.
func (p *latexParser) symbol(i, end int, nested bool) int {
	src := p.src
	c := src[i+1]
	switch c {
	case '\\':
		j := i + 2
		if j < end && src[j] == '*' {
			j++
		}
		if j < end && src[j] == '[' {
			if close := p.optEnd(j, end); close > 0 {
				j = close
			}
		}
		if p.inTable() {
			p.endBlock()
		} else {
			p.space(i, j)
		}
		return j
	case '%', '&', '$', '#', '_', '{', '}':
		p.atomic(src[i+1:i+2], i, i+2, false)
		return i + 2
	case ' ', '\n', '\t':
		p.space(i, i+2)
		return i + 2
	case ',', ';', ':', '>':
		p.atomic(" ", i, i+2, false)
		return i + 2
	case '!', '/', '@', '-':
		return i + 2
	case '(':
		close := end
		if k := strings.Index(src[i+2:end], `\)`); k >= 0 {
			close = i + 2 + k + 2
		}
		p.math(i, close)
		return close
	case '[':
		close := end
		if k := strings.Index(src[i+2:end], `\]`); k >= 0 {
			close = i + 2 + k + 2
		}
		p.math(i, close)
		return close
	}
	if mark, ok := latexAccents[c]; ok {
		return p.accent(i, i+2, end, mark)
	}
	return i + 2
}

// latexAccents are the accent commands and the combining marks they put
// on the next letter.
var latexAccents = map[byte]rune{
	'\'': '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
}

// latexLetterAccents are the accent commands named by a letter (\c{c},
// \v{s}).
var latexLetterAccents = map[string]rune{
	"c": '\u0327', "v": '\u030c', "u": '\u0306', "H": '\u030b', "k": '\u0328', "r": '\u030a',
}

// accent reads \"o, \"{o} or \'{\i} (src[i:i+2] is the accent command;
// j is where its letter starts): the letter with its accent, one atomic
// span.
func (p *latexParser) accent(i, j, end int, mark rune) int {
	src := p.src
	for j < end && src[j] == ' ' && !isLetter(src[i+1]) {
		j++
	}
	braced := j < end && src[j] == '{'
	if braced {
		j++
	}
	if j >= end {
		return end
	}
	base, k := rune(src[j]), j+1
	switch {
	case strings.HasPrefix(src[j:end], `\i`) && (j+2 >= end || !isLetter(src[j+2])):
		base, k = 'i', j+2
	case !isLetter(src[j]):
		return j
	}
	if braced {
		if k >= end || src[k] != '}' {
			return k
		}
		k++
	}
	p.atomic(composeAccent(base, mark), i, k, false)
	return k
}

// composeAccent returns base with the accent mark, precomposed where
// Unicode has the letter (the tagger and the spelling list know "ö", not
// "o" and U+0308).
func composeAccent(base, mark rune) string {
	const table = "" +
		"\u0301aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćnńsśzźCĆNŃSŚZŹ" +
		"\u0300aàeèiìoòuùAÀEÈIÌOÒUÙ" +
		"\u0302aâeêiîoôuûAÂEÊIÎOÔUÛ" +
		"\u0308aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ" +
		"\u0303aãnñoõAÃNÑOÕ" +
		"\u0304aāeēiīoōuūAĀEĒIĪOŌUŪ" +
		"\u0307zżZŻeėEĖ" +
		"\u0327cçCÇsşSŞ" +
		"\u030ccčsšzžrřeěnňCČSŠZŽRŘEĚ" +
		"\u0306aăgğAĂGĞ" +
		"\u030boőuűOŐUŰ" +
		"\u0328aąeęAĄEĘ" +
		"\u030aaåuůAÅUŮ"
	rs := []rune(table)
	for k := 0; k < len(rs); {
		m := rs[k]
		k++
		for k+1 < len(rs) && !isCombining(rs[k]) {
			if m == mark && rs[k] == base {
				return string(rs[k+1])
			}
			k += 2
		}
	}
	return string(base) + string(mark)
}

func isCombining(r rune) bool { return r >= 0x300 && r <= 0x36f }
