package project

import (
	"strings"
	"testing"
)

func TestGlob(t *testing.T) {
	tests := []struct {
		glob string
		yes  []string
		no   []string
	}{
		{"legal/**", []string{"legal/a.md", "legal/x/y/z.md", "legal"}, []string{"a/legal/b.md", "legalese/a.md"}},
		{"legal", []string{"legal/a.md", "docs/legal/a.md", "legal"}, []string{"legalese.md"}},
		{"/legal", []string{"legal/a.md"}, []string{"docs/legal/a.md"}},
		{"*.md", []string{"a.md", "x/y/b.md"}, []string{"a.txt", "a.mdx"}},
		{"docs/*.md", []string{"docs/a.md"}, []string{"docs/x/a.md", "a.md"}},
		{"docs/**/*.md", []string{"docs/a.md", "docs/x/y/a.md"}, []string{"other/a.md"}},
		{"**/drafts/*", []string{"drafts/a.md", "x/drafts/b.txt"}, []string{"x/drafts"}},
		{"CHANGELOG.md", []string{"CHANGELOG.md", "pkg/CHANGELOG.md"}, []string{"CHANGELOG.mdx"}},
		{"*.{md,txt}", []string{"a.md", "b/c.txt"}, []string{"a.rst"}},
		{"ch0?.md", []string{"ch01.md"}, []string{"ch1.md", "ch/1.md"}},
		{"ch[0-3].md", []string{"ch2.md"}, []string{"ch5.md"}},
		{"ch[!0-3].md", []string{"ch5.md"}, []string{"ch2.md"}},
		{"a+b(c).md", []string{"a+b(c).md"}, []string{"aab(c).md"}},
		{"notes/", []string{"notes/a.md"}, []string{"notesy/a.md"}},
		{"café/*.md", []string{"café/a.md"}, []string{"cafe/a.md"}},
	}
	for _, tt := range tests {
		g, err := CompileGlob(tt.glob)
		if err != nil {
			t.Errorf("CompileGlob(%q): %v", tt.glob, err)
			continue
		}
		for _, p := range tt.yes {
			if !g.Match(p) {
				t.Errorf("%q should match %q", tt.glob, p)
			}
		}
		for _, p := range tt.no {
			if g.Match(p) {
				t.Errorf("%q should not match %q", tt.glob, p)
			}
		}
	}
}

func TestGlobErrors(t *testing.T) {
	for _, bad := range []string{"", "/", "a**b", "**x/y", "[abc", "[]", "{a,b", "a}", "{a,{b}}", `x\`, "[a/b]", strings.Repeat("a", MaxGlobLen+1), "\xff*"} {
		if g, err := CompileGlob(bad); err == nil {
			t.Errorf("CompileGlob(%q) = %q, want an error", bad, g.re)
		}
	}
}

// TestGlobLinear: a pattern that makes backtracking matchers exponential
// runs in linear time (RE2); a backtracking matcher would not finish
// within the test timeout.
func TestGlobLinear(t *testing.T) {
	g, err := CompileGlob(strings.Repeat("*a", 30) + "b")
	if err != nil {
		t.Fatal(err)
	}
	path := strings.Repeat("a", 5000)
	if g.Match(path) {
		t.Fatal("matched")
	}
}
