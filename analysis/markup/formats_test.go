package markup

import (
	"reflect"
	"testing"
)

func TestFormatFor(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		{"markdown", "markdown"},
		{"MDX", "markdown"},
		{"gfm", "markdown"},
		{"plaintext", "plaintext"},
		{"txt", "plaintext"},
		{"no-such-language", "plaintext"},
		{"", "plaintext"},
	} {
		if got := FormatFor(tt.id).Name; got != tt.want {
			t.Errorf("FormatFor(%q) = %s, want %s", tt.id, got, tt.want)
		}
	}
	if _, ok := LookupFormat("no-such-language"); ok {
		t.Error("LookupFormat knows no-such-language")
	}
}

func TestFormatForPath(t *testing.T) {
	for _, tt := range []struct {
		path, want string
		ok         bool
	}{
		{"docs/a.md", "markdown", true},
		{"A.MARKDOWN", "markdown", true},
		{"notes.txt", "plaintext", true},
		{"main.go.orig", "", false},
		{"README", "", false},
	} {
		f, ok := FormatForPath(tt.path)
		if ok != tt.ok || (ok && f.Name != tt.want) {
			t.Errorf("FormatForPath(%q) = %v, %v; want %s, %v", tt.path, f, ok, tt.want, tt.ok)
		}
	}
}

// TestRegistryClaims checks that every format's ids, extensions and file
// names lead back to it.
func TestRegistryClaims(t *testing.T) {
	for _, f := range Formats() {
		for _, id := range f.IDs {
			if got := FormatFor(id); got != f {
				t.Errorf("id %q: %s, want %s", id, got.Name, f.Name)
			}
		}
		for _, e := range f.Extensions {
			if got, ok := FormatForPath("x" + e); !ok || got != f {
				t.Errorf("extension %q: not %s", e, f.Name)
			}
		}
		for _, n := range f.FileNames {
			if got, ok := FormatForPath("/a/" + n); !ok || got != f {
				t.Errorf("file name %q: not %s", n, f.Name)
			}
		}
	}
}

func TestCommentSyntaxDirective(t *testing.T) {
	for _, tt := range []struct {
		cs   CommentSyntax
		want string
	}{
		{CommentSyntax{}, "liaison-disable x"},
		{CommentSyntax{Open: "<!--", Close: "-->"}, "<!-- liaison-disable x -->"},
		{CommentSyntax{Line: "%"}, "% liaison-disable x"},
		{CommentSyntax{Line: "//", Open: "/*", Close: "*/"}, "// liaison-disable x"},
	} {
		if got := tt.cs.Directive("liaison-disable x"); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.cs, got, tt.want)
		}
	}
}

func TestSyntaxComments(t *testing.T) {
	src := "text\n  % one\r\nnot % two\n<!-- three\nlines --> after\n% four"
	got := syntaxComments(src, CommentSyntax{Line: "%", Open: "<!--", Close: "-->"})
	want := []Comment{
		{Start: 7, End: 12, Text: " one", TextStart: 8},
		{Start: 24, End: 44, Text: " three\nlines ", TextStart: 28},
		{Start: 51, End: 57, Text: " four", TextStart: 52},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	for _, c := range got {
		if src[c.TextStart:c.TextStart+len(c.Text)] != c.Text {
			t.Errorf("%+v: TextStart does not point at Text", c)
		}
	}
}

func TestLineComments(t *testing.T) {
	src := "a\nliaison-disable x\r\nb liaison-enable\n"
	got := FormatFor("plaintext").Comments(src)
	want := []Comment{
		{Start: 2, End: 19, Text: "liaison-disable x", TextStart: 2},
		{Start: 21, End: 37, Text: "b liaison-enable", TextStart: 21},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
