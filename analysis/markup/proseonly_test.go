package markup

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProseOnly: the words a fix would rewrite, in documents whose markup
// sits inside or between them.
func TestProseOnly(t *testing.T) {
	tests := []struct {
		name, lang, src string
		word            string // the source range checked: its first occurrence
		want            bool
	}{
		{"plain word", "markdown", "I recieved it.\n", "recieved", true},
		{"inline tag inside the word", "markdown", "I recie<span>ved</span> it.\n", "recie<span>ved</span>", false},
		{"comment inside the word", "markdown", "nip it in the b<!-- c -->utt\n", "b<!-- c -->utt", false},
		{"emphasis around one word of a phrase", "markdown", "nip it in the *butt*\n", "the *butt", false},
		{"emphasis inside, range within it", "markdown", "nip it in the *butt*\n", "butt", true},
		{"entity", "markdown", "AT&amp;T\n", "AT&amp;T", false},
		{"escape", "markdown", "a\\*b\n", "a\\*b", false},
		{"inline code", "markdown", "call `x` now\n", "call `x` now", false},
		{"soft line break LF", "markdown", "in order\nto go\n", "order\nto", true},
		{"soft line break CRLF", "markdown", "in order\r\nto go\r\n", "order\r\nto", true},
		{"hard line break", "markdown", "in order  \nto go\n", "order  \nto", false},
		{"backslash line break", "markdown", "in order\\\nto go\n", "order\\\nto", false},
		{"block quote continuation", "markdown", "> in order\n> to go\n", "order\n> to", false},
		{"link destination", "markdown", "a [b](http://x) c\n", "b](http://x) c", false},
		{"plain text line break", "plaintext", "in order\nto go\n", "order\nto", true},
		{"plain text markup is prose", "plaintext", "b<!-- c -->utt\n", "b<!-- c -->utt", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(tt.src, tt.word)
			if at < 0 {
				t.Fatalf("%q not in the source", tt.word)
			}
			blocks := Extract(tt.lang, tt.src)
			if len(blocks) != 1 {
				t.Fatalf("%d blocks", len(blocks))
			}
			b := blocks[0]
			m := b.Markup(tt.src[b.Start:b.End])
			if got := ProseOnly(m, at-b.Start, at+len(tt.word)-b.Start); got != tt.want {
				t.Errorf("ProseOnly(%q) = %v, want %v (markup %v)", tt.word, got, tt.want, m)
			}
		})
	}
}

// inlineMarkup is put inside and between words of random documents.
var inlineMarkup = []string{
	"<span>", "</span>", "<!-- c -->", "*", "**", "_", "`x`", "&amp;", "\\*", "[", "](u)", "~~", "<br>", "  \n", "\\\n", "\n> ", "\r\n", "\n",
}

// TestMarkupRandom compares Markup and ProseOnly with a byte-by-byte
// reading of the spans, on random documents built from the line shapes of
// TestRandomDocuments with inline markup cut into words: a range is prose
// only when each of its bytes is in a verbatim span, or in an atomic span
// whose source is one line ending.
func TestMarkupRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	words := []string{"nip", "it", "in", "the", "butt", "recieved", "alot"}
	n := *randomDocs / 3
	for i := range n {
		var sb strings.Builder
		for range 1 + rng.IntN(8) {
			if rng.IntN(3) == 0 {
				sb.WriteString(markdownLines[rng.IntN(len(markdownLines))])
			}
			for range 1 + rng.IntN(6) {
				w := words[rng.IntN(len(words))]
				if rng.IntN(3) == 0 {
					cut := rng.IntN(len(w) + 1)
					w = w[:cut] + inlineMarkup[rng.IntN(len(inlineMarkup))] + w[cut:]
				}
				sb.WriteString(w)
				sb.WriteByte(' ')
			}
			sb.WriteString([]string{"\n", "\n\n", "\r\n"}[rng.IntN(3)])
		}
		src := sb.String()
		for _, lang := range []string{"markdown", "plaintext"} {
			for _, b := range Extract(lang, src) {
				source := src[b.Start:b.End]
				prose := make([]bool, len(source))
				for _, sp := range b.Spans {
					if sp.Atomic && !isLineEnding(source, sp.SourceStart, sp.SourceEnd) {
						continue
					}
					for j := sp.SourceStart; j < sp.SourceEnd; j++ {
						prose[j] = true
					}
				}
				m := b.Markup(source)
				for k := 0; k < 40; k++ {
					start := rng.IntN(len(source) + 1)
					end := start + rng.IntN(len(source)-start+1)
					want := true
					for j := start; j < end; j++ {
						want = want && prose[j]
					}
					if end > start && ProseOnly(m, start, end) != want {
						t.Fatalf("document %d (%s) %q, block %q: ProseOnly(%d, %d) = %v, want %v; markup %v",
							i, lang, src, source, start, end, !want, want, m)
					}
				}
			}
		}
	}
}
