package token

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestSentencesContextMatchesSentences checks that tokenizing in pieces,
// cut wherever the tokenizer would look for its next token, gives the
// tokens and sentences of one call, on texts longer than a piece.
func TestSentencesContextMatchesSentences(t *testing.T) {
	for _, text := range []string{
		"",
		"Hello there. General Kenobi!",
		strings.Repeat("We had alot of fun with the committee today. ", 3000),
		strings.Repeat("né€😀 don't \xff e.g. https://example.com/a.b, 3.5 GB… “Quoted!” he said.\u00a0", 900),
		strings.Repeat("x", cancelCheckBytes+5) + " y. " + strings.Repeat("z", 3*cancelCheckBytes),
	} {
		want := Sentences(text)
		var s Segmenter
		got, err := s.SentencesContext(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d bytes: SentencesContext gives %d sentences, Sentences %d", len(text), len(got), len(want))
		}
	}
}

// countdownCtx is a context whose Err turns to Canceled on its n-th call.
type countdownCtx struct {
	context.Context
	left, calls int
}

func (c *countdownCtx) Err() error {
	c.calls++
	if c.left--; c.left <= 0 {
		return context.Canceled
	}
	return nil
}

// TestSentencesContextStops checks that a cancellation stops the
// tokenizer within a piece of a megabyte of prose.
func TestSentencesContextStops(t *testing.T) {
	text := strings.Repeat("We had alot of fun with the committee today. ", 1<<20/45)
	ctx := &countdownCtx{Context: context.Background(), left: 3}
	var s Segmenter
	if _, err := s.SentencesContext(ctx, text); err == nil {
		t.Fatal("no error from a cancelled context")
	}
	if n := len(s.tokens); n > 3*cancelCheckBytes/4 {
		t.Errorf("%d tokens made after two pieces of %d bytes: it went on after the cancellation", n, cancelCheckBytes)
	}
}
