package text

import (
	"strings"
	"testing"
)

func rng(l1, c1, l2, c2 int) *Range {
	return &Range{Position{l1, c1}, Position{l2, c2}}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		enc     Encoding
		changes []Change
		want    string
	}{
		{"no changes", "abc", UTF16, nil, "abc"},
		{"insert", "abc", UTF16, []Change{{rng(0, 1, 0, 1), "X"}}, "aXbc"},
		{"delete", "abc", UTF16, []Change{{rng(0, 1, 0, 2), ""}}, "ac"},
		{"replace across lines", "ab\ncd\nef", UTF16, []Change{{rng(0, 1, 2, 1), "-"}}, "a-f"},
		{"insert line break", "abcd", UTF16, []Change{{rng(0, 2, 0, 2), "\r\n"}}, "ab\r\ncd"},
		{"full replace", "abc", UTF16, []Change{{nil, "x\ny"}}, "x\ny"},
		{"in order, each against the previous result", "abc", UTF16, []Change{
			{rng(0, 0, 0, 0), "1\n"},
			{rng(1, 0, 1, 1), "B"}, // line 1 exists only after the first change
			{nil, "new"},
			{rng(0, 3, 0, 3), "!"},
		}, "new!"},
		{"utf16 after emoji", "😀a", UTF16, []Change{{rng(0, 2, 0, 3), "b"}}, "😀b"},
		{"utf8 after emoji", "😀a", UTF8, []Change{{rng(0, 4, 0, 5), "b"}}, "😀b"},
		{"utf32 after emoji", "😀a", UTF32, []Change{{rng(0, 1, 0, 2), "b"}}, "😀b"},
		{"inside surrogate pair clamps to its start", "x😀y", UTF16, []Change{{rng(0, 2, 0, 2), "|"}}, "x|😀y"},
		{"reversed range inserts at start", "abcdef", UTF16, []Change{{rng(0, 4, 0, 1), "X"}}, "abcdXef"},
		{"range past the end appends", "ab\ncd", UTF16, []Change{{rng(7, 0, 9, 9), "!"}}, "ab\ncd!"},
		{"character past line end", "ab\r\ncd", UTF16, []Change{{rng(0, 9, 0, 9), "!"}}, "ab!\r\ncd"},
		{"join CR and LF into CRLF", "a\rb\nc", UTF16, []Change{{rng(1, 0, 1, 1), ""}}, "a\r\nc"},
		{"split CRLF", "a\r\nb", UTF8, []Change{{rng(0, 1, 0, 1), "\r"}}, "a\r\r\nb"},
		{"delete a whole line", "a\nb\nc", UTF16, []Change{{rng(1, 0, 2, 0), ""}}, "a\nc"},
		{"invalid bytes", "\xff\xfe\n", UTF16, []Change{{rng(0, 1, 0, 2), "\x00"}}, "\xff\x00\n"},
	}
	for _, tt := range tests {
		if ref := referenceApply(tt.text, tt.changes, tt.enc); ref != tt.want {
			t.Errorf("%s: reference disagrees with the table: %q", tt.name, ref)
		}
		t.Run(tt.name, func(t *testing.T) {
			forEachChunkSize(t, tt.text, func(t *testing.T, before *Document) {
				d := before.Apply(tt.changes, tt.enc)
				if got := d.Text(); got != tt.want {
					t.Fatalf("Apply = %q, want %q", got, tt.want)
				}
				if msg := d.checkInvariants(); msg != "" {
					t.Error(msg)
				}
				if before.Text() != tt.text {
					t.Errorf("Apply modified its receiver: %q", before.Text())
				}
			})
		})
	}
}

// TestApplyIncrementalIndex types a text one byte at a time, including every
// kind of terminator, and checks the incrementally kept line index against a
// fresh one after every keystroke.
func TestApplyIncrementalIndex(t *testing.T) {
	const typed = "one\rtwo\r\nthree\n\r\n\r😀é\n"
	forEachChunkSize(t, "", func(t *testing.T, d *Document) {
		typeAndDelete(t, d, typed)
	})
}

func typeAndDelete(t *testing.T, d *Document, typed string) {
	for i := range len(typed) {
		end := d.Position(d.Len(), UTF8)
		d = d.Apply([]Change{{&Range{end, end}, typed[i : i+1]}}, UTF8)
		if msg := d.checkInvariants(); msg != "" {
			t.Fatalf("after %q: %s", d.Text(), msg)
		}
	}
	// Now delete from the front, one character (or line terminator) at a
	// time.
	for steps := 0; d.Len() > 0; steps++ {
		if steps > len(typed) {
			t.Fatalf("deleting made no progress: %q left", d.Text())
		}
		size, _ := nextChar(d.Text(), UTF8)
		if strings.HasPrefix(d.Text(), "\r\n") {
			size = 2
		}
		end := d.Position(size, UTF8)
		d = d.Apply([]Change{{&Range{End: end}, ""}}, UTF8)
		if msg := d.checkInvariants(); msg != "" {
			t.Fatalf("after deleting to %q: %s", d.Text(), msg)
		}
	}
}
