package analysis

import (
	"encoding/binary"

	"liaison/analysis/tag"
)

// tagHints are the tags of the sentences of the chunks an edit replaced,
// by their words: a sentence's tags depend on its words alone (the
// tagger's features reach two words either side, within the sentence), so
// an edit inside a long paragraph or list re-tags only the sentences it
// changed. Tagging the edited chunk's every sentence again was 0.75 ms of
// a 3.6 ms keystroke in the Rust Book (BenchmarkDidChangeToDiagnostics,
// random lines), profiled. nil has none.
type tagHints map[string][]tag.Tagged

// maxHintTokens bounds the tokens hintsFrom gathers: an edit that replaced
// more than this (a paste over a chapter) is analysed afresh.
const maxHintTokens = 1 << 16

// hintsFrom gathers the sentences of blocks, the chunks an edit replaced.
func hintsFrom(chunks [][]Block) tagHints {
	n := 0
	for _, bs := range chunks {
		for _, b := range bs {
			if b.BlockAnalysis != nil {
				for _, sen := range b.Sentences {
					n += len(sen.Tokens)
				}
			}
		}
	}
	if n == 0 || n > maxHintTokens {
		return nil
	}
	h := tagHints{}
	var words []string
	for _, bs := range chunks {
		for _, b := range bs {
			if b.BlockAnalysis == nil {
				continue
			}
			for _, sen := range b.Sentences {
				if len(sen.Tokens) == 0 || len(sen.Tokens) > tagWindow {
					continue // a windowed sentence's tags near a cut are not its own
				}
				words = words[:0]
				tags := make([]tag.Tagged, len(sen.Tokens))
				for i, t := range sen.Tokens {
					words = append(words, t.Text)
					tags[i] = tag.Tagged{UPOS: t.UPOS, PTB: t.PTB}
				}
				h[hintKey(words)] = tags
			}
		}
	}
	return h
}

// lookup returns the tags of a sentence of these words, if h has them.
func (h tagHints) lookup(words []string) ([]tag.Tagged, bool) {
	if h == nil || len(words) == 0 || len(words) > tagWindow {
		return nil, false
	}
	tags, ok := h[hintKey(words)]
	return tags, ok && len(tags) == len(words)
}

// hintKey joins a sentence's words, each after its length (so that no two
// lists of words share a key).
func hintKey(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 2
	}
	b := make([]byte, 0, n)
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	return string(b)
}
