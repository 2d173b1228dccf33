package rules

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
)

// TestLoadDefaultKeepsFileOrder checks that the concurrently parsed library
// lists its rules as parsing its files one after the other does.
func TestLoadDefaultKeepsFileOrder(t *testing.T) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range names {
		data, err := library.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := Parse(path.Base(name), data)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			want = append(want, r.Source+" "+r.ID)
		}
	}
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.Source+" "+r.ID)
	}
	if len(got) < len(names) {
		t.Fatalf("%d rules from %d files", len(got), len(names))
	}
	if !slices.Equal(got, want) {
		t.Errorf("LoadDefault lists %d rules, not in the order of its files (%d)", len(got), len(want))
	}
}

// BenchmarkLoadDefault measures the two ways the library loads: parsed
// from its YAML, and decoded from the snapshot a run uses (snapshot.go).
func BenchmarkLoadDefault(b *testing.B) {
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := parseLibrary(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("snapshot", func(b *testing.B) {
		for b.Loop() {
			if _, ok := loadSnapshot(); !ok {
				b.Fatal("the snapshot is out of date: run go generate ./rules")
			}
		}
	})
}

// TestLibraryMessagesNameMatchAndReplacement holds the library's messages
// to the format's promise: a message names the matched text and, when the
// rule has one, the replacement.
func TestLibraryMessagesNameMatchAndReplacement(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if !strings.Contains(r.Message, "{match}") {
			t.Errorf("%s: rule %s: message %q does not name {match}", r.Source, r.ID, r.Message)
		}
		if len(r.Replacements) > 0 && !strings.Contains(r.Message, "{replacement}") {
			t.Errorf("%s: rule %s: message %q does not name {replacement}", r.Source, r.ID, r.Message)
		}
	}
}
