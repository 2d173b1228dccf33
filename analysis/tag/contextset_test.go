package tag

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/tag/internal/model"
)

// TestContextModelFastPath gives the embedded model the context feature
// set and weights for the keys that set adds (the form as written, the
// neighbours' shapes, the capitals around a word) on EWT test sentences,
// and checks that the fast path, with its per-set neighbour spans and the
// capitals key per token, tags as the reference decoder does.
func TestContextModelFastPath(t *testing.T) {
	m, err := model.Decode(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	model.NewReference(m)                          // fills m.Weights from the flat form
	sentences := slices.Clip(loadEWTTest(t)[:400]) // Clip: the appends must not write into the shared test set
	sentences = append(sentences,
		conllu.Sentence{Words: strings.Fields("The Blorfs of Quizzle Street .")},
		conllu.Sentence{Words: strings.Fields("ZYXQV")},
		conllu.Sentence{Words: strings.Fields("MEETING WITH THE BANK ON MONDAY")})
	added := map[uint32]bool{}
	n := 0
	for _, s := range sentences {
		words := make([]model.Word, len(s.Words))
		for i, w := range s.Words {
			words[i] = model.Describe(w, nil, nil, nil)
		}
		for i := range words {
			plain := model.Keys(model.PlainFeatures, words, i, 0, 0, nil)
			for _, k := range model.Keys(model.ContextFeatures, words, i, 0, 0, nil) {
				if added[k] || slices.Contains(plain, k) {
					continue
				}
				added[k] = true
				n++
				m.Weights[k] = append(m.Weights[k], model.Entry{Label: uint8(n % len(m.Labels)), Weight: (float32(n%7) - 3) * 40})
			}
		}
	}
	m.Features = model.ContextFeatures
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	cm, err := model.Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if cm.Features != model.ContextFeatures {
		t.Fatalf("decoded feature set %d", cm.Features)
	}
	tagger, err := newTagger(cm, defaultLexicon())
	if err != nil {
		t.Fatal(err)
	}
	tagger.noConstraints = true
	ref := model.NewReference(cm)
	plain := Default()
	plain.noConstraints = true
	defer func() { plain.noConstraints = false }()
	var out, before []Tagged
	mismatches, changed := 0, 0
	for _, s := range sentences {
		out = tagger.Tag(s.Words, out)
		before = plain.Tag(s.Words, before)
		for i, l := range ref.Tag(s.Words, tagger.lexicon) {
			if out[i] != tagger.labels[l] {
				mismatches++
				if mismatches < 5 {
					t.Errorf("%q word %d: fast %v/%v, reference %v/%v", s.Words, i, out[i].UPOS, out[i].PTB, tagger.labels[l].UPOS, tagger.labels[l].PTB)
				}
			}
			if out[i] != before[i] {
				changed++
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d mismatches between the fast path and the reference", mismatches)
	}
	// The test means something only if the context weights change tags.
	if changed == 0 {
		t.Error("the context features changed no tag")
	}
	t.Logf("%d keys of the context set given weights; %d tags changed", n, changed)
}
