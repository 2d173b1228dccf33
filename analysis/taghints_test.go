package analysis

import (
	"context"
	"strings"
	"testing"
)

// TestTagHints: the sentences of replaced chunks give their tags to a
// sentence of the same words, and only to one: other words, another
// count, or the same bytes cut into other words miss.
func TestTagHints(t *testing.T) {
	a := New()
	src := "The committee met on Monday. They will liaise with the vendor.\n\nAnother paragraph here.\n"
	res, err := a.Analyze(context.Background(), "markdown", src)
	if err != nil {
		t.Fatal(err)
	}
	h := hintsFrom([][]Block{res.Blocks})
	sen := res.Blocks[0].Sentences[1]
	var words []string
	for _, tok := range sen.Tokens {
		words = append(words, tok.Text)
	}
	tags, ok := h.lookup(words)
	if !ok || len(tags) != len(words) {
		t.Fatalf("no hint for %q", words)
	}
	for i, tok := range sen.Tokens {
		if tags[i].UPOS != tok.UPOS || tags[i].PTB != tok.PTB {
			t.Errorf("%q: hint %v/%v, tagged %v/%v", tok.Text, tags[i].UPOS, tags[i].PTB, tok.UPOS, tok.PTB)
		}
	}
	for _, miss := range [][]string{
		append(append([]string{}, words[:len(words)-1]...), "!"),
		words[:len(words)-1],
		{strings.Join(words[:2], ""), strings.Join(words[2:], "")},
	} {
		if _, ok := h.lookup(miss); ok {
			t.Errorf("hint for %q", miss)
		}
	}
	if _, ok := tagHints(nil).lookup(words); ok {
		t.Error("nil hints found a sentence")
	}
}
