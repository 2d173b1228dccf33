package server_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/rules"
	"liaison/rules/checker"
	"liaison/rules/project"
	"liaison/server"
)

// countingFiles is the disk, counting every access the checker makes;
// block, when set, makes every Load wait on it (a file that never answers).
type countingFiles struct {
	checker.OSFiles
	calls atomic.Int64
	block chan struct{}
}

func (f *countingFiles) Find(docPath string, roots []string) (string, string, bool) {
	f.calls.Add(1)
	return f.OSFiles.Find(docPath, roots)
}

func (f *countingFiles) Load(configPath, root string, builtin []*rules.Rule) (*project.Project, error) {
	f.calls.Add(1)
	if f.block != nil {
		<-f.block
	}
	return f.OSFiles.Load(configPath, root, builtin)
}

func (f *countingFiles) LoadData(configPath, root string, data []byte, builtin []*rules.Rule) (*project.Project, error) {
	f.calls.Add(1)
	return f.OSFiles.LoadData(configPath, root, data, builtin)
}

func (f *countingFiles) Stamp(path string) string {
	f.calls.Add(1)
	return f.OSFiles.Stamp(path)
}

// projectWorkspace is a repository with a configuration that sets
// liaison-verb to error, and a document in it.
func projectWorkspace(t *testing.T) (root string, doc uri.URI) {
	t.Helper()
	root = t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "docs", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, ".liaison.yaml"), "rules:\n  liaison-verb: error\n")
	return root, uri.File(filepath.Join(root, "docs", "deep", "a.md"))
}

func countingChecker(t *testing.T, files *countingFiles) *checker.Checker {
	t.Helper()
	builtin, err := rules.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	c, err := checker.New(checker.Options{Finder: fakeLinter{}, Rules: builtin, Files: files})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func initializeIn(t *testing.T, s *session, root string) {
	t.Helper()
	params := &protocol.InitializeParams{InitializationOptions: protocol.LSPAny(`{"debounceMs": 0}`)}
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(root), Name: "ws"}})
	if err := s.client.Call(ctx(t), protocol.MethodInitialize, params, &protocol.InitializeResult{}); err != nil {
		t.Fatal(err)
	}
	if err := s.client.Notify(ctx(t), protocol.MethodInitialized, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
}

// TestKeystrokeReadsNoFile: the project is looked up when the document
// opens; the keystrokes after it touch no file (before the checker, every
// lint ran project.Find — a stat per directory level — and a stat of every
// configuration and rule file, on the read loop).
func TestKeystrokeReadsNoFile(t *testing.T) {
	root, u := projectWorkspace(t)
	files := &countingFiles{}
	s := start(t, server.Options{Linter: countingChecker(t, files)})
	initializeIn(t, s, root)
	if err := s.client.Open(ctx(t), u, "markdown", 1, "We will liaison with them.\n"); err != nil {
		t.Fatal(err)
	}
	d, seen, err := s.client.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 1 || d.Diagnostics[0].Severity != protocol.DiagnosticSeverityError {
		t.Fatalf("diagnostics %+v, want one error (the project's setting)", d.Diagnostics)
	}
	opened := files.calls.Load()
	if opened == 0 {
		t.Fatal("the project was looked up without the file system")
	}
	for v := int32(2); v <= 20; v++ {
		r := protocol.Range{Start: protocol.Position{Line: 0, Character: 0}, End: protocol.Position{Line: 0, Character: 0}}
		if err := s.client.Change(ctx(t), u, v, &r, "x"); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.client.WaitVersion(ctx(t), u, seen, 20); err != nil {
		t.Fatal(err)
	}
	if n := files.calls.Load() - opened; n != 0 {
		t.Errorf("19 keystrokes made %d file-system calls, want 0", n)
	}
	// A watched-file event looks the project up again.
	if err := s.client.Notify(ctx(t), protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(filepath.Join(root, ".liaison.yaml")), Type: protocol.FileChangeTypeChanged}},
	}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(testTimeout)
	for files.calls.Load() == opened+0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if files.calls.Load() == opened {
		t.Error("didChangeWatchedFiles did not look the project up again")
	}
}

// TestStuckProjectReadBlocksNothing: a configuration whose read never
// returns (a FIFO on a file system that ignores non-blocking opens, a dead
// mount) delays that document's lint, and nothing else: hovers of it are
// answered, shutdown and exit are answered at once. Before the checker, the
// lookup ran on the JSON-RPC read loop and every message waited behind it.
func TestStuckProjectReadBlocksNothing(t *testing.T) {
	root, u := projectWorkspace(t)
	files := &countingFiles{block: make(chan struct{})}
	var once sync.Once
	unblock := func() { once.Do(func() { close(files.block) }) }
	// The read answers after 3 s, so that a server that waits for it on
	// its read loop fails the timing below rather than hanging the test.
	timer := time.AfterFunc(3*time.Second, unblock)
	t.Cleanup(func() { timer.Stop(); unblock() })
	s := start(t, server.Options{Linter: countingChecker(t, files)})
	initializeIn(t, s, root)
	start := time.Now()
	if err := s.client.Open(ctx(t), u, "markdown", 1, "We will liaison with them.\n"); err != nil {
		t.Fatal(err)
	}
	other := docURI("elsewhere.txt") // no project: not held up
	if err := s.client.Open(ctx(t), other, "plaintext", 1, "We will liaison with them.\n"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.client.WaitVersion(ctx(t), other, 0, 1); err != nil {
		t.Fatalf("a document of no project waited for another's: %v", err)
	}
	c, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.client.Call(c, protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatalf("shutdown while a project read is stuck: %v", err)
	}
	if err := s.client.Notify(c, protocol.MethodExit, nil); err != nil {
		t.Fatal(err)
	}
	if code := s.exitCode(t); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("open, another document's diagnostics, shutdown and exit took %v while a read was stuck", d)
	}
}
