package rules

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"liaison/analysis"
	ltext "liaison/analysis/text"
)

// flatCounts is every word cw counts, with its count.
func flatCounts(cw *CodeWords) map[string]int32 { return flatten(cw.built()) }

// flatten is every word c counts, with its count.
func flatten(c *codeCounts) map[string]int32 {
	out := map[string]int32{}
	var chain []*codeCounts
	for ; c != nil; c = c.parent {
		chain = append(chain, c)
	}
	for _, c := range slices.Backward(chain) {
		addCounts(out, c.diff)
	}
	return out
}

// TestCodeWordsIncremental edits a document at random (in prose, in code,
// opening and closing fences and backticks) and checks that the code
// words counted from the previous revision are those counted afresh.
func TestCodeWordsIncremental(t *testing.T) {
	chapter, err := os.ReadFile(filepath.Join("..", "testdata", "rust-book", "ch04-01-what-is-ownership.md"))
	if err != nil {
		t.Skip("no Rust Book under testdata")
	}
	ctx := context.Background()
	a := analysis.New()
	inserts := []string{"s", "`", "```\n", "\n", " foo_bar ", "<!-- liaison-words: zork -->", "-", "'", "x-y", "\n\n    indented code\n\n", ""}
	tests := []struct {
		name string
		src  string
	}{
		{"chapter", string(chapter)},
		{"small", "Some `code` here.\n\n```rust\nlet sneaky_name = 1; // liaison-words: frob\n```\n\nAnd `more-code` too.\n"},
		{"no code", "Only prose here, nothing else.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(len(tt.src))))
			src := tt.src
			res, err := a.Analyze(ctx, "markdown", src)
			if err != nil {
				t.Fatal(err)
			}
			prev := CodeWordsOf(src, res, true, nil)
			prev.Has("x")    // counted, so that the next revisions derive
			prev.Joined("x") // the joined words too
			for i := range 300 {
				at := rng.IntN(len(src) + 1)
				regions := allRegions(prev)
				if n := len(regions); n > 0 && rng.IntN(2) == 0 {
					// Next to a region's start or end, where a region's
					// text changes but its start or end may not.
					r := regions[rng.IntN(n)]
					at = max(0, min(len(src), r[rng.IntN(2)]+rng.IntN(3)-1))
				}
				end := min(len(src), at+rng.IntN(4))
				if rng.IntN(3) > 0 {
					end = at
				}
				ins := inserts[rng.IntN(len(inserts))]
				if rng.IntN(4) == 0 { // a letter for another: offsets stay
					ins, end = "q", min(len(src), at+1)
				}
				for !utf8Boundary(src, at) {
					at--
				}
				for !utf8Boundary(src, end) {
					end++
				}
				src = src[:at] + ins + src[end:]
				res, err := a.Analyze(ctx, "markdown", src)
				if err != nil {
					t.Fatal(err)
				}
				if w, g := walkRegions(res, 0, len(src)), allRegions(CodeWordsOf(src, res, true, nil)); !slices.Equal(g, w) {
					t.Fatalf("edit %d: the cursor gives %d regions %v, a walk of the blocks %d %v", i, len(g), g, len(w), w)
				}
				got := CodeWordsOf(src, res, true, prev)
				if again := CodeWordsOf(src, res, true, prev); again != got {
					t.Fatalf("edit %d: a second CodeWordsOf of the same revision made another", i)
				}
				fresh := CodeWordsOf(src, res, true, nil)
				g, w := flatCounts(got), flatCounts(fresh)
				if !mapsEqual(g, w) {
					t.Fatalf("edit %d (%q at %d): counted from the previous revision %v, afresh %v", i, ins, at, diffCounts(g, w), diffCounts(w, g))
				}
				gj, wj := flatten(got.joinedBuilt()), flatten(fresh.joinedBuilt())
				if !mapsEqual(gj, wj) {
					t.Fatalf("edit %d (%q at %d): joined words counted from the previous revision %v, afresh %v", i, ins, at, diffCounts(gj, wj), diffCounts(wj, gj))
				}
				want := wordsJoinedToCode(res)
				if len(want) != len(wj) {
					t.Fatalf("edit %d: %d joined words, wordsJoinedToCode %d", i, len(wj), len(want))
				}
				for w := range want {
					if !got.Joined(w) || !got.Joined(strings.ToUpper(w)) {
						t.Fatalf("edit %d: Joined(%q) = false, wordsJoinedToCode has it", i, w)
					}
				}
				for w := range g {
					if sliceOf(w, src) || sliceOf(w, ltext.Whole(prev.src)) {
						t.Fatalf("edit %d: the key %q is a slice of a revision's text (it keeps the text alive)", i, w)
					}
				}
				for word := range strings.FieldsSeq(src) {
					if got.Has(word) != fresh.Has(word) {
						t.Fatalf("edit %d: Has(%q) = %v, afresh %v", i, word, got.Has(word), fresh.Has(word))
					}
				}
				prev = got
			}
		})
	}
}

// sliceOf reports whether s lies in text's memory.
func sliceOf(s, text string) bool {
	if s == "" || text == "" {
		return false
	}
	p, t := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return p >= t && p < t+uintptr(len(text))
}

// walkRegions is the regions of res in [lo, hi) the plain way: the
// stretches between blocks and each block's markup.
func walkRegions(res *analysis.Result, lo, hi int) [][2]int {
	var out [][2]int
	at := lo
	for _, b := range res.Blocks {
		start, end := max(b.Start, lo), min(b.End, hi)
		if start > at {
			out = append(out, [2]int{at, start})
		}
		if b.BlockAnalysis != nil {
			for _, m := range b.Markup {
				if ms, me := b.Start+m.Start, min(b.Start+m.End, hi); me > ms {
					out = append(out, [2]int{ms, me})
				}
			}
		}
		at = max(at, end)
	}
	if at < hi {
		out = append(out, [2]int{at, hi})
	}
	return out
}

// allRegions is every region cw's cursor gives.
func allRegions(cw *CodeWords) [][2]int {
	var out [][2]int
	for c := cw.regions(); ; {
		r, ok := c.next()
		if !ok {
			return out
		}
		out = append(out, r)
	}
}

func utf8Boundary(s string, i int) bool { return i <= 0 || i >= len(s) || s[i]&0xC0 != 0x80 }

func mapsEqual(a, b map[string]int32) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// diffCounts is what a has that b has not, or with another count.
func diffCounts(a, b map[string]int32) map[string]int32 {
	out := map[string]int32{}
	for k, v := range a {
		if b[k] != v {
			out[k] = v
		}
	}
	return out
}

// TestCodeWordsHas: a word is code when the document writes it in code,
// also a capitalised word whose lower-case form is; not from a
// liaison-words comment, nor from prose.
func TestCodeWordsHas(t *testing.T) {
	src := "Prose mentions zebra.\n\n```rust\nlet sneaky_name = 1; // liaison-words: frob\nfn well-known() {}\n```\n\nAnd `inline` too.\n"
	res, err := analysis.New().Analyze(context.Background(), "markdown", src)
	if err != nil {
		t.Fatal(err)
	}
	cw := CodeWordsOf(src, res, true, nil)
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"sneaky_name", true},
		{"inline", true},
		{"Inline", true},
		{"well-known", true},
		{"known", true},
		{"frob", false},
		{"zebra", false},
		{"INLINE", false},
		{"", false},
	} {
		if got := cw.Has(tt.word); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
