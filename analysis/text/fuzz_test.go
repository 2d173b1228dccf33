package text

import (
	"slices"
	"testing"
)

// maxFuzzText bounds the fuzzed text: the reference implementations and the
// exhaustive checks are quadratic, and the structures under test are
// exercised by short texts cut into tiny chunks.
const maxFuzzText = 512

// decodeEdits turns fuzz bytes into batches of changes, each batch with its
// encoding. A record is: control, start line, start character, end line,
// end character, insert length, insert bytes. Lines and characters are the
// byte minus 2, so they reach negative values and run past line ends. The
// control byte picks the encoding, whether a new batch (Apply call) starts,
// and rarely a full replacement.
func decodeEdits(script []byte) (batches [][]Change, encs []Encoding) {
	for len(script) >= 6 {
		ctl := script[0]
		num := func(i int) int { return int(script[i]) - 2 }
		r := rng(num(1), num(2), num(3), num(4))
		n := min(int(script[5]%8), len(script)-6)
		insert := string(script[6 : 6+n])
		script = script[6+n:]

		if len(batches) == 0 || ctl&4 != 0 {
			batches = append(batches, nil)
			encs = append(encs, Encoding(ctl%4)%3)
		}
		c := Change{Range: r, Text: insert}
		if ctl>>3 == 31 {
			c.Range = nil
		}
		batches[len(batches)-1] = append(batches[len(batches)-1], c)
	}
	return batches, encs
}

func FuzzApply(f *testing.F) {
	f.Add("", []byte("\x00\x02\x02\x02\x02\x03abc"))
	f.Add("a\r\nb\rc\nd", []byte("\x04\x02\x03\x03\x02\x01\n\x05\x03\x02\x03\x02\x02\r\n"))
	f.Add("x😀y\n\xffz", []byte("\x00\x02\x04\x02\x04\x01|\x05\x03\x02\x03\x07\x00"))
	f.Add("é\r", []byte("\x01\x02\x03\x02\x03\x01\n\xfc\x02\x02\x02\x02\x02ok"))
	f.Fuzz(func(t *testing.T, text string, script []byte) {
		if len(text) > maxFuzzText || len(script) > maxFuzzText {
			t.Skip("too long")
		}
		batches, encs := decodeEdits(script)
		for _, size := range []int{1, 2 + len(text)%5, defaultChunkSize} {
			d, want := newDocument(text, size), text
			joined, full := d, false // the latest revision whose text was joined; a full replacement since
			for i, changes := range batches {
				prev := d
				d = d.Apply(changes, encs[i])
				want = referenceApply(want, changes, encs[i])
				full = full || slices.ContainsFunc(changes, func(c Change) bool { return c.Range == nil })
				if d != prev { // else d's own edit is from its parent
					checkEdit(t, d, joined.Text(), want, !full)
				}
				if i%3 == 1 {
					continue // not joined: the next Apply composes its edit with this one's
				}
				joined, full = d, false
				if d.Text() != want {
					t.Fatalf("chunks of %d, batch %d (%v) %+v: text %q, want %q", size, i, encs[i], changes, d.Text(), want)
				}
				if got, fresh := d.lineStarts(), New(want).lineStarts(); !slices.Equal(got, fresh) {
					t.Fatalf("chunks of %d, batch %d: line index %v, fresh %v", size, i, got, fresh)
				}
				if msg := d.checkInvariants(); msg != "" {
					t.Fatalf("chunks of %d, batch %d: %s", size, i, msg)
				}
			}
		}
	})
}

// checkEdit checks d.Edit against base, the text of the latest revision
// d descends from whose text was joined, and want, d's text; wantOK says
// whether Apply had an edit to record (no full replacement since base).
func checkEdit(t *testing.T, d *Document, base, want string, wantOK bool) {
	t.Helper()
	b, start, baseEnd, end, ok := d.Edit()
	if !ok {
		if wantOK && want != base {
			t.Fatalf("no edit recorded from %q to %q", base, want)
		}
		return
	}
	if !wantOK {
		t.Fatalf("an edit recorded across a full replacement: %q [%d:%d] → [%d:%d]", b, start, baseEnd, start, end)
	}
	if b != base {
		t.Fatalf("edit from %q, want from %q", b, base)
	}
	if start < 0 || start > baseEnd || start > end || baseEnd > len(base) || end > len(want) || len(base)-baseEnd != len(want)-end {
		t.Fatalf("edit [%d:%d] → [%d:%d] does not fit %q → %q", start, baseEnd, start, end, base, want)
	}
	if base[:start] != want[:start] || base[baseEnd:] != want[end:] {
		t.Fatalf("edit [%d:%d] → [%d:%d]: %q → %q differ outside it", start, baseEnd, start, end, base, want)
	}
}

func FuzzPositionRoundTrip(f *testing.F) {
	f.Add("")
	f.Add(mixed)
	f.Add("a\r\n\r\n\rb\n")
	f.Add("\xed\xa0\x80\xf0\x9f\x98\xe2\x82\xac\xf4\x90\x80\x80\x00")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzText {
			t.Skip("too long")
		}
		for _, size := range []int{1, 3, defaultChunkSize} {
			roundTrip(t, newDocument(text, size))
		}
	})
}

func roundTrip(t *testing.T, d *Document) {
	text := d.Text()
	if msg := d.checkInvariants(); msg != "" {
		t.Fatal(msg)
	}
	for _, enc := range encodings {
		bs := referenceBoundaries(text, enc)
		for _, b := range bs {
			p := d.Position(b.offset, enc)
			if p != b.pos {
				t.Fatalf("%v: Position(%d) = %v, want %v", enc, b.offset, p, b.pos)
			}
			if o := d.Offset(p, enc); o != b.offset {
				t.Fatalf("%v: Offset(Position(%d)) = %d", enc, b.offset, o)
			}
		}
		// Offsets that are not boundaries clamp back to the boundary
		// before them.
		next := 0
		for o := -1; o <= len(text)+1; o++ {
			for next+1 < len(bs) && bs[next+1].offset <= o {
				next++
			}
			if got := d.Position(o, enc); got != bs[next].pos {
				t.Fatalf("%v: Position(%d) = %v, want %v", enc, o, got, bs[next].pos)
			}
		}
	}
}
