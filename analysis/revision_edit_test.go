package analysis

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"liaison/analysis/text"
)

// TestAnalyzeEditEqualsFresh: AnalyzeEdit gives what AnalyzeWith gives,
// whatever its Edit: exact, wider than what changed, about another base
// (ignored), or nil. Its revision's edit is one the texts agree around.
func TestAnalyzeEditEqualsFresh(t *testing.T) {
	src := book(t)
	ctx := context.Background()
	a, c := New(), newMapCache()
	_, rev, err := a.AnalyzeEdit(ctx, c, nil, "markdown", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 16 {
		prev := src
		at := rng.IntN(len(src) - 8)
		switch i % 4 {
		case 0:
			src = src[:at] + "x" + src[at:]
		case 1:
			src = src[:at] + src[at+3:]
		case 2:
			src = insertAt(src, at+strings.Index(src[at:], "\n\n")+1, "\n```\nfn main() {}\n")
		case 3:
			src = src[:at] + "Words *and* `code`.\n\n" + src[at+1:]
		}
		p, s := text.CommonEnds(prev, src)
		var edit *Edit
		switch i % 4 {
		case 0:
			edit = &Edit{Base: prev, Start: p, BaseEnd: len(prev) - s, End: len(src) - s}
		case 1: // wider than the change
			w := min(p, s, 500)
			edit = &Edit{Base: prev, Start: p - w, BaseEnd: len(prev) - s + w, End: len(src) - s + w}
		case 2: // about another text: ignored
			edit = &Edit{Base: strings.Clone(prev[:len(prev)-1]) + "!", Start: 0, BaseEnd: 1, End: 1}
		}
		var res *Result
		res, rev, err = a.AnalyzeEdit(ctx, c, rev, "markdown", src, edit)
		if err != nil {
			t.Fatal(err)
		}
		if want := analyzeWith(t, a, c, "markdown", src); !reflect.DeepEqual(res.Blocks, want.Blocks) {
			t.Fatalf("edit %d: AnalyzeEdit's blocks differ from AnalyzeWith's", i)
		}
		if start, prevEnd, end, ok := rev.Edit(); !ok || src[:start] != prev[:start] || src[end:] != prev[prevEnd:] {
			t.Fatalf("edit %d: Edit() = %d, %d, %d, %v", i, start, prevEnd, end, ok)
		}
	}
}

// TestEditEnds: Ends takes the edit when it is about a, and compares the
// texts otherwise.
func TestEditEnds(t *testing.T) {
	a, b := "the cat sat", "the hat sat"
	tests := []struct {
		name         string
		e            *Edit
		prefix, suff int
	}{
		{"nil", nil, 4, 6},
		{"exact", &Edit{Base: a, Start: 4, BaseEnd: 5, End: 5}, 4, 6},
		{"wider", &Edit{Base: a, Start: 1, BaseEnd: 9, End: 9}, 1, 2},
		{"another base", &Edit{Base: "the bat sat", Start: 0, BaseEnd: 11, End: 11}, 4, 6},
		{"lengths disagree", &Edit{Base: a, Start: 4, BaseEnd: 5, End: 6}, 4, 6},
		{"out of range", &Edit{Base: a, Start: 4, BaseEnd: 12, End: 12}, 4, 6},
	}
	for _, tt := range tests {
		if p, s := tt.e.Ends(a, b); p != tt.prefix || s != tt.suff {
			t.Errorf("%s: Ends = %d, %d, want %d, %d", tt.name, p, s, tt.prefix, tt.suff)
		}
	}
}
