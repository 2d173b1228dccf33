package spell

import (
	"math/rand/v2"
	"testing"
)

// TestPacked: values of every width read back as written, also across
// word boundaries and beside their neighbours.
func TestPacked(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, width := range []int{1, 7, 18, 31, 32} {
		n := 1000
		p := newPacked(n, width)
		want := make([]uint32, n)
		for i := range want {
			want[i] = uint32(rng.Uint64() & (1<<width - 1))
			p.set(i, want[i])
		}
		for i, w := range want {
			if got := p.get(i); got != w {
				t.Fatalf("width %d: get(%d) = %d, want %d", width, i, got, w)
			}
		}
	}
}

// TestIsKeyOf: a word's keys are itself and, up to maxIndexedLen letters,
// itself less one letter; nothing else, whatever it hashes to.
func TestIsKeyOf(t *testing.T) {
	long := "internationalizationally" // 24 letters: still filed under its deletions
	longer := long + "s"
	for _, tt := range []struct {
		key, word string
		want      bool
	}{
		{"receive", "receive", true},
		{"recive", "receive", true},
		{"eceive", "receive", true},
		{"receiv", "receive", true},
		{"recieve", "receive", false}, // a transposition is no deletion
		{"recevie", "receive", false},
		{"rec", "receive", false},
		{"receives", "receive", false},
		{"", "a", true},
		{long[1:], long, true},
		{longer, longer, true},
		{longer[1:], longer, false}, // too long to be filed under its deletions
	} {
		if got := isKeyOf([]byte(tt.key), []byte(tt.word)); got != tt.want {
			t.Errorf("isKeyOf(%q, %q) = %v, want %v", tt.key, tt.word, got, tt.want)
		}
	}
}

// TestCandidatesAreKeyed: every candidate of a query is a word filed under
// the query or one of its edits (no word that merely shares a bucket),
// and every word one edit away is among them.
func TestCandidatesAreKeyed(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := l.index()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"recieve", "teh", "ot", "pronounciation", "accomodate"} {
		keys := map[string]bool{w: true}
		edits1(w, func(e []byte, _ bool) { keys[string(e)] = true })
		cands := ix.candidates(w, false)
		if len(cands) == 0 {
			t.Errorf("%s: no candidates", w)
		}
		found := map[string]bool{}
		for _, id := range cands {
			lw := ix.lowerWord(nil, id)
			found[string(lw)] = true
			ok := false
			forKeys(lw, nil, func(k []byte) { ok = ok || keys[string(k)] })
			if !ok {
				t.Errorf("%s: candidate %q is filed under no key of the query", w, lw)
			}
		}
		for k := range keys {
			if _, listed := l.lookup(k); listed && !found[k] {
				t.Errorf("%s: %q, one edit away, is no candidate", w, k)
			}
		}
	}
}
