package markup

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Format is one markup format: the language ids and files it is chosen
// for, the syntax its directives are written in, and how it is read. The
// server, the CLI and rules/directive all take their language knowledge
// from here, so that a new format is added in one place.
type Format struct {
	// Name is the canonical language id ("markdown", "plaintext", "latex").
	Name string
	// IDs are the LSP and editor language ids and the aliases (for
	// --language) it is chosen for, lower case; Name is among them.
	IDs []string
	// Extensions ("." included, lower case) and FileNames (exact base
	// names, such as COMMIT_EDITMSG) choose it for a file.
	Extensions []string
	FileNames  []string
	// Comment is the syntax directives are written in.
	Comment CommentSyntax
	// OptIn formats (source code) are never chosen for a file by path
	// alone when walking a folder: their files are not prose by default.
	OptIn bool

	// parse reads one chunk cut by split (defs: Markdown's link reference
	// definitions, nil for every other format).
	parse func(chunk string, flags ChunkFlags, defs *Definitions) []Block
	// parseWith, when set, is parse under a project's Options.
	parseWith func(chunk string, flags ChunkFlags, defs *Definitions, opts *Options) []Block
	// split cuts a document into chunks that parse independently; nil
	// keeps the document whole, one chunk.
	split func(src string) []Chunk
	// comments finds the comments that are markup (not inside verbatim
	// text); nil scans for Comment's syntax line by line.
	comments func(src string) []Comment
}

// CommentSyntax is how a format writes a comment, and so a directive. A
// format with neither (plain text) takes a whole line as the directive.
type CommentSyntax struct {
	Line        string // a line comment's prefix: "%", "#", "//", ".."
	Open, Close string // a block comment's delimiters: "<!--" and "-->"
}

// Directive returns body written as one comment in the syntax: a line
// comment when the format has one, else a block comment, else body alone.
func (c CommentSyntax) Directive(body string) string {
	switch {
	case c.Line != "":
		return c.Line + " " + body
	case c.Open != "":
		return c.Open + " " + body + " " + c.Close
	}
	return body
}

// registry holds every format, by language id and by file; it is filled
// once, by the init functions of the format files, and only read after.
var registry = struct {
	formats []*Format
	byID    map[string]*Format
	byExt   map[string]*Format
	byName  map[string]*Format
}{byID: map[string]*Format{}, byExt: map[string]*Format{}, byName: map[string]*Format{}}

// register adds f to the registry. It runs from init functions only and
// panics on an id, extension or file name already taken, which is a
// programming error caught by any test of the package.
func register(f *Format) {
	if f.Name == "" || f.parse == nil {
		panic("markup: format without a name or parser")
	}
	if !slices.Contains(f.IDs, f.Name) {
		f.IDs = append([]string{f.Name}, f.IDs...)
	}
	put := func(m map[string]*Format, key, what string) {
		if old, ok := m[key]; ok {
			panic(fmt.Sprintf("markup: %s %q claimed by both %s and %s", what, key, old.Name, f.Name))
		}
		m[key] = f
	}
	for _, id := range f.IDs {
		put(registry.byID, strings.ToLower(id), "language id")
	}
	for _, e := range f.Extensions {
		put(registry.byExt, strings.ToLower(e), "extension")
	}
	for _, n := range f.FileNames {
		put(registry.byName, n, "file name")
	}
	registry.formats = append(registry.formats, f)
}

// Plain text is the format of any language id the registry does not know.
var plainFormat = &Format{
	Name:       "plaintext",
	IDs:        []string{"plaintext", "text", "txt", "plain"},
	Extensions: []string{".txt"},
	parse:      func(chunk string, _ ChunkFlags, _ *Definitions) []Block { return parsePlain(chunk) },
	split:      splitPlain,
	comments:   lineComments,
}

var markdownFormat = &Format{
	Name:       "markdown",
	IDs:        []string{"markdown", "md", "gfm", "commonmark", "mdx"},
	Extensions: []string{".md", ".markdown", ".mdx", ".mkd"},
	Comment:    CommentSyntax{Open: "<!--", Close: "-->"},
	parse: func(chunk string, flags ChunkFlags, defs *Definitions) []Block {
		if flags&FrontMatter != 0 {
			return nil
		}
		if flags&TooDeep != 0 {
			return parsePlain(chunk)
		}
		return parseMarkdown(chunk, defs)
	},
	split:    splitMarkdown,
	comments: Comments,
}

func init() {
	register(markdownFormat)
	register(plainFormat)
}

// FormatFor returns the format of a language id, in any case; plain text
// for an id no format claims.
func FormatFor(languageID string) *Format {
	if f, ok := LookupFormat(languageID); ok {
		return f
	}
	return plainFormat
}

// LookupFormat returns the format that claims a language id, in any case,
// and false when none does.
func LookupFormat(languageID string) (*Format, bool) {
	f, ok := registry.byID[strings.ToLower(languageID)]
	return f, ok
}

// FormatForPath returns the format of a file by its base name
// (COMMIT_EDITMSG), then by its extension in any case; false when neither
// is known.
func FormatForPath(path string) (*Format, bool) {
	base := filepath.Base(path)
	if f, ok := registry.byName[base]; ok {
		return f, true
	}
	f, ok := registry.byExt[strings.ToLower(filepath.Ext(base))]
	return f, ok
}

// Formats returns every format, Markdown and plain text first, then in
// the order their files registered them.
func Formats() []*Format {
	return slices.Clone(registry.formats)
}

// Split cuts src into chunks that cover it in order without gaps and parse
// independently, as the format decides (see splitMarkdown, splitPlain); a
// format that cannot be cut safely gives one chunk.
func (f *Format) Split(src string) []Chunk {
	if f.split == nil {
		return []Chunk{{Start: 0, End: len(src)}}
	}
	return f.split(src)
}

// Parse reads one chunk of the format, with offsets relative to it.
func (f *Format) Parse(chunk string, flags ChunkFlags, defs *Definitions) []Block {
	return f.parse(chunk, flags, defs)
}

// ParseWith is Parse under a project's options (nil: the defaults).
func (f *Format) ParseWith(chunk string, flags ChunkFlags, defs *Definitions, opts *Options) []Block {
	if opts == nil || f.parseWith == nil {
		return f.parse(chunk, flags, defs)
	}
	return f.parseWith(chunk, flags, defs, opts)
}

// Options are a project's settings for how its documents are read
// (.liaison.yaml's latex section).
type Options struct {
	LaTeX LaTeXOptions
}

// Key identifies the options for a cache: two Options with the same Key
// read every document the same. "" for nil or empty options.
func (o *Options) Key() string {
	if o == nil || (len(o.LaTeX.TextMacros) == 0 && len(o.LaTeX.SkipEnvironments) == 0) {
		return ""
	}
	return "latex:" + strings.Join(o.LaTeX.TextMacros, ",") + ";" + strings.Join(o.LaTeX.SkipEnvironments, ",")
}

// Comments returns the document's comments that are markup, in source
// order, each with the offset of its text (what a directive is read
// from).
func (f *Format) Comments(src string) []Comment {
	if f.comments != nil {
		return f.comments(src)
	}
	return syntaxComments(src, f.Comment)
}

// lineComments takes every line as a comment: plain text has no comment
// syntax, so a directive is a line of its own.
func lineComments(src string) []Comment {
	var out []Comment
	lf := lfLines(src)
	for pos := 0; pos < len(lf); {
		end := lineEnd(lf, pos)
		content := strings.TrimRight(src[pos:end], "\r\n")
		if strings.Contains(content, "liaison-") {
			out = append(out, Comment{Start: pos, End: pos + len(content), Text: content, TextStart: pos})
		}
		pos = end
	}
	return out
}

// syntaxComments finds the comments written in syntax cs: a line comment
// is the rest of a line whose first non-blank bytes are its prefix; a
// block comment runs from Open to the next Close. Formats whose comment
// markers can also appear in verbatim text give a comments function of
// their own.
func syntaxComments(src string, cs CommentSyntax) []Comment {
	var out []Comment
	lf := lfLines(src)
	for pos := 0; pos < len(lf); {
		end := lineEnd(lf, pos)
		line := lf[pos:end]
		t := strings.TrimLeft(line, " \t")
		at := pos + len(line) - len(t)
		switch {
		case cs.Line != "" && strings.HasPrefix(t, cs.Line):
			content := strings.TrimRight(t, "\r\n")
			out = append(out, Comment{Start: at, End: at + len(content), Text: content[len(cs.Line):], TextStart: at + len(cs.Line)})
		case cs.Open != "" && strings.HasPrefix(t, cs.Open):
			j := strings.Index(lf[at+len(cs.Open):], cs.Close)
			if j < 0 {
				return out
			}
			close := at + len(cs.Open) + j + len(cs.Close)
			out = append(out, Comment{Start: at, End: close, Text: src[at+len(cs.Open) : close-len(cs.Close)], TextStart: at + len(cs.Open)})
			end = lineEnd(lf, close)
		}
		pos = end
	}
	return out
}
