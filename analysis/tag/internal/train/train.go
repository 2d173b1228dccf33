package main

import (
	"cmp"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"

	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/tag/internal/model"
)

type config struct {
	epochs  int
	seed    uint64
	lexicon model.Lexicon
	prune   float64 // averaged weights smaller than this are dropped
	// openNouns keeps common nouns out of the fixed forms (see convertible)
	openNouns bool
	// conversions, when non-nil, adds training sentences in which nouns
	// the lexicon knows only as nouns fill verb slots (see augment).
	conversions *converter
	// clusters are the word clusters whose prefixes are features (nil: none).
	clusters []model.ClusterEntry
	// features is the set of feature templates.
	features model.FeatureSet
}

const (
	folds        = 10
	minSeenCount = 3    // words seen this often get the training-tags feature
	fixedMinimum = 10   // frequent forms ...
	fixedShare   = 0.99 // ... with one label this often are tagged without scoring
	// (unless the lexicon offers another reading: see otherReading)
)

type example struct {
	words  []model.Word
	labels []int
}

// learn trains an averaged perceptron on the examples use, shuffled each
// epoch, and returns its pruned averaged weights.
func learn(examples []example, use []int, classes int, cfg config, seed uint64) map[uint32][]model.Entry {
	p := newPerceptron(classes)
	rng := rand.New(rand.NewPCG(seed, 0x6c696169736f6e))
	order := slices.Clone(use)
	var keys []uint32
	scores := make([]float32, classes)
	for epoch := 0; epoch < cfg.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			ex := &examples[si]
			prev, prev2 := classes, classes
			for i := range ex.words {
				keys = model.Keys(cfg.features, ex.words, i, prev, prev2, keys[:0])
				guess := p.predict(keys, scores)
				truth := ex.labels[i]
				p.tick()
				if guess != truth {
					p.update(keys, truth, guess)
				} else {
					correct++
				}
				total++
				prev2, prev = prev, guess
			}
		}
		fmt.Printf("epoch %d: %.2f%% on training\n", epoch+1, 100*float64(correct)/float64(total))
	}
	return p.averaged(cfg.prune)
}

func train(sentences []conllu.Sentence, cfg config) (*model.Model, error) {
	labels, labelIndex := collectLabels(sentences)
	if len(labels) > 127 {
		return nil, fmt.Errorf("%d labels, at most 127", len(labels))
	}
	m := &model.Model{Labels: labels, Clusters: cfg.clusters, Features: cfg.features}
	clusterOf := m.ClusterFunc()

	// Out-of-fold training-tag sets: each training sentence sees the label
	// sets counted on the other nine folds, as unseen text will at run time.
	type occurrence struct{ fold, label uint8 }
	occurrences := map[uint64][]occurrence{}
	formCounts := map[string][]int{}
	for si, s := range sentences {
		for i, w := range s.Words {
			l := labelIndex[model.Label{UPOS: s.UPOS[i], PTB: s.XPOS[i]}]
			h := model.HashLower(w)
			occurrences[h] = append(occurrences[h], occurrence{uint8(si % folds), uint8(l)})
			c := formCounts[w]
			if c == nil {
				c = make([]int, len(labels))
				formCounts[w] = c
			}
			c[l]++
		}
	}
	seenExcept := func(fold int) func(uint64) (model.Labelset, bool) {
		return func(h uint64) (model.Labelset, bool) {
			var set model.Labelset
			n := 0
			for _, o := range occurrences[h] {
				if int(o.fold) != fold {
					set.Add(int(o.label))
					n++
				}
			}
			return set, n >= minSeenCount
		}
	}
	for h, occ := range occurrences {
		if len(occ) >= minSeenCount {
			var set model.Labelset
			for _, o := range occ {
				set.Add(int(o.label))
			}
			m.Seen = append(m.Seen, model.SeenEntry{Lower: h, Set: set})
		}
	}
	slices.SortFunc(m.Seen, func(a, b model.SeenEntry) int { return cmp.Compare(a.Lower, b.Lower) })

	// Vocabulary: every training form, with its lexicon class and, for
	// frequent unambiguous forms, the label they always get.
	forms := make([]string, 0, len(formCounts))
	for f := range formCounts {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	lexOf := map[string]uint32{}
	for _, f := range forms {
		counts := formCounts[f]
		total, best := 0, 0
		for l, c := range counts {
			total += c
			if c > counts[best] {
				best = l
			}
		}
		var lex uint32
		if cfg.lexicon != nil {
			lex = cfg.lexicon.Classes(f)
		}
		// A fixed form skips the model, and with it the chance to read a
		// conversion the training data lacks ("I'll action it"): only
		// forms the lexicon does not offer another open-class reading for.
		fixed := -1
		if total >= fixedMinimum && float64(counts[best]) >= fixedShare*float64(total) && !otherReading(lex, labels[best].UPOS) &&
			!(cfg.openNouns && convertible(lex, labels[best].UPOS)) {
			fixed = best
		}
		lexOf[f] = lex
		m.Vocab = append(m.Vocab, model.VocabEntry{Form: f, Lex: lex, Fixed: fixed})
	}

	// The sentences the model learns from: EWT's, and the conversions made
	// from them. A made sentence keeps the fold of the one it came from.
	all, fold, verbed := sentences, make([]int, len(sentences)), make([]int, len(sentences))
	for si := range fold {
		fold[si], verbed[si] = si%folds, -1
	}
	if cfg.conversions != nil {
		made, from, at := cfg.conversions.augment(sentences, cfg.seed)
		all = append(slices.Clip(all), made...)
		for k, si := range from {
			fold, verbed = append(fold, si%folds), append(verbed, at[k])
		}
		fmt.Printf("%d sentences with a noun made a verb or swapped for another noun\n", len(made))
	}
	examples := make([]example, len(all))
	for si, s := range all {
		seen := seenExcept(fold[si])
		ex := example{words: make([]model.Word, len(s.Words)), labels: make([]int, len(s.Words))}
		for i, w := range s.Words {
			ex.words[i] = model.Describe(w, nil, seen, clusterOf)
			lex, ok := lexOf[w]
			if !ok && cfg.lexicon != nil {
				lex = cfg.lexicon.Classes(w)
			}
			ex.words[i].Lex = lex
			if i == verbed[si] && !cfg.conversions.keepSeen {
				// The noun put in keeps no training tags: a noun-only
				// set in a verb slot would teach that such sets mean
				// verbs; in a noun slot, it balances the verb slots.
				ex.words[i].HasSeen = false
			}
			ex.labels[i] = labelIndex[model.Label{UPOS: s.UPOS[i], PTB: s.XPOS[i]}]
		}
		examples[si] = ex
	}

	every := make([]int, len(examples))
	for si := range every {
		every[si] = si
	}
	m.Weights = learn(examples, every, len(labels), cfg, cfg.seed)
	return m, nil
}

func collectLabels(sentences []conllu.Sentence) ([]model.Label, map[model.Label]int) {
	counts := map[model.Label]int{}
	for _, s := range sentences {
		for i := range s.Words {
			counts[model.Label{UPOS: s.UPOS[i], PTB: s.XPOS[i]}]++
		}
	}
	labels := make([]model.Label, 0, len(counts))
	for l := range counts {
		labels = append(labels, l)
	}
	slices.SortFunc(labels, func(a, b model.Label) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.UPOS, b.UPOS), cmp.Compare(a.PTB, b.PTB))
	})
	index := make(map[model.Label]int, len(labels))
	for i, l := range labels {
		index[l] = i
	}
	return labels, index
}

// perceptron is a multiclass averaged perceptron over hashed features with
// dense per-feature rows, allocated on a feature's first update.
type perceptron struct {
	classes int
	rows    map[uint32]int32
	weights []float32
	totals  []float64
	stamps  []int32
	now     int32
}

func newPerceptron(classes int) *perceptron {
	return &perceptron{classes: classes, rows: map[uint32]int32{}}
}

func (p *perceptron) tick() { p.now++ }

func (p *perceptron) predict(keys []uint32, scores []float32) int {
	clear(scores)
	for _, k := range keys {
		if r, ok := p.rows[k]; ok {
			row := p.weights[int(r)*p.classes : int(r+1)*p.classes]
			for j, w := range row {
				scores[j] += w
			}
		}
	}
	return model.Argmax(scores)
}

func (p *perceptron) update(keys []uint32, truth, guess int) {
	for _, k := range keys {
		r, ok := p.rows[k]
		if !ok {
			r = int32(len(p.rows))
			p.rows[k] = r
			p.weights = append(p.weights, make([]float32, p.classes)...)
			p.totals = append(p.totals, make([]float64, p.classes)...)
			p.stamps = append(p.stamps, make([]int32, p.classes)...)
		}
		base := int(r) * p.classes
		p.bump(base+truth, 1)
		p.bump(base+guess, -1)
	}
}

func (p *perceptron) bump(i int, v float32) {
	p.totals[i] += float64(p.now-p.stamps[i]) * float64(p.weights[i])
	p.stamps[i] = p.now
	p.weights[i] += v
}

func (p *perceptron) averaged(threshold float64) map[uint32][]model.Entry {
	out := make(map[uint32][]model.Entry, len(p.rows))
	for k, r := range p.rows {
		var entries []model.Entry
		for j := 0; j < p.classes; j++ {
			i := int(r)*p.classes + j
			total := p.totals[i] + float64(p.now-p.stamps[i])*float64(p.weights[i])
			avg := total / float64(p.now)
			if math.Abs(avg) >= threshold {
				entries = append(entries, model.Entry{Label: uint8(j), Weight: float32(avg)})
			}
		}
		if len(entries) > 0 {
			out[k] = entries
		}
	}
	return out
}

func evaluate(m *model.Model, sentences []conllu.Sentence, lex model.Lexicon) (upos, ptb float64) {
	var uposOK, ptbOK, total int
	// Words the training data never showed, split by whether the clusters
	// know them: where the clusters are meant to help.
	var oov, oovOK, oovClustered, oovClusteredOK int
	ref := model.NewReference(m)
	known := make(map[string]bool, len(m.Vocab))
	for _, v := range m.Vocab {
		known[v.Form] = true
	}
	clusterOf := m.ClusterFunc()
	for _, s := range sentences {
		got := ref.Tag(s.Words, lex)
		for i, l := range got {
			ok := m.Labels[l].UPOS == s.UPOS[i]
			if ok {
				uposOK++
			}
			if m.Labels[l].PTB == s.XPOS[i] {
				ptbOK++
			}
			total++
			if !known[s.Words[i]] {
				oov++
				if ok {
					oovOK++
				}
				if clusterOf != nil && clusterOf(model.HashLower(s.Words[i])) != 0 {
					oovClustered++
					if ok {
						oovClusteredOK++
					}
				}
			}
		}
	}
	if *verbose {
		fmt.Fprintf(os.Stderr, "  unseen forms: %d tokens, UPOS %.2f%%; %d with a cluster, UPOS %.2f%%\n",
			oov, 100*float64(oovOK)/float64(max(oov, 1)), oovClustered, 100*float64(oovClusteredOK)/float64(max(oovClustered, 1)))
	}
	return 100 * float64(uposOK) / float64(total), 100 * float64(ptbOK) / float64(total)
}

var verbose = flag.Bool("v", false, "print the accuracy on forms unseen in training")
