package checker

import (
	"context"
	"strings"
	"testing"

	"liaison/analysis"
	"liaison/rules"
)

// TestWordsCommentAcrossRevisions: a liaison-words comment that an edit
// adds, changes or removes counts from that revision on, whether the
// revisions before mentioned the keyword or not (the spelling lookups
// skip the scan for comments when the check knows from the edit that the
// text mentions none).
func TestWordsCommentAcrossRevisions(t *testing.T) {
	c := defaultChecker(t, DefaultCacheBytes)
	ctx := context.Background()
	flagged := func(src string, prev string) bool {
		t.Helper()
		doc := Document{Key: "words-comment.md", LanguageID: "markdown", Text: src}
		if prev != "" {
			p := 0
			for p < len(prev) && p < len(src) && prev[p] == src[p] {
				p++
			}
			s := 0
			for s < len(prev)-p && s < len(src)-p && prev[len(prev)-1-s] == src[len(src)-1-s] {
				s++
			}
			doc.Edit = &analysis.Edit{Base: prev, Start: p, BaseEnd: len(prev) - s, End: len(src) - s}
		}
		res, err := c.Check(ctx, doc, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Rule != nil && f.Rule.ID == rules.SpellingRuleID && src[f.Start:f.End] == "zandrik" {
				return true
			}
		}
		return false
	}
	body := strings.Repeat("A paragraph of plain prose goes here.\n\n", 40) + "We ship zandrik every week.\n"
	steps := []struct {
		name string
		src  string
		want bool
	}{
		{"no comment", body, true},
		{"comment added", "<!-- liaison-words: zandrik -->\n" + body, false},
		{"word in the comment changed", "<!-- liaison-words: zandrak -->\n" + body, true},
		{"word changed back", "<!-- liaison-words: zandrik -->\n" + body, false},
		{"comment removed", body, true},
		{"an edit far from any comment", strings.Replace(body, "plain", "plainer", 1), true},
	}
	prev := ""
	for _, s := range steps {
		if got := flagged(s.src, prev); got != s.want {
			t.Errorf("%s: zandrik flagged %v, want %v", s.name, got, s.want)
		}
		prev = s.src
	}
}
