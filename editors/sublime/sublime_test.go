package sublime_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/markup"
	"liaison/server"
)

// client is the part of an LSP package client the test reads.
type client struct {
	Enabled               bool            `json:"enabled"`
	Command               []string        `json:"command"`
	Selector              string          `json:"selector"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	Settings              json.RawMessage `json:"settings"`
}

func readClients(t *testing.T, data []byte) map[string]client {
	t.Helper()
	var file struct {
		Clients map[string]client `json:"clients"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		t.Fatalf("LSP.sublime-settings: %v", err)
	}
	return file.Clients
}

// scopeLanguage is the language id the LSP package sends for a base scope
// (its language-ids mapping), for the scopes the snippet selects.
var scopeLanguage = map[string]string{
	"text.html.markdown":    "markdown",
	"text.plain":            "plaintext",
	"text.tex.latex":        "latex",
	"text.html.basic":       "html",
	"text.git.commit":       "git-commit",
	"text.restructuredtext": "restructuredtext",
	"text.asciidoc":         "asciidoc",
	"text.orgmode":          "org",
	"source.typst":          "typst",
}

func TestSublimeSnippet(t *testing.T) {
	data, err := os.ReadFile("LSP.sublime-settings")
	if err != nil {
		t.Fatal(err)
	}
	c, ok := readClients(t, data)["liaison"]
	if !ok {
		t.Fatal("no liaison client")
	}
	if !c.Enabled {
		t.Error("the client is not enabled")
	}
	if !slices.Equal(c.Command, []string{"liaison", "serve", "--stdio"}) {
		t.Errorf("command %q", c.Command)
	}
	var scopes []string
	for _, s := range strings.Split(c.Selector, "|") {
		scopes = append(scopes, strings.TrimSpace(s))
	}
	covered := map[string]bool{}
	for _, s := range scopes {
		id, ok := scopeLanguage[s]
		if !ok {
			t.Errorf("selector scope %q has no known language id", s)
			continue
		}
		f, ok := markup.LookupFormat(id)
		if !ok {
			t.Errorf("scope %s: language id %q is not one liaison reads", s, id)
			continue
		}
		covered[f.Name] = true
	}
	for _, f := range markup.Formats() {
		if !f.OptIn && !covered[f.Name] {
			t.Errorf("the selector misses the prose format %s", f.Name)
		}
	}
	for name, raw := range map[string]json.RawMessage{"initializationOptions": c.InitializationOptions, "settings": c.Settings} {
		if _, err := server.ParseSettings(server.DefaultSettings(), raw); err != nil {
			t.Errorf("%s: the server refuses it: %v", name, err)
		}
	}
	var wrapped struct {
		Liaison map[string]json.RawMessage `json:"liaison"`
	}
	if err := json.Unmarshal(c.Settings, &wrapped); err != nil || wrapped.Liaison == nil {
		t.Errorf("settings has no liaison section: %s", c.Settings)
	}

	// The README shows the same JSON.
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md has no json block")
	}
	var a, b any
	if err := json.Unmarshal(block[1], &a); err != nil {
		t.Fatalf("README.md's snippet: %v", err)
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("README.md's snippet differs from LSP.sublime-settings:\n%s\n%s", ja, jb)
	}
}
