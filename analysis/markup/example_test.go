package markup_test

import (
	"fmt"

	"liaison/analysis/markup"
)

func ExampleExtract() {
	src := "# Notes\n\nWe *liaison* with `ops` &amp; sales.\n\n```\ncode is not prose\n```\n"
	for _, b := range markup.Extract("markdown", src) {
		fmt.Printf("%s %q\n", b.Kind, b.Prose)
		// Map the word "liaison" back to the source.
		if i := len("We "); b.Kind == markup.Paragraph {
			s, e := b.SourceRange(i, i+len("liaison"))
			fmt.Printf("%q\n", src[b.Start+s:b.Start+e])
		}
	}
	// Output:
	// heading "Notes"
	// paragraph "We liaison with thing & sales."
	// "liaison"
}

// A caller that re-analyses a document on every edit caches Parse's
// result per chunk: after an edit, only the chunks whose text changed are
// parsed again.
func ExampleSplit() {
	cache := map[string][]markup.Block{}
	parsed := 0
	analyse := func(src string) int {
		chunks := markup.Split("markdown", src)
		defs := markup.ScanDefinitionsIn(src, chunks)
		blocks := 0
		for _, c := range chunks {
			text := c.Text(src)
			key := fmt.Sprint(text, c.Flags, defs.KeyFor(text))
			bs, ok := cache[key]
			if !ok {
				bs = markup.Parse("markdown", text, c.Flags, defs)
				cache[key] = bs
				parsed++
			}
			blocks += len(bs) // bs offsets are relative to c.Start
		}
		return blocks
	}
	fmt.Println(analyse("One.\n\nTwo.\n\nThree.\n"), parsed)
	fmt.Println(analyse("One.\n\nTwo!\n\nThree.\n"), parsed)
	// Output:
	// 3 3
	// 3 4
}
