package token

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSentences checks the invariants of Sentences on any input: no panic;
// token offsets in range, increasing and not overlapping; every byte either
// in a token or whitespace; tokens inside their sentence; sentences in
// order, together holding what Tokenize gives. Seeds are in
// testdata/fuzz/FuzzSentences.
func FuzzSentences(f *testing.F) {
	f.Add("Dr. Smith said \"Stop.\" Then he left... I don't know, e.g. https://example.com/x.")
	f.Fuzz(func(t *testing.T, text string) {
		sentences := Sentences(text)
		pos, count := 0, 0
		for i, s := range sentences {
			if len(s.Tokens) == 0 {
				t.Fatalf("sentence %d is empty", i)
			}
			if s.Start < pos || s.Start > s.End || s.End > len(text) {
				t.Fatalf("sentence %d [%d,%d) out of order or range (previous end %d)", i, s.Start, s.End, pos)
			}
			for _, tk := range s.Tokens {
				if tk.Start < pos || tk.End <= tk.Start || tk.End > len(text) {
					t.Fatalf("token [%d,%d) out of order or range (previous end %d)", tk.Start, tk.End, pos)
				}
				if tk.Start < s.Start || tk.End > s.End {
					t.Fatalf("token [%d,%d) outside its sentence [%d,%d)", tk.Start, tk.End, s.Start, s.End)
				}
				if tk.Kind < Word || tk.Kind > Placeholder {
					t.Fatalf("token [%d,%d) has kind %d", tk.Start, tk.End, tk.Kind)
				}
				fuzzSpace(t, text, pos, tk.Start)
				pos = tk.End
				count++
			}
		}
		fuzzSpace(t, text, pos, len(text))
		if n := len(Tokenize(nil, text)); n != count {
			t.Fatalf("sentences hold %d tokens, Tokenize gives %d", count, n)
		}
	})
}

func fuzzSpace(t *testing.T, text string, from, to int) {
	t.Helper()
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if r == utf8.RuneError && size <= 1 || !unicode.IsSpace(r) {
			t.Fatalf("byte %d (%q) is neither in a token nor whitespace", i, text[i])
		}
		i += size
	}
}
