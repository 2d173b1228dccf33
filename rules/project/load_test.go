package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liaison/rules"
)

// writeTree creates files (slash path → content) under a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const houseRules = `- id: utilise
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
      - Utility bills.
`

func builtin(t *testing.T) []*rules.Rule {
	t.Helper()
	rs, err := rules.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestFind(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"ws/.liaison.yaml":          "",
		"ws/docs/deep/a.md":         "",
		"ws/sub/.liaison.yaml":      "",
		"ws/sub/b.md":               "",
		"repo/.git/HEAD":            "",
		"repo/.liaison.yaml":        "",
		"repo/x/y/c.md":             "",
		"loose/.liaison.yaml":       "",
		"loose/inner/d.md":          "",
		"ws2/.liaison.yaml":         "",
		"ws2/folder/e.md":           "",
		"ws3/nested-repo/.git/HEAD": "",
		"ws3/.liaison.yaml":         "",
		"ws3/nested-repo/f.md":      "",
	})
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	roots := []string{j("ws"), j("ws2/folder"), j("ws3")}
	tests := []struct {
		doc, config, root string
	}{
		{"ws/docs/deep/a.md", "ws/.liaison.yaml", "ws"},
		{"ws/sub/b.md", "ws/sub/.liaison.yaml", "ws"},
		{"repo/x/y/c.md", "repo/.liaison.yaml", "repo"}, // not in a workspace: up to the repository root
		{"loose/inner/d.md", "", "loose/inner"},         // neither: its own directory only
		{"ws2/folder/e.md", "", "ws2/folder"},           // the workspace folder bounds the search
		{"ws3/nested-repo/f.md", "", "ws3/nested-repo"}, // so does a repository inside it
	}
	for _, tt := range tests {
		config, root, found := Find(j(tt.doc), roots)
		if found != (tt.config != "") || (found && config != j(tt.config)) {
			t.Errorf("Find(%s) = %q, %v; want %q", tt.doc, config, found, tt.config)
		}
		if root != j(tt.root) {
			t.Errorf("Find(%s) root = %q, want %q", tt.doc, root, j(tt.root))
		}
	}
}

func TestLoad(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".liaison.yaml":     "rule-files: [styles/house.yaml]\nrules: {utilise: warning, alot: off}\n",
		"styles/house.yaml": houseRules,
	})
	p, err := Load(filepath.Join(dir, FileName), dir, builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Custom) != 1 || p.Custom[0].ID != "utilise" {
		t.Fatalf("custom rules = %v", p.Custom)
	}
	if len(p.Files) != 2 {
		t.Errorf("files = %q", p.Files)
	}
	if s := p.SettingsFor("a.md"); s.Rules["utilise"].Severity != rules.SeverityWarning || !s.Rules["alot"].Off {
		t.Errorf("settings = %v", s)
	}
}

func TestLoadErrors(t *testing.T) {
	outside := writeTree(t, map[string]string{"evil.yaml": houseRules})
	tests := []struct {
		name  string
		files map[string]string
		link  [2]string // symlink: name → target
		want  []string
	}{
		{"unknown rule id", map[string]string{".liaison.yaml": "rules:\n  no-such-rule: off\n"},
			[2]string{}, []string{`:2:3: unknown rule id "no-such-rule"`}},
		{"unknown category", map[string]string{".liaison.yaml": "categories:\n  flair: off\n"},
			[2]string{}, []string{`:2:3: unknown category "flair"`}},
		{"missing rule file", map[string]string{".liaison.yaml": "rule-files:\n  - nope.yaml\n"},
			[2]string{}, []string{`:2:5: rule file "nope.yaml": `}},
		{"escaping rule file", map[string]string{".liaison.yaml": "rule-files: [../../../../../../etc/passwd.yaml]\n"},
			[2]string{}, []string{`:1:14: rule file "../../../../../../etc/passwd.yaml"`}},
		{"absolute rule file", map[string]string{".liaison.yaml": "rule-files: [/etc/x.yaml]\n"},
			[2]string{}, []string{`must be a path relative to the configuration`}},
		{"not yaml", map[string]string{".liaison.yaml": "rule-files: [notes.txt]\n", "notes.txt": "x"},
			[2]string{}, []string{`must be a .yaml or .yml file`}},
		{"symlink out", map[string]string{".liaison.yaml": "rule-files: [link.yaml]\n"},
			[2]string{"link.yaml", filepath.Join(outside, "evil.yaml")}, []string{`is outside the project root`}},
		{"not a rule file", map[string]string{".liaison.yaml": "rule-files: [bad.yaml]\n", "bad.yaml": "id: x\n"},
			[2]string{}, []string{`rule file "bad.yaml" is invalid:`, `bad.yaml:1:1: a rule file is a list of rules`}},
		{"duplicate of a built-in rule", map[string]string{".liaison.yaml": "rule-files: [dup.yaml]\n",
			"dup.yaml": strings.Replace(houseRules, "id: utilise", "id: alot", 1)},
			[2]string{}, []string{`rule "alot"`, `is already defined at`}},
		{"custom rule id used by settings is checked after loading", map[string]string{".liaison.yaml": "rules: {utilise: off}\n"},
			[2]string{}, []string{`unknown rule id "utilise"`}},
		{"deep rule file", map[string]string{".liaison.yaml": "rule-files: [deep.yaml]\n", "deep.yaml": strings.Repeat("[", 50) + strings.Repeat("]", 50)},
			[2]string{}, []string{"nesting deeper than 32 levels refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			if tt.link[0] != "" {
				if err := os.Symlink(tt.link[1], filepath.Join(dir, tt.link[0])); err != nil {
					t.Skip("no symlinks:", err)
				}
			}
			_, err := Load(filepath.Join(dir, FileName), dir, builtin(t))
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			for _, e := range Errors("", err) {
				if e.File != filepath.Join(dir, FileName) || e.Line == 0 || e.Column == 0 {
					t.Errorf("error without a position in the configuration: %#v", e)
				}
			}
		})
	}
}

func TestDisableRule(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"new file", "", "rules:\n  alot: off\n"},
		{"no rules section", "ignore: [vendor]", "ignore: [vendor]\nrules:\n  alot: off\n"},
		{"block rules", "# mine\nrules:\n    liaison-verb: error # loud\nignore: [x]\n",
			"# mine\nrules:\n    alot: off\n    liaison-verb: error # loud\nignore: [x]\n"},
		{"already set", "rules:\n  alot: warning\n", "rules:\n  alot: off\n"},
		{"empty rules", "rules:\nignore: [x]\n", "rules:\n  alot: off\nignore: [x]\n"},
		{"flow rules", "rules: {liaison-verb: error}\n", "rules:\n  liaison-verb: error\n  alot: off\n"},
		{"flow root", "{ignore: [x]}", "ignore: [x]\nrules:\n  alot: off\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := DisableRule(tt.in, "alot")
			if err != nil {
				t.Fatal(err)
			}
			got := e.Apply(tt.in)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			cfg, err := Parse(FileName, []byte(got))
			if err != nil {
				t.Fatalf("result does not parse: %v", err)
			}
			if !cfg.Settings.Rules["alot"].Off {
				t.Errorf("alot is not off in %v", cfg.Settings.Rules)
			}
		})
	}
	if _, err := DisableRule("- a\n", "alot"); err == nil {
		t.Error("a list is not a configuration")
	}
	if _, err := DisableRule("rules: [\n", "alot"); err == nil {
		t.Error("invalid YAML")
	}
}
