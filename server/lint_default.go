package server

import (
	"context"
	"math"
	"runtime/debug"
	"time"

	"go.uber.org/zap"

	"liaison/rules"
	"liaison/rules/checker"
)

// DefaultLinter returns the checker of liaison's analysis and its default
// rules, with the cache an editor needs (checker.DefaultCacheBytes).
func DefaultLinter() (*checker.Checker, error) {
	return checker.Default(checker.DefaultCacheBytes, nil)
}

// lazyChecker is the default checker still loading: its Find, and the
// server's checker method, wait until it is ready.
type lazyChecker struct {
	ready chan struct{}
	c     *checker.Checker // set before ready is closed
}

// loadLinter starts loading the default checker in the background and
// returns at once; a load error is logged and leaves a checker that finds
// nothing.
func loadLinter(log *zap.Logger) Linter {
	z := &lazyChecker{ready: make(chan struct{})}
	go func() {
		defer close(z.ready)
		start := time.Now()
		if memoryLimited() {
			// The load's garbage (decode buffers, YAML trees) is given
			// back after it (trimDelay); collecting during it was a
			// tenth of a start's CPU, profiled, on the way to the first
			// diagnostics. With a memory limit the collector still runs
			// if the heap reaches it.
			restore := debug.SetGCPercent(-1)
			defer debug.SetGCPercent(restore)
		}
		c, err := DefaultLinter()
		log.Debug("linter loaded", zap.Duration("took", time.Since(start)))
		if err != nil {
			log.Error("loading the linter", zap.Error(err))
			c, _ = checker.New(checker.Options{Finder: nopLinter{}})
		}
		z.c = c
		// The load's garbage, and the usage guide's (DefaultHovers loads
		// it after guideDelay), go back once both are done, not while the
		// first diagnostics are being made.
		time.AfterFunc(trimDelay, trimMemory)
	}()
	return z
}

// trimDelay is how long after the linter loaded its garbage is given back.
const trimDelay = 2 * time.Second

// trimMemory gives the garbage of a burst back to the system at once,
// rather than as the runtime's scavenger gets to it (the load leaves
// about 30 MB: the rule files' YAML trees, the model's decode buffers), in
// a process with a memory limit (`liaison serve` sets one; GOMEMLIMIT):
// one that embeds the server for other ends (tests) keeps the runtime's
// ways. It costs a collection and a scavenge, about 20 ms of one core.
func trimMemory() {
	if memoryLimited() {
		debug.FreeOSMemory()
	}
}

// memoryLimited reports whether the process has a memory limit (see
// trimMemory).
func memoryLimited() bool { return debug.SetMemoryLimit(-1) != math.MaxInt64 }

func (z *lazyChecker) Find(ctx context.Context, languageID, src string, s rules.Settings) ([]rules.Finding, error) {
	select {
	case <-z.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return z.c.Find(ctx, languageID, src, s)
}
