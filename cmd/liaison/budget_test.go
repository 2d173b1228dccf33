package main

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestByteBudget(t *testing.T) {
	b := newByteBudget(100)
	// A request over the whole budget takes all of it and proceeds.
	if got := b.acquire(1000); got != 100 {
		t.Fatalf("acquire(1000) took %d, want 100", got)
	}
	b.release(100)

	// Never more than the budget in use at once.
	var inUse, peak atomic.Int64
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			n := b.acquire(40)
			now := inUse.Add(n)
			for {
				p := peak.Load()
				if now <= p || peak.CompareAndSwap(p, now) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			inUse.Add(-n)
			b.release(n)
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("workers blocked")
	}
	if p := peak.Load(); p > 100 || p < 40 {
		t.Errorf("peak in use %d, want 40..100", p)
	}
}
