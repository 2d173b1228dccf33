package markup

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the seed corpus of the fuzz targets; with the files under
// testdata/fuzz they also run as regression tests in every `go test`.
var fuzzSeeds = []string{
	"",
	"plain *liaison* text\n\nnext paragraph\n",
	"# H1\n\nSetext\n===\n\n- a\n- b\n\n  c\n\n1. x\n2. y\n",
	"> q1\n> q2\nlazy\n\n> - item\n>   more\n",
	"```go\ncode\n\nmore\n```\n\nafter\n",
	"- item\n\n  ```\n  fenced in item\n\n  still\n  ```\n\nout\n",
	"   ~~~\n   x\n\ny\n~~~\n",
	"<!-- c\n\nc -->\n\n<pre>\n\n</pre>\n\n<div>\nhtml\n</div>\n",
	"$$\nx\n\ny\n$$\n\nCosts $5 and $10; $x^2$ and $$y$$.\n",
	"---\ntitle: t\n---\nbody\n",
	"+++\na = 1\n+++\n\nbody\n",
	"See [text][ref] and [ref].\n\n[ref]: /url \"title\"\n",
	"[^1]: note\n\nText[^1] and [^2].\n",
	"| a | b |\n|---|---|\n| `c` | d \\| e |\n",
	"- [ ] todo\n- [x] done ~~old~~\n",
	"Visit https://example.com or <a@b.c> and www.x.org.\n",
	"Entities &amp; &#65; &#x42; &copy; &nosuch; \\* \\\\ \\a\n",
	"line one  \nline two\\\nline three\n",
	"\tindented code\n\n    more\nnot code\n",
	"- a\n\n    code in item\n\n- b\n",
	"![alt *text*](img.png \"t\") <span>in</span> `x`\n",
	"1. one\n\n   ```\n   a\n   ```\n\n   ```\n   b\n\n   c\n   ```\n\n2. two\n",
}

func FuzzExtractMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSourceRanges(t, checkExtract(t, "markdown", src))
	})
}

func FuzzExtractPlain(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSourceRanges(t, checkExtract(t, "plaintext", src))
	})
}

// checkSourceRanges checks that SourceRange maps every single prose rune
// inside the block's source.
func checkSourceRanges(t *testing.T, blocks []Block) {
	t.Helper()
	for bi, b := range blocks {
		for p := 0; p < len(b.Prose); {
			_, n := utf8.DecodeRuneInString(b.Prose[p:])
			s, e := b.SourceRange(p, p+n)
			if s < 0 || e > b.End-b.Start || s > e {
				t.Fatalf("block %d: SourceRange(%d,%d) = [%d,%d) outside [0,%d)", bi, p, p+n, s, e, b.End-b.Start)
			}
			p += n
		}
	}
}
