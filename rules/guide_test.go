package rules

import (
	"strings"
	"testing"
)

// TestCompactMarkdownIsShort checks the hover's comparison stays within six
// lines however many words a set has, and still names them all.
func TestCompactMarkdownIsShort(t *testing.T) {
	words := []ComparedWord{
		{Word: "alpha", POS: "noun", Meaning: "the first", Example: "Alpha leads."},
		{Word: "beta", POS: "noun", Meaning: "the second", Example: "Beta follows."},
		{Word: "gamma", POS: "noun", Meaning: "the third", Example: "Gamma trails."},
		{Word: "delta", POS: "noun", Meaning: "the fourth", Example: "Delta ends."},
		{Word: "epsilon", POS: "noun", Meaning: "the fifth", Example: "Epsilon is last."},
	}
	for n := 2; n <= len(words); n++ {
		c := &Comparison{Words: words[:n], Difference: "They differ\nin order."}
		md := strings.TrimRight(c.CompactMarkdown(), "\n")
		if lines := strings.Count(md, "\n") + 1; lines > 6 {
			t.Errorf("%d words: %d lines, want at most 6:\n%s", n, lines, md)
		}
		head, _, _ := strings.Cut(md, "\n")
		for _, w := range words[:n] {
			if !strings.Contains(head, "**"+w.Word+"**") {
				t.Errorf("%d words: headline %q does not name %s", n, head, w.Word)
			}
		}
		if !strings.HasSuffix(md, "They differ in order.") {
			t.Errorf("%d words: the difference is not the last line:\n%s", n, md)
		}
	}
}
