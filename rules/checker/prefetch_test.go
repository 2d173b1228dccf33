package checker

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPrefetchInPlace: a document with findings in many paragraphs,
// edited at random places (paragraphs typed into, added, removed, split
// and joined, so the block count grows and shrinks and the blocks after
// the edit move), has at each revision the findings of a fresh check:
// the per-block findings prefetch updates in place stay with their
// blocks.
func TestPrefetchInPlace(t *testing.T) {
	c, fresh := cachedAndFresh(t)
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
		found += len(checkAsFresh(ctx, t, c, fresh, i, src))
	}
	if found < 60*15 {
		t.Errorf("%d findings over 60 revisions: the test does not test much", found)
	}
}
