package rules

import (
	"context"
	"strings"
	"testing"
	"time"

	"liaison/analysis"
)

// TestWordList: what a user's list accepts. A word listed in lower case
// is accepted in any case; one with capitals as written or in capitals;
// entries are trimmed (a CRLF file's \r too), empty ones and duplicates
// dropped, the curly apostrophe read as the straight one, and an entry
// that is not valid UTF-8 kept without harm to the rest.
func TestWordList(t *testing.T) {
	l := NewWordList([]string{"rustc", " tokio\r", "GitHub", "rustc", "", "  ", "o’clock-ish", "\xff\xfe", "serde"})
	if got, want := l.Len(), 6; got != want {
		t.Errorf("Len = %d, want %d (%q)", got, want, l.Words())
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"rustc", true}, {"Rustc", true}, {"RUSTC", true}, {"tokio", true},
		{"GitHub", true}, {"GITHUB", true}, {"github", false}, {"Github", false},
		{"o'clock-ish", true}, {"o’clock-ish", true},
		{"serde", true}, {"serdes", false}, {"", false}, {"\xff", false},
	} {
		if got := l.Has(tc.w); got != tc.want {
			t.Errorf("Has(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
	var nilList *WordList
	if nilList.Has("rustc") || nilList.Len() != 0 || nilList.Words() != nil {
		t.Error("a nil list accepts something")
	}
}

// TestWordListMillion: a list of a million entries (issue 16's bad
// input) builds in bounded time, answers correctly, and a check that
// uses it clears the finding of a listed word and keeps the others.
func TestWordListMillion(t *testing.T) {
	words := make([]string, 0, 1_000_000)
	var b strings.Builder
	for i := range 1_000_000 {
		b.Reset()
		b.WriteString("zq")
		for n := i; ; n /= 26 {
			b.WriteByte(byte('a' + n%26))
			if n < 26 {
				break
			}
		}
		words = append(words, b.String())
	}
	words = append(words, "tokioz", "Frobnicatr")
	start := time.Now()
	l := NewWordList(words)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("building a list of a million words took %v", d)
	}
	if l.Len() != 1_000_002 {
		t.Errorf("Len = %d, want 1000002", l.Len())
	}
	for _, w := range []string{"zqa", words[999_999], "TOKIOZ", "Frobnicatr", "FROBNICATR"} {
		if !l.Has(w) {
			t.Errorf("Has(%q) = false", w)
		}
	}
	if l.Has("frobnicatr") || l.Has("zq") {
		t.Error("the list accepts a word it does not hold")
	}
	if n := testing.AllocsPerRun(100, func() { l.Has("tokioz") }); n != 0 {
		t.Errorf("Has allocates %.0f times per call", n)
	}

	e := defaultEngine(t)
	text := "We ran tokioz, and then wibblez happened."
	res, err := analysis.New().Analyze(context.Background(), "plaintext", text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range e.Check(context.Background(), res, Settings{Spelling: Spelling{NoSuggestions: true, Words: []*WordList{l}}}) {
		if f.Rule.Code == SpellingRuleID {
			got = append(got, text[f.Start:f.End])
		}
	}
	if len(got) != 1 || got[0] != "wibblez" {
		t.Errorf("flagged %q, want only the unlisted wibblez", got)
	}
}
