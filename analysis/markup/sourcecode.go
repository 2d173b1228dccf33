package markup

import "liaison/analysis/markup/code"

// Source code: the prose of comments and docstrings, read by the lexers of
// package code. These formats are OptIn: a code file is not prose, so a
// front end checks it only when the user turned its language on.

// sourceChunk is the least size of a chunk of source code: Split cuts only
// before a comment that starts a line where the lexer is in its initial
// state, and not more often than this, since lexing is cheap and each
// chunk costs a parse call.
const sourceChunk = 4 << 10

// sourceFormats are the formats of package code's languages: ids, files and
// the comment syntax their directives are written in.
var sourceFormats = []struct {
	id         string
	ids        []string
	extensions []string
	fileNames  []string
	comment    CommentSyntax
}{
	{"go", []string{"golang"}, []string{".go"}, nil, slashComments},
	{"rust", []string{"rs"}, []string{".rs"}, nil, slashComments},
	{"c", nil, []string{".c", ".h"}, nil, slashComments},
	{"cpp", []string{"c++", "cxx", "cuda-cpp", "objective-cpp"}, []string{".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".ipp", ".inl"}, nil, slashComments},
	{"csharp", []string{"cs", "c#"}, []string{".cs"}, nil, slashComments},
	{"java", nil, []string{".java"}, nil, slashComments},
	{"kotlin", []string{"kt"}, []string{".kt", ".kts"}, nil, slashComments},
	{"swift", nil, []string{".swift"}, nil, slashComments},
	{"javascript", []string{"js", "javascriptreact", "jsx"}, []string{".js", ".mjs", ".cjs", ".jsx"}, nil, slashComments},
	{"typescript", []string{"ts", "typescriptreact", "tsx"}, []string{".ts", ".mts", ".cts", ".tsx"}, nil, slashComments},
	{"php", nil, []string{".php"}, nil, slashComments},
	{"python", []string{"py"}, []string{".py", ".pyi", ".pyw"}, nil, hashComments},
	{"ruby", []string{"rb"}, []string{".rb", ".rake", ".gemspec"}, []string{"Rakefile", "Gemfile"}, hashComments},
	{"shellscript", []string{"shell", "sh", "bash", "zsh", "ksh"}, []string{".sh", ".bash", ".zsh", ".ksh"}, []string{".bashrc", ".zshrc", ".profile", ".bash_profile"}, hashComments},
	{"lua", nil, []string{".lua"}, nil, CommentSyntax{Line: "--", Open: "--[[", Close: "]]"}},
	{"yaml", []string{"yml"}, []string{".yaml", ".yml"}, nil, hashComments},
	{"toml", nil, []string{".toml"}, nil, hashComments},
}

var (
	slashComments = CommentSyntax{Line: "//", Open: "/*", Close: "*/"}
	hashComments  = CommentSyntax{Line: "#"}
)

func init() {
	for _, sf := range sourceFormats {
		lang, ok := code.Lookup(sf.id)
		if !ok {
			panic("markup: package code does not read " + sf.id)
		}
		register(&Format{
			Name:       sf.id,
			IDs:        append([]string{sf.id}, sf.ids...),
			Extensions: sf.extensions,
			FileNames:  sf.fileNames,
			Comment:    sf.comment,
			OptIn:      true,
			parse: func(chunk string, _ ChunkFlags, _ *Definitions) []Block {
				return parseSource(lang, chunk)
			},
			split: func(src string) []Chunk {
				return splitSource(lang, src)
			},
			comments: func(src string) []Comment {
				return sourceComments(lang, src)
			},
		})
	}
}

// parseSource returns the prose blocks of the comments of src.
func parseSource(lang *code.Language, src string) []Block {
	var blocks []Block
	b := proseBuilder{src: src}
	// The lexers end lines at LF; a lone CR ends one too (as everywhere in
	// liaison), and reading it as an LF keeps every offset.
	for _, cb := range lang.Extract(lfLines(src)) {
		b.reset()
		for _, p := range cb.Pieces {
			switch p.Kind {
			case code.Verbatim:
				b.raw(p.Start, p.End)
			case code.Space:
				b.atomic(" ", p.Start, p.End, false)
			case code.Placeholder:
				b.atomic(PlaceholderWord, p.Start, p.End, true)
			case code.Decoded:
				b.atomic(p.Text, p.Start, p.End, false)
			}
		}
		kind := Paragraph
		switch cb.Kind {
		case code.ListItem:
			kind = ListItem
		case code.Heading:
			kind = Heading
		}
		first, last := cb.Pieces[0], cb.Pieces[len(cb.Pieces)-1]
		if blk, ok := b.finish(kind, first.Start, last.End); ok {
			blocks = append(blocks, blk)
		}
	}
	return blocks
}

// splitSource cuts src before comments where lexing may start afresh.
func splitSource(lang *code.Language, src string) []Chunk {
	var chunks []Chunk
	start := 0
	for _, at := range lang.Cuts(lfLines(src), sourceChunk) {
		chunks = append(chunks, Chunk{Start: start, End: at})
		start = at
	}
	return append(chunks, Chunk{Start: start, End: len(src)})
}

// sourceComments returns the comments a directive may be written in: line
// and block comments, and a "liaison-…" line inside a block comment or a
// docstring (where a disable action writes one before a finding).
func sourceComments(lang *code.Language, src string) []Comment {
	var out []Comment
	for _, c := range lang.DirectiveComments(lfLines(src)) {
		out = append(out, Comment{Start: c.Start, End: c.End, Text: src[c.TextStart:c.TextEnd], TextStart: c.TextStart})
	}
	return out
}
