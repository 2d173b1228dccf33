package server

import (
	"context"
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
		c, err := DefaultLinter()
		log.Debug("linter loaded", zap.Duration("took", time.Since(start)))
		if err != nil {
			log.Error("loading the linter", zap.Error(err))
			c, _ = checker.New(checker.Options{Finder: nopLinter{}})
		}
		z.c = c
	}()
	return z
}

func (z *lazyChecker) Find(ctx context.Context, languageID, src string, s rules.Settings) ([]rules.Finding, error) {
	select {
	case <-z.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return z.c.Find(ctx, languageID, src, s)
}
