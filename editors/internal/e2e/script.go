package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Report is what every editor script writes to its result file, beside
// what it observed: whether it got to the end, the error that stopped it
// and the steps it passed (so a failure says how far the editor got).
type Report struct {
	OK    bool     `json:"ok"`
	Error string   `json:"error"`
	Steps []string `json:"steps"`
}

// Script is one run of an editor on a test script that writes a JSON
// report to Result.
type Script struct {
	Editor  string   // the editor's name, for messages
	Command []string // the editor's binary and arguments
	Dir     string   // the working directory
	Env     []string // added to the test's environment
	Result  string   // the report file
	Timeout time.Duration
}

// Run runs the script and decodes its report into rep (the script's own
// report type, with Report's fields). The test fails, with the editor's
// output, when the script writes no report or does not report success.
func (s Script) Run(t testing.TB, rep any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), s.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.Command[0], s.Command[1:]...)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), s.Env...)
	out, runErr := cmd.CombinedOutput()
	data, err := os.ReadFile(s.Result)
	if err != nil {
		t.Fatalf("no result from %s (%v): %v\n%s", s.Editor, runErr, err, out)
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("result %q: %v", data, err)
	}
	if err := json.Unmarshal(data, rep); err != nil {
		t.Fatalf("result %q: %v", data, err)
	}
	if !r.OK || runErr != nil {
		t.Fatalf("%s script failed after steps %v: %s (%v)\n%s", s.Editor, r.Steps, r.Error, runErr, out)
	}
}

// WriteFile writes a test document, creating its folder.
func WriteFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Abs is the absolute path of a file beside the test (a script, a
// configuration), for an editor that runs in another folder.
func Abs(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
