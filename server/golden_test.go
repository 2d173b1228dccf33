package server_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"liaison/server"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestGoldenHoverAndActions records how a hover and the code actions for
// one problem read, so changes to their wording are deliberate.
func TestGoldenHoverAndActions(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	u := docURI("golden.md")
	src := "We will liaison with the *vendor* and utilize the budget.\n"
	if err := s.client.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, word := range []string{"liaison", "utilize"} {
		r := rangeOfWord(t, src, word, protocol.PositionEncodingKindUTF16)
		var h *protocol.Hover
		if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, r.Start.Line, r.Start.Character), &h); err != nil || h == nil {
			t.Fatalf("hover on %q: %v %v", word, h, err)
		}
		b.WriteString("## hover on " + word + "\n\n" + h.Contents.(*protocol.MarkupContent).Value + "\n\n")
		b.WriteString("## code actions on " + word + "\n\n")
		for _, a := range codeActions(t, s, u, protocol.Range{Start: r.Start, End: r.Start}) {
			preferred := ""
			if a.IsPreferred != nil && *a.IsPreferred {
				preferred = " (preferred)"
			}
			b.WriteString("- " + string(*a.Kind) + ": " + a.Title + preferred + "\n")
		}
		b.WriteString("\n")
	}
	golden(t, "hover-and-actions.md", b.String())
}
