package markup

import (
	"sync"
	"testing"
)

// TestConcurrentExtract extracts chapters from several goroutines at once:
// the shared goldmark parsers must be safe for concurrent use (run with
// -race).
func TestConcurrentExtract(t *testing.T) {
	chapters := rustBook(t)
	var srcs []string
	for _, src := range chapters {
		srcs = append(srcs, src)
		if len(srcs) == 8 {
			break
		}
	}
	want := make([]string, len(srcs))
	for i, src := range srcs {
		want[i] = describe(src, Extract("markdown", src))
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(srcs)*4)
	for range 4 {
		for i, src := range srcs {
			wg.Go(func() {
				if got := describe(src, Extract("markdown", src)); got != want[i] {
					errs <- "concurrent extraction differs"
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
