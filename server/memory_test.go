package server

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
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
