package text

import "testing"

// benchPoints returns n byte offsets spread over d, pseudo-randomly but the
// same in every run.
func benchPoints(d *Document, n int) []int {
	offsets := make([]int, n)
	x := uint64(0x9e3779b97f4a7c15)
	for i := range offsets {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		offsets[i] = int(x % uint64(d.Len()+1))
	}
	return offsets
}

// BenchmarkApplyOneChar types into the Rust Book held as one document: each
// iteration is one Apply of a one-character change (alternately inserting a
// character and deleting it again) at a different place, as an editor's
// didChange would send it.
func BenchmarkApplyOneChar(b *testing.B) {
	d := New(readBook(b))
	var changes [][]Change
	for _, o := range benchPoints(d, 1024) {
		p := d.Position(o, UTF16)
		changes = append(changes,
			[]Change{{&Range{p, p}, "x"}},
			[]Change{{&Range{p, Position{p.Line, p.Character + 1}}, ""}})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d = d.Apply(changes[i%len(changes)], UTF16)
		i++
	}
}

// BenchmarkApplyOneLine inserts and deletes a line break, which adds or
// removes a line start.
func BenchmarkApplyOneLine(b *testing.B) {
	d := New(readBook(b))
	var changes [][]Change
	for _, o := range benchPoints(d, 1024) {
		p := d.Position(o, UTF16)
		changes = append(changes,
			[]Change{{&Range{p, p}, "\n"}},
			[]Change{{&Range{p, Position{p.Line + 1, 0}}, ""}})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d = d.Apply(changes[i%len(changes)], UTF16)
		i++
	}
}

func BenchmarkNew(b *testing.B) {
	book := readBook(b)
	b.SetBytes(int64(len(book)))
	b.ReportAllocs()
	for b.Loop() {
		New(book)
	}
}

func BenchmarkPosition(b *testing.B) {
	d := New(readBook(b))
	offsets := benchPoints(d, 4096)
	for _, enc := range encodings {
		b.Run(enc.String(), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d.Position(offsets[i%len(offsets)], enc)
				i++
			}
		})
	}
}

func BenchmarkOffset(b *testing.B) {
	d := New(readBook(b))
	offsets := benchPoints(d, 4096)
	for _, enc := range encodings {
		positions := make([]Position, len(offsets))
		for i, o := range offsets {
			positions[i] = d.Position(o, enc)
		}
		b.Run(enc.String(), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d.Offset(positions[i%len(positions)], enc)
				i++
			}
		})
	}
}

// BenchmarkApplyThenText is BenchmarkApplyOneChar followed by Text, which
// joins the chunks of the new revision: the price of asking for the whole
// text after every edit.
func BenchmarkApplyThenText(b *testing.B) {
	d := New(readBook(b))
	var changes [][]Change
	for _, o := range benchPoints(d, 1024) {
		p := d.Position(o, UTF16)
		changes = append(changes,
			[]Change{{&Range{p, p}, "x"}},
			[]Change{{&Range{p, Position{p.Line, p.Character + 1}}, ""}})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d = d.Apply(changes[i%len(changes)], UTF16)
		_ = d.Text()
		i++
	}
}
