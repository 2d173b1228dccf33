package helix_test

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/markup"
	"liaison/server"
	"liaison/server/lsptest"

	"liaison/editors/internal/e2e"
)

// config is what the test reads from languages.toml.
type config struct {
	command   string
	args      []string
	settings  map[string]string            // [language-server.liaison.config.liaison]: key → raw value
	languages map[string]map[string]string // [[language]] name → key → raw value
}

// readConfig reads the small part of TOML that languages.toml uses:
// [table] and [[array]] headers and key = value lines, # comments.
func readConfig(t *testing.T, path string) config {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := config{settings: map[string]string{}, languages: map[string]map[string]string{}}
	var table string
	var language map[string]string
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(stripComment(line))
		switch {
		case line == "":
		case strings.HasPrefix(line, "[["):
			table = strings.Trim(line, "[] ")
			language = map[string]string{}
		case strings.HasPrefix(line, "["):
			table = strings.Trim(line, "[] ")
			language = nil
		default:
			key, value, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s:%d: not key = value: %q", path, n+1, line)
			}
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			switch {
			case table == "language-server.liaison" && key == "command":
				c.command = unquote(t, value)
			case table == "language-server.liaison" && key == "args":
				c.args = stringArray(t, value)
			case table == "language-server.liaison.config.liaison":
				c.settings[key] = value
			case table == "language" && language != nil:
				language[key] = value
				if key == "name" {
					c.languages[unquote(t, value)] = language
				}
			}
		}
	}
	return c
}

func stripComment(line string) string {
	inString := false
	for i, r := range line {
		switch {
		case r == '"':
			inString = !inString
		case r == '#' && !inString:
			return line[:i]
		}
	}
	return line
}

func unquote(t *testing.T, s string) string {
	t.Helper()
	u, err := strconv.Unquote(s)
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return u
}

func stringArray(t *testing.T, s string) []string {
	t.Helper()
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		t.Fatalf("not an array: %s", s)
	}
	var out []string
	for _, item := range strings.Split(strings.Trim(s, "[]"), ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, unquote(t, item))
		}
	}
	return out
}

func TestLanguagesTOML(t *testing.T) {
	c := readConfig(t, "languages.toml")
	if c.command != "liaison" {
		t.Errorf("command %q, want liaison", c.command)
	}
	if len(c.args) == 0 || c.args[0] != "serve" {
		t.Errorf("args %q do not start the server", c.args)
	}
	for key := range c.settings {
		if !slices.Contains([]string{"debounceMs", "rules", "categories", "sourceCode"}, key) {
			t.Errorf("settings key %q is not one the server reads", key)
		}
	}
	if _, err := server.ParseSettings(server.DefaultSettings(), []byte(`{"liaison":{"debounceMs":`+c.settings["debounceMs"]+`}}`)); err != nil {
		t.Errorf("debounceMs = %s: %v", c.settings["debounceMs"], err)
	}
	for _, name := range []string{"markdown", "text", "git-commit", "latex", "html", "typst", "rst", "asciidoc", "org"} {
		l, ok := c.languages[name]
		if !ok {
			t.Errorf("no [[language]] entry for %s", name)
			continue
		}
		if servers := stringArray(t, l["language-servers"]); !slices.Contains(servers, "liaison") {
			t.Errorf("%s: language-servers %q lack liaison", name, servers)
		}
	}
	// Helix tells the server the language-id, else the name: each must be
	// one the server reads as its format, not as plain text by default.
	for name, l := range c.languages {
		id := name
		if v, ok := l["language-id"]; ok {
			id = unquote(t, v)
		}
		if _, ok := markup.LookupFormat(id); !ok {
			t.Errorf("%s: language id %q is not one liaison reads", name, id)
		}
	}
	// Every format liaison reads, prose and source code, has an entry that
	// sends its documents to liaison.
	covered := map[string]bool{}
	for name, l := range c.languages {
		id := name
		if v, ok := l["language-id"]; ok {
			id = unquote(t, v)
		}
		if f, ok := markup.LookupFormat(id); ok && slices.Contains(stringArray(t, l["language-servers"]), "liaison") {
			covered[f.Name] = true
		}
	}
	for _, f := range markup.Formats() {
		if !covered[f.Name] {
			t.Errorf("no [[language]] entry sends %s (ids %q) to liaison", f.Name, f.IDs)
		}
	}
	if servers := stringArray(t, c.languages["markdown"]["language-servers"]); !slices.Contains(servers, "marksman") {
		t.Errorf("markdown: language-servers %q drop Helix's default marksman", servers)
	}
}

// pipes joins a subprocess's stdout (read) and stdin (write).
type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}

// TestServerStartsAsConfigured runs the configured command line and checks
// the server diagnoses a document under each language id Helix sends.
func TestServerStartsAsConfigured(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	c := readConfig(t, "languages.toml")
	bin := e2e.BuildLiaison(t, filepath.Join(t.TempDir(), c.command))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, c.args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_ = cmd.Wait()
	}()
	client := lsptest.New(ctx, pipes{stdout, stdin})
	// Helix sends the config table, {"liaison": {...}}, as initializationOptions.
	if _, err := client.Initialize(ctx, protocol.ClientCapabilities{}, map[string]any{"liaison": map[string]any{"debounceMs": 0}}); err != nil {
		t.Fatalf("initialize: %v\nstderr: %s", err, stderr.String())
	}
	dir := t.TempDir()
	for i, doc := range []struct{ languageID, name string }{{"markdown", "a.md"}, {"text", "a.txt"}, {"git-commit", "COMMIT_EDITMSG"}, {"latex", "a.tex"}, {"html", "a.html"}} {
		u := uri.File(filepath.Join(dir, doc.name))
		if err := client.Open(ctx, u, doc.languageID, 1, "We liaisoned with the vendor.\n"); err != nil {
			t.Fatal(err)
		}
		p, _, err := client.WaitVersion(ctx, u, 0, 1)
		if err != nil {
			t.Fatalf("%s: %v\nstderr: %s", doc.languageID, err, stderr.String())
		}
		if len(p.Diagnostics) != 1 {
			t.Errorf("%d %s: diagnostics %+v", i, doc.languageID, p.Diagnostics)
			continue
		}
		if msg, _ := p.Diagnostics[0].Message.(protocol.String); !strings.Contains(string(msg), "liaise") {
			t.Errorf("%d %s: message %v", i, doc.languageID, p.Diagnostics[0].Message)
		}
	}
}
