package token

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sentenceStrings returns the sentences of text, each as its source text,
// joined with " ‖ ".
func sentenceStrings(text string, sentences []Sentence) string {
	parts := make([]string, len(sentences))
	for i, s := range sentences {
		parts[i] = text[s.Start:s.End]
	}
	return strings.Join(parts, " ‖ ")
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"two", "The cat sat. The dog ran.", "The cat sat. ‖ The dog ran."},
		{"question and exclamation", "Is it? Yes! Good.", "Is it? ‖ Yes! ‖ Good."},
		{"heading", "Getting Started with Rust", "Getting Started with Rust"},
		{"no terminal punctuation", "It works. Then it stops", "It works. ‖ Then it stops"},
		{"titles", "Dr. Smith met Mr. Jones and Mrs. Brown. They talked.", "Dr. Smith met Mr. Jones and Mrs. Brown. ‖ They talked."},
		{"e.g. and i.e.", "Use a fruit, e.g. An apple, i.e. The red one. Done.", "Use a fruit, e.g. An apple, i.e. The red one. ‖ Done."},
		{"etc. mid", "Apples, pears, etc. are fruit. Yes.", "Apples, pears, etc. are fruit. ‖ Yes."},
		{"etc. end", "Apples, pears, etc. Bananas too.", "Apples, pears, etc. ‖ Bananas too."},
		{"U.S. mid", "The U.S. Army came. It left.", "The U.S. Army came. ‖ It left."},
		{"U.S. end", "He moved to the U.S. The move was hard.", "He moved to the U.S. ‖ The move was hard."},
		{"a.m.", "We met at 9 a.m. on Monday. It rained.", "We met at 9 a.m. on Monday. ‖ It rained."},
		{"p.m. end", "We left at 5 p.m. Then it rained.", "We left at 5 p.m. ‖ Then it rained."},
		{"vs.", "It was Kramer vs. Kramer. A film.", "It was Kramer vs. Kramer. ‖ A film."},
		{"No. 5", "See No. 5 on the list. It is short.", "See No. 5 on the list. ‖ It is short."},
		{"initials", "J. R. R. Tolkien wrote it. He was English.", "J. R. R. Tolkien wrote it. ‖ He was English."},
		{"initial ends", "B is the parent of module A. Notice the tree.", "B is the parent of module A. ‖ Notice the tree."},
		{"initial in name", "It was by George W. Bush.", "It was by George W. Bush."},
		{"decimal", "Pi is 3.14 or so. Roughly.", "Pi is 3.14 or so. ‖ Roughly."},
		{"version", "Use version 1.2.3 now. Or later.", "Use version 1.2.3 now. ‖ Or later."},
		{"ellipsis mid", "Wait... what happened?", "Wait... what happened?"},
		{"ellipsis end", "I waited... Nobody came.", "I waited... ‖ Nobody came."},
		{"unicode ellipsis", "I waited… Nobody came.", "I waited… ‖ Nobody came."},
		{"quote after stop", `He said "Stop." Then he left.`, `He said "Stop." ‖ Then he left.`},
		{"curly quote after stop", "He said “Stop.” Then he left.", "He said “Stop.” ‖ Then he left."},
		{"quote then lowercase", `"Stop!" he said. "Now."`, `"Stop!" he said. ‖ "Now."`},
		{"bracket after stop", "It ends here (really.) Then more.", "It ends here (really.) ‖ Then more."},
		{"opening quote starts next", `It ended. "Then what?" she asked.`, `It ended. ‖ "Then what?" she asked.`},
		{"lowercase start", "Run the build. cargo then compiles it.", "Run the build. ‖ cargo then compiles it."},
		{"number after stop", "The population (pop. 256,000) grew.", "The population (pop. 256,000) grew."},
		{"comma after exclamation", "Yes!, he said.", "Yes!, he said."},
		{"no space", "Files like main.rs and lib.rs. Both.", "Files like main.rs and lib.rs. ‖ Both."},
		{"url", "Go to https://example.com/x. It works.", "Go to https://example.com/x. ‖ It works."},
		{"runs", "Really?! Yes!!! OK.", "Really?! ‖ Yes!!! ‖ OK."},
		{"emoticon", "It was great! :) Then we left. :D", "It was great! :) ‖ Then we left. :D"},
		{"doubled quotes", "He said ''Stop.'' Then he left.", "He said ''Stop.'' ‖ Then he left."},
		{"trailing quote only", `The end. "`, `The end. "`},
		{"contractions", "I don't know. You can't tell.", "I don't know. ‖ You can't tell."},
		{"empty", "", ""},
		{"space", "   ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.text)
			if s := sentenceStrings(tt.text, got); s != tt.want {
				t.Errorf("Sentences(%q)\n got %s\nwant %s", tt.text, s, tt.want)
			}
			checkSentences(t, tt.text, got)
		})
	}
}

// checkSentences asserts that the sentences hold every token of text in
// order, each sentence's span running from its first token to its last.
func checkSentences(t *testing.T, text string, sentences []Sentence) {
	t.Helper()
	var all []Token
	prevEnd := 0
	for i, s := range sentences {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d of %q has no tokens", i, text)
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d [%d,%d) does not span its tokens in %q", i, s.Start, s.End, text)
		}
		if s.Start < prevEnd {
			t.Fatalf("sentence %d starts at %d before the previous end %d in %q", i, s.Start, prevEnd, text)
		}
		prevEnd = s.End
		all = append(all, s.Tokens...)
	}
	want := Tokenize(nil, text)
	if tokenStrings(text, all) != tokenStrings(text, want) || len(all) != len(want) {
		t.Fatalf("sentences of %q hold tokens %s, Tokenize gives %s", text, tokenStrings(text, all), tokenStrings(text, want))
	}
	checkTokens(t, text, all)
}

// TestSegmenterReuse checks that a reused Segmenter gives what Sentences
// gives.
func TestSegmenterReuse(t *testing.T) {
	texts := []string{"One. Two.", "", "A heading", "Dr. No. He's back! Really?"}
	var s Segmenter
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			got := sentenceStrings(text, s.Sentences(text))
			if want := sentenceStrings(text, Sentences(text)); got != want {
				t.Errorf("reused Segmenter on %q: %s, Sentences: %s", text, got, want)
			}
		}
	}
}

// TestGolden tokenizes and splits testdata/golden/*.txt, one block per
// paragraph, and compares with the .golden files beside them. Refresh with
// go test -update.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, block := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
				block = strings.ReplaceAll(block, "\n", " ") // soft line breaks are spaces
				for _, s := range Sentences(block) {
					fmt.Fprintf(&b, "[%d,%d)", s.Start, s.End)
					for _, tk := range s.Tokens {
						fmt.Fprintf(&b, " %s/%s", block[tk.Start:tk.End], tk.Kind)
					}
					b.WriteByte('\n')
				}
				b.WriteByte('\n')
			}
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s; run go test -update and review the diff\n%s", in, golden, firstDiff(b.String(), string(want)))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}
