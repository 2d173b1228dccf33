package markup

import (
	"strings"
	"testing"
)

func nestedQuoteLines(n int) string {
	var sb strings.Builder
	for i := 1; i <= n; i++ {
		sb.WriteString(strings.Repeat(">", i))
		sb.WriteString(" x\n")
	}
	return sb.String()
}

func nestedListLines(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString(strings.Repeat("  ", i))
		sb.WriteString("- x\n")
	}
	return sb.String()
}

// badInputs are documents that must not panic or blow up.
var badInputs = []struct {
	name    string
	src     string
	tooDeep bool // Split must flag the nesting
}{
	{name: "empty", src: ""},
	{name: "only newlines", src: "\n\n\n"},
	{name: "nul bytes", src: "a\x00b *c\x00* `\x00`\n\n\x00\n"},
	{name: "invalid utf-8", src: "caf\xe9 \xff\xfe *liaison\xc3* &amp\xff; \\\xff\n\n# \x80\n"},
	{name: "unclosed fence", src: "text\n\n```go\ncode\n\nmore code\n"},
	{name: "unclosed tilde fence in list", src: "- a\n  ~~~\n  x\n\nb\n"},
	{name: "unclosed math", src: "$$\nx\n\ny\n"},
	{name: "unclosed comment", src: "<!-- a\n\nb\n"},
	{name: "unclosed front matter", src: "---\ntitle: x\n\nbody\n"},
	{name: "crlf", src: "a\r\nb\r\n\r\n- c\r\n  d\r\n"},
	{name: "lone cr", src: "a\rb\r\rc"},
	{name: "one long line", src: strings.Repeat("word *em* `code` [link](u) ", 40000)},
	{name: "long line of brackets", src: strings.Repeat("[", 200000)},
	{name: "long line of stars", src: strings.Repeat("*a ", 100000)},
	{name: "10000 quote markers", src: strings.Repeat(">", 10000) + " x\n", tooDeep: true},
	{name: "10000 list markers", src: strings.Repeat("- ", 10000) + "x\n", tooDeep: true},
	{name: "10000 mixed markers", src: strings.Repeat("> 1. ", 5000) + "x\n", tooDeep: true},
	{name: "1000 quote lines", src: nestedQuoteLines(1000), tooDeep: true},
	{name: "1000 nested list lines", src: nestedListLines(1000), tooDeep: true},
	{name: "deep but sane", src: strings.Repeat("> ", 50) + "x\n" + strings.Repeat("  ", 50) + "- y\n"},
}

func TestBadInput(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			for _, lang := range []string{"markdown", "plaintext"} {
				checkExtract(t, lang, tc.src)
				if lang != "markdown" {
					continue
				}
				deep := false
				for _, c := range Split(lang, tc.src) {
					deep = deep || c.Flags&TooDeep != 0
				}
				if deep != tc.tooDeep {
					t.Errorf("TooDeep flagged = %v, want %v", deep, tc.tooDeep)
				}
			}
		})
	}
}

// TestTwentyMegabytes extracts a 20 MB document (the Rust Book repeated).
func TestTwentyMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB document in -short mode")
	}
	book := wholeBook(t)
	src := strings.Repeat(book, 20<<20/len(book)+1)
	blocks := Extract("markdown", src)
	per := len(Extract("markdown", book))
	if len(blocks) < per*(20<<20/len(book)) {
		t.Fatalf("%d blocks from %d copies of a book with %d", len(blocks), 20<<20/len(book)+1, per)
	}
	checkMapping(t, src, blocks)
}
