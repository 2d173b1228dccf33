package markup

import (
	"testing"
)

func TestFencedOnly(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"```rust\nfn main() {}\n```\n", true},
		{"```\ncode\n```\n\n\n", true},
		{"   ~~~~ text\nx\n~~~~~\n", true},
		{"```\nunclosed to the end\n\nstill code\n", true},
		{"```\na\n```\r\n\r\n", true},
		{"```\na\n   ```   \n", true},
		{"```\na\n```\nThe liaison said so.\n", false}, // prose after the block
		{"```\na\n``\nstill code\n", true},             // a shorter fence does not close
		{"````\na\n```\nmore code\n", true},
		{"```\na\n    ```\nstill code\n", true},   // indented four: code, not a fence
		{"```\na\n\t```\nstill code\n", true},     // a tab is four columns
		{"```\na\n    ```\nThe end.\n", true},     // ...so this is code too
		{"``` a`b\nnot code\n", false},            // backtick in a backtick info string
		{"~~~ a`b\ncode\n~~~\n", true},            // fine after tildes
		{"    ```\nindented code block\n", false}, // left to goldmark
		{"\t```\ncode\n```\n", false},
		{"``\ncode\n``\n", false},
		{"Text\n```\ncode\n```\n", false},
		{"> ```\n> code\n> ```\n", false},
		{"- ```\n  code\n  ```\n", false},
		{"", false},
		{"```", true},
		{"~~~\n~~~ a\n~~~\n", true}, // a closing fence has no info string: the second line is code
	}
	for _, tt := range tests {
		if got := fencedOnly(tt.src); got != tt.want {
			t.Errorf("fencedOnly(%q) = %v, want %v", tt.src, got, tt.want)
		}
		if tt.want {
			// The shortcut must agree with goldmark: no prose at all.
			if blocks := goldmarkBlocks(tt.src, nil); len(blocks) != 0 {
				t.Errorf("%q: fencedOnly, but goldmark finds %d prose blocks: %q", tt.src, len(blocks), blocks[0].Prose)
			}
		}
	}
}

// TestFencedOnlyAgreesOnBook checks the shortcut against goldmark on every
// chunk of the Rust Book and of the test documents: each chunk it skips
// has no prose block when parsed.
func TestFencedOnlyAgreesOnBook(t *testing.T) {
	src := wholeBook(t)
	skipped := 0
	for _, c := range Split("markdown", src) {
		text := lfLines(c.Text(src))
		if c.Flags != 0 || !fencedOnly(text) {
			continue
		}
		skipped++
		if blocks := goldmarkBlocks(text, nil); len(blocks) != 0 {
			t.Fatalf("chunk at %d: fencedOnly, but goldmark finds prose %q", c.Start, blocks[0].Prose)
		}
	}
	if skipped < 500 {
		t.Errorf("fencedOnly skipped %d chunks of the book, want the ~950 code blocks", skipped)
	}
}

// FuzzFencedOnly checks the shortcut against goldmark on any input: what
// it skips has no prose.
func FuzzFencedOnly(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("```\na\n```\n \t\n")
	f.Add("~~~~\n~~~\n~~~~ \n\n")
	f.Fuzz(func(t *testing.T, src string) {
		src = lfLines(src)
		if fencedOnly(src) {
			if blocks := goldmarkBlocks(src, nil); len(blocks) != 0 {
				t.Fatalf("fencedOnly(%q), but goldmark finds prose %q", src, blocks[0].Prose)
			}
		}
	})
}
