package neovim_test

import (
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

// runNeovim runs a Lua test script in headless Neovim, without the user's
// configuration, in the folder of file (the project), with a freshly built
// liaison and lsp/liaison.lua in the environment the scripts read, and
// decodes the script's report into rep.
func runNeovim(t *testing.T, script, file string, rep any) {
	t.Helper()
	editor := nvim(t)
	dir := filepath.Dir(file)
	state := t.TempDir()
	bin := e2e.BuildLiaison(t, filepath.Join(state, "liaison"))
	result := filepath.Join(state, "result.json")
	e2e.Script{
		Editor:  "Neovim",
		Command: []string{editor, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile " + e2e.Abs(t, script)},
		Dir:     dir,
		Env: []string{"LIAISON_BIN=" + bin, "LIAISON_FILE=" + file, "LIAISON_RESULT=" + result, "LIAISON_CONFIG=" + e2e.Abs(t, "lsp/liaison.lua"),
			"XDG_CONFIG_HOME=" + filepath.Join(state, "config"), "XDG_STATE_HOME=" + state, "XDG_DATA_HOME=" + state, "XDG_CACHE_HOME=" + state},
		Result:  result,
		Timeout: 90 * time.Second,
	}.Run(t, rep)
}

// actionReport is what the code-action scripts (addword.lua, disable.lua)
// report: the diagnostic's rule, the actions offered, the one applied and
// whether the diagnostic cleared after it.
type actionReport struct {
	e2e.Report
	Rule    any      `json:"rule"`
	Actions []string `json:"actions"`
	Applied string   `json:"applied"`
	Cleared bool     `json:"cleared"`
}

type report struct {
	e2e.Report
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
	file := filepath.Join(t.TempDir(), "note.md")
	const before = "# Plans\n\nI will liaison with the vendor.\n"
	e2e.WriteFile(t, file, before)
	var rep report
	runNeovim(t, "testdata/e2e.lua", file, &rep)

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
