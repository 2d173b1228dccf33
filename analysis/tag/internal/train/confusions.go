package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/tag/internal/model"
)

// printConfusions writes the most frequent UPOS errors on sentences: gold →
// guess, with counts, and how many of the erring words were unknown to training.
func printConfusions(w io.Writer, m *model.Model, sentences []conllu.Sentence, lex model.Lexicon, top int) {
	ref := model.NewReference(m)
	known := map[string]bool{}
	for _, v := range m.Vocab {
		known[v.Form] = true
	}
	type pair struct{ gold, got string }
	counts, unknown := map[pair]int{}, map[pair]int{}
	errs, unk := 0, 0
	for _, s := range sentences {
		for i, l := range ref.Tag(s.Words, lex) {
			if m.Labels[l].UPOS != s.UPOS[i] {
				p := pair{s.UPOS[i], m.Labels[l].UPOS}
				counts[p]++
				errs++
				if !known[s.Words[i]] {
					unknown[p]++
					unk++
				}
			}
		}
	}
	pairs := make([]pair, 0, len(counts))
	for p := range counts {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(counts[b], counts[a]) })
	fmt.Fprintf(w, "%d UPOS errors, %d on unknown words\n", errs, unk)
	for _, p := range pairs[:min(top, len(pairs))] {
		fmt.Fprintf(w, "  %-6s → %-6s %4d (unknown %d)\n", p.gold, p.got, counts[p], unknown[p])
	}
}
