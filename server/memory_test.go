package server

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"liaison/analysis/dictionary"
	"liaison/analysis/tag"
)

// TestIdleTrim: a trim runs once the lints pause, only if enough was
// allocated since the last one, and never after the connection ended.
func TestIdleTrim(t *testing.T) {
	tests := []struct {
		name     string
		allocate int  // bytes allocated before the lints
		cancel   bool // the connection ends before the pause is over
		want     int32
	}{
		{"garbage made", 2 * idleTrimGarbage, false, 1},
		{"little garbage", 0, false, 0},
		{"connection ended", 2 * idleTrimGarbage, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			tr := &idleTrim{do: func() { n.Add(1) }}
			tr.allocs = heapAllocs()
			for range tt.allocate / (1 << 20) {
				runtime.KeepAlive(make([]byte, 1<<20))
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			for range 3 { // lints in a burst: one trim after the last
				tr.linted(ctx)
				time.Sleep(idleTrimDelay / 10)
			}
			if tt.cancel {
				cancel()
			}
			time.Sleep(2 * idleTrimDelay)
			tr.stop()
			if got := n.Load(); got != tt.want {
				t.Errorf("%d trims, want %d", got, tt.want)
			}
		})
	}
}

// countingCache counts its trims.
type countingCache struct{ n int }

func (c *countingCache) Trim() { c.n++ }

// TestIdleTrimCaches: the caches an idle trim empties are the tagger's
// and the dictionary's (the two a pause gives back, see idleCaches), and
// a trim empties each of them once, only in a process with a memory
// limit (as `liaison serve` sets).
func TestIdleTrimCaches(t *testing.T) {
	d, err := dictionary.Default()
	if err != nil {
		t.Fatal(err)
	}
	var haveTagger, haveDictionary bool
	for _, c := range idleCaches() {
		switch c {
		case trimmer(tag.Default()):
			haveTagger = true
		case trimmer(d):
			haveDictionary = true
		}
	}
	if !haveTagger || !haveDictionary {
		t.Errorf("idle caches hold the tagger: %v, the dictionary: %v; want both", haveTagger, haveDictionary)
	}

	for _, limited := range []bool{false, true} {
		old := debug.SetMemoryLimit(-1)
		if limited {
			debug.SetMemoryLimit(1 << 40)
		} else {
			debug.SetMemoryLimit(math.MaxInt64)
		}
		a, b := &countingCache{}, &countingCache{}
		tr := &idleTrim{caches: func() []trimmer { return []trimmer{a, b} }}
		tr.now()
		debug.SetMemoryLimit(old)
		want := 0
		if limited {
			want = 1
		}
		if a.n != want || b.n != want {
			t.Errorf("memory limit %v: caches trimmed %d and %d times, want %d", limited, a.n, b.n, want)
		}
	}
}

// TestHoldCollector: the session's first lint of a small document runs
// with the collector off, in a process with a memory limit only, and the
// collector is back as it was after it; later lints and large documents
// leave it alone.
func TestHoldCollector(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	gcPercent := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	before := gcPercent()
	tests := []struct {
		name    string
		limited bool
		bytes   []int // the session's lints in turn
		off     []bool
	}{
		{"small first", true, []int{25 << 10, 25 << 10}, []bool{true, false}},
		{"large first", true, []int{firstLintNoGCBytes + 1, 25 << 10}, []bool{false, false}},
		{"no memory limit", false, []int{25 << 10}, []bool{false}},
	}
	for _, tt := range tests {
		if tt.limited {
			debug.SetMemoryLimit(1 << 40)
		} else {
			debug.SetMemoryLimit(math.MaxInt64)
		}
		s := &Server{}
		for i, n := range tt.bytes {
			restore := s.holdCollector(n)
			if off := gcPercent() < 0; off != tt.off[i] {
				t.Errorf("%s: lint %d of %d bytes: collector off %v, want %v", tt.name, i+1, n, off, tt.off[i])
			}
			restore()
			if p := gcPercent(); p != before {
				t.Errorf("%s: after lint %d: GC percent %d, want %d", tt.name, i+1, p, before)
			}
		}
	}
}
