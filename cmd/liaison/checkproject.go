package main

import (
	"os"
	"path/filepath"
	"sync"

	"liaison/rules"
	"liaison/rules/directive"
	"liaison/rules/project"
)

// projects finds and loads the .liaison.yaml governing each input of
// `liaison check`, once per configuration file.
type projects struct {
	builtin []*rules.Rule
	roots   []string // where the search for a configuration stops (see newProjects)
	loaded  map[string]*loadedProject
}

// loadedProject is one configuration as check uses it.
type loadedProject struct {
	proj  *project.Project // nil when the file is invalid
	err   error
	rules []*rules.Rule // built-in and custom
	known map[string]bool
}

func newProjects(builtin []*rules.Rule, paths []string) *projects {
	ps := &projects{builtin: builtin, loaded: map[string]*loadedProject{}}
	wd, err := os.Getwd()
	if err != nil {
		wd = ""
	}
	// A document's search stops at its repository root, else at the
	// working directory or the path given that holds it, so "check
	// docs/a.md" reads the configuration "check ." reads.
	addRoot := func(dir string) {
		if repo := project.RepositoryRoot(dir); repo != "" {
			dir = repo
		} else if wd != "" && dir != wd && project.Within(dir, wd) {
			return // the working directory is the wider root
		}
		ps.roots = append(ps.roots, dir)
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
	return ps
}

// forInput returns the project governing in, or nil when none does; an
// invalid configuration is returned with its error.
func (ps *projects) forInput(in checkInput) *loadedProject {
	path := in.path
	if path == "" {
		path = stdinName // standard input reads as a file in the working directory
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	configPath, root, found := project.Find(abs, ps.roots)
	if !found {
		return nil
	}
	if lp, ok := ps.loaded[configPath]; ok {
		return lp
	}
	lp := &loadedProject{}
	lp.proj, lp.err = project.Load(configPath, root, ps.builtin)
	if lp.proj != nil {
		lp.rules = append(append([]*rules.Rule(nil), ps.builtin...), lp.proj.Custom...)
		lp.known = make(map[string]bool, len(lp.rules))
		for _, r := range lp.rules {
			lp.known[r.ID] = true
		}
	}
	ps.loaded[configPath] = lp
	return lp
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

// applyProjects attaches each input's project, drops the inputs its
// ignore globs name, and reports invalid configurations through fail
// (which sets exit status 2); inputs under an invalid configuration are
// not checked.
func applyProjects(inputs []checkInput, ps *projects, fail func(string, ...any)) []checkInput {
	out := inputs[:0]
	reported := map[*loadedProject]bool{}
	for _, in := range inputs {
		lp := ps.forInput(in)
		if lp == nil {
			out = append(out, in)
			continue
		}
		if lp.err != nil {
			if !reported[lp] {
				reported[lp] = true
				for _, e := range project.Errors("", lp.err) {
					shown := *e
					shown.File = quoteName(displayPath(e.File))
					fail("%v", &shown)
				}
			}
			continue
		}
		if in.path != "" {
			if abs, err := filepath.Abs(in.path); err == nil && lp.proj.Ignored(abs) {
				continue
			}
		}
		in.project = lp
		out = append(out, in)
	}
	return out
}

// engines holds one rules engine per worker and project (an engine's
// cache follows one document at a time).
type engines struct {
	mu      sync.Mutex
	builtin []*rules.Rule
	byKey   map[engineKey]*rules.Engine
}

type engineKey struct {
	worker  int
	project *loadedProject
}

func (e *engines) get(worker int, lp *loadedProject) (*rules.Engine, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	k := engineKey{worker, lp}
	if eng, ok := e.byKey[k]; ok {
		return eng, nil
	}
	rs := e.builtin
	if lp != nil {
		rs = lp.rules
	}
	eng, err := rules.NewEngine(rs)
	if err != nil {
		return nil, err
	}
	if e.byKey == nil {
		e.byKey = map[engineKey]*rules.Engine{}
	}
	e.byKey[k] = eng
	return eng, nil
}

// drop forgets worker's engines, and with them their caches.
func (e *engines) drop(worker int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for k := range e.byKey {
		if k.worker == worker {
			delete(e.byKey, k)
		}
	}
}

// projectSettings are the rule settings for an input.
func projectSettings(in checkInput) rules.Settings {
	if in.project == nil || in.project.proj == nil {
		return rules.Settings{}
	}
	path := in.path
	if path == "" {
		path = stdinName
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return in.project.proj.Config.Settings
	}
	return in.project.proj.SettingsFor(abs)
}

// applyDirectives silences findings as the document's directives say and
// reports unknown rule ids in them.
func applyDirectives(in checkInput, src string, engine *rules.Engine, fs []rules.Finding) []rules.Finding {
	var known func(string) bool
	if in.project != nil && in.project.known != nil {
		known = func(id string) bool { return in.project.known[id] }
	} else {
		ids := map[string]bool{}
		for _, r := range engine.Rules() {
			ids[r.ID] = true
		}
		known = func(id string) bool { return ids[id] }
	}
	return directive.Apply(in.language, src, fs, known)
}
