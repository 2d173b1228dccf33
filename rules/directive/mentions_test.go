package directive

import (
	"math/rand/v2"
	"strings"
	"testing"

	"liaison/analysis/text"
)

// TestMentionedNear: for a text with no mention, an edit makes one exactly
// when MentionedNear finds one around it (random edits of random texts
// built from pieces of the stem, so that edits complete, split and join
// it).
func TestMentionedNear(t *testing.T) {
	pieces := []string{"l", "li", "liaison", "liaison-", "-", "aison-", "n-", "x", " ", "\n"}
	rng := rand.New(rand.NewPCG(7, 8))
	random := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	made := 0
	for range 20000 {
		prev := random(rng.IntN(12))
		if Mentions(prev) {
			continue
		}
		start := rng.IntN(len(prev) + 1)
		end := start + rng.IntN(len(prev)-start+1)
		ins := random(rng.IntN(3))
		src := prev[:start] + ins + prev[end:]
		want := Mentions(src)
		if got := MentionedNear(src, start, start+len(ins)); got != want {
			t.Fatalf("%q → %q (edit at %d, %q): MentionedNear %v, Mentions %v", prev, src, start, ins, got, want)
		}
		if got := MentionedNearIn(text.New(src), start, start+len(ins)); got != want {
			t.Fatalf("%q → %q (edit at %d, %q): MentionedNearIn %v, Mentions %v", prev, src, start, ins, got, want)
		}
		if want {
			made++
		}
	}
	if made == 0 {
		t.Error("no edit made a mention")
	}
}
