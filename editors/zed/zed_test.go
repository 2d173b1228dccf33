package zed_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"liaison/analysis/markup"
	"liaison/server"
)

// readTOML reads the part of TOML extension.toml uses: [table] headers and
// key = value lines whose value is a string or an array of strings, with
// # comments; keys may be quoted. It returns table → key → values.
func readTOML(t *testing.T, path string) map[string]map[string][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string][]string{"": {}}
	table := ""
	str := regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			table = strings.Trim(line, "[] ")
			out[table] = map[string][]string{}
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s:%d: not key = value: %q", path, n+1, line)
		}
		key = strings.Trim(strings.TrimSpace(key), `"`)
		var values []string
		for _, m := range str.FindAllStringSubmatch(value, -1) {
			v, err := strconv.Unquote(`"` + m[1] + `"`)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n+1, err)
			}
			values = append(values, v)
		}
		if values == nil {
			values = []string{strings.TrimSpace(value)}
		}
		out[table][key] = values
	}
	return out
}

func TestExtension(t *testing.T) {
	ext := readTOML(t, "extension.toml")
	for _, key := range []string{"id", "name", "version", "schema_version", "description", "repository"} {
		if len(ext[""][key]) == 0 {
			t.Errorf("extension.toml has no %s", key)
		}
	}
	languages := ext["language_servers.liaison"]["languages"]
	ids := ext["language_servers.liaison.language_ids"]
	served := map[string]bool{}
	for _, lang := range languages {
		id := ids[lang]
		if len(id) != 1 {
			t.Errorf("language %q has no language id", lang)
			continue
		}
		f, ok := markup.LookupFormat(id[0])
		if !ok {
			t.Errorf("language %q: id %q is not one liaison reads", lang, id[0])
			continue
		}
		served[f.Name] = true
	}
	for _, f := range markup.Formats() {
		if !f.OptIn && !served[f.Name] {
			t.Errorf("the extension does not serve the prose format %s", f.Name)
		}
	}

	lib, err := os.ReadFile("src/lib.rs")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`worktree.which("liaison")`, `vec!["serve".to_string(), "--stdio".to_string()]`,
		"fn language_server_workspace_configuration", "fn language_server_initialization_options", "zed::register_extension!"} {
		if !bytes.Contains(lib, []byte(want)) {
			t.Errorf("src/lib.rs lacks %s", want)
		}
	}
	cargo := readTOML(t, "Cargo.toml")
	if len(cargo["dependencies"]["zed_extension_api"]) == 0 || !slices.Contains(cargo["lib"]["crate-type"], "cdylib") {
		t.Errorf("Cargo.toml does not build a cdylib on zed_extension_api: %v", cargo)
	}

	// settings.json: the server, its settings, the languages it joins.
	data, err := os.ReadFile("settings.json")
	if err != nil {
		t.Fatal(err)
	}
	var settings struct {
		LSP map[string]struct {
			Binary struct {
				Path      string   `json:"path"`
				Arguments []string `json:"arguments"`
			} `json:"binary"`
			InitializationOptions json.RawMessage `json:"initialization_options"`
			Settings              json.RawMessage `json:"settings"`
		} `json:"lsp"`
		Languages map[string]struct {
			LanguageServers []string `json:"language_servers"`
		} `json:"languages"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&settings); err != nil {
		t.Fatalf("settings.json: %v", err)
	}
	l, ok := settings.LSP["liaison"]
	if !ok {
		t.Fatal("settings.json has no lsp.liaison")
	}
	if l.Binary.Path != "liaison" || !slices.Equal(l.Binary.Arguments, []string{"serve", "--stdio"}) {
		t.Errorf("binary %+v", l.Binary)
	}
	for name, raw := range map[string]json.RawMessage{"initialization_options": l.InitializationOptions, "settings": l.Settings} {
		if _, err := server.ParseSettings(server.DefaultSettings(), raw); err != nil {
			t.Errorf("%s: the server refuses it: %v", name, err)
		}
	}
	for lang, ls := range settings.Languages {
		if !slices.Contains(languages, lang) {
			t.Errorf("settings.json joins %q, which the extension does not serve", lang)
		}
		if !slices.Contains(ls.LanguageServers, "liaison") || !slices.Contains(ls.LanguageServers, "...") {
			t.Errorf("%s: language_servers %q should list liaison and keep the others (\"...\")", lang, ls.LanguageServers)
		}
	}

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
		t.Errorf("README.md's snippet differs from settings.json")
	}
}
