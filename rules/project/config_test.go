package project

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"liaison/rules"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, yaml string
		rules      map[string]rules.RuleSetting
		categories map[string]bool
		ruleFiles  []string
		overrides  int
		ignore     []string
	}{
		{name: "empty", yaml: ""},
		{name: "comments only", yaml: "# nothing yet\n"},
		{
			name: "everything",
			yaml: `
rules:
  liaison-verb: error
  alot: off
  irregardless: false
  atm-machine: on
  whose-whos: Hint
categories:
  redundancy: off
  confusable: true
rule-files: [house.yaml, styles/more.yml]
overrides:
  - files: ["legal/**", "*.legal.md"]
    rules: {alot: warning}
ignore:
  - vendor/**
  - CHANGELOG.md
`,
			rules: map[string]rules.RuleSetting{
				"liaison-verb": {Severity: rules.SeverityError}, "alot": {Off: true}, "irregardless": {Off: true},
				"atm-machine": {}, "whose-whos": {Severity: rules.SeverityHint},
			},
			categories: map[string]bool{"redundancy": false, "confusable": true},
			ruleFiles:  []string{"house.yaml", "styles/more.yml"},
			overrides:  1,
			ignore:     []string{"vendor/**", "CHANGELOG.md"},
		},
		{name: "single ignore glob", yaml: "ignore: drafts\n", ignore: []string{"drafts"}},
		{name: "null sections", yaml: "rules:\ncategories:\nignore:\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(FileName, []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg.Settings.Rules, tt.rules) && !(len(cfg.Settings.Rules) == 0 && len(tt.rules) == 0) {
				t.Errorf("rules = %v, want %v", cfg.Settings.Rules, tt.rules)
			}
			if !reflect.DeepEqual(cfg.Settings.Categories, tt.categories) && !(len(cfg.Settings.Categories) == 0 && len(tt.categories) == 0) {
				t.Errorf("categories = %v, want %v", cfg.Settings.Categories, tt.categories)
			}
			var files []string
			for _, r := range cfg.RuleFiles {
				files = append(files, r.Value)
			}
			if !reflect.DeepEqual(files, tt.ruleFiles) {
				t.Errorf("rule files = %q, want %q", files, tt.ruleFiles)
			}
			if len(cfg.Overrides) != tt.overrides {
				t.Errorf("%d overrides, want %d", len(cfg.Overrides), tt.overrides)
			}
			var ignore []string
			for _, g := range cfg.Ignore {
				ignore = append(ignore, g.Pattern)
			}
			if !reflect.DeepEqual(ignore, tt.ignore) {
				t.Errorf("ignore = %q, want %q", ignore, tt.ignore)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // each error, as file:line:column: message (a prefix)
	}{
		{"not a mapping", "- a\n- b\n", []string{".liaison.yaml:1:1: the configuration must be a mapping"}},
		{"unknown field", "rules: {}\nrulez: {}\n", []string{`.liaison.yaml:2:1: unknown field "rulez"`}},
		{"bad severity", "rules:\n  alot: loud\n", []string{`.liaison.yaml:2:9: rule alot: want off, on or a severity`}},
		{"bad category value", "categories:\n  redundancy: maybe\n", []string{`.liaison.yaml:2:15: category redundancy: want off or on`}},
		{"rules not a mapping", "rules: [a, b]\n", []string{".liaison.yaml:1:8: rules must be a mapping"}},
		{"bad glob", "ignore: ['a**b']\n", []string{`.liaison.yaml:1:10: glob "a**b": ** must be a whole path segment`}},
		{"override without files", "overrides:\n  - rules: {alot: off}\n", []string{".liaison.yaml:2:5: an override needs files"}},
		{"rule file not a string", "rule-files:\n  - {a: b}\n", []string{".liaison.yaml:2:5: a rule file must be a string"}},
		{"duplicate key", "rules:\n  alot: off\n  alot: error\n", []string{`.liaison.yaml:3:3: "alot" given twice`}},
		{"several", "rules:\n  alot: loud\nignore: '['\nextra: 1\n", []string{
			".liaison.yaml:2:9: rule alot", ".liaison.yaml:3:9: glob", `.liaison.yaml:4:1: unknown field "extra"`,
		}},
		{"syntax", "rules:\n  alot: off\n bad: [\n", []string{".liaison.yaml:2:1: did not find expected key"}},
		{"tabs", "rules:\n\talot: off\n", []string{".liaison.yaml:2:1: found character that cannot start any token"}},
		{"alias", "a: &x {b: 1}\nrules: *x\n", []string{".liaison.yaml:1:4: YAML anchors and aliases are not allowed"}},
		{"deep", strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", []string{"nesting deeper than 32 levels refused"}},
		{"very deep", "x: " + strings.Repeat("[", 20000) + "\n", []string{".liaison.yaml:1:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(FileName, []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			list := Errors(FileName, err)
			if len(list) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got := list[i].Error(); !strings.Contains(got, w) {
					t.Errorf("error %d = %q, want it to contain %q", i, got, w)
				}
				if list[i].Line == 0 {
					t.Errorf("error %d has no line: %v", i, list[i])
				}
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	data := []byte("ignore:\n" + strings.Repeat("  - a\n", MaxFileBytes/6+1))
	_, err := Parse(FileName, data)
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, "", nil); err == nil || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Fatalf("Load: err = %v, want a refusal", err)
	}
}

func TestMergeAndSettingsFor(t *testing.T) {
	cfg, err := Parse(FileName, []byte(`
rules: {alot: off, liaison-verb: error}
categories: {redundancy: off}
overrides:
  - files: [legal/**]
    rules: {alot: warning}
  - files: ["*.draft.md"]
    rules: {liaison-verb: off}
    categories: {redundancy: on}
ignore: [vendor, "*.generated.md"]
`))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.FromSlash("/proj")
	p := &Project{Dir: dir, Config: cfg}
	tests := []struct {
		path    string
		rules   map[string]rules.RuleSetting
		cats    map[string]bool
		ignored bool
	}{
		{"README.md", map[string]rules.RuleSetting{"alot": {Off: true}, "liaison-verb": {Severity: rules.SeverityError}}, map[string]bool{"redundancy": false}, false},
		{filepath.Join(dir, "legal", "terms.md"), map[string]rules.RuleSetting{"alot": {Severity: rules.SeverityWarning}, "liaison-verb": {Severity: rules.SeverityError}}, map[string]bool{"redundancy": false}, false},
		{"legal/x.draft.md", map[string]rules.RuleSetting{"alot": {Severity: rules.SeverityWarning}, "liaison-verb": {Off: true}}, map[string]bool{"redundancy": true}, false},
		{filepath.Join(dir, "vendor", "lib", "a.md"), nil, nil, true},
		{"docs/x.generated.md", nil, nil, true},
		{filepath.FromSlash("/elsewhere/legal/a.md"), map[string]rules.RuleSetting{"alot": {Off: true}, "liaison-verb": {Severity: rules.SeverityError}}, map[string]bool{"redundancy": false}, false},
	}
	for _, tt := range tests {
		if got := p.Ignored(tt.path); got != tt.ignored {
			t.Errorf("Ignored(%q) = %v", tt.path, got)
		}
		if tt.ignored {
			continue
		}
		s := p.SettingsFor(tt.path)
		if !reflect.DeepEqual(s.Rules, tt.rules) || !reflect.DeepEqual(s.Categories, tt.cats) {
			t.Errorf("SettingsFor(%q) = %v %v, want %v %v", tt.path, s.Rules, s.Categories, tt.rules, tt.cats)
		}
	}
	// Overrides never change the configuration itself.
	if got := cfg.Settings.Rules["alot"]; !got.Off {
		t.Errorf("base settings changed: %v", cfg.Settings.Rules)
	}
	// Editor settings on top.
	top := rules.Settings{Rules: map[string]rules.RuleSetting{"alot": {}}, Categories: map[string]bool{"redundancy": true}}
	m := Merge(p.SettingsFor("README.md"), top)
	if m.Rules["alot"] != (rules.RuleSetting{}) || !m.Categories["redundancy"] || m.Rules["liaison-verb"].Severity != rules.SeverityError {
		t.Errorf("Merge = %v", m)
	}
}
