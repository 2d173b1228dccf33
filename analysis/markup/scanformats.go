package markup

// The formats read by the hand-written scanners of this package. Each
// document is one chunk (no split): their constructs (a literal block
// after "::", an AsciiDoc delimited block, a Typst content block) may run
// over blank lines, so a cut between blocks is not known to be safe
// without the whole parse; a keystroke re-parses the document, which at
// the scanners' speed costs well under a millisecond for a 50 kB file.

func wholeParse(parse func(string) []Block) func(string, ChunkFlags, *Definitions) []Block {
	return func(chunk string, _ ChunkFlags, _ *Definitions) []Block { return parse(chunk) }
}

func init() {
	register(&Format{
		Name:       "asciidoc",
		IDs:        []string{"asciidoc", "adoc", "asciidoctor"},
		Extensions: []string{".adoc", ".asciidoc", ".asc"},
		Comment:    CommentSyntax{Line: "//"},
		parse:      wholeParse(parseAsciiDoc),
	})
	register(&Format{
		Name:       "restructuredtext",
		IDs:        []string{"restructuredtext", "rst", "rest"},
		Extensions: []string{".rst", ".rest"},
		Comment:    CommentSyntax{Line: ".."},
		parse:      wholeParse(parseRST),
	})
	register(&Format{
		Name:       "org",
		IDs:        []string{"org", "orgmode", "org-mode"},
		Extensions: []string{".org"},
		Comment:    CommentSyntax{Line: "#"},
		parse:      wholeParse(parseOrg),
	})
	register(&Format{
		Name:       "typst",
		IDs:        []string{"typst", "typ"},
		Extensions: []string{".typ"},
		Comment:    CommentSyntax{Line: "//", Open: "/*", Close: "*/"},
		parse:      wholeParse(parseTypst),
	})
}
