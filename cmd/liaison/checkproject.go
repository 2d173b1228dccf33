package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"

	"liaison/rules/checker"
	"liaison/rules/project"
)

// checkRoots are where `liaison check` stops searching for a document's
// configuration: a document's search stops at its repository root, else at
// the working directory or the path given that holds it, so "check
// docs/a.md" reads the configuration "check ." reads.
func checkRoots(paths []string) []string {
	var roots []string
	wd, err := os.Getwd()
	if err != nil {
		wd = ""
	}
	seen := map[string]bool{} // directories added: files given one by one share theirs
	addRoot := func(dir string) {
		if seen[dir] {
			return
		}
		seen[dir] = true
		if repo := project.RepositoryRoot(dir); repo != "" {
			dir = repo
		} else if wd != "" && dir != wd && project.Within(dir, wd) {
			return // the working directory is the wider root
		}
		if !slices.Contains(roots, dir) {
			roots = append(roots, dir)
		}
	}
	if wd != "" {
		addRoot(wd)
	}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if info, err := os.Stat(abs); err == nil && !info.IsDir() {
			abs = filepath.Dir(abs)
		}
		addRoot(abs)
	}
	return roots
}

// absPath is the absolute path of an input; standard input reads as a
// file in the working directory.
func absPath(in checkInput) string {
	path := in.path
	if path == "" {
		path = stdinName
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return abs
}

// displayPath shortens an absolute path to one relative to the working
// directory when it is inside it, for messages.
func displayPath(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return abs
}

// applyProjects looks each input's project up with the checker (once per
// configuration file: the checker keeps what it read), drops the inputs
// its ignore globs name, and reports invalid configurations through fail
// (which sets exit status 2); inputs under an invalid configuration are
// not checked. The bad rules of a valid configuration's rule files are
// reported through fail too, and its inputs checked with the other rules.
//
// A source-code file found in a directory is kept only when its language
// is turned on, by sourceCode (--source-code) or by the project's
// source-code list: checker.SourceCodeOn, the server's test.
func applyProjects(ctx context.Context, inputs []checkInput, c *checker.Checker, sourceCode []string, fail func(string, ...any)) []checkInput {
	out := inputs[:0]
	reported := map[string]bool{}
	for _, in := range inputs {
		abs := absPath(in)
		lk, err := c.Lookup(ctx, abs)
		if err != nil || lk.Config == "" {
			if !in.optIn || checker.SourceCodeOn(in.language, sourceCode, nil) {
				out = append(out, in)
			}
			continue
		}
		if lk.Err != nil {
			if !reported[lk.Config] {
				reported[lk.Config] = true
				for _, e := range project.Errors("", lk.Err) {
					shown := *e
					shown.File = quoteName(displayPath(e.File))
					fail("%v", &shown)
				}
			}
			continue
		}
		for _, e := range lk.Problems { // bad rules beside good ones: reported once, not fatal
			shown := *e
			shown.File = quoteName(displayPath(e.File))
			fail("%v", &shown)
		}
		if in.path != "" && lk.Project.Ignored(abs) {
			continue
		}
		if in.optIn && !checker.SourceCodeOn(in.language, sourceCode, lk) {
			continue
		}
		in.lookup = lk
		out = append(out, in)
	}
	return out
}
