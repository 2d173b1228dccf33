package vscode_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"liaison/editors/internal/e2e"
)

// extensionSources are the files the extension is built from; the test
// works on a copy of them so that it never writes into the source tree.
var extensionSources = []string{
	"package.json", "package-lock.json", "tsconfig.json", "eslint.config.mjs", "build.mjs",
	".vscodeignore", "README.md", "CHANGELOG.md", "LICENSE", "src", "test",
}

// workspace copies the extension into a temporary folder beside a freshly
// built liaison in bin/, links node_modules, and returns the folder and the
// binary's path.
func workspace(t *testing.T) (dir, bin string) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		e2e.Require(t, "VS Code extension tests", "node is not installed", "apt-get install nodejs npm")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		e2e.Require(t, "VS Code extension tests", "npm is not installed", "apt-get install npm")
	}
	modules, err := filepath.Abs("node_modules")
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"tsc", "eslint", "vsce", "esbuild"} {
		if _, err := os.Stat(filepath.Join(modules, ".bin", tool)); err != nil {
			e2e.Require(t, "VS Code extension tests", "editors/vscode/node_modules lacks "+tool, "run npm ci in editors/vscode")
		}
	}
	dir = filepath.Join(t.TempDir(), "vscode")
	for _, src := range extensionSources {
		if err := copyTree(src, filepath.Join(dir, src)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	bin = e2e.BuildLiaison(t, filepath.Join(dir, "bin", "liaison"))
	return dir, bin
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// npm runs an npm script in dir and fails the test with its output.
func npm(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"npm_config_update_notifier=false", "NO_COLOR=1"}, env...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("npm %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestExtension(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and packages the extension")
	}
	dir, bin := workspace(t)

	t.Run("typecheck", func(t *testing.T) { npm(t, dir, nil, "run", "typecheck") })
	t.Run("lint", func(t *testing.T) { npm(t, dir, nil, "run", "lint") })
	t.Run("node tests", func(t *testing.T) {
		out := npm(t, dir, []string{"LIAISON_BIN=" + bin}, "test")
		// The protocol suite skips itself without LIAISON_BIN: make sure
		// it ran, and that nothing was skipped or failed.
		for _, want := range []string{"ok 1 - liaison serve with vscode-jsonrpc", "# fail 0", "# skipped 0"} {
			if !strings.Contains(out, want) {
				t.Errorf("node --test output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("package", func(t *testing.T) {
		vsix := filepath.Join(t.TempDir(), "liaison.vsix")
		npm(t, dir, nil, "run", "package", "--", "--out", vsix)
		checkVSIX(t, vsix, bin)
	})
}

// manifest is the part of package.json the checks read.
type manifest struct {
	Name             string            `json:"name"`
	DisplayName      string            `json:"displayName"`
	Description      string            `json:"description"`
	Version          string            `json:"version"`
	Publisher        string            `json:"publisher"`
	License          string            `json:"license"`
	Main             string            `json:"main"`
	Engines          map[string]string `json:"engines"`
	ActivationEvents []string          `json:"activationEvents"`
	Repository       struct {
		Type string `json:"type"`
		URL  string `json:"url"`
	} `json:"repository"`
	Dependencies map[string]string `json:"dependencies"`
	Contributes  struct {
		Commands []struct {
			Command string `json:"command"`
			Title   string `json:"title"`
		} `json:"commands"`
		Configuration struct {
			Properties map[string]struct {
				Type                string `json:"type"`
				Description         string `json:"description"`
				MarkdownDescription string `json:"markdownDescription"`
			} `json:"properties"`
		} `json:"configuration"`
	} `json:"contributes"`
}

// checkVSIX opens the packaged extension (a zip) and checks what it holds.
func checkVSIX(t *testing.T, vsix, bin string) {
	t.Helper()
	zr, err := zip.OpenReader(vsix)
	if err != nil {
		t.Fatalf("open %s: %v", vsix, err)
	}
	defer zr.Close()
	files := map[string]*zip.File{}
	var names []string
	for _, f := range zr.File {
		files[f.Name] = f
		names = append(names, f.Name)
	}
	read := func(name string) []byte {
		t.Helper()
		f := files[name]
		if f == nil {
			t.Fatalf("the .vsix has no %s; it has %q", name, names)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	for _, name := range []string{"extension.vsixmanifest", "[Content_Types].xml", "extension/package.json", "extension/dist/extension.js", "extension/bin/liaison", "extension/readme.md", "extension/changelog.md", "extension/LICENSE.txt"} {
		if files[name] == nil {
			t.Errorf("the .vsix lacks %s; it has %q", name, names)
		}
	}
	for _, name := range names {
		for _, banned := range []string{"extension/src/", "extension/test/", "extension/out/", "extension/node_modules/", ".ts", ".map", "tsconfig", "eslint"} {
			if strings.Contains(name, banned) && !strings.HasSuffix(name, ".d.ts") {
				t.Errorf("the .vsix holds %s, which is for development only", name)
			}
		}
	}
	if t.Failed() {
		return
	}

	// The bundled server: the binary just built, still executable.
	want, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if got := read("extension/bin/liaison"); !bytes.Equal(got, want) {
		t.Errorf("extension/bin/liaison is %d bytes, not the %d-byte binary built for the test", len(got), len(want))
	}
	if mode := files["extension/bin/liaison"].Mode(); mode&0o111 == 0 {
		t.Errorf("extension/bin/liaison has mode %v: not executable", mode)
	}

	// One bundled file that needs nothing but the editor.
	js := string(read("extension/dist/extension.js"))
	if !strings.Contains(js, `require("vscode")`) {
		t.Errorf("dist/extension.js does not load the vscode module")
	}
	for _, external := range []string{`require("vscode-languageclient`, `require("vscode-jsonrpc`, `require("./findServer`} {
		if strings.Contains(js, external) {
			t.Errorf("dist/extension.js loads %s at run time: it is not bundled", external)
		}
	}

	var m manifest
	if err := json.Unmarshal(read("extension/package.json"), &m); err != nil {
		t.Fatalf("package.json: %v", err)
	}
	for field, value := range map[string]string{
		"name": m.Name, "displayName": m.DisplayName, "description": m.Description, "version": m.Version,
		"publisher": m.Publisher, "license": m.License, "repository.url": m.Repository.URL,
		"engines.vscode": m.Engines["vscode"], "dependencies.vscode-languageclient": m.Dependencies["vscode-languageclient"],
	} {
		if value == "" {
			t.Errorf("package.json has no %s", field)
		}
	}
	if m.Main != "./dist/extension.js" {
		t.Errorf("main is %q", m.Main)
	}
	for _, ev := range []string{"onLanguage:markdown", "onLanguage:plaintext"} {
		if !slices.Contains(m.ActivationEvents, ev) {
			t.Errorf("activationEvents %q lack %s", m.ActivationEvents, ev)
		}
	}
	var commands []string
	for _, c := range m.Contributes.Commands {
		commands = append(commands, c.Command)
	}
	if !slices.Contains(commands, "liaison.restartServer") {
		t.Errorf("commands %q lack liaison.restartServer", commands)
	}
	for _, key := range []string{"liaison.path", "liaison.rules", "liaison.categories", "liaison.sourceCode", "liaison.debounceMs", "liaison.logLevel", "liaison.trace.server"} {
		p, ok := m.Contributes.Configuration.Properties[key]
		if !ok {
			t.Errorf("contributes.configuration lacks %s", key)
			continue
		}
		if p.Description == "" && p.MarkdownDescription == "" {
			t.Errorf("setting %s has no description", key)
		}
	}

	vsixManifest := string(read("extension.vsixmanifest"))
	for _, want := range []string{`Publisher="` + m.Publisher + `"`, `Id="` + m.Name + `"`, `Version="` + m.Version + `"`} {
		if !strings.Contains(vsixManifest, want) {
			t.Errorf("extension.vsixmanifest lacks %s", want)
		}
	}
}
