package checker

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"liaison/analysis/text"
	"liaison/rules"
)

// TestRevisionsEqualFresh: a document edited revision by revision under
// one key (the cache then analyses around each edit and asks only the
// edit whether it made a directive) has, at each revision, the findings
// of a fresh check of the same text. The edits add findings, add a
// directive that silences one and an unknown-id directive, and remove
// them again.
func TestRevisionsEqualFresh(t *testing.T) {
	src := book(t)[:300_000]
	c, fresh := cachedAndFresh(t)
	ctx := context.Background()
	var silenced, unknown bool
	for i, edit := range directiveEdits(src) {
		src = edit(src)
		got := checkAsFresh(ctx, t, c, fresh, i, src)
		hasLiaison := strings.Contains(ids(got), "liaison")
		silenced = silenced || (strings.Contains(src, "liaison-disable-next-line -->\nWe will liaison") && !hasLiaison)
		for _, f := range got {
			unknown = unknown || strings.Contains(f.Message, "no-such-rule")
		}
	}
	if !unknown {
		t.Error("no revision reported the directive's unknown rule id: the test does not test it")
	}
	if !silenced {
		t.Error("no revision had its finding silenced by a directive: the test does not test it")
	}
}

// TestSourceRevisionsEqualFresh is TestRevisionsEqualFresh for an
// editor's document: each revision a text.Document made by Apply from the
// one before and checked through Document.Source, its text never given
// as a string. Its findings at each revision are a fresh check's.
func TestSourceRevisionsEqualFresh(t *testing.T) {
	src := book(t)[:300_000]
	c, fresh := cachedAndFresh(t)
	ctx := context.Background()
	doc := text.New(src)
	for i, edit := range directiveEdits(src) {
		prev := src
		src = edit(src)
		p, s := text.CommonEnds(prev, src)
		r := doc.RangeOf(p, len(prev)-s, text.UTF8)
		doc = doc.Apply([]text.Change{{Range: &r, Text: src[p : len(src)-s]}}, text.UTF8)
		got, err := c.Check(ctx, Document{Key: "doc", LanguageID: "markdown", Source: doc}, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Check(ctx, Document{LanguageID: "markdown", Text: src}, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Fatalf("revision %d: findings %s, a fresh check's %s", i, ids(got.Findings), ids(want.Findings))
		}
	}
}

// directiveEdits are the revisions of TestRevisionsEqualFresh, the first
// src itself.
func directiveEdits(src string) []func(string) string {
	at := strings.Index(src, "\n\nRust is") + 2
	para := "We will liaison with them.\n\n"
	return []func(string) string{
		func(s string) string { return s },
		func(s string) string { return s[:at] + para + s[at:] },
		func(s string) string { return s[:at] + "<!-- liaison-disable-next-line -->\n" + s[at:] },
		func(s string) string { return s[:at] + "<!-- liaison-" + s[at:] },
		func(s string) string {
			n := at + len("<!-- liaison-")
			return s[:n] + "disable no-such-rule -->\n\n" + s[n:]
		},
		func(s string) string { return strings.Replace(s, "<!-- liaison-disable no-such-rule -->\n\n", "", 1) },
		func(s string) string { return strings.Replace(s, "<!-- liaison-disable-next-line -->\n", "", 1) },
		func(s string) string { return s[:at] + "X" + s[at:] },
		func(s string) string { return strings.Replace(s, para, "", 1) },
	}
}

// cachedAndFresh returns two checkers over the shared analyzer and the
// default rules: one that keeps revisions of a document under its key, and
// one without a cache, whose findings are a fresh check's.
func cachedAndFresh(t *testing.T) (cached, fresh *Checker) {
	t.Helper()
	cached, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), CacheBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err = New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t)})
	if err != nil {
		t.Fatal(err)
	}
	return cached, fresh
}

// checkAsFresh checks src as revision i of the document "doc" with the
// cached checker and fails the test unless its findings are the fresh
// checker's for the same text; it returns them.
func checkAsFresh(ctx context.Context, t *testing.T, cached, fresh *Checker, i int, src string) []rules.Finding {
	t.Helper()
	got, err := cached.Check(ctx, Document{Key: "doc", LanguageID: "markdown", Text: src}, nil, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := fresh.Check(ctx, Document{LanguageID: "markdown", Text: src}, nil, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Fatalf("revision %d: findings %s, a fresh check's %s", i, ids(got.Findings), ids(want.Findings))
	}
	return got.Findings
}
