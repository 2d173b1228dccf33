package main

import (
	"fmt"
	"sync"

	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/tag/internal/model"
)

// trainSecond trains the second model (model.SecondKeys): the first
// model's features and the first pass's tags on both sides of the word.
// Its training data must look like unseen text: a first pass trained on a
// sentence tags it almost perfectly, and a second model trained on such
// tags would learn to trust them. So each sentence's first-pass tags come
// from a first model trained without its fold (jackknifing), the folds
// trained two at a time.
func trainSecond(examples []example, sentences []conllu.Sentence, fixedForm map[string]bool, fold []int, classes int, cfg config) map[uint32][]model.Entry {
	k := cfg.secondFolds
	tags := make([][]int, len(examples))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f < k; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			w := learn(examples, func(si int) bool { return fold[si]%k != f }, nil, classes, cfg.epochs, cfg.seed+uint64(f)+1, false).averaged(cfg.prune)
			for si := range examples {
				if fold[si]%k == f {
					tags[si] = tagFirst(w, &examples[si], sentences[si].Words, fixedForm, classes)
				}
			}
		}()
	}
	wg.Wait()
	wrong, total := 0, 0
	for si := range examples {
		for i, l := range tags[si] {
			if l != examples[si].labels[i] {
				wrong++
			}
			total++
		}
	}
	fmt.Printf("second model: the jackknifed first pass is right on %.2f%% of the training tokens\n", 100-100*float64(wrong)/float64(total))
	return learn(examples, nil, tags, classes, cfg.secondEpochs, cfg.seed+100, true).averaged(cfg.secondPrune)
}

// tagFirst tags one example greedily with weights w, as the first pass
// does at run time.
func tagFirst(w map[uint32][]model.Entry, ex *example, forms []string, fixedForm map[string]bool, classes int) []int {
	tags := make([]int, len(ex.words))
	scores := make([]float32, classes)
	var keys []uint32
	prev, prev2 := classes, classes
	caps := model.SentenceCaps(ex.words)
	for i := range ex.words {
		best := ex.labels[i] // a fixed form is not scored at run time: its tag stands
		if !fixedForm[forms[i]] {
			clear(scores)
			keys = model.Keys(ex.words, i, prev, prev2, caps, keys[:0])
			for _, k := range keys {
				for _, e := range w[k] {
					scores[e.Label] += e.Weight
				}
			}
			best = model.Argmax(scores)
		}
		tags[i] = best
		prev2, prev = prev, best
	}
	return tags
}
