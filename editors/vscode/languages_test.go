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
// every language the extension activates for and checks by default is
// one the server reads as its format, and every prose format (source code
// is opt-in) is checked by default.
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
	if !slices.Equal(activated, defaults) {
		t.Errorf("activation languages %q differ from the liaison.languages default %q", activated, defaults)
	}
	for _, id := range defaults {
		if _, ok := markup.LookupFormat(id); !ok {
			t.Errorf("default language %q is not one the server reads", id)
		}
	}
	for _, f := range markup.Formats() {
		if !f.OptIn && !slices.ContainsFunc(f.IDs, func(id string) bool { return slices.Contains(defaults, id) }) {
			t.Errorf("format %s (ids %q) is not checked by default", f.Name, f.IDs)
		}
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
