package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liaison/rules"
)

// writeTree creates files (path → content) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func check(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runCheck(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestCheckText(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.md":              "# Notes\n\nThanks alot for this.\n\nThey liaisoned with us.\n",
		"sub/b.txt":         "Déjà vu: irregardless of that.\n",
		"sub/c.go":          "// alot\n",
		".hidden/d.md":      "alot\n",
		"sub/.hidden/e.txt": "alot\n",
		"clean.markdown":    "Nothing to see here.\n",
	})
	out, errOut, code := check(t, "", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "sub", "b.txt")
	want := []string{
		a + ":3:8: error: ",
		a + ":5:6: warning: ",
		b + ":1:10: warning: ", // "Déjà vu: " is 9 characters but 11 bytes
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	for i, id := range []string{"[alot]", "[liaison-verb]", "[irregardless]"} {
		if !strings.HasSuffix(lines[i], id) {
			t.Errorf("line %d = %q, want suffix %s", i, lines[i], id)
		}
	}
	// Same input, same output: files are checked in parallel but reported in order.
	for range 3 {
		if again, _, _ := check(t, "", dir); again != out {
			t.Fatalf("output changed between runs:\n%s\nvs\n%s", out, again)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	out, errOut, code := check(t, "Ça va.\nWe liaisoned with them, irregardless.\n", "--format", "json", "-")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	var got []reportedFinding
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(got) != 2 {
		t.Fatalf("got %d findings: %s", len(got), out)
	}
	f := got[0]
	src := "Ça va.\nWe liaisoned with them, irregardless.\n"
	if f.File != stdinName || f.Rule != "liaison-verb" || f.Severity != "warning" ||
		f.Line != 2 || f.Column != 4 || f.EndLine != 2 || f.EndColumn != 13 ||
		src[f.Offset:f.EndOffset] != "liaisoned" || len(f.Replacements) != 1 || f.Replacements[0] != "liaised" ||
		!strings.Contains(f.Message, "liaisoned") {
		t.Errorf("got %+v", f)
	}
	// The raw JSON has every documented key.
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "line", "column", "endLine", "endColumn", "offset", "endOffset", "rule", "severity", "message", "replacements"} {
		if _, ok := raw[1][k]; !ok {
			t.Errorf("JSON finding lacks %q", k)
		}
	}
	// No findings: an empty array and exit 0.
	out, _, code = check(t, "All is well.\n", "--format", "json", "-")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("clean input: exit %d, output %q", code, out)
	}
}

func TestCheckErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.md": "Thanks alot.\n"})
	missing := filepath.Join(dir, "missing.md")
	out, errOut, code := check(t, "", missing, filepath.Join(dir, "a.md"))
	if code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
	if !strings.Contains(errOut, "missing.md") {
		t.Errorf("stderr %q does not name the file", errOut)
	}
	if !strings.Contains(out, "[alot]") {
		t.Errorf("the readable file was not checked: %q", out)
	}
	for _, args := range [][]string{{}, {"--format", "xml", dir}, {"--nope", dir}, {"--language", "markdwon", dir}} {
		if _, _, code := check(t, "", args...); code != 2 {
			t.Errorf("check %q: exit %d, want 2", args, code)
		}
	}
	// Flags after paths, and --language.
	if out, _, code := check(t, "alot\n", "-", "--language", "plaintext", "--format", "json"); code != 1 || !strings.Contains(out, `"rule": "alot"`) {
		t.Errorf("flags after paths: exit %d, output %q", code, out)
	}
}

func TestRules(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runRules(context.Background(), nil, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "liaison-verb") || !strings.Contains(out.String(), "proscribed") {
		t.Errorf("text listing lacks the liaison rule:\n%s", out.String())
	}
	out.Reset()
	if code := runRules(context.Background(), []string{"--format", "json"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var list []struct {
		ID, Category, Severity, Summary string
		SafeFix                         bool
		Examples                        struct {
			Bad  []struct{ Text, Fix string }
			Good []string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	library, err := rules.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(library) {
		t.Fatalf("%d rules listed, the library has %d", len(list), len(library))
	}
	safe := map[string]bool{}
	for _, r := range list {
		safe[r.ID] = r.SafeFix
	}
	if !safe["liaison-verb"] || !safe["alot"] || safe["effect-as-verb"] {
		t.Errorf("safeFix: liaison-verb %v, alot %v, effect-as-verb %v", safe["liaison-verb"], safe["alot"], safe["effect-as-verb"])
	}
	for _, r := range list {
		if r.ID == "" || r.Category == "" || r.Severity == "" || r.Summary == "" || len(r.Examples.Bad) < 2 || len(r.Examples.Good) < 2 {
			t.Errorf("incomplete listing: %+v", r)
		}
	}
	if code := runRules(context.Background(), []string{"--format", "yaml"}, strings.NewReader(""), &out, &errOut); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
}
