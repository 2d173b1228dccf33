package markup

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		lang string
		src  string
		want []string // chunk texts
	}{
		{"paragraphs", "markdown", "a\n\nb\n", []string{"a\n\n", "b\n"}},
		{"several blank lines", "markdown", "a\n\n \n\t\nb", []string{"a\n\n \n\t\n", "b"}},
		{"indented line after blank stays", "markdown", "- a\n\n  b\n\nc\n", []string{"- a\n\n  b\n\n", "c\n"}},
		{"indented code stays", "markdown", "a\n\n    code\n\n    more\nb\n", []string{"a\n\n    code\n\n    more\nb\n"}},
		{"fence", "markdown", "```\nx\n\ny\n```\n\nz\n", []string{"```\nx\n\ny\n```\n\n", "z\n"}},
		{"longer fence", "markdown", "````\n```\n\nx\n````\n\ny", []string{"````\n```\n\nx\n````\n\n", "y"}},
		{"tilde fence", "markdown", "~~~\n\nx\n~~~\n\ny", []string{"~~~\n\nx\n~~~\n\n", "y"}},
		{"fence in list item", "markdown", "1. a\n\n   ```\n   x\n\n   y\n   ```\n\nz\n", []string{"1. a\n\n   ```\n   x\n\n   y\n   ```\n\n", "z\n"}},
		{"math block", "markdown", "$$\nx\n\ny\n$$\n\nz", []string{"$$\nx\n\ny\n$$\n\n", "z"}},
		{"comment", "markdown", "<!--\n\nx\n-->\n\ny", []string{"<!--\n\nx\n-->\n\n", "y"}},
		{"pre", "markdown", "<pre>\n\nx\n</pre>\n\ny", []string{"<pre>\n\nx\n</pre>\n\n", "y"}},
		{"div ends at blank line", "markdown", "<div>\n\nx\n</div>\n", []string{"<div>\n\n", "x\n</div>\n"}},
		{"yaml front matter", "markdown", "---\na: b\n\nc: d\n---\nbody\n\nmore", []string{"---\na: b\n\nc: d\n---\n", "body\n\n", "more"}},
		{"toml front matter", "md", "+++\na = 1\n+++\n\nbody", []string{"+++\na = 1\n+++\n", "\n", "body"}},
		{"thematic break is not front matter late", "markdown", "x\n\n---\ny\n---\n", []string{"x\n\n", "---\ny\n---\n"}},
		{"plain text", "plaintext", "a\nb\n\n  c\n\nd", []string{"a\nb\n\n", "  c\n\n", "d"}},
		{"empty", "markdown", "", []string{""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			chunks := Split(tc.lang, tc.src)
			checkChunks(t, tc.src, chunks)
			var got []string
			for _, c := range chunks {
				got = append(got, c.Text(tc.src))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Split(%q) = %q, want %q", tc.src, got, tc.want)
			}
			checkExtract(t, tc.lang, tc.src)
		})
	}
}

func TestFrontMatterFlag(t *testing.T) {
	src := "---\ntitle: liaison\n---\nText.\n"
	chunks := Split("markdown", src)
	if len(chunks) != 2 || chunks[0].Flags&FrontMatter == 0 || chunks[1].Flags&FrontMatter != 0 {
		t.Fatalf("chunks %+v: want front matter, then body", chunks)
	}
	if blocks := Parse("markdown", chunks[0].Text(src), chunks[0].Flags, nil); len(blocks) != 0 {
		t.Errorf("front matter gave blocks %+v", blocks)
	}
}

func TestSourceRange(t *testing.T) {
	src := "Tom &amp; *Jerry* `x`s\nend"
	blocks := Extract("markdown", src)
	if len(blocks) != 1 {
		t.Fatalf("got %d blocks", len(blocks))
	}
	b := blocks[0]
	tests := []struct {
		prose, source string // a prose substring and the source it maps to
	}{
		{"Tom", "Tom"},
		{"&", "&amp;"},
		{"Tom &", "Tom &amp;"},
		{"Jerry", "Jerry"},
		{"err", "err"},
		{"& Jerry", "&amp; *Jerry"},
		{PlaceholderWord, "`x`"},
		{PlaceholderWord[1:3], "`x`"},
		{PlaceholderWord + "s", "`x`s"},
		{"s end", "s\nend"},
		{" ", " "},
	}
	for _, tc := range tests {
		p := indexOf(b.Prose, tc.prose)
		if p < 0 {
			t.Fatalf("prose %q has no %q", b.Prose, tc.prose)
		}
		s, e := b.SourceRange(p, p+len(tc.prose))
		if got := src[b.Start+s : b.Start+e]; got != tc.source {
			t.Errorf("SourceRange of %q = %q, want %q", tc.prose, got, tc.source)
		}
	}
	if s, e := b.SourceRange(-5, 1000); s != 0 || e != b.End-b.Start {
		t.Errorf("SourceRange clamps to [%d,%d), want [0,%d)", s, e, b.End-b.Start)
	}
	if s, e := b.SourceRange(2, 2); s != e {
		t.Errorf("empty range maps to [%d,%d)", s, e)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestDefinitionsAcrossChunks(t *testing.T) {
	src := "See [the docs][docs] and [Other].\n\nMiddle.\n\n[docs]: https://example.com\n[other]: /o \"t\"\n[docs]: /second-wins-not\n"
	defs := ScanDefinitions(src)
	if defs.Len() != 2 {
		t.Fatalf("found %d definitions, want 2", defs.Len())
	}
	first := Split("markdown", src)[0]
	with := Parse("markdown", first.Text(src), first.Flags, defs)
	without := Parse("markdown", first.Text(src), first.Flags, nil)
	if len(with) != 1 || with[0].Prose != "See the docs and Other." {
		t.Errorf("with definitions: %+v", with)
	}
	if len(without) != 1 || without[0].Prose != "See [the docs][docs] and [Other]." {
		t.Errorf("without definitions: %+v", without)
	}
	if defs.Key() == 0 || defs.Key() == ScanDefinitions(src+"[x]: /x\n").Key() || defs.Key() != ScanDefinitions(src).Key() {
		t.Errorf("Key does not fingerprint the definitions")
	}
	if defs.KeyFor("no brackets here") != 0 || defs.KeyFor("a [link]") != defs.Key() {
		t.Errorf("KeyFor: %d and %d, want 0 and %d", defs.KeyFor("no brackets here"), defs.KeyFor("a [link]"), defs.Key())
	}
	if (*Definitions)(nil).Key() != 0 || ScanDefinitions("no refs").Key() != 0 {
		t.Errorf("empty definitions have a non-zero key")
	}
}
