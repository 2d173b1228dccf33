package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const customRules = `- id: utilise
  category: preferred-form
  severity: info
  summary: prefer "use"
  message: 'Prefer "{replacement}" to "{match}".'
  explanation: Plain words.
  replace: use
  inflect: verb
  match: [{lemma: [utilise, utilize]}]
  examples:
    bad:
      - text: We utilise the tool.
        fix: We use the tool.
      - text: They utilised it.
        fix: They used it.
    good:
      - We use the tool.
      - Utility bills are due.
`

func TestCheckProjectConfig(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".liaison.yaml": `rules:
  alot: error
  irregardless: off
rule-files: [styles/house.yaml]
overrides:
  - files: [legal/**]
    rules: {alot: off}
ignore: [vendor, "*.draft.md"]
`,
		"styles/house.yaml": customRules,
		"a.md":              "Thanks alot. Irregardless, we utilise it.\n",
		"legal/terms.md":    "Thanks alot.\n",
		"vendor/lib.md":     "Thanks alot.\n",
		"notes.draft.md":    "Thanks alot.\n",
		"sub/b.txt":         "liaison-disable-next-line alot\nThanks alot.\nThanks alot.\n",
		"c.md":              "<!-- liaison-disable alot no-such-rule -->\nThanks alot.\n",
	})
	out, errOut, code := check(t, "", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	want := []string{
		j("a.md") + ":1:8: error: ",    // alot, raised to error
		j("a.md") + ":1:31: info: ",    // utilise, a custom rule
		j("c.md") + ":1:27: warning: ", // the unknown id in the directive
		j("sub/b.txt") + ":3:8: error: ",
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	if !strings.HasSuffix(lines[2], "[liaison-directive]") || !strings.Contains(lines[2], `"no-such-rule"`) {
		t.Errorf("directive finding: %q", lines[2])
	}
}

func TestCheckBadConfig(t *testing.T) {
	tests := []struct {
		name, config string
		files        map[string]string
		want         string // in stderr
	}{
		{"syntax", "rules:\n  alot: off\n bad: [\n", nil, ".liaison.yaml:2:1: "},
		{"unknown rule", "rules:\n  alott: off\n", nil, `.liaison.yaml:2:3: unknown rule id "alott"`},
		{"not a rule file", "rule-files: [r.yaml]\n", map[string]string{"r.yaml": "id: x\n"}, `.liaison.yaml:1:14: rule file "r.yaml" is invalid:`},
		{"escaping rule file", "rule-files: [../r.yaml]\n", nil, `is outside the project root`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"p/.liaison.yaml": tt.config, "p/a.md": "Thanks alot.\n", "other/b.md": "Thanks alot.\n", "r.yaml": customRules}
			for k, v := range tt.files {
				files["p/"+k] = v
			}
			dir := writeTree(t, files)
			out, errOut, code := check(t, "", filepath.Join(dir, "p"), filepath.Join(dir, "other"))
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.want)
			}
			// The files under the bad configuration are not checked; the others are.
			if strings.Contains(out, "a.md") || !strings.Contains(out, "b.md") {
				t.Errorf("output %q", out)
			}
		})
	}
}

// TestCheckBadRuleBesideGoodOnes: a rule file's bad rule is reported on
// stderr at its file, line and column, the documents are checked with the
// other rules (the good custom one among them), and the exit status is 2.
func TestCheckBadRuleBesideGoodOnes(t *testing.T) {
	bad := "- id: bad-feature\n  category: grammar\n  severity: warning\n  summary: s\n  message: m\n  explanation: e\n" +
		"  match: [{word: foo, tense: past}]\n"
	dir := writeTree(t, map[string]string{
		".liaison.yaml":     "rule-files: [styles/house.yaml]\n",
		"styles/house.yaml": bad + customRules,
		"a.md":              "We utilise it.\n",
	})
	out, errOut, code := check(t, "", "--quiet", filepath.Join(dir, "a.md"))
	if code != 2 {
		t.Errorf("exit %d, want 2 (bad input)", code)
	}
	if want := filepath.Join(dir, "styles", "house.yaml") + `:7:23: unknown field "tense"`; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q does not contain %q", errOut, want)
	}
	if n := strings.Count(errOut, "\n"); n != 1 {
		t.Errorf("stderr has %d lines, want the one problem: %q", n, errOut)
	}
	if want := filepath.Join(dir, "a.md") + ":1:4: info: "; !strings.HasPrefix(out, want) || !strings.Contains(out, "[utilise]") {
		t.Errorf("output %q, want the custom rule's finding %q", out, want)
	}
}

// TestCheckFindsConfigAboveFile checks that naming a file, or running in a
// subdirectory of a repository, reads the configuration "check ." reads.
func TestCheckFindsConfigAboveFile(t *testing.T) {
	tests := []struct {
		name, cwd, arg string
		repo           bool
	}{
		{"file below the working directory", ".", "docs/a.md", false},
		{"directory below the working directory", ".", "docs", false},
		{"subdirectory of a repository", "docs", "a.md", true},
		{"file given from a subdirectory of a repository", "docs", "../docs/a.md", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{".liaison.yaml": "rules:\n  alot: info\n", "docs/a.md": "Thanks alot.\n"}
			if tt.repo {
				files[".git/HEAD"] = "ref: refs/heads/main\n"
			}
			dir := writeTree(t, files)
			t.Chdir(filepath.Join(dir, tt.cwd))
			out, errOut, code := check(t, "", tt.arg)
			if code != 1 || !strings.Contains(out, ":1:8: info: ") {
				t.Errorf("exit %d, output %q (stderr %q): want alot lowered to info by the configuration above", code, out, errOut)
			}
		})
	}
}
