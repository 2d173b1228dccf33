package server

import (
	"context"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/rules/checker"
)

// watcherID names the didChangeWatchedFiles registration.
const watcherID = "liaison-project-files"

// registerWatchers asks a client that supports it to report changes to
// configuration and rule files (client/registerCapability for
// workspace/didChangeWatchedFiles). Clients that cannot are still
// covered, less promptly: a configuration is re-read when a document
// opens and its files changed on disk, when an open configuration or rule
// file is saved, and when the settings change.
func (s *Server) registerWatchers() {
	s.projects.mu.Lock()
	dynamic := s.projects.watchDynamic
	s.projects.mu.Unlock()
	if !dynamic {
		return
	}
	ctx, cancel := context.WithTimeout(s.base, 10*time.Second)
	defer cancel()
	opts := protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
		{GlobPattern: protocol.Pattern("**/" + ".liaison.yaml")},
		{GlobPattern: protocol.Pattern("**/*.{yaml,yml}")},
	}}
	err := s.call(ctx, protocol.MethodClientRegisterCapability, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              watcherID,
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: mustMarshal(opts),
	}}}, nil)
	if err != nil {
		s.log.Warn("registering file watchers", zap.Error(err))
	}
}

// didChangeWatchedFiles has the configurations a changed file belongs to
// read again, in the background, and re-lints the open documents.
func (s *Server) didChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) {
	var changed []string
	for _, c := range p.Changes {
		if path := filePath(c.URI); path != "" {
			changed = append(changed, path)
		}
	}
	if len(changed) == 0 {
		return
	}
	s.log.Debug("watched files changed", zap.Strings("paths", changed))
	s.reloadProjects(changed)
}

// projectFileSaved reloads when a saved document is a configuration or
// one of its rule files.
func (s *Server) projectFileSaved(u uri.URI) {
	path := filePath(u)
	if path == "" {
		return
	}
	c := s.readyChecker()
	if (c != nil && c.Tracks(path)) || checker.IsConfigFile(path) {
		s.reloadProjects([]string{path})
	}
}

// mustMarshal encodes registration options; they are fixed values that
// always encode.
func mustMarshal(v any) protocol.LSPAny {
	b, err := protocol.Marshal(v)
	if err != nil {
		return protocol.LSPAny("null")
	}
	return protocol.LSPAny(b)
}
