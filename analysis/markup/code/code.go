package code

import "strings"

// Style says how a comment is written.
type Style uint8

const (
	LineComment  Style = iota + 1 // "//", "#", "--" to the end of the line
	BlockComment                  // "/*" … "*/", "--[[" … "]]", "=begin" … "=end"
	DocString                     // a Python string statement
)

// Comment is one comment as a lexer finds it: its whole source range,
// markers included, and the range of its text between the markers.
type Comment struct {
	Start, End         int // the whole comment
	TextStart, TextEnd int // between the markers
	Style              Style
	// Trailing is set when code precedes the comment on its line.
	Trailing bool
	// Cut is set when a document may be cut at the start of the
	// comment's line: the lexer is there in its initial state, so that
	// lexing from that line on finds what lexing the whole document
	// finds.
	Cut bool
}

// PieceKind says how a Piece maps to its source.
type PieceKind uint8

const (
	Verbatim    PieceKind = iota + 1 // the source bytes are the prose
	Space                            // one space for a line break and the next line's marker
	Placeholder                      // an identifier, code or a URL inside a sentence
	Decoded                          // Text stands for the source run (an entity)
)

// Piece is a run of a block's prose and the source run it comes from.
type Piece struct {
	Start, End int // document offsets
	Kind       PieceKind
	Text       string // for Decoded only
}

// BlockKind says what a Block is.
type BlockKind uint8

const (
	Paragraph BlockKind = iota + 1
	ListItem
	Heading
)

// Block is one prose block of a comment: its pieces in source order.
type Block struct {
	Kind   BlockKind
	Pieces []Piece
}

// Language is what this package knows about one language.
type Language struct {
	// ID is the canonical LSP language id ("go", "rust", "shellscript").
	ID string
	// lex finds the comments of a document.
	lex func(src string) []Comment
	// markers are the line-comment markers, longest first: what a line
	// of a run of line comments starts with ("///", "//!", "//").
	markers []string
	// docTags are the doc-comment tag syntaxes read in the comments
	// (Javadoc @tags, reST :fields:, Go's indented code).
	style textStyle
}

// textStyle is the convention of a language's comment text.
type textStyle uint8

const (
	markdownText textStyle = iota // Markdown-ish: rustdoc, JSDoc, Javadoc, Doxygen
	goText                        // Go doc comments: indented lines are code
	restText                      // reStructuredText docstrings
	configText                    // YAML and TOML: a comment that reads key: value is a setting
)

// Lookup returns the language of a canonical id, and false for an id this
// package does not read.
func Lookup(id string) (*Language, bool) {
	for i := range languages {
		if languages[i].ID == id {
			return &languages[i], true
		}
	}
	return nil, false
}

// IDs lists the canonical ids of every language read here.
func IDs() []string {
	ids := make([]string, len(languages))
	for i, l := range languages {
		ids[i] = l.ID
	}
	return ids
}

var (
	slashMarkers = []string{"///<", "//!<", "///", "//!", "//"} // "///<": Doxygen's member after
	hashMarkers  = []string{"##", "#:", "#"}                    // "#:": Sphinx's attribute comment
	phpMarkers   = []string{"///", "//", "#"}
	dashMarkers  = []string{"---", "--"}
)

// languages is the table of languages, by family. It is never written.
var languages = [...]Language{
	{ID: "go", lex: lexGo, markers: slashMarkers, style: goText},
	{ID: "rust", lex: lexRust, markers: slashMarkers},
	{ID: "c", lex: lexCLang, markers: slashMarkers},
	{ID: "cpp", lex: lexCpp, markers: slashMarkers},
	{ID: "csharp", lex: lexCSharp, markers: slashMarkers},
	{ID: "java", lex: lexJava, markers: slashMarkers},
	{ID: "kotlin", lex: lexKotlin, markers: slashMarkers},
	{ID: "swift", lex: lexSwift, markers: slashMarkers},
	{ID: "javascript", lex: lexJS, markers: slashMarkers},
	{ID: "typescript", lex: lexJS, markers: slashMarkers},
	{ID: "php", lex: lexPHP, markers: phpMarkers},
	{ID: "python", lex: lexPython, markers: hashMarkers, style: restText},
	{ID: "ruby", lex: lexRuby, markers: hashMarkers},
	{ID: "shellscript", lex: lexShell, markers: hashMarkers},
	{ID: "lua", lex: lexLua, markers: dashMarkers},
	{ID: "yaml", lex: lexYAML, markers: hashMarkers, style: configText},
	{ID: "toml", lex: lexTOML, markers: hashMarkers, style: configText},
}

// Comments returns the comments of src in source order.
func (l *Language) Comments(src string) []Comment { return l.lex(src) }

// DirectiveComments returns the comments a directive may be written in:
// every line and block comment, and each line inside a block comment or a
// docstring that reads "liaison-…" after its gutter and an optional line
// marker, as a line comment of its own (a disable action writes a line
// comment on the line before a finding, which may be inside one).
func (l *Language) DirectiveComments(src string) []Comment {
	var out []Comment
	for _, c := range l.lex(src) {
		if c.Style != DocString {
			out = append(out, c)
		}
		if c.Style == LineComment {
			continue
		}
		for _, ln := range l.lines(src, []Comment{c}) {
			text := ln.text
			for _, m := range l.markers {
				if hasPrefixAt(src, text, m) {
					text += len(m)
					break
				}
			}
			k := text
			for k < ln.end && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if hasPrefixAt(src, k, "liaison-") && k < ln.end {
				out = append(out, Comment{Start: ln.text, End: ln.end, TextStart: text, TextEnd: ln.end, Style: LineComment})
			}
		}
	}
	return out
}

// Extract returns the prose blocks of the comments of src, in source
// order.
func (l *Language) Extract(src string) []Block {
	var blocks []Block
	for _, g := range group(src, l.lex(src)) {
		blocks = l.appendBlocks(blocks, src, g)
	}
	return blocks
}

// Cuts returns the offsets, in increasing order and each the start of a
// line, at which src may be cut into pieces that Extract reads exactly
// as it reads the whole: the start of the line of a comment the lexer
// marked Cut that begins a group of comments, at least minChunk bytes
// after the previous cut.
func (l *Language) Cuts(src string, minChunk int) []int {
	var cuts []int
	last := 0
	for _, g := range group(src, l.lex(src)) {
		c := g[0]
		if !c.Cut || c.Trailing {
			continue
		}
		at := lineStart(src, c.Start)
		if at-last >= minChunk && at > 0 {
			cuts = append(cuts, at)
			last = at
		}
	}
	return cuts
}

// group gathers runs of line comments on consecutive lines, each alone on
// its line, into one group; every other comment is a group of its own.
func group(src string, cs []Comment) [][]Comment {
	var out [][]Comment
	for i := 0; i < len(cs); {
		j := i + 1
		if cs[i].Style == LineComment && !cs[i].Trailing {
			for j < len(cs) && cs[j].Style == LineComment && !cs[j].Trailing && nextLine(src, cs[j-1].End, cs[j].Start) {
				j++
			}
		}
		out = append(out, cs[i:j])
		i = j
	}
	return out
}

// nextLine reports whether only one line break and blanks lie between a
// and b.
func nextLine(src string, a, b int) bool {
	if a > b || b > len(src) {
		return false
	}
	between := src[a:b]
	i := strings.IndexByte(between, '\n')
	if i < 0 {
		return false
	}
	return strings.Trim(between, " \t\r\n\f\v") == "" && strings.Count(between, "\n") == 1
}

func lineStart(src string, pos int) int {
	return strings.LastIndexByte(src[:pos], '\n') + 1
}
