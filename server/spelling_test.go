package server_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/text"
	"liaison/server"
)

// spellingSession starts the real server with a workspace folder root and
// the user's configuration directory in a temporary place.
func spellingSession(t *testing.T, root string) *session {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(t.TempDir(), "config"))
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := start(t, server.Options{Linter: linter})
	params := &protocol.InitializeParams{InitializationOptions: protocol.LSPAny(`{"debounceMs": 0}`)}
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(root), Name: "ws"}})
	var res protocol.InitializeResult
	if err := s.client.Call(ctx(t), protocol.MethodInitialize, params, &res); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Capabilities.ExecuteCommandProvider.Commands, server.CommandAddProjectWord) ||
		!slices.Contains(res.Capabilities.ExecuteCommandProvider.Commands, server.CommandAddUserWord) {
		t.Fatalf("executeCommandProvider %+v lacks the add-word commands", res.Capabilities.ExecuteCommandProvider)
	}
	if err := s.client.Notify(ctx(t), protocol.MethodInitialized, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// spellingWords returns the words the spelling diagnostics of p are on.
func spellingWords(p *protocol.PublishDiagnosticsParams, src string) []string {
	doc := text.New(src)
	var out []string
	for _, d := range p.Diagnostics {
		if d.Code != nil && strings.Contains(string(mustMarshal(d.Code)), `"spelling"`) {
			start := doc.Offset(text.Position{Line: int(d.Range.Start.Line), Character: int(d.Range.Start.Character)}, text.UTF16)
			end := doc.Offset(text.Position{Line: int(d.Range.End.Line), Character: int(d.Range.End.Character)}, text.UTF16)
			out = append(out, src[start:end])
		}
	}
	return out
}

func mustMarshal(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// action finds the code action titled title.
func action(t *testing.T, actions []*protocol.CodeAction, title string) *protocol.CodeAction {
	t.Helper()
	for _, a := range actions {
		if a.Title == title {
			return a
		}
	}
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q among %q", title, titles)
	return nil
}

// TestAddWordActions: a misspelling offers its suggestions as quick fixes
// and the three ways to accept the word; the server performs "the
// project's words" and "my words" itself (workspace/executeCommand), the
// file is on disk, sorted, and the finding clears at once in every open
// document; "this document" is an edit adding a liaison-words comment.
func TestAddWordActions(t *testing.T) {
	root := t.TempDir()
	s := spellingSession(t, root)
	a, b := uri.File(filepath.Join(root, "a.md")), uri.File(filepath.Join(root, "b.md"))
	srcA := "Please chekc the zandrik logs.\n"
	srcB := "The zandrik runtime is fast.\n"
	for _, d := range []struct {
		u   uri.URI
		src string
	}{{a, srcA}, {b, srcB}} {
		if err := s.client.Open(ctx(t), d.u, "markdown", 1, d.src); err != nil {
			t.Fatal(err)
		}
	}
	pa, _, err := s.client.WaitVersion(ctx(t), a, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := spellingWords(pa, srcA); !slices.Equal(got, []string{"chekc", "zandrik"}) {
		t.Fatalf("spelling findings on %q, want chekc and zandrik", got)
	}
	actions := codeActions(t, s, a, protocol.Range{Start: protocol.Position{Character: 7}, End: protocol.Position{Character: 8}})
	fix := action(t, actions, "Replace “chekc” with “check”")
	edits, _ := editsOf(t, fix.Edit, a)
	if got := applyEdits(t, srcA, edits, text.UTF16); got != "Please check the zandrik logs.\n" {
		t.Errorf("the first suggestion gives %q", got)
	}

	// The project's words: the command, as the client would run it.
	actions = codeActions(t, s, a, protocol.Range{Start: protocol.Position{Character: 18}, End: protocol.Position{Character: 19}})
	add := action(t, actions, "Add “zandrik” to the project's words")
	n := s.client.DiagnosticsCount()
	if err := s.client.Call(ctx(t), protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{
		Command: add.Command.Command, Arguments: add.Command.Arguments,
	}, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(root, ".liaison-words.txt")); err != nil || string(got) != "zandrik\n" {
		t.Fatalf("words file %q (%v), want zandrik", got, err)
	}
	for _, d := range []struct {
		u   uri.URI
		src string
	}{{a, srcA}, {b, srcB}} {
		if _, _, err := s.client.WaitDiagnostics(ctx(t), d.u, n, func(p *protocol.PublishDiagnosticsParams) bool {
			return !slices.Contains(spellingWords(p, d.src), "zandrik")
		}); err != nil {
			t.Errorf("%s: zandrik still flagged after the add: %v", d.u, err)
		}
	}

	// My words: written in the user's configuration directory.
	add = action(t, codeActions(t, s, a, protocol.Range{Start: protocol.Position{Character: 7}, End: protocol.Position{Character: 8}}), "Add “chekc” to my words")
	n = s.client.DiagnosticsCount()
	if err := s.client.Call(ctx(t), protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{
		Command: add.Command.Command, Arguments: add.Command.Arguments,
	}, nil); err != nil {
		t.Fatal(err)
	}
	userWords := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "liaison", "words.txt")
	if got, err := os.ReadFile(userWords); err != nil || string(got) != "chekc\n" {
		t.Fatalf("user words %q (%v)", got, err)
	}
	if _, _, err := s.client.WaitDiagnostics(ctx(t), a, n, func(p *protocol.PublishDiagnosticsParams) bool {
		return len(spellingWords(p, srcA)) == 0
	}); err != nil {
		t.Errorf("chekc still flagged after the add: %v", err)
	}
}

// TestAddWordToDocument: "Add … to this document's words" inserts a
// liaison-words comment in the format's syntax, or extends the one there.
func TestAddWordToDocument(t *testing.T) {
	root := t.TempDir()
	s := spellingSession(t, root)
	tests := []struct {
		name, lang, src, want string
	}{
		{"a.md", "markdown", "We use vexlor here.\n", "<!-- liaison-words: vexlor -->\nWe use vexlor here.\n"},
		{"b.md", "markdown", "<!-- liaison-words: zandrik -->\nWe use vexlor here.\n", "<!-- liaison-words: zandrik vexlor -->\nWe use vexlor here.\n"},
		{"c.tex", "latex", "We use vexlor here.\n", "% liaison-words: vexlor\nWe use vexlor here.\n"},
		{"d.txt", "plaintext", "We use vexlor here.\n", "liaison-words: vexlor\nWe use vexlor here.\n"},
	}
	for _, tt := range tests {
		u := uri.File(filepath.Join(root, tt.name))
		if err := s.client.Open(ctx(t), u, tt.lang, 1, tt.src); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.client.WaitVersion(ctx(t), u, 0, 1); err != nil {
			t.Fatal(err)
		}
		line := uint32(strings.Count(tt.src[:strings.Index(tt.src, "vexlor")], "\n"))
		at := protocol.Position{Line: line, Character: 8}
		t.Log(tt.name)
		a := action(t, codeActions(t, s, u, protocol.Range{Start: at, End: at}), "Add “vexlor” to this document's words")
		edits, _ := editsOf(t, a.Edit, u)
		got := applyEdits(t, tt.src, edits, text.UTF16)
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
			continue
		}
		n := s.client.DiagnosticsCount()
		if err := s.client.Change(ctx(t), u, 2, nil, got); err != nil {
			t.Fatal(err)
		}
		p, _, err := s.client.WaitVersion(ctx(t), u, n, 2)
		if err != nil {
			t.Fatal(err)
		}
		if w := spellingWords(p, got); len(w) != 0 {
			t.Errorf("%s: %q still flagged after the comment", tt.name, w)
		}
	}
}

// TestAddWordFailures: a directory where the words file should be, a
// read-only file system (the user's words under /proc), a bad word or
// command: an error answer, a message to the user, nothing written, and
// the server goes on serving.
func TestAddWordFailures(t *testing.T) {
	root := t.TempDir()
	s := spellingSession(t, root)
	u := uri.File(filepath.Join(root, "a.md"))
	if err := s.client.Open(ctx(t), u, "markdown", 1, "We use vexlor here.\n"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.client.WaitVersion(ctx(t), u, 0, 1); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, ".liaison-words.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	arg := func(word string) []protocol.LSPAny {
		return []protocol.LSPAny{protocol.LSPAny(mustMarshal(map[string]string{"word": word, "uri": string(u)}))}
	}
	err := s.client.Call(ctx(t), protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: server.CommandAddProjectWord, Arguments: arg("vexlor")}, nil)
	if err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("adding over a directory: %v, want an error naming it", err)
	}
	if _, err := s.client.WaitLog(ctx(t), func(m protocol.LogMessageParams) bool { return strings.Contains(m.Message, "add word") }); err != nil {
		t.Errorf("no log of the failure: %v", err)
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		t.Setenv("XDG_CONFIG_HOME", "/proc/self")
		err = s.client.Call(ctx(t), protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: server.CommandAddUserWord, Arguments: arg("vexlor")}, nil)
		if err == nil {
			t.Error("adding on a read-only file system succeeded")
		}
	}
	for _, bad := range []*protocol.ExecuteCommandParams{
		{Command: server.CommandAddProjectWord, Arguments: arg("two words")},
		{Command: server.CommandAddProjectWord},
		{Command: "liaison.nothing", Arguments: arg("vexlor")},
	} {
		if err := s.client.Call(ctx(t), protocol.MethodWorkspaceExecuteCommand, bad, nil); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	// Still serving.
	var h *protocol.Hover
	if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 9), &h); err != nil {
		t.Errorf("hover after the failures: %v", err)
	}
}

// TestSpellingHover: the hover on a misspelling lists its suggestions,
// each with a definition.
func TestSpellingHover(t *testing.T) {
	root := t.TempDir()
	s := spellingSession(t, root)
	u := uri.File(filepath.Join(root, "a.md"))
	if err := s.client.Open(ctx(t), u, "markdown", 1, "The documnet is ready.\n"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.client.WaitVersion(ctx(t), u, 0, 1); err != nil {
		t.Fatal(err)
	}
	var h *protocol.Hover
	if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, 6), &h); err != nil || h == nil {
		t.Fatalf("hover %v, %v", h, err)
	}
	md := h.Contents.(*protocol.MarkupContent).Value
	if !strings.Contains(md, "documnet → **document** — writing that provides information") {
		t.Errorf("hover lacks the suggestion with its meaning:\n%s", md)
	}
	if strings.Contains(md, "No automatic fix") {
		t.Errorf("hover says there is no fix:\n%s", md)
	}
}
