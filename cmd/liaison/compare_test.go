package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // substrings the output must hold, in order
	}{
		{"liaison.md", []string{"liaison"}, []string{"# *liaise* vs *liaison*", "## liaise", "***verb***", "## liaison", "***noun***", "`liaison-verb`", "**Right:**", "**Wrong:**", "→ I'll liaise"}},
		{"affect-effect.md", []string{"effect", "affect"}, []string{"# *affect* vs *effect*", "## affect", "## effect", "`effect-as-verb`", "`affect-as-noun`"}},
		{"emigrate-immigrate.md", []string{"immigrate"}, []string{"# *emigrate* vs *immigrate*", "*emigrate from*", "## emigrate", "## immigrate"}},
		{"liaise-liaison.json", []string{"--format", "json", "liaisoned", "liaise"}, []string{`"word": "liaise"`, `"word": "liaison"`, `"id": "liaison-verb"`, `"right"`, `"wrong"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runCompare(context.Background(), tt.args, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			rest := stdout.String()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("%q missing or out of order in:\n%s", w, stdout.String())
				}
				rest = rest[i+len(w):]
			}
			path := filepath.Join("testdata", "compare", tt.name)
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

func TestCompareExitCodes(t *testing.T) {
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"table"}, 1, "", "no word is known to be confused"},
		{[]string{"table", "chair"}, 0, "# *table* vs *chair*", ""},
		{[]string{"table", "xyzzy"}, 1, "", `no entry for "xyzzy"`},
		{[]string{}, 2, "", "usage"},
		{[]string{"--format", "text", "liaison"}, 2, "", "unknown format"},
		{[]string{"liaison", "--format", "json"}, 0, `"difference"`, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runCompare(context.Background(), tt.args, nil, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("compare %q = %d\nstdout: %.300s\nstderr: %s", tt.args, code, stdout.String(), stderr.String())
		}
	}
}

func TestCompareJSONShape(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runCompare(context.Background(), []string{"--format", "json", "advice"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var cmp struct {
		Words []struct {
			Word    string            `json:"word"`
			POS     string            `json:"pos"`
			Entries []json.RawMessage `json:"entries"`
		} `json:"words"`
		Rules []struct {
			ID string `json:"id"`
		} `json:"rules"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &cmp); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if len(cmp.Words) != 2 || len(cmp.Rules) == 0 {
		t.Fatalf("comparison = %+v", cmp)
	}
	for _, w := range cmp.Words {
		if len(w.Entries) == 0 || w.POS == "" {
			t.Errorf("%s: pos %q, %d entries", w.Word, w.POS, len(w.Entries))
		}
	}
}
