package markup

import "testing"

func TestParseHTML(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"paragraphs and headings", "<html><head><title>T</title><style>p{}</style></head><body><h1>The  Title</h1>\n<p>One\n  two.</p><p>Three</p></body></html>",
			"heading: The Title\nparagraph: One two.\nparagraph: Three\n"},
		{"entities", "<p>Fish &amp; chips &#8212; caf&eacute; &nosuch; &lt;b&gt;</p>", "paragraph: Fish & chips — café &nosuch; <b>\n"},
		{"inline elements", "<p>An <em>emphatic</em> <a href=\"x\" title=\"not prose\">link</a>.</p>", "paragraph: An emphatic link.\n"},
		{"code and var", "<p>Set the <var>todir</var> attribute or <code>x<b>y</b></code> here.</p><p><code>first</code> word</p>",
			"paragraph: Set the thing attribute or thing here.\nparagraph: word\n"},
		{"skipped", "<p>Before</p><pre>code\n\nmore</pre><script>if (a<b) {}</script><!-- comment --><p>After</p>",
			"paragraph: Before\nparagraph: After\n"},
		{"lists tables quotes", "<ul><li>One<li>Two</ul><table><tr><th>H</th><td>Cell</td></tr></table><blockquote><p>Q</p></blockquote>",
			"list-item: One\nlist-item: Two\ntable-cell: H\ntable-cell: Cell\nquote: Q\n"},
		{"br and div", "<div>Line one<br>line two</div>", "paragraph: Line one line two\n"},
		{"adjacent placeholders are one", "<p>The <code>⟨</code><var>name</var><code>⟩</code> is a symbol.</p>", "paragraph: The thing is a symbol.\n"},
		{"footnote marks", "<p>A note.<a href=\"#f\"><sup>13</sup></a> More x<sup>2</sup> and 10<sup>th</sup>.</p>", "paragraph: A note. More x and 10th.\n"},
		{"unclosed", "<p>Open <em>never closed", "paragraph: Open never closed\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			blocks := checkExtract(t, "html", tt.src)
			if got := proseOf(blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s\n%s", got, tt.want, describe(tt.src, blocks))
			}
		})
	}
}

func TestHTMLComments(t *testing.T) {
	src := "<p>a</p><!-- liaison-disable x --><script>var s = '<!-- no -->';</script>"
	got := FormatFor("html").Comments(src)
	if len(got) != 1 || got[0].Text != " liaison-disable x " || src[got[0].TextStart:got[0].TextStart+len(got[0].Text)] != got[0].Text {
		t.Errorf("got %+v", got)
	}
}
