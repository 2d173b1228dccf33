package project

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestParseWords(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		words    []string
		problems []int // lines
		crlf     bool
	}{
		{"plain", "rustc\ntokio\n", []string{"rustc", "tokio"}, nil, false},
		{"CRLF", "rustc\r\ntokio\r\n", []string{"rustc", "tokio"}, nil, true},
		{"duplicates count once", "tokio\nrustc\ntokio\n", []string{"tokio", "rustc"}, nil, false},
		{"comments and blanks", "# ours\n\nrustc\n  \n", []string{"rustc"}, nil, false},
		{"byte-order mark", "\uFEFFrustc\n", []string{"rustc"}, nil, false},
		{"invalid UTF-8 is a problem, the rest is read", "rustc\n\xff\xfe\ntokio\n", []string{"rustc", "tokio"}, []int{2}, false},
		{"two words on a line", "rust c\n", nil, []int{1}, false},
		{"no final newline", "rustc", []string{"rustc"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := ParseWords([]byte(tt.data))
			if !slices.Equal(w.Words, tt.words) {
				t.Errorf("words %q, want %q", w.Words, tt.words)
			}
			var lines []int
			for _, p := range w.Problems {
				lines = append(lines, p.Line)
			}
			if !slices.Equal(lines, tt.problems) {
				t.Errorf("problems at %v, want %v (%v)", lines, tt.problems, w.Problems)
			}
			if w.CRLF != tt.crlf {
				t.Errorf("CRLF %v, want %v", w.CRLF, tt.crlf)
			}
		})
	}
}

func TestAddWord(t *testing.T) {
	tests := []struct {
		name, before, word, after string
	}{
		{"new file", "", "tokio", "tokio\n"},
		{"sorted in", "rustc\nserde\n", "clippy", "clippy\nrustc\nserde\n"},
		{"present: unchanged", "rustc\n", "rustc", "rustc\n"},
		{"CRLF kept", "rustc\r\nserde\r\n", "tokio", "rustc\r\nserde\r\ntokio\r\n"},
		{"duplicates dropped", "serde\nrustc\nserde\n", "tokio", "rustc\nserde\ntokio\n"},
		{"comment kept first", "# project words\nserde\n", "axum", "# project words\naxum\nserde\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, WordsFileName)
			if tt.before != "" {
				if err := os.WriteFile(path, []byte(tt.before), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := AddWord(path, dir, tt.word); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.after {
				t.Errorf("file %q, want %q", got, tt.after)
			}
			// No temporary file is left behind.
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries, want the words file alone", len(entries))
			}
		})
	}
}

// TestAddWordBadInput: every failure says what is wrong and leaves the
// file as it was.
func TestAddWordBadInput(t *testing.T) {
	t.Run("invalid UTF-8 in the file", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, WordsFileName)
		before := "rustc\n\xff\nserde\n"
		os.WriteFile(path, []byte(before), 0o644)
		err := AddWord(path, dir, "tokio")
		if err == nil || !strings.Contains(err.Error(), ":2:") || !strings.Contains(err.Error(), "UTF-8") {
			t.Errorf("error %v, want the line and UTF-8 named", err)
		}
		if got, _ := os.ReadFile(path); string(got) != before {
			t.Errorf("file changed to %q", got)
		}
	})
	t.Run("a directory where the file should be", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, WordsFileName)
		os.Mkdir(path, 0o755)
		err := AddWord(path, dir, "tokio")
		if err == nil || !strings.Contains(err.Error(), "directory") {
			t.Errorf("error %v, want it to say it is a directory", err)
		}
	})
	t.Run("read-only directory", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Geteuid() == 0 {
			t.Skip("permissions do not bind root")
		}
		dir := t.TempDir()
		path := filepath.Join(dir, WordsFileName)
		os.WriteFile(path, []byte("rustc\n"), 0o644)
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
		if err := AddWord(path, dir, "tokio"); err == nil {
			t.Error("no error writing into a read-only directory")
		}
		if got, _ := os.ReadFile(path); string(got) != "rustc\n" {
			t.Errorf("file changed to %q", got)
		}
	})
	t.Run("not a word", func(t *testing.T) {
		dir := t.TempDir()
		for _, w := range []string{"", "two words", "#hash", "\xff", strings.Repeat("a", MaxWordBytes+1)} {
			if err := AddWord(filepath.Join(dir, WordsFileName), dir, w); err == nil {
				t.Errorf("%q added", w)
			}
		}
	})
	t.Run("a million words", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, WordsFileName)
		var b strings.Builder
		for i := range 1_000_000 {
			b.WriteString("w")
			for n := i; ; n /= 26 {
				b.WriteByte(byte('a' + n%26))
				if n < 26 {
					break
				}
			}
			b.WriteByte('\n')
		}
		os.WriteFile(path, []byte(b.String()), 0o644)
		w, err := ReadWords(path, dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Words) != 1_000_000 {
			t.Errorf("%d words, want a million", len(w.Words))
		}
		if err := AddWord(path, dir, "aardvark"); err != nil {
			t.Fatal(err)
		}
		w, _ = ReadWords(path, dir)
		if len(w.Words) != 1_000_001 || w.Words[0] != "aardvark" {
			t.Errorf("%d words, first %q", len(w.Words), w.Words[0])
		}
	})
	t.Run("too large", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, WordsFileName)
		os.WriteFile(path, make([]byte, MaxWordsBytes+1), 0o644)
		if _, err := ReadWords(path, dir); err == nil || !strings.Contains(err.Error(), "larger than") {
			t.Errorf("error %v, want the limit named", err)
		}
	})
}

func TestSpellingConfig(t *testing.T) {
	cfg, err := Parse(".liaison.yaml", []byte("spelling:\n  dialect: en_gb\n  words: docs/words.txt\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Spelling.Dialect != "en-GB" || cfg.Settings.Spelling.Dialect != "en-GB" || cfg.Spelling.Words.Value != "docs/words.txt" {
		t.Errorf("got %+v", cfg.Spelling)
	}
	p := &Project{Dir: "/p", Config: cfg}
	if got := p.WordsPath(); got != filepath.FromSlash("/p/docs/words.txt") {
		t.Errorf("WordsPath %q", got)
	}
	p.Config = &Config{}
	if got := p.WordsPath(); got != filepath.Join("/p", WordsFileName) {
		t.Errorf("default WordsPath %q", got)
	}
	for _, bad := range []string{"spelling:\n  dialect: klingon\n", "spelling:\n  colour: red\n", "spelling: [a]\n"} {
		_, err := Parse(".liaison.yaml", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), ".liaison.yaml:") {
			t.Errorf("%q: error %v, want one with its position", bad, err)
		}
	}
}
