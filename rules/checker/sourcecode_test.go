package checker

import (
	"path/filepath"
	"testing"

	"liaison/rules"
	"liaison/rules/project"
)

// TestSourceCodeOn checks that a source-code language is on only when the
// editor (or command line) or the project's source-code list turns it on,
// and that every other format always is.
func TestSourceCodeOn(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, project.FileName)
	p, err := project.LoadData(cfg, dir, []byte("source-code: [golang, py]\n"), []*rules.Rule{{ID: "r"}})
	if err != nil {
		t.Fatal(err)
	}
	withProject := &Lookup{Config: cfg, Root: dir, Project: p}
	noProject := &Lookup{Root: dir}
	for _, tc := range []struct {
		name string
		lang string
		on   []string
		lk   *Lookup
		want bool
	}{
		{"markdown always", "markdown", nil, nil, true},
		{"plain text always", "plaintext", nil, noProject, true},
		{"go off by default", "go", nil, nil, false},
		{"go off without a list", "go", nil, noProject, false},
		{"go on in the editor", "go", []string{"go"}, nil, true},
		{"an alias is not a canonical name", "go", []string{"golang"}, nil, false},
		{"go by alias, on in the editor", "golang", []string{"go"}, nil, true},
		{"rust off though go is on", "rust", []string{"go"}, nil, false},
		{"go on in the project", "go", nil, withProject, true},
		{"python on in the project", "python", nil, withProject, true},
		{"rust off in the project", "rust", nil, withProject, false},
	} {
		if got := SourceCodeOn(tc.lang, tc.on, tc.lk); got != tc.want {
			t.Errorf("%s: SourceCodeOn(%q, %q) = %v, want %v", tc.name, tc.lang, tc.on, got, tc.want)
		}
	}
}
