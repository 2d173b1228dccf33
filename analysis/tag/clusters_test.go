package tag

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/tag/internal/model"
)

// TestClusterModelFastPath gives the embedded model word clusters (every
// vocabulary form, by a hash of its spelling, in one of many 18-bit paths; forms
// outside them have the empty path) and weights for their features, and
// checks that the fast path, which shares a cluster's neighbour scores
// among its words, tags as the reference decoder does.
func TestClusterModelFastPath(t *testing.T) {
	m, err := model.Decode(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	model.NewReference(m) // fills m.Weights from the flat form
	seen := map[uint32]bool{}
	for i, v := range m.Vocab {
		if i%3 == 0 {
			continue // some known forms have no cluster
		}
		k := uint32(model.HashLower(v.Form) >> 32)
		if seen[k] {
			continue
		}
		seen[k] = true
		m.Clusters = append(m.Clusters, model.ClusterEntry{Key: k, Path: 1<<18 | uint32(model.HashLower(v.Form))&0x3ffff})
	}
	slicesSortClusters(m.Clusters)
	paths := map[uint32]bool{1: true}
	for _, c := range m.Clusters {
		paths[c.Path] = true
	}
	n := 0
	added := map[uint32]bool{}
	for p := range paths {
		var keys []uint32
		keys = model.SelfClusterKeys(p, keys)
		keys = model.PrevClusterKeys(p, keys)
		keys = model.NextClusterKeys(p, keys)
		for j, k := range keys {
			if added[k] {
				continue
			}
			added[k] = true
			n++
			m.Weights[k] = append(m.Weights[k], model.Entry{Label: uint8((n + j) % len(m.Labels)), Weight: (float32(n%7) - 3) * 4})
		}
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	cm, err := model.Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(cm.Clusters) != len(m.Clusters) {
		t.Fatalf("%d clusters decoded, %d encoded", len(cm.Clusters), len(m.Clusters))
	}
	tagger, err := newTagger(cm, defaultLexicon())
	if err != nil {
		t.Fatal(err)
	}
	tagger.noConstraints = true
	ref := model.NewReference(cm)
	sentences := slices.Clip(loadEWTTest(t)[:400]) // Clip: the appends must not write into the shared test set
	sentences = append(sentences, conllu.Sentence{Words: strings.Fields("The blorfs quizzled unflarkably .")})
	var out []Tagged
	mismatches, changed := 0, 0
	plain := Default()
	plain.noConstraints = true
	defer func() { plain.noConstraints = false }()
	var before []Tagged
	for _, s := range sentences {
		out = tagger.Tag(s.Words, out)
		before = plain.Tag(s.Words, before)
		for i, l := range ref.Tag(s.Words, tagger.lexicon) {
			if out[i] != tagger.labels[l] {
				mismatches++
			}
			if out[i] != before[i] {
				changed++
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d mismatches between the fast path and the reference", mismatches)
	}
	// The test means something only if the cluster weights change tags.
	if changed == 0 {
		t.Error("the cluster features changed no tag")
	}
	t.Logf("%d tags changed by the cluster features", changed)
}

func slicesSortClusters(c []model.ClusterEntry) {
	slices.SortFunc(c, func(a, b model.ClusterEntry) int { return cmp.Compare(a.Key, b.Key) })
}
