package neovim_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"liaison/editors/internal/e2e"
)

// nvim finds Neovim. Under LIAISON_E2E=require (as CI sets it) a missing
// editor fails the test; otherwise the test is skipped, saying why.
func nvim(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("nvim")
	if err != nil {
		e2e.Require(t, "Neovim end-to-end test", "nvim is not installed", "apt-get install neovim")
	}
	return path
}

type report struct {
	OK         bool     `json:"ok"`
	Error      string   `json:"error"`
	Steps      []string `json:"steps"`
	Diagnostic struct {
		Lnum     int    `json:"lnum"`
		Col      int    `json:"col"`
		EndCol   int    `json:"end_col"`
		Message  string `json:"message"`
		Source   string `json:"source"`
		Code     any    `json:"code"`
		Severity int    `json:"severity"`
	} `json:"diagnostic"`
	Filetypes []string `json:"filetypes"`
	Hover     string   `json:"hover"`
	HoverKind string   `json:"hover_kind"`
	Actions   []string `json:"actions"`
	Applied   string   `json:"applied"`
	FixedLine string   `json:"fixed_line"`
	Cleared   bool     `json:"cleared"`
}

func TestNeovimEndToEnd(t *testing.T) {
	editor := nvim(t)
	dir := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(dir, "liaison"))
	script, err := filepath.Abs("testdata/e2e.lua")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "note.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	resultPath := filepath.Join(dir, "result.json")
	config, err := filepath.Abs("lsp/liaison.lua")
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, editor, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LIAISON_BIN="+bin, "LIAISON_FILE="+file, "LIAISON_RESULT="+resultPath, "LIAISON_CONFIG="+config, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CACHE_HOME="+dir)
	out, runErr := cmd.CombinedOutput()

	var rep report
	data, err := os.ReadFile(resultPath)
	if err != nil {
		t.Fatalf("no result from Neovim (%v): %v\n%s", runErr, err, out)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("result %q: %v", data, err)
	}
	if !rep.OK || runErr != nil {
		t.Fatalf("Neovim script failed after steps %v: %s (%v)\n%s", rep.Steps, rep.Error, runErr, out)
	}

	line := strings.Split(before, "\n")[2]
	col := strings.Index(line, "liaison")
	if rep.Diagnostic.Lnum != 2 || rep.Diagnostic.Col != col || rep.Diagnostic.EndCol != col+len("liaison") {
		t.Errorf("diagnostic at %d:%d-%d, want 2:%d-%d", rep.Diagnostic.Lnum, rep.Diagnostic.Col, rep.Diagnostic.EndCol, col, col+len("liaison"))
	}
	if rep.Diagnostic.Source != "liaison" || !strings.Contains(rep.Diagnostic.Message, "liaise") {
		t.Errorf("diagnostic source %q message %q", rep.Diagnostic.Source, rep.Diagnostic.Message)
	}
	// lsp/liaison.lua's settings, with liaison-verb raised to an error,
	// reached the server (1 is vim.diagnostic.severity.ERROR).
	if rep.Diagnostic.Severity != 1 {
		t.Errorf("diagnostic severity %d, want 1 (error) from the settings", rep.Diagnostic.Severity)
	}
	if code, _ := rep.Diagnostic.Code.(string); code != "liaison-verb" {
		t.Errorf("diagnostic code %v, want liaison-verb", rep.Diagnostic.Code)
	}
	for _, ft := range []string{"markdown", "text", "gitcommit", "tex", "html", "rst", "org", "typst", "asciidoc"} {
		if !slices.Contains(rep.Filetypes, ft) {
			t.Errorf("lsp/liaison.lua filetypes %q lack %s", rep.Filetypes, ft)
		}
	}
	// The hover is Markdown that repeats the diagnostic, names the rule
	// and explains the verb.
	if rep.HoverKind != "markdown" {
		t.Errorf("hover kind %q, want markdown", rep.HoverKind)
	}
	for _, want := range []string{rep.Diagnostic.Message, "liaison-verb", "liaise"} {
		if !strings.Contains(rep.Hover, want) {
			t.Errorf("hover lacks %q:\n%s", want, rep.Hover)
		}
	}
	// The preferred action replaces the word, and is the first offered.
	if !strings.Contains(rep.Applied, "liaison") || !strings.Contains(rep.Applied, "liaise") {
		t.Errorf("applied %q (actions %q): want the replacement of liaison by liaise", rep.Applied, rep.Actions)
	}
	if len(rep.Actions) == 0 || rep.Actions[0] != rep.Applied {
		t.Errorf("actions %q: the preferred one, %q, is not first", rep.Actions, rep.Applied)
	}
	if rep.FixedLine != "I will liaise with the vendor." {
		t.Errorf("line after the edit %q, want %q", rep.FixedLine, "I will liaise with the vendor.")
	}
	if !rep.Cleared {
		t.Errorf("the diagnostic was not cleared after the fix")
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(before, "I will liaison with", "I will liaise with", 1); string(got) != want {
		t.Errorf("file after the fix:\n%q\nwant\n%q", got, want)
	}
	if !strings.Contains(string(got), "I will liaise with the vendor.") {
		t.Errorf("file does not read %q: %q", "I will liaise with the vendor.", got)
	}
}
