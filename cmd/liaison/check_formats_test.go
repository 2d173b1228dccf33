package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckFormats: a directory walk reads every prose format by its file
// name or extension (not source code, which is opt-in), each read as its
// format, and --language takes any format's id.
func TestCheckFormats(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"paper.tex":           "\\begin{document}\nThanks alot. $alot$ \\texttt{alot}\n% alot\n\\end{document}\n",
		"page.html":           "<p>Thanks alot.</p><pre>alot</pre><!-- alot -->\n",
		"msg/COMMIT_EDITMSG":  "Thanks alot\n\n# alot\n",
		"main.go":             "// Thanks alot.\n",
		"notes.unknown-ext":   "alot\n",
		"doc.TEX":             "Thanks alot.\n",
		"disabled.tex":        "% liaison-disable-next-line alot\nThanks alot.\n",
		"disabled/index.html": "<!-- liaison-disable alot -->\n<p>Thanks alot.</p>\n",
	})
	out, errOut, code := check(t, "", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errOut)
	}
	count := func(name string) int { return strings.Count(out, filepath.Join(dir, name)+":") }
	for name, want := range map[string]int{
		"paper.tex": 1, "page.html": 1, "msg/COMMIT_EDITMSG": 1, "doc.TEX": 1,
		"main.go": 0, "notes.unknown-ext": 0, "disabled.tex": 0, "disabled/index.html": 0,
	} {
		if got := count(filepath.FromSlash(name)); got != want {
			t.Errorf("%s: %d findings, want %d\n%s", name, got, want, out)
		}
	}

	// A source file named on the command line is read (its comments).
	out, _, code = check(t, "", filepath.Join(dir, "main.go"))
	if code != 1 || !strings.Contains(out, "main.go:1:11:") {
		t.Errorf("main.go named: exit %d\n%s", code, out)
	}
	// --language takes any format's id or alias; an unknown one is an error
	// that lists them.
	out, _, code = check(t, "Thanks alot.\n\n\\begin{verbatim}\nalot\n\\end{verbatim}\n", "--language", "tex", "-")
	if code != 1 || strings.Count(out, "<stdin>:") != 1 {
		t.Errorf("--language tex: exit %d\n%s", code, out)
	}
	_, errOut, code = check(t, "", "--language", "klingon", "-")
	if code != 2 || !strings.Contains(errOut, "latex") || !strings.Contains(errOut, "git-commit") {
		t.Errorf("--language klingon: exit %d, stderr %q", code, errOut)
	}
}
