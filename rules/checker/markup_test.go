package checker

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"liaison/rules"
)

// TestProjectLaTeXMacros: the project's latex section changes how its
// LaTeX documents are read (a text macro's argument is prose, a skipped
// environment is not), through the cache too, and a document outside the
// project keeps the defaults.
func TestProjectLaTeXMacros(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".git", "HEAD"), "")
	write(t, filepath.Join(root, ".liaison.yaml"), "latex:\n  text-macros: [newterm]\n  skip-environments: [snip]\n")
	doc := filepath.Join(root, "a.tex")
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), CacheBytes: 1 << 20, Files: OSFiles{}, Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	lk, err := c.Lookup(ctx, doc)
	if err != nil || lk.Err != nil || lk.Project == nil {
		t.Fatalf("lookup: %v %v", err, lk.Err)
	}
	text := "We had \\newterm{alot of} time.\n\n\\begin{snip}\nThanks alot.\n\\end{snip}\n"
	inMacro, inListing := strings.Index(text, "alot"), strings.LastIndex(text, "alot")
	starts := func(lk *Lookup) []int {
		t.Helper()
		res, err := c.Check(ctx, Document{Key: "a", Path: doc, LanguageID: "latex", Text: text}, lk, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, f := range res.Findings {
			out = append(out, f.Start)
		}
		return out
	}
	for range 2 { // the second time from the cache
		if got, want := starts(lk), []int{inMacro}; !slices.Equal(got, want) {
			t.Errorf("under the project: findings at %v, want %v (the macro's argument only)", got, want)
		}
		if got, want := starts(nil), []int{inListing}; !slices.Equal(got, want) {
			t.Errorf("no project: findings at %v, want %v (the listing only)", got, want)
		}
	}
}
