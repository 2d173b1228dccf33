package server_test

import (
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/text"
	"liaison/server"
)

// TestDisableLineEndings: "Disable … for this line" puts the directive on
// its own line just above the problem's line, and both directives end
// with the document's line ending, whatever it is (issue 12, item 12: in a
// lone-CR document the directive went to line 0, and in CRLF documents
// inserted lines ended in a bare LF).
func TestDisableLineEndings(t *testing.T) {
	tests := []struct {
		name, lang, src string
		line, doc       string // the document after each action
	}{
		{"markdown, LF", "markdown",
			"First line.\n  We will liaison with them.\n",
			"First line.\n  <!-- liaison-disable-next-line liaison-verb -->\n  We will liaison with them.\n",
			"<!-- liaison-disable liaison-verb -->\nFirst line.\n  We will liaison with them.\n"},
		{"markdown, lone CR", "markdown",
			"First line.\r  We will liaison with them.\r",
			"First line.\r  <!-- liaison-disable-next-line liaison-verb -->\r  We will liaison with them.\r",
			"<!-- liaison-disable liaison-verb -->\rFirst line.\r  We will liaison with them.\r"},
		{"markdown, CRLF", "markdown",
			"First line.\r\nWe will liaison with them.\r\n",
			"First line.\r\n<!-- liaison-disable-next-line liaison-verb -->\r\nWe will liaison with them.\r\n",
			"<!-- liaison-disable liaison-verb -->\r\nFirst line.\r\nWe will liaison with them.\r\n"},
		{"markdown, CRLF front matter", "markdown",
			"---\r\ntitle: x\r\n---\r\nWe will liaison with them.\r\n",
			"---\r\ntitle: x\r\n---\r\n<!-- liaison-disable-next-line liaison-verb -->\r\nWe will liaison with them.\r\n",
			"---\r\ntitle: x\r\n---\r\n<!-- liaison-disable liaison-verb -->\r\nWe will liaison with them.\r\n"},
		{"markdown, lone CR front matter", "markdown",
			"---\rtitle: x\r---\rWe will liaison with them.\r",
			"---\rtitle: x\r---\r<!-- liaison-disable-next-line liaison-verb -->\rWe will liaison with them.\r",
			"---\rtitle: x\r---\r<!-- liaison-disable liaison-verb -->\rWe will liaison with them.\r"},
		{"plain text, lone CR", "plaintext",
			"First line.\rSecond.\rWe will liaison with them.",
			"First line.\rSecond.\rliaison-disable-next-line liaison-verb\rWe will liaison with them.",
			"liaison-disable liaison-verb\rFirst line.\rSecond.\rWe will liaison with them."},
		{"plain text, mostly CRLF", "plaintext",
			"First line.\r\nSecond.\nThird.\r\nWe will liaison with them.\r\n",
			"First line.\r\nSecond.\nThird.\r\nliaison-disable-next-line liaison-verb\r\nWe will liaison with them.\r\n",
			"liaison-disable liaison-verb\r\nFirst line.\r\nSecond.\nThird.\r\nWe will liaison with them.\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
			u := docURI("endings." + map[string]string{"markdown": "md", "plaintext": "txt"}[tt.lang])
			if err := s.client.Open(ctx(t), u, tt.lang, 1, tt.src); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.client.WaitVersion(ctx(t), u, 0, 1); err != nil {
				t.Fatal(err)
			}
			at := text.New(tt.src)
			off := strings.Index(tt.src, "liaison with")
			r := at.RangeOf(off, off, text.UTF16)
			cursor := protocol.Range{
				Start: protocol.Position{Line: uint32(r.Start.Line), Character: uint32(r.Start.Character)},
				End:   protocol.Position{Line: uint32(r.End.Line), Character: uint32(r.End.Character)},
			}
			got := map[string]string{}
			for _, a := range codeActions(t, s, u, cursor, protocol.CodeActionKindQuickFix) {
				if strings.HasPrefix(a.Title, "Disable liaison-verb for this ") {
					edits, _ := editsOf(t, a.Edit, u)
					got[a.Title] = applyEdits(t, tt.src, edits, text.UTF16)
				}
			}
			if g := got["Disable liaison-verb for this line"]; g != tt.line {
				t.Errorf("line action gives\n%q\nwant\n%q", g, tt.line)
			}
			if g := got["Disable liaison-verb for this document"]; g != tt.doc {
				t.Errorf("document action gives\n%q\nwant\n%q", g, tt.doc)
			}
		})
	}
}

// TestDisableInProjectLineEndings: the lines "Disable … in this project"
// adds to a CRLF .liaison.yaml end in CRLF, as the file's do.
func TestDisableInProjectLineEndings(t *testing.T) {
	ws := t.TempDir()
	config := filepath.Join(ws, ".liaison.yaml")
	writeFile(t, config, "ignore: [vendor]\r\n")
	rc := startRecording(t)
	rc.initialize(t, ws, false)
	u := uri.File(filepath.Join(ws, "a.md"))
	src := "We will liaison with them.\r\n"
	rc.open(t, u, "markdown", src)
	rc.waitFor(t, "diagnostics", func() bool { return rc.diags[u] != nil && len(rc.diags[u].Diagnostics) == 1 })
	project := actionsByTitle(t, rc, u, src)["Disable liaison-verb in this project"]
	if project == nil {
		t.Fatal("no project action")
	}
	edits, _ := editsOf(t, project.Edit, uri.File(config))
	if got, want := applyEdits(t, "ignore: [vendor]\r\n", edits, text.UTF16), "ignore: [vendor]\r\nrules:\r\n  liaison-verb: off\r\n"; got != want {
		t.Errorf("project action gives %q, want %q", got, want)
	}
}

// TestDisableLineRoundTrip: with the real linter, "Disable … for this
// line" applied to the second of three flagged lines silences exactly
// that line, whatever the line ending (issue 12, item 12: in a lone-CR
// document the directive went to line 0 and silenced every line).
func TestDisableLineRoundTrip(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, lang, eol string }{
		{"markdown LF", "markdown", "\n"}, {"markdown CR", "markdown", "\r"}, {"markdown CRLF", "markdown", "\r\n"},
		{"plain LF", "plaintext", "\n"}, {"plain CR", "plaintext", "\r"}, {"plain CRLF", "plaintext", "\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
			u := docURI("roundtrip." + map[string]string{"markdown": "md", "plaintext": "txt"}[tc.lang])
			line := "We had alot of fun."
			src := strings.Repeat(line+tc.eol, 3)
			if err := s.client.Open(ctx(t), u, tc.lang, 1, src); err != nil {
				t.Fatal(err)
			}
			p, n, err := s.client.WaitVersion(ctx(t), u, 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Diagnostics) != 3 {
				t.Fatalf("diagnostics %+v, want one a line", p.Diagnostics)
			}
			cursor := p.Diagnostics[1].Range
			var fixed string
			for _, a := range codeActions(t, s, u, cursor, protocol.CodeActionKindQuickFix) {
				if a.Title == "Disable alot for this line" {
					edits, _ := editsOf(t, a.Edit, u)
					fixed = applyEdits(t, src, edits, text.UTF16)
				}
			}
			if fixed == "" {
				t.Fatal("no line action")
			}
			if err := s.client.Change(ctx(t), u, 2, nil, fixed); err != nil {
				t.Fatal(err)
			}
			p, _, err = s.client.WaitVersion(ctx(t), u, n+1, 2)
			if err != nil {
				t.Fatal(err)
			}
			var lines []uint32
			for _, d := range p.Diagnostics {
				lines = append(lines, d.Range.Start.Line)
			}
			if len(lines) != 2 || lines[0] != 0 || lines[1] != 3 {
				t.Errorf("after the line action %q, problems on lines %v, want [0 3]", fixed, lines)
			}
		})
	}
}
