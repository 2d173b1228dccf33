package server_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/server"
)

// TestWordsFileBadInput: a project words file with CRLF line ends,
// duplicates and a line of invalid UTF-8 (issue 16's bad input) is read
// for what it holds: its good words clear their findings, the bad line is
// reported by file and line, adding a word to it is refused with a clear
// error rather than rewriting it without the bad line (nothing lost), and
// the server keeps serving.
func TestWordsFileBadInput(t *testing.T) {
	root := t.TempDir()
	words := filepath.Join(root, ".liaison-words.txt")
	before := "vexlor\r\n\xff\xfe\r\nzandrik\r\nvexlor\r\n"
	if err := os.WriteFile(words, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	s := spellingSession(t, root)
	u := uri.File(filepath.Join(root, "a.md"))
	src := "We use vexlor and zandrik with qorbit.\n"
	if err := s.client.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	p, _, err := s.client.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := spellingWords(p, src); !slices.Equal(got, []string{"qorbit"}) {
		t.Errorf("spelling findings %q, want only qorbit (vexlor and zandrik are listed)", got)
	}
	msg, err := s.client.WaitLog(ctx(t), func(m protocol.LogMessageParams) bool { return strings.Contains(m.Message, "words file") })
	if err != nil {
		t.Fatalf("no report of the bad line: %v", err)
	}
	if !strings.Contains(msg.Message, ":2") || !strings.Contains(msg.Message, "UTF-8") {
		t.Errorf("report %q, want line 2 and UTF-8 named", msg.Message)
	}

	arg := []protocol.LSPAny{protocol.LSPAny(mustMarshal(map[string]string{"word": "qorbit", "uri": string(u)}))}
	err = s.client.Call(ctx(t), protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: server.CommandAddProjectWord, Arguments: arg}, nil)
	if err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("adding to a file with a bad line: %v, want an error naming it", err)
	}
	if got, _ := os.ReadFile(words); string(got) != before {
		t.Errorf("words file changed to %q", got)
	}
	var h *protocol.Hover
	if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 32), &h); err != nil || h == nil {
		t.Errorf("hover on qorbit after the failure: %v, %v", h, err)
	}
}
