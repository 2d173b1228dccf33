package markup

import "testing"

func TestParseAsciiDoc(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"header and sections", "= Doc Title\nAuthor Name <a@b.c>\n:toc:\n\n== Section\n\nSome *bold* and _italic_ text\nover two lines.\n",
			"heading: Doc Title\nheading: Section\nparagraph: Some bold and italic text over two lines.\n"},
		{"monospace and attributes", "Run `asciidoctor` with {backend} set.\n", "paragraph: Run thing with thing set.\n"},
		{"links keep their text", "See https://asciidoctor.org[the site], xref:a.adoc[the page], <<id,this part>> and {url-repo}[the repo].\n",
			"paragraph: See the site, the page, this part and the repo.\n"},
		{"bare url and empty xref", "See https://x.org and xref:a.adoc[].\n", "paragraph: See thing and thing.\n"},
		{"source block", "[source,ruby]\n----\nputs 1\n----\n\nAfter.\n", "paragraph: After.\n"},
		{"styled paragraph", "[source]\nputs 1\n\nAfter.\n", "paragraph: After.\n"},
		{"literal paragraph", " indented literal\n\nAfter.\n", "paragraph: After.\n"},
		{"comments", "// a comment\n////\nblock\n\ncomment\n////\nText.\n", "paragraph: Text.\n"},
		{"attribute entry", ":name: value\n:other: a \\\n  b\n\nText.\n", "paragraph: Text.\n"},
		{"admonition paragraph", "NOTE: Mind the gap.\n", "paragraph: Mind the gap.\n"},
		{"admonition block", "[WARNING]\n====\nBe careful.\n====\n", "paragraph: Be careful.\n"},
		{"quote block", "____\nTo be.\n____\n", "quote: To be.\n"},
		{"lists", "* one\n** nested\n. first\n- [x] done\n<1> The callout.\n", "list-item: one\nlist-item: nested\nlist-item: first\nlist-item: done\nlist-item: The callout.\n"},
		{"description list", "CPU:: The brain.\nRAM::\n  The memory.\n", "list-item: CPU\nlist-item: The brain.\nlist-item: RAM\nlist-item: The memory.\n"},
		{"block title and directive", ".A title\ninclude::file.adoc[]\nimage::a.png[Alt]\n", "heading: A title\n"},
		{"table", "[cols=2]\n|===\n|Name |Value\n\n|one\n|`two`\na|An *AsciiDoc* cell.\nl|literal\n|===\n",
			"table-cell: Name\ntable-cell: Value\ntable-cell: one\ntable-cell: An AsciiDoc cell.\n"},
		{"monospace column", "[cols=\"1,2m,1\"]\n|===\n|role?\n|if role? 'lead'\n|Checks the role.\n\n2+|Both columns.\n|x\n\n|y\n|z\n|w\n|===\n",
			"table-cell: role?\ntable-cell: Checks the role.\ntable-cell: Both columns.\ntable-cell: x\ntable-cell: y\ntable-cell: w\n"},
		{"curved quotes and dash", "A \"`quoted`\" word--here.\n", "paragraph: A \"quoted\" word—here.\n"},
		{"role and passthrough", "A [.term]*term* and +{raw}+ and pass:[<b>].\n", "paragraph: A term and thing and thing.\n"},
		{"escapes", "Not \\*bold* here.\n", "paragraph: Not *bold* here.\n"},
		{"footnote and anchor", "Text[[anchor]] with a note.footnote:[The note.]\n", "paragraph: Text with a note.\n"},
		{"hard break", "Line one +\nline two.\n", "paragraph: Line one line two.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := proseList(checkScan(t, parseAsciiDoc, tt.src)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
