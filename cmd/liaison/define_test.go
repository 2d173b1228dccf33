package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateGolden is the package's -update flag, defined here unless another
// test file of the package already did.
var updateGolden = func() func() bool {
	if f := flag.Lookup("update"); f != nil {
		return func() bool { return f.Value.String() == "true" }
	}
	b := flag.Bool("update", false, "rewrite the golden files in testdata/")
	return func() bool { return *b }
}()

func TestDefineGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"liaise.txt", []string{"liaise"}},
		{"liaison.txt", []string{"liaison"}},
		{"run.txt", []string{"run"}},
		{"run-verb.md", []string{"--format", "markdown", "--pos", "verb", "run"}},
		{"carry-out.txt", []string{"carry", "out"}},
		{"carry-out-quoted.txt", []string{"carry out"}},
		{"geese.json", []string{"--format=json", "geese"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runDefine(context.Background(), tt.args, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			path := filepath.Join("testdata", "define", tt.name)
			if updateGolden() {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if stdout.String() != string(want) {
				t.Errorf("output differs from %s:\n%s", path, stdout.String())
			}
		})
	}
}

func TestDefineExitCodes(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // a substring of stdout
		stderr string // a substring of stderr
	}{
		{[]string{"xyzzy"}, 1, "", `no entry for "xyzzy"`},
		{[]string{"liaise", "xyzzy"}, 1, "liaise", `no entry for "xyzzy"`},
		{[]string{"42"}, 1, "", "no entry"},
		{[]string{}, 2, "", "usage"},
		{[]string{"--format", "yaml", "run"}, 2, "", "unknown format"},
		{[]string{"--pos", "punct", "run"}, 2, "", "unknown part of speech"},
		{[]string{"--bogus", "run"}, 2, "", "flag provided but not defined"},
		{[]string{"liaised", "--format", "markdown"}, 0, "*liaised* → **liaise**", ""},
		{[]string{"--", "--format"}, 1, "", `no entry for "--format"`},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runDefine(context.Background(), tt.args, nil, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("define %q = %d\nstdout: %s\nstderr: %s", tt.args, code, stdout.String(), stderr.String())
		}
	}
}

func TestDefineJSONIsAnArray(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runDefine(context.Background(), []string{"--format", "json", "liaise", "xyzzy", "geese"}, nil, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var entries []struct {
		Headword string `json:"headword"`
		Query    string `json:"query"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &entries); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if len(entries) != 2 || entries[0].Headword != "liaise" || entries[1].Headword != "goose" || entries[1].Query != "geese" {
		t.Errorf("entries = %+v", entries)
	}
}
