package markup

import "testing"

func TestParseTypst(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"heading and paragraph", "#set page(width: 10cm)\n#import \"x.typ\": *\n\n= Introduction <intro>\nSome *strong* and _emphasised_ text\nover two lines.\n",
			"heading: Introduction\nparagraph: Some strong and emphasised text over two lines.\n"},
		{"content blocks keep their text", "Built for #link(\"https://typst.app\")[Typst] and #emph[you].\n", "paragraph: Built for Typst and you.\n"},
		{"calls, math, raw, refs", "Use `raw` and $x^2$ as in @intro and @fig[Figure 1] #pr(12) #breaking\n",
			"paragraph: Use thing and thing as in thing and Figure 1 thing\n"},
		{"call alone on its line", "#image(\"a.png\", width: 50%)\n\nText.\n", "paragraph: Text.\n"},
		{"figure caption", "#figure(\n  image(\"a.png\"),\n  caption: [A _caption_ here],\n) <fig>\n\nText.\n", "paragraph: A caption here\nparagraph: Text.\n"},
		{"raw block", "```rust\nfn main() {}\n```\n\nText.\n", "paragraph: Text.\n"},
		{"comments", "Text // a comment\nmore /* block */ words.\n", "paragraph: Text more words.\n"},
		{"lists", "- one\n- two\n  more\n+ first\n/ Term: meaning\n", "list-item: one\nlist-item: two more\nlist-item: first\nlist-item: Term: meaning\n"},
		{"multi-paragraph content", "#info[\n  First.\n\n  Second.\n]\n", "paragraph: First.\nparagraph: Second.\n"},
		{"let and show", "#let x = [not *prose*]\n#show heading: it => [#it.body]\nText.\n", "paragraph: Text.\n"},
		{"escapes", "A \\#hash and \\* star.\n", "paragraph: A #hash and * star.\n"},
		{"footnote content", "Claim#footnote[Source.] holds.\n", "paragraph: Claim holds.\n"},
		{"url", "See https://typst.app/docs.\n", "paragraph: See thing.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := proseList(checkScan(t, parseTypst, tt.src)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
