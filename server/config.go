package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"liaison/rules/project"
)

// Settings are the user's settings for liaison, from initializationOptions
// and the "liaison" section of the workspace configuration:
//
//	{"debounceMs": 150,
//	 "rules": {"<rule-id>": false | "error" | "warning" | "info" | "hint"},
//	 "categories": {"<category>": false}}
//
// A Settings value is immutable once built: a change makes a new one.
type Settings struct {
	// DebounceMs is how long after the last change diagnostics are pushed.
	DebounceMs int
	// Rules turns a rule off (RuleOff) or overrides its severity.
	Rules map[string]RuleSetting
	// Categories turns whole categories of rules off (false).
	Categories map[string]bool
	// Project is the .liaison.yaml in force for the document being linted
	// (set per document by the server, under the editor settings); the
	// linter adds its custom rules.
	Project *project.Project
}

// RuleSetting is one rule's setting: RuleOff or a severity name.
type RuleSetting string

// Rule settings.
const (
	RuleOff     RuleSetting = "off"
	RuleError   RuleSetting = "error"
	RuleWarning RuleSetting = "warning"
	RuleInfo    RuleSetting = "info"
	RuleHint    RuleSetting = "hint"
)

// DefaultDebounce is the debounce before pushing diagnostics.
const DefaultDebounce = 150 * time.Millisecond

// DefaultSettings are the settings before the client says anything.
func DefaultSettings() Settings {
	return Settings{DebounceMs: int(DefaultDebounce / time.Millisecond)}
}

// Debounce is DebounceMs as a duration.
func (s Settings) Debounce() time.Duration {
	return time.Duration(s.DebounceMs) * time.Millisecond
}

// settingsJSON is the wire form of Settings; absent fields keep the base.
type settingsJSON struct {
	DebounceMs *int                       `json:"debounceMs"`
	Rules      map[string]json.RawMessage `json:"rules"`
	Categories map[string]json.RawMessage `json:"categories"`
}

// ParseSettings layers the JSON settings object raw over base. raw may be
// the settings themselves or an object holding them under "liaison"; null
// or an empty value leaves base as it is.
func ParseSettings(base Settings, raw []byte) (Settings, error) {
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
	out := Settings{DebounceMs: base.DebounceMs, Rules: maps.Clone(base.Rules), Categories: maps.Clone(base.Categories)}
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
		if out.Rules == nil {
			out.Rules = make(map[string]RuleSetting)
		}
		out.Rules[id] = rs
	}
	for cat, v := range in.Categories {
		var on bool
		if err := json.Unmarshal(v, &on); err != nil {
			return base, fmt.Errorf("settings: categories.%s: want true or false", cat)
		}
		if out.Categories == nil {
			out.Categories = make(map[string]bool)
		}
		out.Categories[cat] = on
	}
	return out, nil
}

func parseRuleSetting(v json.RawMessage) (RuleSetting, error) {
	var on bool
	if err := json.Unmarshal(v, &on); err == nil {
		if on {
			return "", nil // true: the rule's own severity
		}
		return RuleOff, nil
	}
	var name string
	if err := json.Unmarshal(v, &name); err != nil {
		return "", fmt.Errorf("want false or a severity, got %s", v)
	}
	switch rs := RuleSetting(strings.ToLower(name)); rs {
	case RuleOff, RuleError, RuleWarning, RuleInfo, RuleHint:
		return rs, nil
	case "information":
		return RuleInfo, nil
	default:
		return "", fmt.Errorf("unknown severity %q", name)
	}
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

// fetchConfiguration asks the client for the "liaison" section and applies
// it over initializationOptions.
func (s *Server) fetchConfiguration() {
	ctx, cancel := context.WithTimeout(s.base, 10*time.Second)
	defer cancel()
	s.configMu.Lock()
	s.configFetches++
	fetch := s.configFetches
	s.configMu.Unlock()
	var result []protocol.LSPAny
	section := "liaison"
	err := s.call(ctx, protocol.MethodWorkspaceConfiguration,
		&protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: &section}}}, &result)
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
	next, err := ParseSettings(s.settingsFromInit, result[0])
	s.mu.Unlock()
	if err != nil {
		s.log.Warn("ignoring configuration", zap.Error(err))
		return
	}
	s.applySettings(next)
}

// applySettings installs new settings and re-lints every open document.
func (s *Server) applySettings(next Settings) {
	s.mu.Lock()
	if s.state == stateShutdown {
		s.mu.Unlock()
		return
	}
	s.settings = next
	s.warnUnknownSettings(next)
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	s.log.Debug("settings changed", zap.Int("documents", len(docs)))
	s.relintAll(docs)
}

// warnUnknownSettings logs a warning (which reaches the client as
// window/logMessage) for each rule id or category in next that the linter
// does not know. It does not wait for a linter still loading.
func (s *Server) warnUnknownSettings(next Settings) {
	c, ok := s.linter.(settingsChecker)
	if !ok || (len(next.Rules) == 0 && len(next.Categories) == 0) {
		return
	}
	go func() {
		for _, msg := range c.UnknownSettings(s.base, next) {
			s.log.Warn(msg)
		}
	}()
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
func (s *Server) currentSettings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}
