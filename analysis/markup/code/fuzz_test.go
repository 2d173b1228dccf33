package code

import "testing"

var fuzzSeeds = []string{
	"",
	"// a\n/* b */ \"// c\" `d` 'e' /* f /* g */ h */\n",
	"/**\n * A {@code x} <pre>\n * y\n * </pre>\n */\n",
	"#!/bin/sh\n# a $# ${#x} <<EOF\n# b\nEOF\n",
	"def f():\n    \"\"\"Doc.\n\n    :param x: y\n    \"\"\"\n",
	"x = <<~E\n#{y}\nE\n=begin\nz\n=end\n",
	"--[==[ a ]==] [[ -- b ]]\n",
	"a: 'b # c' # d\ne: |\n  # f\n",
	"s = '''# a''' # b\n",
	"r#\"a\"# // b\n'a' 'static // c\n",
	"`${ `${ /* a */ }` }` /re/ // b\n",
	"<<<'X'\n# a\nX;\n# b\n",
	"// [a](b) `c` <a\n// href=d>e</a> &amp; f_g h.i\n",
}

// FuzzExtract checks, for every language, that extraction never panics
// and that every piece lies inside the source, in order, without overlap.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for i := range languages {
			l := &languages[i]
			prev := 0
			for _, c := range l.Comments(src) {
				if c.Start < prev || c.Start > c.TextStart || c.TextStart > c.TextEnd || c.TextEnd > c.End || c.End > len(src) {
					t.Fatalf("%s: comment %+v out of order or outside %d bytes (previous ended at %d)", l.ID, c, len(src), prev)
				}
				prev = c.End
			}
			prev = 0
			for bi, b := range l.Extract(src) {
				if len(b.Pieces) == 0 {
					t.Fatalf("%s: block %d has no pieces", l.ID, bi)
				}
				for _, p := range b.Pieces {
					if p.Start < prev || p.Start > p.End || p.End > len(src) {
						t.Fatalf("%s: block %d piece %+v overlaps the one before (ending at %d) or lies outside %d bytes", l.ID, bi, p, prev, len(src))
					}
					if p.Kind == Verbatim && p.Start == p.End {
						t.Fatalf("%s: block %d: empty verbatim piece at %d", l.ID, bi, p.Start)
					}
					prev = p.End
				}
			}
			for _, at := range l.Cuts(src, 0) {
				if at <= 0 || at > len(src) || src[at-1] != '\n' {
					t.Fatalf("%s: cut at %d is not the start of a line", l.ID, at)
				}
			}
		}
	})
}
