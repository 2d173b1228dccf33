package checker

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"liaison/rules"
	"liaison/rules/project"
)

// FileSystem is what the checker reads projects through. OSFiles reads the
// disk; tests count its calls (a keystroke must make none) or block them
// (a read that never returns must block no one but its caller).
type FileSystem interface {
	// Find is project.Find.
	Find(docPath string, roots []string) (config, root string, found bool)
	// Load is project.Load.
	Load(configPath, root string, builtin []*rules.Rule) (*project.Project, error)
	// LoadData is project.LoadData: the configuration's text is given, its
	// rule files are read.
	LoadData(configPath, root string, data []byte, builtin []*rules.Rule) (*project.Project, error)
	// Stamp identifies the version of the file at path on disk (its size
	// and modification time), "" when there is none.
	Stamp(path string) string
}

// OSFiles is the FileSystem of the disk, read through rules/project (and
// so through its safefile: regular files only, bounded).
type OSFiles struct{}

func (OSFiles) Find(docPath string, roots []string) (string, string, bool) {
	return project.Find(docPath, roots)
}

func (OSFiles) Load(configPath, root string, builtin []*rules.Rule) (*project.Project, error) {
	return project.Load(configPath, root, builtin)
}

func (OSFiles) LoadData(configPath, root string, data []byte, builtin []*rules.Rule) (*project.Project, error) {
	return project.LoadData(configPath, root, data, builtin)
}

func (OSFiles) Stamp(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return strconv.FormatInt(info.Size(), 10) + "@" + strconv.FormatInt(info.ModTime().UnixNano(), 10)
}

// IsConfigFile reports whether path names a project configuration.
func IsConfigFile(path string) bool { return filepath.Base(path) == project.FileName }

// Lookup is the project a document was found to belong to, as of the
// Lookup call that made it: Check uses it without reading anything.
type Lookup struct {
	// Config is the configuration file found; "" when there is none.
	Config string
	// Root is the project's root: the workspace folder or repository, or
	// the document's directory (where a configuration would be created).
	Root string
	// Project is the configuration in force: the last valid one, nil when
	// there is none.
	Project *project.Project
	// Err is the latest read's problems (Project is then the last valid
	// configuration, if there was one).
	Err error
	// Report is Err when this Lookup read it and it differs from the
	// problems last reported: tell the user once, not per document.
	Report error
	// Problems is the bad rules of the configuration in force's rule files
	// (project.Project.Problems) when this Lookup read them and they differ
	// from those last reported: not fatal, the other rules are in force.
	Problems project.ErrorList
	// Loaded is true when this Lookup read the configuration.
	Loaded bool

	engine *rules.Engine
	gen    uint64
	known  map[string]bool
}

func (lk *Lookup) project() *project.Project {
	if lk == nil {
		return nil
	}
	return lk.Project
}

// configEntry is one configuration file and what was last read from it.
type configEntry struct {
	path, root string

	mu       sync.Mutex // held while the files are read
	stamps   map[string]string
	stale    bool             // Invalidate named one of its files
	valid    *project.Project // last valid configuration, or nil
	engine   *rules.Engine    // the built-in and custom rules of valid
	gen      uint64
	known    map[string]bool
	err      error
	reported string // the error last given to OnConfigError
	problems string // the valid configuration's problems last reported
}

// SetRoots replaces the directories configuration searches stop at.
func (c *Checker) SetRoots(roots []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.roots = slices.Clone(roots)
}

func (c *Checker) currentRoots() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.roots
}

// Lookup finds the project of the document at path (absolute), reading
// its configuration again when Invalidate named one of its files or their
// sizes or times changed. It reads the file system (through Options.Files):
// call it when a document opens and when files or settings change, never
// per keystroke, and off any loop that must stay responsive. ctx bounds
// only the wait for another Lookup of the same configuration.
func (c *Checker) Lookup(ctx context.Context, path string) (*Lookup, error) {
	if path == "" {
		return &Lookup{}, nil
	}
	configPath, root, found := c.files.Find(path, c.currentRoots())
	if !found {
		return &Lookup{Root: root}, nil
	}
	c.mu.Lock()
	e := c.projects[configPath]
	if e == nil {
		e = &configEntry{path: configPath, root: root, stale: true}
		c.projects[configPath] = e
	}
	c.mu.Unlock()
	if err := lockCtx(ctx, &e.mu); err != nil {
		return nil, err
	}
	defer e.mu.Unlock()
	lk := &Lookup{Config: e.path, Root: e.root}
	if e.stale || c.changed(e) {
		lk.Problems, lk.Report = c.load(e)
		lk.Loaded = true
	}
	lk.Project, lk.Err, lk.engine, lk.gen, lk.known = e.valid, e.err, e.engine, e.gen, e.known
	if lk.Project == nil {
		lk.engine, lk.gen, lk.known = c.engine, c.gen, c.known
	}
	return lk, nil
}

// Where finds the configuration of the document at path, or where one
// would be created (its root), reading the disk but loading nothing: for
// an action that edits the configuration, which must see the file as it
// is now.
func (c *Checker) Where(path string) (config, root string, found bool) {
	return c.files.Find(path, c.currentRoots())
}

// lockCtx locks mu unless ctx ends first. A Lookup holding it may be stuck
// on a file that never answers; its waiters then give up with ctx.
func lockCtx(ctx context.Context, mu *sync.Mutex) error {
	if mu.TryLock() {
		return nil
	}
	locked := make(chan struct{})
	go func() {
		mu.Lock()
		select {
		case locked <- struct{}{}:
		case <-ctx.Done():
			mu.Unlock()
		}
	}()
	select {
	case <-locked:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// changed reports whether a file e read has changed on disk.
func (c *Checker) changed(e *configEntry) bool {
	for f, st := range e.stamps {
		if c.files.Stamp(f) != st {
			return true
		}
	}
	return false
}

// load reads e's configuration; called with e.mu held. On an error the
// last valid configuration stays in force, and its rule files are watched
// too; the error is returned if it was not the one last returned. A valid
// configuration's problems (bad rules beside good ones) are returned the
// same way, once.
func (c *Checker) load(e *configEntry) (problems project.ErrorList, report error) {
	e.stale = false
	e.stamps = map[string]string{e.path: c.files.Stamp(e.path)}
	proj, err := c.files.Load(e.path, e.root, c.builtin)
	if err == nil && len(proj.Custom) > 0 && c.finder == nil {
		var eng *rules.Engine
		eng, err = rules.NewEngine(append(slices.Clone(c.builtin), proj.Custom...))
		if err != nil {
			err = fmt.Errorf("compiling the project's rules: %w", err)
		} else {
			e.engine, e.gen = eng, c.gens.Add(1)
		}
	} else if err == nil {
		e.engine, e.gen = c.engine, c.gen
	}
	if err != nil {
		e.err = err
		if e.valid != nil {
			for _, f := range e.valid.Files {
				e.stamps[f] = c.files.Stamp(f)
			}
		}
		if msg := err.Error(); msg != e.reported {
			e.reported = msg
			return nil, err
		}
		return nil, nil
	}
	for _, f := range proj.Files {
		e.stamps[f] = c.files.Stamp(f)
	}
	e.valid, e.err, e.reported = proj, nil, ""
	e.known = ruleIDs(c.builtin, proj.Custom)
	if msg := proj.Problems.Error(); msg != e.problems {
		e.problems, problems = msg, proj.Problems
	}
	return problems, nil
}

// Invalidate marks the configurations that read any of paths (a
// configuration or one of its rule files, or any file when paths is nil)
// to be read again by their next Lookup. It reads nothing, and reports
// whether any configuration was named.
func (c *Checker) Invalidate(paths []string) bool {
	c.mu.Lock()
	entries := make([]*configEntry, 0, len(c.projects))
	for _, e := range c.projects {
		entries = append(entries, e)
	}
	c.mu.Unlock()
	named := false
	for _, e := range entries {
		if !e.mu.TryLock() {
			// A Lookup is reading it now; it may have read the old file.
			// Mark it under its own lock later: a goroutine waits its turn.
			go func() { e.mu.Lock(); e.stale = true; e.mu.Unlock() }()
			named = true
			continue
		}
		hit := paths == nil || slices.Contains(paths, e.path)
		for _, p := range paths {
			if _, ok := e.stamps[p]; ok {
				hit = true
			}
		}
		if hit {
			e.stale, named = true, true
		}
		e.mu.Unlock()
	}
	return named
}

// Tracks reports whether path is a configuration or rule file some
// configuration read (or a configuration file at all).
func (c *Checker) Tracks(path string) bool {
	if IsConfigFile(path) {
		return true
	}
	c.mu.Lock()
	entries := make([]*configEntry, 0, len(c.projects))
	for _, e := range c.projects {
		entries = append(entries, e)
	}
	c.mu.Unlock()
	for _, e := range entries {
		if !e.mu.TryLock() {
			continue
		}
		_, ok := e.stamps[path]
		e.mu.Unlock()
		if ok {
			return true
		}
	}
	return false
}
