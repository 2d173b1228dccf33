package server_test

import (
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server"
)

// A rule file with a bad rule beside a good one: the project stays valid
// (a warning says so, not that the last valid configuration stays), the
// bad rule shows on the rule file where it is, and the server answers.
func TestBadRuleFileInTheServer(t *testing.T) {
	ws := t.TempDir()
	writeFile(t, filepath.Join(ws, ".liaison.yaml"), "rule-files: [style.yaml]\nrules:\n  liaison-verb: error\n")
	ruleText := "- id: bad-feature\n  category: grammar\n  severity: warning\n  summary: s\n  message: m\n  explanation: e\n" +
		"  match: [{word: foo, tense: past}]\n" +
		"- id: good\n  category: grammar\n  severity: warning\n  summary: s\n  message: m\n  explanation: e\n  match: [synergy]\n"
	style := filepath.Join(ws, "style.yaml")
	writeFile(t, style, ruleText)
	doc := uri.File(filepath.Join(ws, "a.md"))

	rc := startRecording(t)
	rc.initialize(t, ws, false)
	rc.open(t, doc, "markdown", "We will liaison with them.\n")
	rc.waitFor(t, "a warning about the rule file", func() bool {
		return len(rc.shown) == 1 && rc.shown[0].Type == protocol.MessageTypeWarning &&
			strings.Contains(rc.shown[0].Message, `style.yaml:7:23: unknown field "tense"`) &&
			!strings.Contains(rc.shown[0].Message, "last valid")
	})
	rc.waitFor(t, "the project's settings in force", func() bool {
		s := rc.severities(doc)
		return len(s) == 1 && s[0] == protocol.DiagnosticSeverityError
	})

	styleURI := uri.File(style)
	rc.open(t, styleURI, "yaml", ruleText)
	rc.waitFor(t, "diagnostics on the rule file", func() bool {
		p := rc.diags[styleURI]
		if p == nil || len(p.Diagnostics) != 1 {
			return false
		}
		d := p.Diagnostics[0]
		msg, _ := d.Message.(protocol.String)
		return d.Range.Start == protocol.Position{Line: 6, Character: 22} && d.Severity == protocol.DiagnosticSeverityError &&
			d.Code == protocol.String(server.ConfigRuleID) && strings.Contains(string(msg), `unknown field "tense"`)
	})

	var hover *protocol.Hover
	rc.call(t, protocol.MethodTextDocumentHover, hoverParams(doc, 0, 9), &hover)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.shown) != 1 {
		t.Errorf("messages %v, want the one warning", rc.shown)
	}
}
