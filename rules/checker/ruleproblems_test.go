package checker

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"liaison/rules"
)

// badFeatureRule is a rule with a feature that does not exist: line 7,
// column 23 of its file.
const badFeatureRule = `- id: bad-feature
  category: grammar
  severity: warning
  summary: s
  message: m
  explanation: e
  match: [{word: foo, tense: past}]
`

// TestBadRuleBesideGoodOnes: a rule file with a bad rule leaves the
// project valid, its good rule in force, its problems reported once and
// shown on the rule file (and on the configuration's rule_files entry)
// when they are checked as documents.
func TestBadRuleBesideGoodOnes(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".git", "HEAD"), "")
	config := filepath.Join(root, ".liaison.yaml")
	write(t, config, "rule-files: [style.yaml]\n")
	style := filepath.Join(root, "style.yaml")
	ruleText := badFeatureRule + customRule
	write(t, style, ruleText)
	doc := filepath.Join(root, "a.md")
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), Files: OSFiles{}, Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	lk, err := c.Lookup(ctx, doc)
	if err != nil || lk.Err != nil || lk.Report != nil || lk.Project == nil {
		t.Fatalf("lookup: %v, err %v, report %v: the project should be valid", err, lk.Err, lk.Report)
	}
	if len(lk.Problems) == 0 || !strings.HasPrefix(lk.Problems[0].Error(), style+`:7:23: unknown field "tense"`) {
		t.Errorf("problems %v, want the unknown feature at style.yaml:7:23", lk.Problems)
	}
	res, err := c.Check(ctx, Document{Path: doc, LanguageID: "markdown", Text: "We want synergy here.\n"}, lk, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res.Findings); got != "no-synergy:warning" {
		t.Errorf("findings %q, want the good custom rule's", got)
	}
	c.Invalidate(nil)
	if again, _ := c.Lookup(ctx, doc); again.Problems != nil || again.Project == nil {
		t.Errorf("the same problems reported twice: %v", again.Problems)
	}

	// The rule file open in an editor: its problems on it, where they are.
	slk, err := c.Lookup(ctx, style)
	if err != nil {
		t.Fatal(err)
	}
	res, err = c.Check(ctx, Document{Path: style, LanguageID: "yaml", Text: ruleText}, slk, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("no findings on the rule file")
	}
	found := false
	for _, f := range res.Findings {
		if f.Rule.ID != ConfigRuleID {
			t.Errorf("finding of rule %s on the rule file", f.Rule.ID)
		}
		if strings.HasPrefix(ruleText[f.Start:], "tense: past}]\n") && strings.Contains(f.Message, `unknown field "tense"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding at the unknown feature: %+v", res.Findings)
	}

	// The configuration open: the problem on its rule_files entry.
	configText := "rule-files: [style.yaml]\n"
	res, err = c.Check(ctx, Document{Path: config, LanguageID: "yaml", Text: configText}, slk, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 || configText[res.Findings[0].Start:res.Findings[0].End] != "style.yaml]" ||
		!strings.Contains(res.Findings[0].Message, "style.yaml:7:23: unknown field") {
		t.Errorf("findings on the configuration: %+v", res.Findings)
	}
}
