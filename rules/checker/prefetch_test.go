package checker

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"liaison/rules"
)

// TestPrefetchInPlace: a document with findings in many paragraphs,
// edited at random places (paragraphs typed into, added, removed, split
// and joined, so the block count grows and shrinks and the blocks after
// the edit move), has at each revision the findings of a fresh check:
// the per-block findings prefetch updates in place stay with their
// blocks.
func TestPrefetchInPlace(t *testing.T) {
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), CacheBytes: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	uncached, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	paras := []string{"We will liaison with them.", "Plain prose, nothing to say.", "They had alot of fun.", "A list:\n\n- one\n- two", "```\ncode here\n```"}
	var sb strings.Builder
	for i := range 120 {
		sb.WriteString(paras[i%len(paras)])
		sb.WriteString("\n\n")
	}
	src := sb.String()
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	for i := range 60 {
		at := strings.LastIndex(src[:max(2, rng.IntN(len(src)))], "\n\n") + 2 // a paragraph's start
		switch i % 4 {
		case 0: // a paragraph added
			src = src[:at] + paras[rng.IntN(len(paras))] + "\n\n" + src[at:]
		case 1: // a paragraph removed
			if end := strings.Index(src[at:], "\n\n"); end >= 0 {
				src = src[:at] + src[at+end+2:]
			}
		case 2: // two joined
			if end := strings.Index(src[at:], "\n\n"); end >= 0 && at+end+2 < len(src) {
				src = src[:at+end] + " " + src[at+end+2:]
			}
		case 3: // a word typed
			src = src[:at] + "Indeed " + src[at:]
		}
		got, err := c.Check(ctx, Document{Key: "doc", LanguageID: "markdown", Text: src}, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := uncached.Check(ctx, Document{LanguageID: "markdown", Text: src}, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Fatalf("revision %d: findings %s, a fresh check's %s", i, ids(got.Findings), ids(want.Findings))
		}
		found += len(got.Findings)
	}
	if found < 60*15 {
		t.Errorf("%d findings over 60 revisions: the test does not test much", found)
	}
}
