package markup

import "strings"

// The formats read by the hand-written scanners of this package. Each
// document is one chunk (no split): their constructs (a literal block
// after "::", an AsciiDoc delimited block, a Typst content block) may run
// over blank lines, so a cut between blocks is not known to be safe
// without the whole parse; a keystroke re-parses the document, which at
// the scanners' speed costs well under a millisecond for a 50 kB file.

// commentsOutside returns the comments in syntax cs that are not inside
// the verbatim regions verbatim finds: a "// liaison-…" line in a code
// listing is code, not a directive.
func commentsOutside(cs CommentSyntax, verbatim func(src string) [][2]int) func(string) []Comment {
	return func(src string) []Comment {
		all := syntaxComments(src, cs)
		regions := verbatim(lfLines(src))
		if len(regions) == 0 {
			return all
		}
		out := all[:0]
		r := 0
		for _, c := range all {
			for r < len(regions) && regions[r][1] <= c.Start {
				r++
			}
			if r < len(regions) && regions[r][0] <= c.Start {
				continue
			}
			out = append(out, c)
		}
		return out
	}
}

// fencedRegions returns the byte ranges of the blocks that open with a
// line for which open returns a closing test and end with the first line
// that passes it (or the end of src), in order.
func fencedRegions(src string, open func(line string) func(string) bool) [][2]int {
	var out [][2]int
	lines := splitLines(src)
	for i := 0; i < len(lines); i++ {
		closes := open(lines[i].text(src))
		if closes == nil {
			continue
		}
		start := lines[i].start
		j := i + 1
		for j < len(lines) && !closes(lines[j].text(src)) {
			j++
		}
		end := len(src)
		if j < len(lines) {
			end = lines[j].next
		}
		out = append(out, [2]int{start, end})
		i = j
	}
	return out
}

func adocVerbatim(src string) [][2]int {
	return fencedRegions(src, func(t string) func(string) bool {
		d := adocDelimiter(t)
		if d == "" || strings.IndexByte("-.+`", d[0]) < 0 || d == "--" {
			return nil
		}
		return func(u string) bool { return strings.TrimRight(u, " \t") == d }
	})
}

func orgVerbatim(src string) [][2]int {
	return fencedRegions(src, func(t string) func(string) bool {
		name, ok := orgBlockName(t, "#+begin_")
		if !ok || !orgVerbatimBlocks[name] || name == "comment" {
			return nil
		}
		return func(u string) bool { n, ok := orgBlockName(u, "#+end_"); return ok && n == name }
	})
}

func typstVerbatim(src string) [][2]int {
	return fencedRegions(src, func(t string) func(string) bool {
		t = strings.TrimLeft(t, " \t")
		if !strings.HasPrefix(t, "```") {
			return nil
		}
		n := len(t) - len(strings.TrimLeft(t, "`"))
		if strings.Contains(t[n:], t[:n]) {
			return nil // opened and closed on one line
		}
		fence := t[:n]
		return func(u string) bool { return strings.Contains(u, fence) }
	})
}

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
		comments:   commentsOutside(CommentSyntax{Line: "//"}, adocVerbatim),
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
		comments:   commentsOutside(CommentSyntax{Line: "#"}, orgVerbatim),
	})
	register(&Format{
		Name:       "typst",
		IDs:        []string{"typst", "typ"},
		Extensions: []string{".typ"},
		Comment:    CommentSyntax{Line: "//", Open: "/*", Close: "*/"},
		parse:      wholeParse(parseTypst),
		comments:   commentsOutside(CommentSyntax{Line: "//", Open: "/*", Close: "*/"}, typstVerbatim),
	})
}
