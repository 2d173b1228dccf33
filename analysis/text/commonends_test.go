package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCommonEnds compares CommonEnds with a byte-at-a-time count on edits
// near, inside and across its 2,048-byte blocks, and on texts that repeat
// themselves (where prefix and suffix compete for the same bytes).
func TestCommonEnds(t *testing.T) {
	naive := func(a, b string) (p, s int) {
		n := min(len(a), len(b))
		for p < n && a[p] == b[p] {
			p++
		}
		for s < n-p && a[len(a)-1-s] == b[len(b)-1-s] {
			s++
		}
		return p, s
	}
	r := rand.New(rand.NewPCG(1, 2))
	base := strings.Repeat("abcdefgh", 1200) // 9,600 bytes, periodic
	for i := range 2000 {
		a := base[:r.IntN(len(base)+1)]
		at := r.IntN(len(a) + 1)
		del := r.IntN(min(len(a)-at, 3000) + 1)
		ins := strings.Repeat("xa", r.IntN(3))
		b := a[:at] + ins + a[at+del:]
		if i%2 == 1 {
			a, b = b, a
		}
		gp, gs := CommonEnds(a, b)
		wp, ws := naive(a, b)
		if gp != wp || gs != ws {
			t.Fatalf("CommonEnds(len %d, len %d) = %d, %d; want %d, %d", len(a), len(b), gp, gs, wp, ws)
		}
	}
	if p, s := CommonEnds("", "abc"); p != 0 || s != 0 {
		t.Errorf("empty: %d, %d", p, s)
	}
}

// TestCommonEndsOf compares CommonEndsOf with CommonEnds on the joined
// texts: revisions made by Apply (sharing chunks), with small chunks so
// that edits cross chunk boundaries, and documents built apart (sharing
// nothing), including empty ones and texts that repeat themselves.
func TestCommonEndsOf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	line := func() string { return strings.Repeat("ab", r.IntN(6)) + "\n" }
	var sb strings.Builder
	for range 400 {
		sb.WriteString(line())
	}
	base := sb.String()
	for i := range 3000 {
		a := newDocument(base[:r.IntN(len(base)+1)], 16+r.IntN(64))
		b := a
		for range 1 + r.IntN(3) {
			at := r.IntN(b.Len() + 1)
			del := r.IntN(min(b.Len()-at, 300) + 1)
			ins := []string{"", "ab", "\n", "x\nab", line() + line()}[r.IntN(5)]
			b = b.replace(at, at+del, ins)
		}
		if i%3 == 0 {
			b = New(b.Text()) // shares nothing with a
		}
		if i%2 == 1 {
			a, b = b, a
		}
		gp, gs := CommonEndsOf(a, b)
		wp, ws := CommonEnds(a.Text(), b.Text())
		if gp != wp || gs != ws {
			t.Fatalf("CommonEndsOf(len %d, len %d) = %d, %d; want %d, %d", a.Len(), b.Len(), gp, gs, wp, ws)
		}
	}
	if p, s := CommonEndsOf(New(""), New("abc")); p != 0 || s != 0 {
		t.Errorf("empty: %d, %d", p, s)
	}
	if p, s := CommonEndsOf(nil, &Document{}); p != 0 || s != 0 {
		t.Errorf("zero: %d, %d", p, s)
	}
}
