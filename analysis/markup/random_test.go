package markup

import (
	"flag"
	"math/rand/v2"
	"strings"
	"testing"
)

var randomDocs = flag.Int("random-docs", 3000, "number of random documents TestRandomDocuments builds")

// markdownLines are the line shapes random documents are built from: the
// constructs Split must track (fences, math, HTML blocks, list items,
// quotes, indentation, blank lines).
var markdownLines = []string{
	"", "", "", " ", "\t",
	"text", "more text", "Costs $5", "[ref]", "[^1]",
	"```", "```go", "````", "~~~", "  ```", "   ~~~", "    ```", "\t```",
	"$$", "$$ x $$", "  $$",
	"<!--", "-->", "<!-- x -->", "<pre>", "</pre>", "<div>", "</div>", "<?php", "?>", "<!DOCTYPE", ">",
	"- item", "* item", "+ item", "1. item", "2) item", "-", "1.", "  - nested", "    - deeper", "   1. three",
	"> quote", ">", "> ```", "> - item", "  > quote",
	"  indented", "   indented", "    code", "      code", "\tcode",
	"# heading", "---", "***", "===", "| a | b |", "|---|---|",
	"[ref]: /url", "[^1]: note", "    note more", "[^1]: ```", "- ```", "> ~~~",
	"\t- item", " \t```", "-\titem", "1)\tx", "<div class=\"x\">", "<span>", "</span>", "<a href='u'>",
	"  <!--", "<script>", "</script>", "<style>x</style>", "<![CDATA[", "]]>", "<!X",
	"`code`", "*em*", "&amp;", "\\*", "https://x.y", "a | b", "   | c |", "* * *", "- - -",
	"+ ", "10. ten", "0) zero", "$$$$", "$x$", "---", "...", "+++", "[^1]:", "[^x]: - a", "  [^2]: b",
	"> - ```", ">     code", "> [^1]: x", "> <!--", "- > ```", "1. - 2. x", "  -", "   -", "*\t*", "<pre x>",
	"``` ```", "~~~ `", "$$ $$", "\t$$", "- $$", "<div/>", "</div >", "[a]:\n", "[^]: x", "\\```",
}

// TestRandomDocuments builds documents from random line shapes and checks
// that Split+Parse equals one whole parse and that spans map back.
func TestRandomDocuments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range *randomDocs {
		var sb strings.Builder
		n := 1 + rng.IntN(25)
		for range n {
			sb.WriteString(markdownLines[rng.IntN(len(markdownLines))])
			sb.WriteByte('\n')
		}
		src := sb.String()
		t.Run("", func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("document %d: %q", i, src)
				}
			}()
			checkExtract(t, "markdown", src)
		})
	}
}
