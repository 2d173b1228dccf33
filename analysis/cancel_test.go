package analysis

import (
	"context"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// countdownCtx is a context whose Err turns to Canceled on its n-th call:
// the test sees how far the analysis goes after a cancellation by its
// looks at the context, without timing anything.
type countdownCtx struct {
	context.Context
	mu          sync.Mutex // the workers share it
	left, calls int
}

func newCountdown(n int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), left: n}
}

func (c *countdownCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.left--; c.left <= 0 {
		return context.Canceled
	}
	return nil
}

// TestAnalyzeStopsWhenCancelled checks that the analysis of a document of
// one long line (one block) stops right after its context is cancelled,
// rather than finishing the block, and caches nothing partial: a lint
// superseded by the next keystroke must free its core at once.
func TestAnalyzeStopsWhenCancelled(t *testing.T) {
	sentence := "We had alot of fun with the committee today. "
	for _, tc := range []struct{ name, src string }{
		{"sentences", strings.Repeat(sentence, 1<<20/len(sentence))},
		{"one sentence", strings.Repeat("we had alot of fun with the committee today and ", 1<<20/48)},
	} {
		for _, lang := range []string{"markdown", "plaintext"} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				a, c := New(), newMapCache()
				for _, after := range []int{1, 3, 50} {
					ctx := newCountdown(after)
					if _, err := a.AnalyzeWith(ctx, c, lang, tc.src); err == nil {
						t.Fatalf("cancelled after %d looks: no error", after)
					}
					if ctx.calls > after+2 {
						t.Errorf("cancelled on look %d, looked %d times: it went on working", after, ctx.calls)
					}
				}
				got := analyzeWith(t, a, c, lang, tc.src)
				if want := analyze(t, New(), lang, tc.src); !reflect.DeepEqual(got, want) {
					t.Error("analysis after cancelled ones differs from a fresh one: a partial result was cached")
				}
			})
		}
	}
}

// TestLongSentenceTaggedInWindows checks that a sentence longer than a
// tagging window gets the tags the tagger gives it whole.
func TestLongSentenceTaggedInWindows(t *testing.T) {
	a := New()
	var words []string
	for len(words) < 3*tagWindow+100 {
		words = append(words, strings.Fields("the agents who liaison with the press sit upstairs and we had alot of fun , then Marketing and sales liaison weekly")...)
	}
	want := a.tagger.Tag(words, nil)
	s := &scratch{words: words}
	if err := a.tagSentence(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if len(s.tagged) != len(want) {
		t.Fatalf("%d tags for %d words", len(s.tagged), len(want))
	}
	diff := 0
	for i := range want {
		if s.tagged[i] != want[i] {
			diff++
		}
	}
	if diff > 0 {
		t.Errorf("%d of %d tags differ from the whole sentence's", diff, len(want))
	}
}

// TestAnalyzeBookCancelledMidway cancels the analysis of many chunks,
// which runs on every core, part of the way through: it must fail, and
// leave the cache fit for a complete analysis.
func TestAnalyzeBookCancelledMidway(t *testing.T) {
	src := book(t)
	a, c := New(), newMapCache()
	ctx := newCountdown(2000)
	if _, err := a.AnalyzeWith(ctx, c, "markdown", src); err == nil {
		t.Fatal("no error from a context cancelled midway")
	}
	if ctx.calls > 2000+2*runtime.GOMAXPROCS(0)+2 {
		t.Errorf("cancelled on look 2000, looked %d times", ctx.calls)
	}
	if !reflect.DeepEqual(analyzeWith(t, a, c, "markdown", src), analyze(t, New(), "markdown", src)) {
		t.Error("analysis after a cancelled one differs from a fresh one")
	}
}
