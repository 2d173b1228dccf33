package devset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I'll liaison with the printers this afternoon.", "I|'ll|liaison|with|the|printers|this|afternoon|."},
		{`In "les amis", the liaison adds a z sound.`, `In|"|les|amis|"|,|the|liaison|adds|a|z|sound|.`},
		{"Don't go!", "Do|n't|go|!"},
		{"'Tis (well) said...", "'Tis|(|well|)|said|.|.|."},
	}
	for _, tt := range tests {
		if got := strings.Join(Tokens(tt.in), "|"); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	if err := os.WriteFile(good, []byte("# comment\n\nverb\ttask\tShe tasked him.\nnoun\ttask\tThe task list.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := Read(good)
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{{true, "task", "She tasked him."}, {false, "task", "The task list."}}
	if len(cases) != len(want) || cases[0] != want[0] || cases[1] != want[1] {
		t.Errorf("Read = %v, want %v", cases, want)
	}
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("adjective\tx\ty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(bad); err == nil {
		t.Error("Read accepted a row that is neither verb nor noun")
	}
}
