package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestDefineSuggests: a word with no entry that the word list does not
// know gets its corrections, each with its meaning; a known word with no
// entry, and a word with none near it, get none.
func TestDefineSuggests(t *testing.T) {
	tests := []struct {
		word string
		want []string // in stderr
		not  string
	}{
		{"documnet", []string{`no entry for "documnet"`, "did you mean:", "  document — writing that provides information"}, ""},
		{"zzzqqqxx", []string{`no entry for "zzzqqqxx"`}, "did you mean"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := runDefine(context.Background(), []string{tt.word}, strings.NewReader(""), &stdout, &stderr); code != 1 {
			t.Errorf("%s: exit %d, want 1", tt.word, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr.String(), w) {
				t.Errorf("%s: stderr %q lacks %q", tt.word, stderr.String(), w)
			}
		}
		if tt.not != "" && strings.Contains(stderr.String(), tt.not) {
			t.Errorf("%s: stderr %q has %q", tt.word, stderr.String(), tt.not)
		}
	}
}
