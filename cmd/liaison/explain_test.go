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

// TestExplainGolden compares explain's output with testdata/explain (go
// test -update rewrites it). The output depends on the tagger and the
// built-in rules, so a change to either may change it: read the diff.
func TestExplainGolden(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"liaison.txt", []string{"They liaison with the press."}, ""},
		{"words.txt", []string{"An", "hour", "passed."}, ""},
		{"custom.txt", []string{"--rules", "testdata/explain/custom.yaml", "We utilized it. We utilize fully the cache. They said “utilize” often."}, ""},
		{"custom.json", []string{"--format", "json", "--rules", "testdata/explain/custom.yaml", "We utilized it."}, ""},
		{"stdin.txt", []string{"-"}, "A university. An 8-bit value.\n\nThey liaison weekly.\n"},
		// Indentation and line breaks: the prose differs from the source,
		// and offsets and texts are the source's.
		{"indented.txt", []string{"-"}, "    They liaison\n  with the press weekly.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := runExplain(context.Background(), tt.args, strings.NewReader(tt.stdin), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			path := filepath.Join("testdata", "explain", tt.name)
			if updateGolden() {
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

// TestExplainReport checks the facts a rule writer reads off explain,
// independently of the golden files: the tags, lemma, features and sound
// of a token, and the matched pattern with its status.
func TestExplainReport(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"--format", "json", "--rules", "testdata/explain/custom.yaml", "We utilized it. We utilize fully the cache."}
	if code := runExplain(context.Background(), args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var r explainedText
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2", len(r.Sentences))
	}
	tok := r.Sentences[0].Tokens[1]
	if tok.Text != "utilized" || tok.Penn != "VBD" || tok.UPOS != "VERB" || tok.Lemma != "utilize" ||
		strings.Join(tok.Features["verb-form"], ",") != "past" || tok.Sound != "consonant" {
		t.Errorf("token 2 = %+v", tok)
	}
	if tok := r.Sentences[0].Tokens[0]; tok.Sound != "consonant" || strings.Join(tok.Features["person"], ",") != "first" {
		t.Errorf("token 1 = %+v", tok)
	}
	find := func(s explainedSentence) *explainedMatch {
		for i := range s.Matches {
			if s.Matches[i].Rule == "custom-utilize" {
				return &s.Matches[i]
			}
		}
		return nil
	}
	m := find(r.Sentences[0])
	if m == nil || m.Pattern != 1 || m.Patterns != 2 || m.Status != "reported" || m.FirstToken != 2 || m.LastToken != 2 ||
		!strings.HasSuffix(m.Source, "custom.yaml:3") || !strings.Contains(m.Describe, "lemma: utilize") {
		t.Errorf("sentence 1 match = %+v", m)
	}
	m = find(r.Sentences[1])
	if m == nil || m.Status != "cancelled-by-pattern-unless" || m.Unless != 1 || m.Exception != "after: [{word: fully}]" {
		t.Errorf("sentence 2 match = %+v", m)
	}
}

func TestExplainUsage(t *testing.T) {
	tests := []struct {
		name, want string
		args       []string
	}{
		{"no text", "usage: liaison explain", nil},
		{"bad format", `unknown format "xml"`, []string{"--format", "xml", "text"}},
		{"missing rule file", "testdata/explain/none.yaml", []string{"--rules", "testdata/explain/none.yaml", "text"}},
		{"bad rule file", "bad.yaml:1:", []string{"--rules", filepath.Join(t.TempDir(), "bad.yaml"), "text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "bad rule file" {
				if err := os.WriteFile(tt.args[1], []byte("- id: x\n  category: nope\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			if code := runExplain(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr %q, want it to contain %q", stderr.String(), tt.want)
			}
		})
	}
}
