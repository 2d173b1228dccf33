package server

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/analysis"
	"liaison/rules"
	"liaison/rules/directive"
	"liaison/rules/project"
)

// ConfigRuleID is the rule id of problems in a .liaison.yaml, reported as
// diagnostics on the file when it is open.
const ConfigRuleID = "liaison-config"

// projectState tracks the .liaison.yaml files the open documents follow.
// A configuration is re-read when its file or one of its rule files
// changes on disk (seen by stat when a document is linted, and announced
// by didChangeWatchedFiles and didSave); when it becomes invalid, the last
// valid configuration stays in force and the user is told once.
type projectState struct {
	mu      sync.Mutex
	roots   []string // workspace folders, as paths
	configs map[string]*configEntry
	// negotiated at initialize
	watchDynamic bool // the client registers didChangeWatchedFiles dynamically
	createFiles  bool // the client applies CreateFile resource operations
}

// configEntry is one configuration file and what was last read from it.
type configEntry struct {
	path, root string
	stamps     map[string]fileStamp // of the files read
	valid      *project.Project     // last valid configuration, or nil
	err        error                // the latest read's problems, or nil
	reported   string               // the error last shown to the user
}

type fileStamp struct {
	size    int64
	modTime int64
	exists  bool
}

func stampOf(path string) fileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: info.Size(), modTime: info.ModTime().UnixNano(), exists: true}
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

// filePath returns the local path of a file: URI, or "".
func filePath(u uri.URI) string {
	if u.Scheme() != "file" {
		return ""
	}
	return u.FsPath()
}

// settingsFor returns the settings a document is linted with: its
// project's configuration (with the overrides that match it), the editor
// settings on top, and the project for its custom rules.
func (s *Server) settingsFor(d *document) Settings {
	editor := s.currentSettings()
	path := filePath(d.uri)
	if path == "" || isConfigFile(path) {
		return editor
	}
	proj := s.projectFor(path)
	if proj == nil {
		return editor
	}
	merged := fromRulesSettings(proj.SettingsFor(path))
	out := editor
	out.Rules = merged.Rules
	maps.Copy(out.Rules, editor.Rules)
	out.Categories = merged.Categories
	maps.Copy(out.Categories, editor.Categories)
	out.Project = proj
	return out
}

// fromRulesSettings converts a project's rule settings to the server's.
func fromRulesSettings(rs rules.Settings) Settings {
	out := Settings{Rules: make(map[string]RuleSetting, len(rs.Rules)), Categories: maps.Clone(rs.Categories)}
	if out.Categories == nil {
		out.Categories = map[string]bool{}
	}
	for id, r := range rs.Rules {
		switch {
		case r.Off:
			out.Rules[id] = RuleOff
		case r.Severity != 0:
			out.Rules[id] = RuleSetting(r.Severity.String())
		default:
			out.Rules[id] = "" // on, at the rule's own severity
		}
	}
	return out
}

func isConfigFile(path string) bool { return filepath.Base(path) == project.FileName }

// projectFor returns the configuration in force for the file at path,
// reading it again if it changed on disk; nil when there is none.
func (s *Server) projectFor(path string) *project.Project {
	ps := &s.projects
	ps.mu.Lock()
	roots := ps.roots
	ps.mu.Unlock()
	configPath, root, found := project.Find(path, roots)
	if !found {
		return nil
	}
	e := s.configEntry(configPath, root)
	return e.valid
}

// configEntry returns the entry for a configuration file, (re)loading it
// when it is new or changed.
func (s *Server) configEntry(configPath, root string) *configEntry {
	ps := &s.projects
	ps.mu.Lock()
	if ps.configs == nil {
		ps.configs = map[string]*configEntry{}
	}
	e := ps.configs[configPath]
	if e == nil {
		e = &configEntry{path: configPath, root: root}
		ps.configs[configPath] = e
	}
	stale := e.stamps == nil
	for f, st := range e.stamps {
		if stampOf(f) != st {
			stale = true
		}
	}
	var toReport error
	if stale {
		s.loadConfig(e)
		if e.err != nil && e.err.Error() != e.reported {
			toReport = e.err
			e.reported = e.err.Error()
		}
		if e.err == nil {
			e.reported = ""
		}
	}
	ps.mu.Unlock()
	if toReport != nil {
		s.reportConfigError(configPath, toReport)
	}
	return e
}

// loadConfig reads e's configuration; called with projects.mu held.
func (s *Server) loadConfig(e *configEntry) {
	builtin, err := rules.LoadDefault()
	if err != nil {
		e.err = err
		return
	}
	e.stamps = map[string]fileStamp{e.path: stampOf(e.path)}
	proj, err := project.Load(e.path, e.root, builtin)
	if err != nil {
		e.err = err
		// Watch the rule files of the last valid configuration too.
		if e.valid != nil {
			for _, f := range e.valid.Files {
				e.stamps[f] = stampOf(f)
			}
		}
		return
	}
	for _, f := range proj.Files {
		e.stamps[f] = stampOf(f)
	}
	e.valid, e.err = proj, nil
	s.log.Info("loaded project configuration", zap.String("path", e.path), zap.Int("customRules", len(proj.Custom)))
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

// reloadProjects re-reads the configurations whose files changed (or all,
// when changed is nil) and re-lints every open document.
func (s *Server) reloadProjects(changed []string) {
	ps := &s.projects
	ps.mu.Lock()
	var entries []*configEntry
	for _, e := range ps.configs {
		if changed == nil {
			entries = append(entries, e)
			continue
		}
		for _, c := range changed {
			if _, ok := e.stamps[c]; ok || c == e.path {
				entries = append(entries, e)
				break
			}
		}
	}
	for _, e := range entries {
		e.stamps = map[string]fileStamp{e.path: {size: -1}} // stale
	}
	ps.mu.Unlock()
	for _, e := range entries {
		s.configEntry(e.path, e.root)
	}
	s.mu.Lock()
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	s.relintAll(docs)
}

// lintDocument lints one revision: a .liaison.yaml is checked as a
// configuration; anything else goes to the linter, and then the
// directives written in the document silence what they name and report
// unknown rule ids.
func (s *Server) lintDocument(r *lintRun) ([]Problem, *analysis.Result, error) {
	path := filePath(r.uri)
	src := r.text.Text()
	if path != "" && isConfigFile(path) {
		return s.configProblems(path, src), nil, nil
	}
	problems, res, err := lintAnalysis(r.ctx, s.linter, languageOf(r.languageID), src, r.settings)
	if err != nil {
		return nil, nil, err
	}
	set := directive.Parse(languageOf(r.languageID), src)
	if set == nil {
		return problems, res, nil
	}
	silenced := set.Filter()
	kept := problems[:0:0]
	for _, p := range problems {
		if !silenced(p.RuleID, p.Start) {
			kept = append(kept, p)
		}
	}
	known := knownRuleIDs(r.settings.Project)
	for _, f := range set.UnknownFindings(func(id string) bool { return known[id] }) {
		kept = append(kept, Problem{
			Start: f.Start, End: f.End, RuleID: f.Rule.ID, Severity: Severity(f.Severity),
			Message: f.Message, Explanation: f.Rule.Explanation,
		})
	}
	slices.SortStableFunc(kept, func(a, b Problem) int { return a.Start - b.Start })
	return kept, res, nil
}

// knownRuleIDs are the ids directives may name: the built-in rules and
// the project's custom ones.
func knownRuleIDs(p *project.Project) map[string]bool {
	builtin, _ := rules.LoadDefault()
	ids := make(map[string]bool, len(builtin))
	for _, r := range builtin {
		ids[r.ID] = true
	}
	if p != nil {
		for _, r := range p.Custom {
			ids[r.ID] = true
		}
	}
	return ids
}

// configProblems checks an open configuration's text (the editor's
// buffer, saved or not) and returns its problems as diagnostics.
func (s *Server) configProblems(path, src string) []Problem {
	ps := &s.projects
	ps.mu.Lock()
	roots := ps.roots
	ps.mu.Unlock()
	root := filepath.Dir(path)
	for _, r := range roots {
		if rel, err := filepath.Rel(r, path); err == nil && filepath.IsLocal(rel) && len(r) < len(root) {
			root = r
		}
	}
	builtin, err := rules.LoadDefault()
	if err != nil {
		return nil
	}
	_, err = project.LoadData(path, root, []byte(src), builtin)
	if err == nil {
		return []Problem{}
	}
	var out []Problem
	for _, e := range project.Errors(path, err) {
		start := 0
		if e.Line > 0 {
			start = project.Offset(src, e.Line, max(e.Column, 1))
		}
		end := start
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
		if e.Column == 0 {
			start = project.Offset(src, e.Line, 1)
		}
		msg := e.Msg
		if e.File != path {
			msg = e.Error()
		}
		out = append(out, Problem{Start: start, End: end, RuleID: ConfigRuleID, Severity: SeverityError, Message: msg})
	}
	slices.SortStableFunc(out, func(a, b Problem) int { return a.Start - b.Start })
	return out
}

// errNoProject is returned when a document has no configuration path.
var errNoProject = errors.New("no project configuration")

// projectConfigFor returns where a document's configuration is, or would
// be created: the existing file, or .liaison.yaml in the workspace folder
// or repository root holding the document (its own directory otherwise).
func (s *Server) projectConfigFor(ctx context.Context, u uri.URI) (configPath string, exists bool, err error) {
	path := filePath(u)
	if path == "" {
		return "", false, errNoProject
	}
	ps := &s.projects
	ps.mu.Lock()
	roots := ps.roots
	ps.mu.Unlock()
	configPath, root, found := project.Find(path, roots)
	if found {
		return configPath, true, nil
	}
	return filepath.Join(root, project.FileName), false, nil
}

// projectEngines caches a rules engine per project (the linter's rules
// plus the project's custom ones). Projects are replaced when their files
// change, so only the latest few are kept.
type projectEngines struct {
	mu      sync.Mutex
	engines map[*project.Project]*rules.Engine
	order   []*project.Project
}

// engineFor returns the engine to lint with under project p (nil: the
// linter's own).
func (l *pipelineLinter) engineFor(p *project.Project) (*rules.Engine, error) {
	if p == nil || len(p.Custom) == 0 {
		return l.engine, nil
	}
	pe := &l.projects
	pe.mu.Lock()
	defer pe.mu.Unlock()
	if e, ok := pe.engines[p]; ok {
		return e, nil
	}
	e, err := rules.NewEngine(append(append([]*rules.Rule(nil), l.rules...), p.Custom...))
	if err != nil {
		return nil, fmt.Errorf("compiling the project's rules: %w", err)
	}
	if pe.engines == nil {
		pe.engines = map[*project.Project]*rules.Engine{}
	}
	if len(pe.order) >= 8 {
		delete(pe.engines, pe.order[0])
		pe.order = pe.order[1:]
	}
	pe.engines[p] = e
	pe.order = append(pe.order, p)
	return e, nil
}
