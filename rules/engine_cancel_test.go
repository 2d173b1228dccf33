package rules

import (
	"context"
	"sync/atomic"
	"testing"

	"liaison/analysis"
)

// countdownCtx is a context whose Err turns to Canceled on its n-th call:
// it counts the engine's looks at its context, so the test sees how much
// work follows a cancellation without timing anything.
type countdownCtx struct {
	context.Context
	left  atomic.Int64
	calls atomic.Int64
}

func newCountdown(n int64) *countdownCtx {
	c := &countdownCtx{Context: context.Background()}
	c.left.Store(n)
	return c
}

func (c *countdownCtx) Err() error {
	c.calls.Add(1)
	if c.left.Add(-1) <= 0 {
		return context.Canceled
	}
	return nil
}

// TestCheckStopsWhenCancelled checks that a cancelled Check stops within a
// sentence (or within cancelCheckTokens tokens of a very long one) rather
// than finishing the block, and caches nothing partial: the superseded
// lint of a one-line document of megabytes must not keep a core busy.
func TestCheckStopsWhenCancelled(t *testing.T) {
	e := defaultEngine(t)
	bad := handBlock(t, "We/PRP should/MD liaison/VB with/IN the/DT team/NN ./.").Sentences[0]
	many := &analysis.BlockAnalysis{}
	long := &analysis.BlockAnalysis{Sentences: []analysis.Sentence{{}}}
	for i := range 2000 {
		var s analysis.Sentence
		for _, tok := range bad.Tokens {
			tok.Start += i * 100 // distinct offsets: one finding per repetition
			tok.End += i * 100
			s.Tokens = append(s.Tokens, tok)
		}
		many.Sentences = append(many.Sentences, s)
		long.Sentences[0].Tokens = append(long.Sentences[0].Tokens, s.Tokens...)
	}
	for _, tc := range []struct {
		name  string
		block *analysis.BlockAnalysis
	}{{"many sentences", many}, {"one long sentence", long}} {
		t.Run(tc.name, func(t *testing.T) {
			res := &analysis.Result{Blocks: []analysis.Block{{BlockAnalysis: tc.block}}}
			ctx := newCountdown(3)
			if got := e.Check(ctx, res, Settings{}); got != nil {
				t.Errorf("cancelled Check returned %d findings, want nil", len(got))
			}
			// Two looks before the cancellation, then at most one more.
			if n := ctx.calls.Load(); n > 4 {
				t.Errorf("the engine looked at its context %d times: it kept working after the cancellation", n)
			}
			if got := e.Check(context.Background(), res, Settings{}); len(got) != 2000 {
				t.Errorf("Check after a cancelled one: %d findings, want 2000 (a partial block was cached?)", len(got))
			}
		})
	}
}
