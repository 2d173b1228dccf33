package server_test

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"liaison/analysis/text"
	"liaison/server"
)

// TestFixesKeepMarkup: with the real rules, no code action, quick fix or
// fix-all, rewrites markup inside a flagged word (issue 12, item 11: "I
// recie<span>ved</span> it." became "I received</span> it.", and "nip it
// in the b<!-- c -->utt" lost the comment). The problems still show; the
// word without markup is still fixed.
func TestFixesKeepMarkup(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	u := docURI("markup-fix.md")
	src := "I recie<span>ved</span> it.\n\nYou should nip it in the b<!-- c -->utt.\n\nWe had alot of fun.\n"
	markup := []string{"<span>", "</span>", "<!-- c -->"}
	if err := s.client.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	p, _, err := s.client.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 3 {
		t.Fatalf("diagnostics %+v, want the misspelling, the idiom and alot", p.Diagnostics)
	}
	whole := protocol.Range{End: protocol.Position{Line: 5}}
	actions := codeActions(t, s, u, whole)
	actions = append(actions, codeActions(t, s, u, protocol.Range{}, protocol.CodeActionKindSourceFixAll)...)
	fixedAlot := false
	for _, a := range actions {
		if strings.HasPrefix(a.Title, "Disable ") {
			continue
		}
		edits, _ := editsOf(t, a.Edit, u)
		got := applyEdits(t, src, edits, text.UTF16)
		for _, m := range markup {
			if !strings.Contains(got, m) {
				t.Errorf("%q deletes %q:\n%q", a.Title, m, got)
			}
		}
		fixedAlot = fixedAlot || strings.Contains(got, "We had a lot of fun.")
	}
	if !fixedAlot {
		t.Errorf("no action fixes the alot without markup, among %d", len(actions))
	}
}
