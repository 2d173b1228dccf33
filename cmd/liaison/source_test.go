package main

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	if bigEndian {
		out = append(out, 0xFE, 0xFF)
	} else {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeSource(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want source
		err  bool
	}{
		{"plain", []byte("We had alot.\n"), source{text: "We had alot.\n"}, false},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFWe had alot.\n"), source{text: "We had alot.\n", base: 3}, false},
		{"UTF-16LE", utf16Bytes("Déjà vu, 𝄞 alot.\n", false), source{text: "Déjà vu, 𝄞 alot.\n", utf16: true}, false},
		{"UTF-16BE", utf16Bytes("Déjà vu, 𝄞 alot.\n", true), source{text: "Déjà vu, 𝄞 alot.\n", utf16: true}, false},
		{"UTF-16LE unpaired surrogate and odd byte", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0, 'b'}, source{text: "\uFFFDa\uFFFD", utf16: true}, false},
		{"UTF-32LE", []byte{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0}, source{}, true},
		{"UTF-32BE", []byte{0, 0, 0xFE, 0xFF, 0, 0, 0, 'a'}, source{}, true},
		// Latin-1 and other encodings without a mark are refused, not
		// checked as garbage (issue 19 item 6): the run reports them.
		{"invalid UTF-8 is refused", []byte("a\xFFb"), source{}, true},
		{"Latin-1 is refused", []byte("caf\xe9\n"), source{}, true},
	}
	if _, err := decodeSource([]byte("ok\nab\xe9")); err == nil || !strings.Contains(err.Error(), "line 2, column 3") {
		t.Errorf("invalid byte at 2:3: %v", err)
	}
	for _, tt := range tests {
		got, err := decodeSource(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("%s: got %+v, %v; want %+v, error %v", tt.name, got, err, tt.want, tt.err)
		}
	}
}

func TestQuoteName(t *testing.T) {
	for in, want := range map[string]string{
		"docs/a.md":        "docs/a.md",
		"docs/été.md":      "docs/été.md",
		"a\nb.md":          `"a\nb.md"`,
		"a\rb.md":          `"a\rb.md"`,
		"a\x1b[31mred.md":  `"a\x1b[31mred.md"`,
		"bad\xffutf8.md":   `"bad\xffutf8.md"`,
		"sep\u2028line.md": `"sep\u2028line.md"`,
		`"quoted".md`:      `"\"quoted\".md"`,
	} {
		if got := quoteName(in); got != want {
			t.Errorf("quoteName(%q) = %s, want %s", in, got, want)
		}
	}
}
