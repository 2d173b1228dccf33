package main

import "sync"

// byteBudget bounds how many bytes of source are analysed at once. A
// request larger than the whole budget takes all of it, so one document
// always proceeds.
type byteBudget struct {
	mu    sync.Mutex
	freed sync.Cond
	free  int64
	total int64
}

func newByteBudget(total int64) *byteBudget {
	b := &byteBudget{free: total, total: total}
	b.freed.L = &b.mu
	return b
}

// acquire waits until n bytes (at most the whole budget) are free, takes
// them and returns how many it took, for release. The wait is bounded:
// whoever holds the bytes is analysing one document and releases them
// when it is done.
func (b *byteBudget) acquire(n int64) int64 {
	n = max(0, min(n, b.total))
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n {
		b.freed.Wait()
	}
	b.free -= n
	return n
}

func (b *byteBudget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.freed.Broadcast()
}
