package tag

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"liaison/analysis/tag/internal/conllu"
	"liaison/analysis/tag/internal/model"
)

const ewtTestPath = "../../testdata/ud-english-ewt/en_ewt-ud-test.conllu"

var ewtTest = sync.OnceValues(func() ([]conllu.Sentence, error) { return conllu.ReadFile(ewtTestPath) })

func loadEWTTest(tb testing.TB) []conllu.Sentence {
	tb.Helper()
	s, err := ewtTest()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestAccuracy(t *testing.T) {
	tagger := Default()
	var uposOK, ptbOK, total int
	var out []Tagged
	for _, s := range loadEWTTest(t) {
		out = tagger.Tag(s.Words, out)
		if len(out) != len(s.Words) {
			t.Fatalf("%d tags for %d words", len(out), len(s.Words))
		}
		for i, got := range out {
			if got.UPOS.String() == s.UPOS[i] {
				uposOK++
			}
			if got.PTB.String() == s.XPOS[i] {
				ptbOK++
			}
			total++
		}
	}
	upos := 100 * float64(uposOK) / float64(total)
	ptb := 100 * float64(ptbOK) / float64(total)
	t.Logf("EWT test, gold tokens: %d tokens, UPOS accuracy %.2f%%, PTB accuracy %.2f%%", total, upos, ptb)
	// Floors under the embedded model's 95.91/95.33 by about the spread
	// of shuffling seeds and conversion shares (seed 3: 95.87/95.31;
	// -convert 0.15: 95.82/95.35): a model that loses more fails.
	if upos < 95.75 {
		t.Errorf("UPOS accuracy %.2f%% < 95.75%%", upos)
	}
	if ptb < 95.2 {
		t.Errorf("PTB accuracy %.2f%% < 95.2%%", ptb)
	}
}

// TestModelSize holds the embedded model to issue 14's budget: at most
// 3 MB compressed (it is in every binary).
func TestModelSize(t *testing.T) {
	const budget = 3_000_000
	t.Logf("model: %d bytes compressed", len(embeddedModel))
	if len(embeddedModel) > budget {
		t.Errorf("model is %d bytes compressed, budget %d", len(embeddedModel), budget)
	}
}

// TestFastPathMatchesReference checks the precomputed-table runtime against
// the plain decoder that scores every feature through the weight map.
func TestFastPathMatchesReference(t *testing.T) {
	m, err := model.Decode(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	ref := model.NewReference(m)
	// The reference is the model alone: no constraint pass.
	tagger, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tagger.noConstraints = true
	sentences := loadEWTTest(t)
	if len(sentences) > 400 {
		sentences = slices.Clip(sentences[:400]) // the appends must not write into the shared test set
	}
	sentences = append(sentences, conllu.Sentence{Words: []string{"Zyxqv"}}, conllu.Sentence{Words: strings.Fields("The blorfs quizzled unflarkably .")})
	var out []Tagged
	mismatches := 0
	for _, s := range sentences {
		out = tagger.Tag(s.Words, out)
		want := ref.Tag(s.Words, tagger.lexicon)
		for i, l := range want {
			if out[i] != tagger.labels[l] {
				mismatches++
				if mismatches < 5 {
					t.Errorf("%q word %d %q: fast %v/%v, reference %v/%v", s.Words, i, s.Words[i], out[i].UPOS, out[i].PTB, tagger.labels[l].UPOS, tagger.labels[l].PTB)
				}
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d mismatches", mismatches)
	}
}

// TestTagConcurrent tags the same sentences from several goroutines on a
// fresh tagger, whose unknown-word cache fills as they go, and expects the
// tags of a sequential run.
func TestTagConcurrent(t *testing.T) {
	sentences := loadEWTTest(t)
	if len(sentences) > 300 {
		sentences = sentences[:300]
	}
	want := make([][]Tagged, len(sentences))
	for i, s := range sentences {
		want[i] = Default().Tag(s.Words, nil)
	}
	tagger, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []Tagged
			for k := range sentences {
				i := (k + g*len(sentences)/4) % len(sentences)
				out = tagger.Tag(sentences[i].Words, out)
				if !slices.Equal(out, want[i]) {
					t.Errorf("goroutine %d, sentence %d: tags differ from a sequential run", g, i)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestTagEdgeCases(t *testing.T) {
	tagger := Default()
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"empty string token", []string{""}},
		{"invalid UTF-8", []string{"\xff\xfe", "abc\x80"}},
		{"long word", []string{strings.Repeat("a", 10000)}},
		{"symbols", []string{"@", "#", "$", "%", "—", "…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tagger.Tag(tt.words, nil)
			if len(got) != len(tt.words) {
				t.Fatalf("got %d tags for %d words", len(got), len(tt.words))
			}
			for i, g := range got {
				if g.UPOS == UPOSNone || g.PTB == PTBNone {
					t.Errorf("word %d untagged", i)
				}
			}
		})
	}
}

func TestTagDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop scratch buffers")
	}
	tagger := Default()
	words := strings.Fields("The quick brown fox jumped over the lazy dog 's unflarkable kennel .")
	dst := tagger.Tag(words, nil)
	allocs := testing.AllocsPerRun(100, func() { dst = tagger.Tag(words, dst) })
	if allocs > 0 {
		t.Errorf("Tag allocates %.1f times per call", allocs)
	}
}

func BenchmarkTag(b *testing.B) { benchmarkTagTestSplit(b, Default(), nil) }

// benchmarkTagTestSplit tags the EWT test split with tagger at each
// iteration, after calling each (nil: nothing), and reports tokens per
// second of wall time and of this thread's CPU time.
func benchmarkTagTestSplit(b *testing.B, tagger *Tagger, each func()) {
	sentences := loadEWTTest(b)
	tokens := 0
	for _, s := range sentences {
		tokens += len(s.Words)
	}
	var out []Tagged
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpuStart := threadCPU()
	b.ResetTimer()
	for b.Loop() {
		if each != nil {
			each()
		}
		for _, s := range sentences {
			out = tagger.Tag(s.Words, out)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	// On a busy machine wall time counts other processes' turns; CPU time
	// of this thread is the one-core figure.
	if cpu := threadCPU() - cpuStart; cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkTagFirstPass tags the EWT test split once with a fresh tagger,
// whose cache of unknown word forms is empty: the cost of unseen text.
func BenchmarkTagFirstPass(b *testing.B) {
	sentences := loadEWTTest(b)
	tokens := 0
	for _, s := range sentences {
		tokens += len(s.Words)
	}
	var out []Tagged
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		tagger, err := Load()
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := threadCPU()
		for _, s := range sentences {
			out = tagger.Tag(s.Words, out)
		}
		cpu += threadCPU() - start
	}
	if cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func BenchmarkLoad(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpuStart := threadCPU()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := threadCPU() - cpuStart; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func TestFeatureTable(t *testing.T) {
	keys := []uint32{3, 1 << 20, 1<<20 + 1, 0xfffffff0, 0xffffffff}
	ends := []uint32{2, 3, 7, 8, 10}
	f, err := newFeatureTable(keys, ends, 10)
	if err != nil {
		t.Fatal(err)
	}
	start := uint32(0)
	for i, k := range keys {
		s, e, ok := f.get(k)
		if !ok || s != start || e != ends[i] {
			t.Errorf("key %#x: [%d, %d) %v, want [%d, %d)", k, s, e, ok, start, ends[i])
		}
		start = ends[i]
	}
	for _, k := range []uint32{0, 4, 1<<20 + 2, 0xfffffffe} {
		if _, _, ok := f.get(k); ok {
			t.Errorf("key %#x found", k)
		}
	}
	corrupt := []struct {
		name       string
		keys, ends []uint32
		entries    int
	}{
		{"keys not increasing", []uint32{5, 5}, []uint32{1, 2}, 2},
		{"empty row", []uint32{1, 2}, []uint32{1, 1}, 2},
		{"row past the entries", []uint32{1, 2}, []uint32{1, 3}, 2},
		{"row too long", []uint32{1}, []uint32{maxRow + 1}, maxRow + 1},
		{"rows and keys differ", []uint32{1, 2}, []uint32{1}, 2},
	}
	for _, tt := range corrupt {
		if _, err := newFeatureTable(tt.keys, tt.ends, tt.entries); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

// TestWordTypeSize keeps a word description small: the tagger keeps one
// for each form it has met (about 9,000 for the Rust Book), so a field
// added to it costs that many times its size.
func TestWordTypeSize(t *testing.T) {
	if size := unsafe.Sizeof(wordType{}); size > 160 {
		t.Errorf("wordType is %d bytes, want at most 160 (a malloc size class)", size)
	}
}
