package vscode_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"liaison/analysis/markup"
)

// TestLanguages checks package.json against the server's format registry:
// the extension activates on every language id the registry knows (prose
// and source code, so any language a user turns on starts it) and on a
// workspace with a .liaison.yaml; every language it checks by default is a
// prose format the server reads, every prose format is checked by
// default, and liaison.sourceCode offers exactly the source-code formats.
func TestLanguages(t *testing.T) {
	data, err := os.ReadFile("package.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ActivationEvents []string `json:"activationEvents"`
		Contributes      struct {
			Configuration struct {
				Properties map[string]struct {
					Default json.RawMessage `json:"default"`
					Items   struct {
						Enum []string `json:"enum"`
					} `json:"items"`
				} `json:"properties"`
			} `json:"configuration"`
		} `json:"contributes"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var defaults []string
	if err := json.Unmarshal(m.Contributes.Configuration.Properties["liaison.languages"].Default, &defaults); err != nil {
		t.Fatalf("liaison.languages default: %v", err)
	}
	var activated []string
	for _, e := range m.ActivationEvents {
		if id, ok := strings.CutPrefix(e, "onLanguage:"); ok {
			activated = append(activated, id)
		}
	}
	var optIn []string
	for _, f := range markup.Formats() {
		for _, id := range f.IDs {
			if !slices.Contains(activated, id) {
				t.Errorf("format %s: no activation event onLanguage:%s", f.Name, id)
			}
		}
		if f.OptIn {
			optIn = append(optIn, f.Name)
		} else if !slices.ContainsFunc(f.IDs, func(id string) bool { return slices.Contains(defaults, id) }) {
			t.Errorf("format %s (ids %q) is not checked by default", f.Name, f.IDs)
		}
	}
	for _, id := range activated {
		if _, ok := markup.LookupFormat(id); !ok {
			t.Errorf("activation event onLanguage:%s names no format the server reads", id)
		}
	}
	if !slices.Contains(m.ActivationEvents, "workspaceContains:**/.liaison.yaml") {
		t.Errorf("activationEvents %q lack workspaceContains:**/.liaison.yaml", m.ActivationEvents)
	}
	for _, id := range defaults {
		if f, ok := markup.LookupFormat(id); !ok || f.OptIn {
			t.Errorf("default language %q is not a prose format the server reads", id)
		}
	}
	if got := m.Contributes.Configuration.Properties["liaison.sourceCode"].Items.Enum; !slices.Equal(got, optIn) {
		t.Errorf("liaison.sourceCode offers %q, the server's source-code formats are %q", got, optIn)
	}
	// settings.ts's fallback is the same list.
	ts, err := os.ReadFile("src/settings.ts")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)DEFAULT_LANGUAGES = \[(.*?)\]`).FindSubmatch(ts)
	if block == nil {
		t.Fatal("src/settings.ts has no DEFAULT_LANGUAGES")
	}
	var fallback []string
	for _, q := range regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(block[1], -1) {
		fallback = append(fallback, string(q[1]))
	}
	if !slices.Equal(fallback, defaults) {
		t.Errorf("settings.ts DEFAULT_LANGUAGES %q differ from package.json %q", fallback, defaults)
	}
}

// TestManifestScopes checks what VS Code reads from package.json for
// multi-root workspaces and Restricted Mode: the settings the server reads
// may differ per folder ("scope": "resource"; the server asks with
// scopeUri), and in an untrusted workspace the extension runs in limited
// mode with the executable's path a restricted setting (the workspace
// cannot choose the program to run).
func TestManifestScopes(t *testing.T) {
	data, err := os.ReadFile("package.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Capabilities struct {
			UntrustedWorkspaces struct {
				Supported                any      `json:"supported"`
				Description              string   `json:"description"`
				RestrictedConfigurations []string `json:"restrictedConfigurations"`
			} `json:"untrustedWorkspaces"`
		} `json:"capabilities"`
		Contributes struct {
			Configuration struct {
				Properties map[string]struct {
					Scope string `json:"scope"`
				} `json:"properties"`
			} `json:"configuration"`
		} `json:"contributes"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	props := m.Contributes.Configuration.Properties
	for _, key := range []string{"rules", "categories", "debounceMs", "sourceCode"} {
		p, ok := props["liaison."+key]
		if !ok {
			t.Errorf("no setting liaison.%s", key)
			continue
		}
		if p.Scope != "resource" {
			t.Errorf("liaison.%s has scope %q, want resource (per-folder settings)", key, p.Scope)
		}
	}
	if p := props["liaison.path"]; p.Scope != "machine-overridable" {
		t.Errorf("liaison.path has scope %q", p.Scope)
	}
	u := m.Capabilities.UntrustedWorkspaces
	if u.Supported != "limited" {
		t.Errorf("capabilities.untrustedWorkspaces.supported is %v, want \"limited\"", u.Supported)
	}
	if !slices.Equal(u.RestrictedConfigurations, []string{"liaison.path"}) {
		t.Errorf("restrictedConfigurations %q, want [liaison.path]", u.RestrictedConfigurations)
	}
	if u.Description == "" {
		t.Error("untrustedWorkspaces has no description")
	}
}
