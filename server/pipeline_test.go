package server_test

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"liaison/analysis/text"
	"liaison/server"
)

// TestRealPipeline runs the server with the default linter: the analysis
// pipeline and the embedded rules.
func TestRealPipeline(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("real.md")
	src := "# Vendors\n\nI will liaison with the vendor. The `liaison` field is fine, and so is our liaison officer.\n"
	if err := c.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := rangeOfWord(t, src, "liaison", protocol.PositionEncodingKindUTF16)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != want {
		t.Fatalf("diagnostics %+v, want one at %+v", p.Diagnostics, want)
	}
	var h *protocol.Hover
	if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, want.Start.Line, want.Start.Character+2), &h); err != nil || h == nil {
		t.Fatalf("hover: %v %v", h, err)
	}
	if v := h.Contents.(*protocol.MarkupContent).Value; !strings.Contains(v, "liaise") {
		t.Errorf("hover does not name the fix:\n%s", v)
	}
	actions := codeActions(t, s, u, protocol.Range{Start: want.Start, End: want.Start})
	var preferred *protocol.CodeAction
	for _, a := range actions {
		if a.IsPreferred != nil && *a.IsPreferred {
			preferred = a
		}
	}
	if preferred == nil {
		t.Fatalf("no preferred action among %d", len(actions))
	}
	edits, _ := editsOf(t, preferred.Edit, u)
	if got, want := applyEdits(t, src, edits, text.UTF16), strings.Replace(src, "I will liaison", "I will liaise", 1); got != want {
		t.Errorf("preferred fix gives\n%q\nwant\n%q", got, want)
	}
}
