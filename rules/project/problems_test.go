package project

import (
	"path/filepath"
	"strings"
	"testing"

	"liaison/rules"
)

// badRule is a rule named id with body after its required fields: its
// body starts on line 7.
func badRule(id, body string) string {
	return "- id: " + id + "\n  category: grammar\n  severity: warning\n  summary: s\n  message: m\n  explanation: e\n" + body
}

// TestLoadRuleProblems checks that a rule file's bad rule is a problem of
// the project, at the rule file's line and column, and not an error: the
// file's other rules and the other rule files still load.
func TestLoadRuleProblems(t *testing.T) {
	long := strings.Repeat("a", rules.MaxRegexpBytes+1)
	for _, tt := range []struct {
		name, bad, want string
	}{
		{"undefined set", badRule("bad", "  match: [{word: $no-such-set}]\n"), `:7:18: undefined set "no-such-set"`},
		{"cyclic set", "- set: a\n  words: [$a]\n", `:2:11: set "a" is cyclic: a → a`},
		{"back-reference past the end", badRule("bad", "  match: [foo, {same-form: 3}]\n"), `:7:28: back-reference to element 3, past the pattern's end`},
		{"regexp over the limit", badRule("bad", "  match: [{word: foo, regexp: \""+long+"\"}]\n"), `:7:31: regexp is 257 bytes long`},
		{"unknown feature", badRule("bad", "  match: [{word: foo, tense: past}]\n"), `:7:23: unknown field "tense"`},
		{"unknown form", badRule("bad", "  replace: [\"{1:pluperfect}\"]\n  match: [foo]\n"), `:7:12: rule bad: replacement: unknown form "pluperfect"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{
				".liaison.yaml": "rule-files: [mixed.yaml, house.yaml]\nrules: {fine: off}\n",
				"mixed.yaml":    tt.bad + badRule("fine", "  match: [foo]\n"),
				"house.yaml":    houseRules,
			})
			p, err := Load(filepath.Join(dir, FileName), dir, builtin(t))
			if err != nil {
				t.Fatalf("a bad rule made the configuration invalid: %v", err)
			}
			var ids []string
			for _, r := range p.Custom {
				ids = append(ids, r.ID)
			}
			if got := strings.Join(ids, " "); got != "fine utilise" {
				t.Errorf("custom rules %q, want the good ones: fine utilise", got)
			}
			want, found := filepath.Join(dir, "mixed.yaml")+tt.want, false
			for _, e := range p.Problems {
				found = found || strings.HasPrefix(e.Error(), want)
				if e.File != filepath.Join(dir, "mixed.yaml") || e.Line == 0 || e.Column == 0 {
					t.Errorf("problem without its rule file's position: %#v", e)
				}
			}
			if !found {
				t.Errorf("problems %q, want one starting %q", p.Problems, want)
			}
			if ref := p.RuleFileRef(filepath.Join(dir, "mixed.yaml")); ref.Value != "mixed.yaml" || ref.Line != 1 {
				t.Errorf("RuleFileRef = %#v", ref)
			}
		})
	}
}

// TestParseRuleFileKeepsGoodRules checks that ParseRuleFile returns a
// file's good rules beside the errors of its bad ones.
func TestParseRuleFileKeepsGoodRules(t *testing.T) {
	rs, err := ParseRuleFile("user.yaml", []byte(badRule("bad", "  match: [{word: $nope}]\n")+houseRules))
	if err == nil || !strings.Contains(err.Error(), `user.yaml:7:18: undefined set "nope"`) {
		t.Errorf("error %v", err)
	}
	if len(rs) != 1 || rs[0].ID != "utilise" {
		t.Errorf("rules %v, want utilise", rs)
	}
	for _, e := range Errors("user.yaml", err) {
		if e.File != "user.yaml" || e.Line != 7 || e.Column == 0 {
			t.Errorf("error without its position: %#v", e)
		}
	}
}
