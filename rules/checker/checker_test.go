package checker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"liaison/rules"
	"liaison/rules/project"
)

// countingFiles is the disk, counting the checker's accesses.
type countingFiles struct {
	OSFiles
	calls, loads atomic.Int64
}

func (f *countingFiles) Find(docPath string, roots []string) (string, string, bool) {
	f.calls.Add(1)
	return f.OSFiles.Find(docPath, roots)
}

func (f *countingFiles) Load(configPath, root string, builtin []*rules.Rule) (*project.Project, error) {
	f.calls.Add(1)
	f.loads.Add(1)
	return f.OSFiles.Load(configPath, root, builtin)
}

func (f *countingFiles) Stamp(path string) string {
	f.calls.Add(1)
	return f.OSFiles.Stamp(path)
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

const customRule = `- id: no-synergy
  category: preferred-form
  severity: warning
  summary: avoid synergy
  message: 'Prefer "{replacement}" to "{match}".'
  explanation: Jargon.
  replace: cooperation
  match: [{word: synergy}]
  examples:
    bad:
      - text: We want synergy here.
        fix: We want cooperation here.
    good:
      - We want cooperation here.
`

func ids(fs []rules.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID+":"+f.Severity.String())
	}
	return strings.Join(out, " ")
}

// TestProjectEngineAndSettings: a project's custom rules run, its settings
// apply under the editor's, the engine is rebuilt only when a file of the
// project changes, and Check reads no file.
func TestProjectEngineAndSettings(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".git", "HEAD"), "")
	write(t, filepath.Join(root, ".liaison.yaml"), "rule-files: [style.yaml]\nrules:\n  alot: warning\n")
	write(t, filepath.Join(root, "style.yaml"), customRule)
	doc := filepath.Join(root, "docs", "a.md")
	files := &countingFiles{}
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), CacheBytes: 1 << 20, Files: files, Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	lk, err := c.Lookup(ctx, doc)
	if err != nil || lk.Err != nil || lk.Project == nil {
		t.Fatalf("lookup: %v %v", err, lk.Err)
	}
	text := "We had alot of synergy.\n\n<!-- liaison-disable-next-line no-such-rule -->\nMore text.\n"
	before := files.calls.Load()
	check := func(lk *Lookup, editor rules.Settings) string {
		t.Helper()
		res, err := c.Check(ctx, Document{Key: "a", Path: doc, LanguageID: "markdown", Text: text}, lk, editor)
		if err != nil {
			t.Fatal(err)
		}
		return ids(res.Findings)
	}
	if got, want := check(lk, rules.Settings{}), "alot:warning no-synergy:warning liaison-directive:warning"; got != want {
		t.Errorf("under the project: %q, want %q", got, want)
	}
	editor := rules.Settings{Rules: map[string]rules.RuleSetting{"alot": {Severity: rules.SeverityHint}, "no-synergy": {Off: true}}}
	if got, want := check(lk, editor), "alot:hint liaison-directive:warning"; got != want {
		t.Errorf("editor settings on top: %q, want %q", got, want)
	}
	if got, want := check(nil, rules.Settings{}), "alot:error liaison-directive:warning"; got != want {
		t.Errorf("no project: %q, want %q", got, want)
	}
	if n := files.calls.Load() - before; n != 0 {
		t.Errorf("Check made %d file-system calls", n)
	}
	// Looked up again with nothing changed: nothing is loaded again.
	again, _ := c.Lookup(ctx, doc)
	if files.loads.Load() != 1 || again.engine != lk.engine {
		t.Errorf("unchanged project: %d loads, engine rebuilt %v", files.loads.Load(), again.engine != lk.engine)
	}
	// A rule file changes: Invalidate, and the next Lookup has a new engine.
	write(t, filepath.Join(root, "style.yaml"), strings.ReplaceAll(customRule, "synergy", "leverage"))
	if !c.Invalidate([]string{filepath.Join(root, "style.yaml")}) {
		t.Error("Invalidate did not name the project of its rule file")
	}
	changed, _ := c.Lookup(ctx, doc)
	if changed.engine == lk.engine || files.loads.Load() != 2 {
		t.Errorf("changed rule file: %d loads, engine rebuilt %v", files.loads.Load(), changed.engine != lk.engine)
	}
	if got, want := check(changed, rules.Settings{}), "alot:warning liaison-directive:warning"; got != want {
		t.Errorf("after the change: %q, want %q", got, want)
	}
	// An invalid configuration: the last valid one stays, the error is
	// reported once.
	write(t, filepath.Join(root, ".liaison.yaml"), "rules: [\n")
	c.Invalidate(nil)
	bad, _ := c.Lookup(ctx, doc)
	if bad.Err == nil || bad.Report == nil || bad.Project != changed.Project {
		t.Errorf("invalid configuration: err %v, report %v, last valid kept %v", bad.Err, bad.Report, bad.Project == changed.Project)
	}
	c.Invalidate(nil)
	if bad2, _ := c.Lookup(ctx, doc); bad2.Report != nil {
		t.Error("the same error reported twice")
	}
}

// TestCacheReusesAndForgets: a re-check of an edited document re-analyses
// only what changed and reuses the findings of the rest; closing it makes
// its entries stale, which the bound then drops.
func TestCacheReusesAndForgets(t *testing.T) {
	src := book(t)[:200_000]
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), CacheBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	first, err := c.Check(ctx, Document{Key: "d", LanguageID: "markdown", Text: src}, nil, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	full, _, blocks := c.CacheStats()
	at := strings.Index(src, "Rust is")
	edited := src[:at] + "X" + src[at:]
	second, err := c.Check(ctx, Document{Key: "d", LanguageID: "markdown", Text: edited}, nil, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for i := range second.Analysis.Blocks {
		if i < len(first.Analysis.Blocks) && second.Analysis.Blocks[i].BlockAnalysis == first.Analysis.Blocks[i].BlockAnalysis {
			shared++
		}
	}
	if shared < len(first.Analysis.Blocks)-3 {
		t.Errorf("%d of %d blocks reused after a one-character edit", shared, len(first.Analysis.Blocks))
	}
	_, _, blocks2 := c.CacheStats()
	if blocks2 > blocks+3 {
		t.Errorf("%d blocks cached after the edit, %d before", blocks2, blocks)
	}
	uncached, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t)})
	if err != nil {
		t.Fatal(err)
	}
	cold, _ := uncached.Check(ctx, Document{LanguageID: "markdown", Text: edited}, nil, rules.Settings{})
	if ids(cold.Findings) != ids(second.Findings) || len(cold.Findings) != len(second.Findings) {
		t.Errorf("cached findings %q differ from a fresh check's %q", ids(second.Findings), ids(cold.Findings))
	}
	// Closed: everything is stale, and more than the stale bound is dropped.
	c.Forget("d")
	if b, _, _ := c.CacheStats(); b > c.cache.staleLimit {
		t.Errorf("after close the cache holds %d bytes, over the stale bound %d (it held %d open)", b, c.cache.staleLimit, full)
	}
}
