package markup

import (
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

func BenchmarkExtractBook(b *testing.B) {
	src := wholeBook(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Extract("markdown", src)
	}
}

func BenchmarkSplitBook(b *testing.B) {
	src := wholeBook(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Split("markdown", src)
	}
}

func BenchmarkSplitBookPlain(b *testing.B) {
	src := wholeBook(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Split("plaintext", src)
	}
}

func BenchmarkScanDefinitionsBook(b *testing.B) {
	src := wholeBook(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ScanDefinitions(src)
	}
}

// BenchmarkEditBook is the incremental path after a one-character edit in
// the middle of the book: split, scan definitions, and parse only the
// chunk whose text is not in the cache.
func BenchmarkEditBook(b *testing.B) {
	src := wholeBook(b)
	mid := strings.Index(src[len(src)/2:], "the ") + len(src)/2
	edited := src[:mid] + "T" + src[mid+1:]
	cache := map[string]bool{}
	for _, c := range Split("markdown", src) {
		cache[c.Text(src)] = true
	}
	b.ResetTimer()
	for b.Loop() {
		chunks := Split("markdown", edited)
		defs := ScanDefinitionsIn(edited, chunks)
		parsed := 0
		for _, c := range chunks {
			if !cache[c.Text(edited)] {
				Parse("markdown", c.Text(edited), c.Flags, defs)
				parsed++
			}
		}
		if parsed != 1 {
			b.Fatalf("parsed %d chunks, want 1", parsed)
		}
	}
}

// BenchmarkGoldmarkBook is the reference point: goldmark's default
// CommonMark parser on the book, without extensions or prose extraction.
func BenchmarkGoldmarkBook(b *testing.B) {
	src := []byte(wholeBook(b))
	p := goldmark.New().Parser()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		p.Parse(text.NewReader(src))
	}
}

// BenchmarkDeepNesting shows that absurd nesting costs time linear in the
// input: 10x the depth should cost about 10x (100x for the nested-list
// lines, whose input grows with the square of the depth).
func BenchmarkDeepNesting(b *testing.B) {
	for _, depth := range []int{1000, 10000} {
		docs := map[string]string{
			"quote-markers": strings.Repeat(">", depth) + " x\n",
			"list-markers":  strings.Repeat("- ", depth) + "x\n",
			"list-lines":    nestedListLines(depth / 10),
			"brackets":      strings.Repeat("[", depth) + "a" + strings.Repeat("](b)", depth),
			"emphasis":      strings.Repeat("*a ", depth) + strings.Repeat(" b*", depth),
		}
		for name, src := range docs {
			b.Run(name+"/"+strconv.Itoa(depth), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Extract("markdown", src)
				}
			})
		}
	}
}

// BenchmarkParseChunksBook is what the analyzer does with a document
// seen for the first time: split it, scan its definitions, and parse
// every chunk on its own.
func BenchmarkParseChunksBook(b *testing.B) {
	src := wholeBook(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		chunks := Split("markdown", src)
		defs := ScanDefinitionsIn(src, chunks)
		for _, c := range chunks {
			ParseWith("markdown", c.Text(src), c.Flags, defs, nil)
		}
	}
}
