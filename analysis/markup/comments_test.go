package markup

import (
	"strings"
	"testing"
)

func TestComments(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the comments' texts, in order
	}{
		{"none", "# Title\n\nText.\n", nil},
		{"block", "<!-- one -->\n\nText.\n", []string{" one "}},
		{"multi-line block", "<!--\n  two\n-->\nText.\n", []string{"\n  two\n"}},
		{"inline", "Text <!-- three --> more.\n", []string{" three "}},
		{"inline across lines", "Text <!-- four\nfive --> more.\n", []string{" four\nfive "}},
		{"two on a line", "<!-- a --> <!-- b -->\n", []string{" a ", " b "}},
		{"in a list item", "- item <!-- c -->\n", []string{" c "}},
		{"fenced code", "```\n<!-- not -->\n```\n\n<!-- yes -->\n", []string{" yes "}},
		{"indented code", "Para.\n\n    <!-- not -->\n", nil},
		{"code span", "Use `<!-- not -->` here. <!-- yes -->\n", []string{" yes "}},
		{"front matter", "---\ntitle: <!-- not -->\n---\n<!-- yes -->\n", []string{" yes "}},
		{"unclosed", "<!-- never closed\n\ntext\n", nil},
		{"in a div", "<div>\n<!-- d -->\n</div>\n", []string{" d "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Comments(tt.src)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d comments %+v, want %q", len(got), got, tt.want)
			}
			for i, c := range got {
				if c.Text != tt.want[i] {
					t.Errorf("comment %d = %q, want %q", i, c.Text, tt.want[i])
				}
				if src := tt.src[c.Start:c.End]; !strings.HasPrefix(src, "<!--") || !strings.HasSuffix(src, "-->") || src[4:len(src)-3] != c.Text {
					t.Errorf("comment %d source %q does not match its text", i, src)
				}
			}
		})
	}
}
