package checker

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"liaison/analysis"
	"liaison/rules"
)

// book is the Rust Book, its chapters concatenated (1.2 MB).
func book(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		tb.Fatalf("rust book: %v (%d files)", err, len(files))
	}
	slices.Sort(files)
	var sb strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(b)
		sb.WriteString("\n")
	}
	return sb.String()
}

// defaultChecker is the checker of the embedded model and rules, with a
// cache of cacheBytes, built once per test binary and cache size.
var defaultCheckers sync.Map // int64 → *Checker

func defaultChecker(tb testing.TB, cacheBytes int64) *Checker {
	tb.Helper()
	if c, ok := defaultCheckers.Load(cacheBytes); ok {
		return c.(*Checker)
	}
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(tb), CacheBytes: cacheBytes})
	if err != nil {
		tb.Fatal(err)
	}
	defaultCheckers.Store(cacheBytes, c)
	return c
}

var sharedAnalyzer = sync.OnceValue(analysis.New)

func defaultRules(tb testing.TB) []*rules.Rule {
	rs, err := rules.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	return rs
}

// edit returns src with one word in paragraph i (of those found by
// paragraphStarts) changed, as a keystroke would: a letter appended to the
// paragraph's first word, which varies with n so that texts rarely repeat.
func edit(src string, starts []int, i, n int) string {
	at := starts[i%len(starts)]
	end := at
	for end < len(src) && src[end] != ' ' && src[end] != '\n' {
		end++
	}
	return src[:end] + string(rune('a'+n%26)) + src[end:]
}

// paragraphStarts are the offsets of lines that start a prose paragraph
// (a capital letter after a blank line).
func paragraphStarts(src string) []int {
	var out []int
	for i := 2; i < len(src); i++ {
		if src[i-1] == '\n' && src[i-2] == '\n' && src[i] >= 'A' && src[i] <= 'Z' {
			out = append(out, i)
		}
	}
	return out
}

// TestCacheHeapFlatOverEdits: 5,000 edits to a 1 MB document leave the
// live heap flat. The cache keeps the document's current revision and a
// bounded history; before it, the analyzer's chunk cache (bounded by 64 MB
// of source) and the engine's findings cache (by block pointer, 131,072
// blocks) both grew with every edit: the heap grew linearly.
func TestCacheHeapFlatOverEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 lints of a 1 MB document")
	}
	base := book(t)
	base = base[:1<<20]
	starts := paragraphStarts(base)
	c := defaultChecker(t, DefaultCacheBytes)
	ctx := context.Background()
	check := func(src string) {
		if _, err := c.Check(ctx, Document{Key: "doc", LanguageID: "plaintext", Text: src}, nil, rules.Settings{}); err != nil {
			t.Fatal(err)
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	edits := 5000
	if s := os.Getenv("EDITS"); s != "" {
		edits, _ = strconv.Atoi(s)
	}
	// The stale entries of old revisions are dropped in batches (a scan
	// once they pass the stale bound takes them down to three quarters of
	// it), so the live heap is a sawtooth whose teeth are about 3% of it:
	// two single samples may fall on either side of a tooth. The peaks of
	// the two halves, sampled often, are compared instead: a leak raises
	// the second half's peak, the sawtooth does not.
	samples := 40
	start := time.Now()
	src := base
	check(src)
	var firstPeak, secondPeak uint64
	for n := range edits {
		// Edits accumulate, spread over the document, as in a session.
		src = edit(src, starts, n*7919, n)
		if len(src) > len(base)+2*edits { // keep offsets of later paragraphs valid enough
			t.Fatal("document grew unexpectedly")
		}
		check(src)
		if (n+1)%max(1, edits/samples) != 0 {
			continue
		}
		h := heap()
		if n < edits/2 {
			firstPeak = max(firstPeak, h)
		} else {
			secondPeak = max(secondPeak, h)
		}
		if n == edits/2-1 {
			b, ch, bl := c.CacheStats()
			t.Logf("at half: cache %.1f MB estimated, %d chunks, %d blocks", float64(b)/(1<<20), ch, bl)
		}
	}
	bytes, chunks, blocks := c.CacheStats()
	growth := (float64(secondPeak) - float64(firstPeak)) / float64(firstPeak)
	t.Logf("%d edits in %v; live heap peak %.1f MB in the first half, %.1f MB in the second (%+.1f%%); cache %.1f MB estimated, %d chunks, %d blocks",
		edits, time.Since(start).Round(time.Millisecond), float64(firstPeak)/(1<<20), float64(secondPeak)/(1<<20), 100*growth,
		float64(bytes)/(1<<20), chunks, blocks)
	if growth > 0.05 {
		t.Errorf("live heap's peak grew %.1f%% over the second half of the edits, want < 5%%", 100*growth)
	}
	if bytes > DefaultCacheBytes {
		t.Errorf("cache holds %d bytes, over its bound %d", bytes, DefaultCacheBytes)
	}
	runtime.KeepAlive(src)
}
