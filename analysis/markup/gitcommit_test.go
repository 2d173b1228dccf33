package markup

import "testing"

func TestParseGitCommit(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"subject body trailers", "gopls/internal/cache: fix the `Load` race\n\nThe cache raced\nwith itself.\n\nFixes golang/go#1\n\nChange-Id: I123\nSigned-off-by: A B <a@b.c>\n  continued\n",
			"heading: fix the thing race\nparagraph: The cache raced with itself.\nparagraph: Fixes golang/go#1\n"},
		{"comments and scissors", "Subject here\n# Please enter the commit message\n\nBody line.\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n+text\n",
			"heading: Subject here\nparagraph: Body line.\n"},
		{"diff without scissors", "Subject\n\ndiff --git a/x b/x\n--- a/x\n", "heading: Subject\n"},
		{"indented code", "Subject\n\nRun this:\n    go test ./...\n\tmore code\nand it passes.\n",
			"heading: Subject\nparagraph: Run this:\nparagraph: and it passes.\n"},
		{"list items", "Subject\n\n- first item\n  continues\n- second, see https://go.dev/cl/1.\n",
			"heading: Subject\nlist-item: first item continues\nlist-item: second, see thing.\n"},
		{"a prose note is no trailer", "Subject\n\nNote: this is prose.\n", "heading: Subject\nparagraph: Note: this is prose.\n"},
		{"known trailers", "Subject\n\nBody.\n\nFixes: #12 and #13\nCc: someone\n", "heading: Subject\nparagraph: Body.\n"},
		{"subject with spaces before colon", "Fix the thing: now\n", "heading: Fix the thing: now\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			blocks := checkExtract(t, "git-commit", tt.src)
			if got := proseOf(blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s\n%s", got, tt.want, describe(tt.src, blocks))
			}
		})
	}
}
