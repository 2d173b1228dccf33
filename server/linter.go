package server

import (
	"context"
	"sync"

	"liaison/analysis/markup"
	"liaison/rules"
	"liaison/rules/checker"
)

// Linter is what the server checks documents with. DefaultLinter's
// *checker.Checker is the whole pipeline (projects, analysis, rules,
// directives, the cache). Any other Linter (a stand-in, in tests of the
// server alone) replaces only the analysis and the rules: the server runs
// it under a checker of its own (checker.Options.Finder), which does the
// rest.
type Linter = checker.Finder

// nopLinter finds nothing; it stands in when the rules fail to load.
type nopLinter struct{}

func (nopLinter) Find(context.Context, string, string, rules.Settings) ([]rules.Finding, error) {
	return nil, nil
}

// wrapped is the checker of a stand-in Linter, made once.
type wrapped struct {
	once sync.Once
	c    *checker.Checker
}

// checker returns the checker to lint with, waiting for one still loading
// until ctx ends.
func (s *Server) checker(ctx context.Context) (*checker.Checker, error) {
	switch l := s.linter.(type) {
	case *checker.Checker:
		return l, nil
	case *lazyChecker:
		select {
		case <-l.ready:
			return l.c, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	w := &s.projects.wrapped
	w.once.Do(func() {
		builtin, _ := rules.LoadDefault() // directives may name the built-in rules
		w.c, _ = checker.New(checker.Options{Finder: s.linter, Rules: builtin})
	})
	return w.c, nil
}

// readyChecker is checker without waiting: nil while it loads.
func (s *Server) readyChecker() *checker.Checker {
	if l, ok := s.linter.(*lazyChecker); ok {
		select {
		case <-l.ready:
		default:
			return nil
		}
	}
	c, _ := s.checker(context.Background())
	return c
}

// languageOf maps an LSP language id to its format's canonical id
// (markup.FormatFor: "tex" and "latex" are "latex", "gitcommit" is
// "git-commit"); an id no format claims is read as plain text.
func languageOf(id string) string {
	return markup.FormatFor(id).Name
}
