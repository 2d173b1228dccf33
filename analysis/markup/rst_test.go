package markup

import "testing"

func TestParseRST(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"title and paragraph", "Title\n=====\n\nSome *emphasis* and **strong** text\nover two lines.\n",
			"heading: Title\nparagraph: Some emphasis and strong text over two lines.\n"},
		{"overlined title", "=====\nTitle\n=====\n\nText.\n", "heading: Title\nparagraph: Text.\n"},
		{"inline literal and roles", "Call ``foo()`` or :func:`bar` with :term:`an argument`.\n",
			"paragraph: Call thing or thing with an argument.\n"},
		{"references keep their text", "See `the docs <https://x.org>`_, `Motivation`_ and PEP_ [1]_.\n",
			"paragraph: See the docs, Motivation and PEP.\n"},
		{"literal block", "Example::\n\n    code here\n\nAfter.\n", "paragraph: Example:\nparagraph: After.\n"},
		{"spaced literal marker", "Example ::\n\n    code\n", "paragraph: Example\n"},
		{"code directive", ".. code-block:: python\n\n   print(1)\n\nText.\n", "paragraph: Text.\n"},
		{"admonition", ".. note:: Mind the gap.\n   It is wide.\n\n.. warning::\n   :class: x\n\n   Careful now.\n",
			"paragraph: Mind the gap. It is wide.\nparagraph: Careful now.\n"},
		{"comment and target", ".. a comment\n   goes on\n\n.. _target: https://x.org\n\nText.\n", "paragraph: Text.\n"},
		{"lists", "- one\n- two\n  more\n\n1. first\n#. second\n", "list-item: one\nlist-item: two more\nlist-item: first\nlist-item: second\n"},
		{"definition list", "term\n   The definition.\n", "paragraph: term\nparagraph: The definition.\n"},
		{"block quote", "Text.\n\n   Quoted words.\n", "paragraph: Text.\nquote: Quoted words.\n"},
		{"field list", ":Author: Me\n:Version: 1\n\nText.\n", "paragraph: Text.\n"},
		{"pep header", "PEP: 8\nTitle: Style\nAuthor: A,\n        B\n\nText.\n", "paragraph: Text.\n"},
		{"footnote", ".. [1] A note.\n", "footnote: A note.\n"},
		{"substitution", "Press |key| now.\n\n.. |key| image:: k.png\n", "paragraph: Press thing now.\n"},
		{"simple table", "=====  =====\nA      B\n=====  =====\none    two\n=====  =====\n", "table-cell: A\ntable-cell: B\ntable-cell: one\ntable-cell: two\n"},
		{"grid table", "+-----+-----+\n| a   | b   |\n+=====+=====+\n| c   | d   |\n+-----+-----+\n", "table-cell: a\ntable-cell: b\ntable-cell: c\ntable-cell: d\n"},
		{"escapes", "A \\*star\\* here.\n", "paragraph: A *star* here.\n"},
		{"doctest", ">>> 1 + 1\n2\n\nText.\n", "paragraph: Text.\n"},
		{"url", "Visit https://example.org/a.\n", "paragraph: Visit thing.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := proseList(checkScan(t, parseRST, tt.src)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
