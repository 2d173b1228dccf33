package server_test

import (
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestSourceCodeDocuments checks that the server checks a source file
// only when its language is turned on: here python by the project's
// source-code list, and go by the editor's sourceCode setting once it is
// sent. (The fake linter reads the raw text; which comments are prose is
// tested in analysis/markup.)
func TestSourceCodeDocuments(t *testing.T) {
	ws := t.TempDir()
	writeFile(t, filepath.Join(ws, ".liaison.yaml"), "source-code: [python]\nrules:\n  liaison-verb: error\n")
	goDoc := uri.File(filepath.Join(ws, "a.go"))
	pyDoc := uri.File(filepath.Join(ws, "a.py"))
	rc := startRecording(t)
	rc.initialize(t, ws, false)
	rc.open(t, goDoc, "go", "package a\n\n// We will liaison with them.\nvar x = 1\n")
	rc.open(t, pyDoc, "python", "# We will liaison with them.\nx = 1\n")
	rc.waitFor(t, "one error in the Python comment", func() bool {
		s := rc.severities(pyDoc)
		return len(s) == 1 && s[0] == protocol.DiagnosticSeverityError
	})
	rc.waitFor(t, "the Go file published, without diagnostics", func() bool {
		p := rc.diags[goDoc]
		return p != nil && len(p.Diagnostics) == 0
	})
	rc.notify(t, protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{
		Settings: []byte(`{"liaison": {"sourceCode": ["go"]}}`),
	})
	rc.waitFor(t, "one error in the Go comment once go is on", func() bool {
		s := rc.severities(goDoc)
		return len(s) == 1 && s[0] == protocol.DiagnosticSeverityError
	})
}
