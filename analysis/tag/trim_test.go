package tag

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// cachedDescriptions counts the published descriptions of known and of
// unknown forms.
func cachedDescriptions(t *Tagger) (known, unknown int) {
	return published(t.known), published(t.unknown)
}

func published[T any](slots []atomic.Pointer[T]) int {
	n := 0
	for i := range slots {
		if slots[i].Load() != nil {
			n++
		}
	}
	return n
}

func TestTrim(t *testing.T) {
	sentences := loadEWTTest(t)[:300]
	tagger, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]Tagged, len(sentences))
	for i, s := range sentences {
		want[i] = tagger.Tag(s.Words, nil)
	}
	known, unknown := cachedDescriptions(tagger)
	rows := published(tagger.tagRows)
	if known < 100 || unknown < 10 || rows < 100 {
		t.Fatalf("after tagging: %d known and %d unknown forms described, %d rows of tag pairs; want at least 100, 10 and 100", known, unknown, rows)
	}
	tagger.Trim()
	if known, unknown := cachedDescriptions(tagger); known != 0 || unknown != 0 {
		t.Fatalf("after Trim: %d known and %d unknown forms still described", known, unknown)
	}
	if rows := published(tagger.tagRows); rows != 0 {
		t.Fatalf("after Trim: %d rows of tag pairs still built", rows)
	}
	for i, s := range sentences {
		if got := tagger.Tag(s.Words, nil); !slices.Equal(got, want[i]) {
			t.Fatalf("sentence %d: tags after Trim differ from those before", i)
		}
	}
	if k, u := cachedDescriptions(tagger); k != known || u != unknown {
		t.Errorf("tagging again described %d known and %d unknown forms, want the %d and %d of the first time", k, u, known, unknown)
	}
}

// TestTrimWhileTagging trims while goroutines tag: each still gets the
// tags of a sequential run (and -race finds no race).
func TestTrimWhileTagging(t *testing.T) {
	sentences := loadEWTTest(t)[:200]
	want := make([][]Tagged, len(sentences))
	for i, s := range sentences {
		want[i] = Default().Tag(s.Words, nil)
	}
	tagger, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	trims := 0
	go func() {
		defer close(done)
		for ; trims < 50; trims++ {
			tagger.Trim()
			runtime.Gosched()
		}
	}()
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []Tagged
			for round := range 3 {
				for k := range sentences {
					i := (k + g*len(sentences)/3) % len(sentences)
					out = tagger.Tag(sentences[i].Words, out)
					if !slices.Equal(out, want[i]) {
						t.Errorf("goroutine %d, round %d, sentence %d: tags differ from a sequential run", g, round, i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	<-done
}

// BenchmarkTagAfterTrim tags the EWT test split right after a Trim: what
// the first edit after an idle trim pays, per token, for describing its
// forms again (compare BenchmarkTag).
func BenchmarkTagAfterTrim(b *testing.B) {
	tagger := Default()
	benchmarkTagTestSplit(b, tagger, tagger.Trim)
	known, unknown := cachedDescriptions(tagger)
	b.ReportMetric(float64(known+unknown), "forms")
}
