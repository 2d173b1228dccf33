package server_test

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"liaison/analysis/text"
	"liaison/server"
)

// TestFormatsDisableRoundTrip: under each new format's language ids (as
// VS Code, Neovim and Helix send them) the server reads the document as
// that format, "Disable … for this line" writes the directive in the
// format's comment syntax, and the directive silences that line only.
func TestFormatsDisableRoundTrip(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, name, prefix, suffix string
		directive                  string
	}{
		{"latex", "a.tex", "", "", "% liaison-disable-next-line alot"},
		{"tex", "b.tex", "", " % a comment", "% liaison-disable-next-line alot"},
		{"html", "a.html", "<p>", "</p><!-- a comment -->", "<!-- liaison-disable-next-line alot -->"},
		{"git-commit", "COMMIT_EDITMSG", "", "", "# liaison-disable-next-line alot"},
		{"gitcommit", "MERGE_MSG", "", "", "# liaison-disable-next-line alot"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
			u := docURI(tc.name)
			line := tc.prefix + "We had alot of fun." + tc.suffix
			src := strings.Repeat(line+"\n", 3)
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
			var fixed string
			for _, a := range codeActions(t, s, u, p.Diagnostics[1].Range, protocol.CodeActionKindQuickFix) {
				if a.Title == "Disable alot for this line" {
					edits, _ := editsOf(t, a.Edit, u)
					fixed = applyEdits(t, src, edits, text.UTF16)
				}
			}
			if want := line + "\n" + tc.directive + "\n" + line + "\n" + line + "\n"; fixed != want {
				t.Fatalf("line action gives\n%q\nwant\n%q", fixed, want)
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
				t.Errorf("after the line action, problems on lines %v, want [0 3]", lines)
			}
		})
	}
}
