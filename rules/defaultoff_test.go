package rules

import (
	"context"
	"sync"
	"testing"

	"liaison/analysis"
)

// countingCache is a BlockCache that remembers what it was given.
type countingCache struct {
	mu    sync.Mutex
	kept  map[*analysis.BlockAnalysis][]Finding
	reads int
}

func (c *countingCache) Findings(b *analysis.BlockAnalysis) ([]Finding, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads++
	fs, ok := c.kept[b]
	return fs, ok
}

func (c *countingCache) Keep(b *analysis.BlockAnalysis, fs []Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.kept[b] = fs
}

// TestDefaultOffRulesDoNotRun checks that a rule of a category that is off
// by default (style) does not run unless the settings turn it on: the
// findings a default check caches hold none of it; and that a check that
// turns it on neither reads those cached findings nor adds to them, so its
// findings are complete.
func TestDefaultOffRulesDoNotRun(t *testing.T) {
	rs, err := Parse("off.yaml", []byte(`
- id: quick-style
  category: style
  severity: hint
  summary: s
  message: m
  explanation: e
  match: [{word: quick}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
- id: fox-redundancy
  category: redundancy
  severity: hint
  summary: s
  message: m
  explanation: e
  match: [{word: fox}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.New().Analyze(context.Background(), "plaintext", "The quick fox ran.")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(fs []Finding) (out []string) {
		for _, f := range fs {
			out = append(out, f.Rule.ID)
		}
		return out
	}
	cache := &countingCache{kept: map[*analysis.BlockAnalysis][]Finding{}}
	if got := ids(e.CheckWith(context.Background(), res, Settings{}, cache)); len(got) != 1 || got[0] != "fox-redundancy" {
		t.Fatalf("default settings: findings %v, want [fox-redundancy]", got)
	}
	for _, fs := range cache.kept {
		for _, f := range fs {
			if f.Rule.ID == "quick-style" {
				t.Errorf("the style rule ran with default settings: its finding was cached")
			}
		}
	}
	reads := cache.reads
	for name, s := range map[string]Settings{
		"category": {Categories: map[string]bool{"style": true}},
		"rule":     {Rules: map[string]RuleSetting{"quick-style": {}}},
	} {
		got := ids(e.CheckWith(context.Background(), res, s, cache))
		if len(got) != 2 {
			t.Errorf("style turned on by %s: findings %v, want both rules'", name, got)
		}
		if cache.reads != reads {
			t.Errorf("style turned on by %s: the check read the cache of the default rules", name)
		}
	}
	// Turning a default-off rule off again changes nothing.
	if got := ids(e.CheckWith(context.Background(), res, Settings{Rules: map[string]RuleSetting{"quick-style": {Off: true}}}, cache)); len(got) != 1 {
		t.Errorf("style rule turned off: findings %v", got)
	}
}
