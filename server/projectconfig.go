package server

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/rules/checker"
	"liaison/rules/project"
)

// ConfigRuleID is the rule id of problems in a .liaison.yaml, reported as
// diagnostics on the file when it is open.
const ConfigRuleID = checker.ConfigRuleID

// projectState is what the server knows of the open documents' projects.
// The checker reads them (checker.Lookup), never on the read loop: a
// document's project is looked up in the background when it opens, when
// watched files change (didChangeWatchedFiles, didSave of a configuration
// or rule file) and when the settings change, and its lint runs wait for
// that lookup (lookupWait at most). A keystroke reads no file.
type projectState struct {
	mu      sync.Mutex
	roots   []string                  // workspace folders, as paths
	lookups map[string]*pendingLookup // by document URI
	// negotiated at initialize
	watchDynamic bool // the client registers didChangeWatchedFiles dynamically
	createFiles  bool // the client applies CreateFile resource operations

	wrapped wrapped // the checker of a stand-in Linter (linter.go)
}

// pendingLookup is a project lookup running, or done, in the background.
type pendingLookup struct {
	done chan struct{}
	lk   *checker.Lookup // set before done is closed; nil when there is no project
}

// lookupWait bounds how long a lint waits for its document's project: a
// file that never answers (a FIFO on a file system that ignores
// non-blocking opens, a dead network mount) delays diagnostics by this
// much, under the built-in rules, and blocks nothing else.
const lookupWait = 5 * time.Second

// wait returns the lookup's result, or nil (the built-in rules only) if
// it is not done within lookupWait or ctx ends first.
func (p *pendingLookup) wait(ctx context.Context, log *zap.Logger) *checker.Lookup {
	if p == nil {
		return nil
	}
	t := time.NewTimer(lookupWait)
	defer t.Stop()
	select {
	case <-p.done:
		return p.lk
	case <-ctx.Done():
	case <-t.C:
		log.Warn("the project configuration is still being read; linting under the built-in rules", zap.Duration("waited", lookupWait))
	}
	return nil
}

// negotiateProjects records the workspace folders and the client's
// abilities at initialize.
func (s *Server) negotiateProjects(p *protocol.InitializeParams) {
	var roots []string
	folders, _ := p.WorkspaceFolders.Get()
	for _, f := range folders {
		if path := filePath(f.URI); path != "" {
			roots = append(roots, path)
		}
	}
	if len(roots) == 0 && p.RootURI != nil {
		if path := filePath(*p.RootURI); path != "" {
			roots = append(roots, path)
		}
	}
	caps := p.Capabilities
	ps := &s.projects
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.roots = roots
	if w := caps.Workspace; w != nil {
		if w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil {
			ps.watchDynamic = *w.DidChangeWatchedFiles.DynamicRegistration
		}
		if we := w.WorkspaceEdit; we != nil && we.DocumentChanges != nil && *we.DocumentChanges {
			ps.createFiles = slices.Contains(we.ResourceOperations, protocol.ResourceOperationKindCreate)
		}
	}
}

func (s *Server) workspaceRoots() []string {
	s.projects.mu.Lock()
	defer s.projects.mu.Unlock()
	return s.projects.roots
}

// filePath returns the local path of a file: URI, or "".
func filePath(u uri.URI) string {
	if u.Scheme() != "file" {
		return ""
	}
	return u.FsPath()
}

// lookupProject starts looking d's project up in the background; d's
// next lint runs wait for it. It returns at once: safe on the read loop.
func (s *Server) lookupProject(d *document) {
	p := &pendingLookup{done: make(chan struct{})}
	ps := &s.projects
	ps.mu.Lock()
	if ps.lookups == nil {
		ps.lookups = map[string]*pendingLookup{}
	}
	ps.lookups[string(d.uri)] = p
	ps.mu.Unlock()
	path := filePath(d.uri)
	if path == "" || checker.IsConfigFile(path) {
		close(p.done) // no project: a configuration is checked as itself
		return
	}
	go func() {
		defer close(p.done)
		c, err := s.checker(s.base)
		if err != nil {
			return
		}
		c.SetRoots(s.workspaceRoots())
		lk, err := c.Lookup(s.base, path)
		if err != nil {
			return // the session ended
		}
		p.lk = lk
		if lk.Problems != nil {
			s.reportRuleProblems(lk.Config, lk.Problems)
		}
		if lk.Report != nil {
			s.reportConfigError(lk.Config, lk.Report)
		} else if lk.Project != nil && lk.Err == nil && lk.Loaded {
			s.log.Info("loaded project configuration", zap.String("path", lk.Config), zap.Int("customRules", len(lk.Project.Custom)))
		}
	}()
}

// projectLookup returns the lookup of the document at u, starting one if
// there is none yet.
func (s *Server) projectLookup(d *document) *pendingLookup {
	s.projects.mu.Lock()
	p := s.projects.lookups[string(d.uri)]
	s.projects.mu.Unlock()
	if p == nil {
		s.lookupProject(d)
		s.projects.mu.Lock()
		p = s.projects.lookups[string(d.uri)]
		s.projects.mu.Unlock()
	}
	return p
}

// forgetDocument drops a closed document's lookup and its share of the
// checker's cache.
func (s *Server) forgetDocument(u uri.URI) {
	s.projects.mu.Lock()
	delete(s.projects.lookups, string(u))
	s.projects.mu.Unlock()
	if c := s.readyChecker(); c != nil {
		c.Forget(string(u))
	}
}

// reportConfigError tells the user a configuration is invalid: a
// window/showMessage (once per distinct error) and, when the file is
// open, diagnostics on it (its lint shows them).
func (s *Server) reportConfigError(configPath string, err error) {
	list := project.Errors(configPath, err)
	first := err.Error()
	if len(list) > 0 {
		first = list[0].Error()
		if len(list) > 1 {
			first += fmt.Sprintf(" (and %d more problems)", len(list)-1)
		}
	}
	s.log.Warn("invalid project configuration", zap.String("path", configPath), zap.Error(err))
	s.notify(s.base, protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{
		Type:    protocol.MessageTypeError,
		Message: "liaison: invalid configuration, the last valid one stays in force: " + first,
	})
}

// reportRuleProblems tells the user the rule files of a configuration now
// in force hold bad rules: the others are in force, and the problems show
// on the rule files when they are open.
func (s *Server) reportRuleProblems(configPath string, problems project.ErrorList) {
	first := problems[0].Error()
	if len(problems) > 1 {
		first += fmt.Sprintf(" (and %d more problems)", len(problems)-1)
	}
	s.log.Warn("bad rules in the project's rule files, the others are in force", zap.String("path", configPath), zap.Error(problems))
	s.notify(s.base, protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{
		Type:    protocol.MessageTypeWarning,
		Message: "liaison: a rule file has bad rules, which are skipped; the other rules are in force: " + first,
	})
}

// reloadProjects marks the configurations that read a changed file (any,
// when changed is nil) to be read again, looks every open document's
// project up again in the background and re-lints it. It reads nothing
// itself: safe on the read loop.
func (s *Server) reloadProjects(changed []string) {
	if c := s.readyChecker(); c != nil {
		c.Invalidate(changed)
	}
	s.mu.Lock()
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	for _, d := range docs {
		s.lookupProject(d)
	}
	s.relintAll(docs)
}

// errNoProject is returned when a document has no configuration path.
var errNoProject = errors.New("no project configuration")

// projectConfigFor returns where a document's configuration is, or would
// be created: the existing file, or .liaison.yaml in the workspace folder
// or repository root holding the document (its own directory otherwise).
// It looks on disk, as the file is now: it runs for a code action, in the
// request's goroutine, not on the read loop.
func (s *Server) projectConfigFor(ctx context.Context, d *document) (configPath string, exists bool, err error) {
	path := filePath(d.uri)
	if path == "" {
		return "", false, errNoProject
	}
	c, err := s.checker(ctx)
	if err != nil {
		return "", false, err
	}
	c.SetRoots(s.workspaceRoots())
	configPath, root, found := c.Where(path)
	if found {
		return configPath, true, nil
	}
	return filepath.Join(root, project.FileName), false, nil
}
