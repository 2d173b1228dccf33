package markup

import "testing"

func TestParseOrg(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"title and headline", "#+title: My Notes\n#+author: Me\n\n* TODO [#A] Buy the *milk* :home:shop:\nSCHEDULED: <2024-01-01>\nSome /italic/ text\nover two lines.\n",
			"heading: My Notes\nheading: Buy the milk\nparagraph: Some italic text over two lines.\n"},
		{"verbatim and code", "Use =foo= or ~bar()~ here.\n", "paragraph: Use thing or thing here.\n"},
		{"links", "See [[https://x.org][the site]] and [[id:123]] and https://y.org.\n", "paragraph: See the site and thing and thing.\n"},
		{"src block", "#+begin_src go\nfmt.Println()\n#+end_src\nAfter.\n", "paragraph: After.\n"},
		{"quote block", "#+BEGIN_QUOTE\nTo be.\n#+END_QUOTE\n", "quote: To be.\n"},
		{"comments and drawers", "# a comment\n:PROPERTIES:\n:ID: x\n:END:\n: fixed width\nText.\n", "paragraph: Text.\n"},
		{"lists", "- one\n- two\n  more\n1. first\n- [X] done\n- term :: its meaning\n",
			"list-item: one\nlist-item: two more\nlist-item: first\nlist-item: done\nlist-item: term\nlist-item: its meaning\n"},
		{"table", "| a | b |\n|---+---|\n| ~c~ | d e |\n", "table-cell: a\ntable-cell: b\ntable-cell: d e\n"},
		{"footnotes", "Text.[fn:1]\n\n[fn:1] The note.\n", "paragraph: Text.\nfootnote: The note.\n"},
		{"math and macros", "Area \\(a^2\\) and {{{version}}} here.\n", "paragraph: Area thing and thing here.\n"},
		{"key links", "Press [[kbd:][SPC s i]] to search.\n", "paragraph: Press thing to search.\n"},
		{"not emphasis", "a/b/c and 2*3*4 stay.\n", "paragraph: a/b/c and 2*3*4 stay.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := proseList(checkScan(t, parseOrg, tt.src)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
