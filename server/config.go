package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/analysis/markup"
	"liaison/rules"
)

// EditorSettings are the editor's settings for liaison, from
// initializationOptions and the "liaison" section of the workspace
// configuration:
//
//	{"debounceMs": 150,
//	 "rules": {"<rule-id>": true | false | "error" | "warning" | "info" | "hint"},
//	 "categories": {"<category>": false},
//	 "sourceCode": ["go", "python"],
//	 "clientCommands": ["liaison.compare"]}
//
// Only the debounce is the server's own; the rule settings are the one
// rules.Settings of the code base, which the checker layers over the
// project's. An EditorSettings value is immutable once built: a change
// makes a new one.
type EditorSettings struct {
	// DebounceMs is how long after the last change diagnostics are pushed.
	DebounceMs int
	// Rules turn rules or categories off and override severities; a rule
	// set to true is on at its own severity, even if the project turned it
	// off.
	Rules rules.Settings
	// SourceCode are the source-code languages (canonical format names)
	// whose comments are checked; code files are not prose unless turned
	// on here or in the project's .liaison.yaml.
	SourceCode []string
	// ClientCommands are the commands the client runs itself that the
	// server may put in code actions (CommandCompare).
	ClientCommands []string
}

// DefaultDebounce is the debounce before pushing diagnostics.
const DefaultDebounce = 150 * time.Millisecond

// DefaultSettings are the settings before the client says anything.
func DefaultSettings() EditorSettings {
	// Spelling suggestions are computed when a code action or a hover asks
	// (spelling.go), not on every keystroke.
	return EditorSettings{DebounceMs: int(DefaultDebounce / time.Millisecond), Rules: rules.Settings{Spelling: rules.Spelling{NoSuggestions: true}}}
}

// Debounce is DebounceMs as a duration.
func (s EditorSettings) Debounce() time.Duration {
	return time.Duration(s.DebounceMs) * time.Millisecond
}

// settingsJSON is the wire form of EditorSettings; absent fields keep the base.
type settingsJSON struct {
	DebounceMs     *int                       `json:"debounceMs"`
	Rules          map[string]json.RawMessage `json:"rules"`
	Categories     map[string]json.RawMessage `json:"categories"`
	SourceCode     *[]string                  `json:"sourceCode"`
	Spelling       *spellingJSON              `json:"spelling"`
	ClientCommands *[]string                  `json:"clientCommands"`
}

// ParseSettings layers the JSON settings object raw over base. raw may be
// the settings themselves or an object holding them under "liaison"; null
// or an empty value leaves base as it is.
func ParseSettings(base EditorSettings, raw []byte) (EditorSettings, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return base, nil
	}
	var wrapped struct {
		Liaison json.RawMessage `json:"liaison"`
	}
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return base, fmt.Errorf("settings: %w", err)
	}
	if len(wrapped.Liaison) > 0 {
		return ParseSettings(base, wrapped.Liaison)
	}
	var in settingsJSON
	if err := json.Unmarshal(raw, &in); err != nil {
		return base, fmt.Errorf("settings: %w", err)
	}
	out := EditorSettings{DebounceMs: base.DebounceMs, Rules: rules.Settings{
		Rules: maps.Clone(base.Rules.Rules), Categories: maps.Clone(base.Rules.Categories), Spelling: base.Rules.Spelling,
	}, SourceCode: base.SourceCode, ClientCommands: base.ClientCommands}
	if in.ClientCommands != nil {
		out.ClientCommands = slices.Clone(*in.ClientCommands)
	}
	if in.SourceCode != nil {
		out.SourceCode = nil
		for _, id := range *in.SourceCode {
			f, ok := markup.LookupFormat(id)
			if !ok || !f.OptIn {
				return base, fmt.Errorf("settings: sourceCode: %q is not a source-code language", id)
			}
			if !slices.Contains(out.SourceCode, f.Name) {
				out.SourceCode = append(out.SourceCode, f.Name)
			}
		}
	}
	if err := in.Spelling.apply(&out.Rules.Spelling); err != nil { // spelling.go
		return base, err
	}
	if in.DebounceMs != nil {
		if *in.DebounceMs < 0 {
			return base, fmt.Errorf("settings: debounceMs %d is negative", *in.DebounceMs)
		}
		out.DebounceMs = *in.DebounceMs
	}
	for id, v := range in.Rules {
		rs, err := parseRuleSetting(v)
		if err != nil {
			return base, fmt.Errorf("settings: rules.%s: %w", id, err)
		}
		if out.Rules.Rules == nil {
			out.Rules.Rules = make(map[string]rules.RuleSetting)
		}
		out.Rules.Rules[id] = rs
	}
	for cat, v := range in.Categories {
		var on bool
		if err := json.Unmarshal(v, &on); err != nil {
			return base, fmt.Errorf("settings: categories.%s: want true or false", cat)
		}
		if out.Rules.Categories == nil {
			out.Rules.Categories = make(map[string]bool)
		}
		out.Rules.Categories[cat] = on
	}
	return out, nil
}

// parseRuleSetting reads one rule's setting: true (on, at its own
// severity), false or "off", a severity name, or a whole number (on, with
// that limit: the word count of long-sentence).
func parseRuleSetting(v json.RawMessage) (rules.RuleSetting, error) {
	var on bool
	if err := json.Unmarshal(v, &on); err == nil {
		return rules.RuleSetting{Off: !on}, nil
	}
	var limit int
	if err := json.Unmarshal(v, &limit); err == nil {
		if limit < 1 || limit > 1000 {
			return rules.RuleSetting{}, fmt.Errorf("a limit must be from 1 to 1000, got %d", limit)
		}
		return rules.RuleSetting{Limit: limit}, nil
	}
	var name string
	if err := json.Unmarshal(v, &name); err != nil {
		return rules.RuleSetting{}, fmt.Errorf("want false or a severity, got %s", v)
	}
	if strings.EqualFold(strings.TrimSpace(name), "off") {
		return rules.RuleSetting{Off: true}, nil
	}
	sev, err := rules.ParseSeverity(name)
	if err != nil {
		return rules.RuleSetting{}, fmt.Errorf("unknown severity %q", name)
	}
	return rules.RuleSetting{Severity: sev}, nil
}

// didChangeConfiguration applies pushed settings, or pulls them when the
// client answers workspace/configuration (many clients send null here and
// expect the pull).
func (s *Server) didChangeConfiguration(ctx context.Context, p *protocol.DidChangeConfigurationParams) {
	s.mu.Lock()
	pull := s.session.configuration
	s.mu.Unlock()
	if pull {
		go s.fetchConfiguration()
		return
	}
	s.mu.Lock()
	next, err := ParseSettings(s.settingsFromInit, p.Settings)
	s.mu.Unlock()
	if err != nil {
		s.log.Warn("ignoring configuration", zap.Error(err))
		return
	}
	s.applySettings(next)
}

// fetchConfiguration asks the client for the "liaison" section, once
// without a scope and once for each workspace folder (scopeUri), so that
// per-folder settings of a multi-root workspace apply to that folder's
// documents; each answer is layered over initializationOptions.
func (s *Server) fetchConfiguration() {
	ctx, cancel := context.WithTimeout(s.base, 10*time.Second)
	defer cancel()
	s.configMu.Lock()
	s.configFetches++
	fetch := s.configFetches
	s.configMu.Unlock()
	roots := s.workspaceRoots()
	section := "liaison"
	items := make([]protocol.ConfigurationItem, 0, 1+len(roots))
	items = append(items, protocol.ConfigurationItem{Section: &section})
	for _, root := range roots {
		scope := uri.File(root)
		items = append(items, protocol.ConfigurationItem{ScopeURI: &scope, Section: &section})
	}
	var result []protocol.LSPAny
	err := s.call(ctx, protocol.MethodWorkspaceConfiguration, &protocol.ConfigurationParams{Items: items}, &result)
	if err != nil {
		s.log.Warn("workspace/configuration", zap.Error(err))
		return
	}
	if len(result) == 0 {
		return
	}
	s.configMu.Lock()
	defer s.configMu.Unlock()
	if fetch < s.configApplied {
		return // a newer fetch was answered first
	}
	s.configApplied = fetch
	s.mu.Lock()
	base := s.settingsFromInit
	s.mu.Unlock()
	next, err := ParseSettings(base, result[0])
	if err != nil {
		s.log.Warn("ignoring configuration", zap.Error(err))
		next = s.currentSettings()
	}
	// A folder whose answer is missing or invalid follows the unscoped
	// settings; a client that ignores scopeUri answers the same for each.
	scoped := make(map[string]EditorSettings, len(roots))
	for i, root := range roots {
		if i+1 >= len(result) {
			break
		}
		folder, err := ParseSettings(base, result[i+1])
		if err != nil {
			s.log.Warn("ignoring configuration", zap.String("folder", root), zap.Error(err))
			continue
		}
		scoped[root] = folder
	}
	s.applyScopedSettings(next, scoped)
}

// settingsFor returns the settings in force for the document at u: its
// workspace folder's (the innermost folder holding it) when the client
// answered for that folder, else the unscoped settings.
func (s *Server) settingsFor(u uri.URI) EditorSettings {
	path := filePath(u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if path == "" || len(s.scopedSettings) == 0 {
		return s.settings
	}
	best := ""
	for root := range s.scopedSettings {
		if len(root) > len(best) && inFolder(path, root) {
			best = root
		}
	}
	if best == "" {
		return s.settings
	}
	return s.scopedSettings[best]
}

// inFolder reports whether path is root or inside it.
func inFolder(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// applySettings installs new settings for every document (pushed
// settings have no scope), looks every open document's project up again
// (in the background) and re-lints it.
func (s *Server) applySettings(next EditorSettings) {
	s.applyScopedSettings(next, nil)
}

// applyScopedSettings installs the unscoped settings next and the
// per-folder settings scoped (by folder path; nil for none), then looks
// every open document's project up again and re-lints it.
func (s *Server) applyScopedSettings(next EditorSettings, scoped map[string]EditorSettings) {
	s.mu.Lock()
	if s.state == stateShutdown {
		s.mu.Unlock()
		return
	}
	s.settings = next
	s.scopedSettings = scoped
	// One warning per unknown id, whichever folders name it.
	all := EditorSettings{Rules: rules.Settings{Rules: maps.Clone(next.Rules.Rules), Categories: maps.Clone(next.Rules.Categories)}}
	for _, folder := range scoped {
		all.Rules.Rules = mergeInto(all.Rules.Rules, folder.Rules.Rules)
		all.Rules.Categories = mergeInto(all.Rules.Categories, folder.Rules.Categories)
	}
	s.warnUnknownSettings(all)
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	s.log.Debug("settings changed", zap.Int("documents", len(docs)))
	for _, d := range docs {
		s.lookupProject(d)
	}
	s.relintAll(docs)
}

// mergeInto adds src's keys to dst, making dst when it is nil.
func mergeInto[V any](dst, src map[string]V) map[string]V {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(map[string]V, len(src))
	}
	maps.Copy(dst, src)
	return dst
}

// warnUnknownSettings logs a warning (which reaches the client as
// window/logMessage) for each rule id or category in next that no
// built-in rule has. It waits for a checker still loading in the
// background, never on the read loop.
func (s *Server) warnUnknownSettings(next EditorSettings) {
	if len(next.Rules.Rules) == 0 && len(next.Rules.Categories) == 0 {
		return
	}
	go func() {
		c, err := s.checker(s.base)
		if err != nil {
			return
		}
		for _, msg := range unknownSettings(c.Rules(), next.Rules) {
			s.log.Warn(msg)
		}
	}()
}

// unknownSettings lists the rule ids and categories in s that no built-in
// rule has. A project's own rule files may define more ids; those are
// named too, with that caveat in the message.
func unknownSettings(builtin []*rules.Rule, s rules.Settings) []string {
	if len(builtin) == 0 {
		return nil // a stand-in linter: nothing to compare with
	}
	ids := make(map[string]bool, len(builtin))
	categories := make(map[string]bool)
	for _, r := range builtin {
		ids[r.ID] = true
		categories[r.Category] = true
	}
	var unknown []string
	for _, id := range slices.Sorted(maps.Keys(s.Rules)) {
		if !ids[id] {
			unknown = append(unknown, fmt.Sprintf("settings: %q is not a built-in rule (ignored unless a project rule file defines it); `liaison rules` lists them", id))
		}
	}
	for _, c := range slices.Sorted(maps.Keys(s.Categories)) {
		if !categories[c] {
			unknown = append(unknown, fmt.Sprintf("settings: %q is not a rule category (ignored); `liaison rules` lists them", c))
		}
	}
	return unknown
}

// relintAll re-lints docs after a change of settings or project
// configuration. A client that pulls diagnostics would not ask again until
// it next edits, so it is told to refresh (when it can be).
func (s *Server) relintAll(docs []*document) {
	for _, d := range docs {
		s.relint(d)
	}
	if sess := s.sess(); sess.pullDiagnostics && sess.diagnosticRefresh {
		// A server-to-client call cannot wait on the read loop it may run on.
		go func() {
			ctx, cancel := context.WithTimeout(s.base, 10*time.Second)
			defer cancel()
			if err := s.call(ctx, protocol.MethodWorkspaceDiagnosticRefresh, nil, nil); err != nil {
				s.log.Debug("diagnostic refresh", zap.Error(err))
			}
		}()
	}
}

// currentSettings returns the settings in force.
func (s *Server) currentSettings() EditorSettings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}
