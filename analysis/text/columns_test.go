package text

import (
	"fmt"
	"strings"
	"testing"
)

// longLineTexts have lines longer than the strides the tests use, with
// characters of every width, invalid bytes and every line terminator, so
// checkpoints fall before, inside and after multi-byte characters.
var longLineTexts = []string{
	strings.Repeat("aé€😀b", 40),
	strings.Repeat("aé€😀b\xff\x00z\xe2\x82y", 30) + "\r\n" + strings.Repeat("x😀", 50) + "\rshort\n" + strings.Repeat("€", 90),
	"\n" + strings.Repeat("We had alot of fun. ", 30) + "\n\n",
}

// TestCheckpointsAgainstReference checks every conversion on long lines,
// with strides small enough to put checkpoints everywhere, against the
// reference walk; and after edits, which share the checkpoints of the
// chunks they do not touch.
func TestCheckpointsAgainstReference(t *testing.T) {
	for ti, text := range longLineTexts {
		for _, size := range []int{1, 7, 64, defaultChunkSize} {
			for _, stride := range []int{1, 2, 3, 5, 16, defaultStride} {
				t.Run(fmt.Sprintf("text %d chunks of %d stride %d", ti, size, stride), func(t *testing.T) {
					d := newDocument(text, size)
					d.stride = stride
					roundTrip(t, d)
					// Type into the middle of the longest line, then delete it again.
					p := d.Position(len(text)/2, UTF16)
					d2 := d.Apply([]Change{{Range: &Range{p, p}, Text: "€x"}}, UTF16)
					if d2.stride != stride {
						t.Fatalf("Apply lost the stride: %d", d2.stride)
					}
					roundTrip(t, d2)
					roundTrip(t, d2.Apply([]Change{{Range: &Range{p, Position{p.Line, p.Character + 2}}}}, UTF16))
				})
			}
		}
	}
}

// TestConversionWorkIsBoundedOnLongLines counts the bytes that conversions
// walk on one long line with a position every 45 bytes (a finding per
// sentence): without checkpoints each walks from the line's start and the
// total grows with the square of the line's length.
func TestConversionWorkIsBoundedOnLongLines(t *testing.T) {
	const sentence = "We had alot of fun with the committee today. "
	for _, kb := range []int{64, 256, 1024} {
		text := strings.Repeat(sentence, kb<<10/len(sentence))
		d := New(text)
		for _, enc := range encodings {
			var walked, n int
			for o := 0; o <= len(text); o += len(sentence) {
				p, w := d.position(o, enc)
				walked += w
				off, w := d.offset(p, enc)
				walked += w
				if off != o {
					t.Fatalf("%d KB %v: Offset(Position(%d)) = %d", kb, enc, o, off)
				}
				n += 2
			}
			if per := walked / n; per > defaultStride+4 {
				t.Errorf("%d KB line, %v: %d bytes walked per conversion, want at most %d", kb, enc, per, defaultStride+4)
			}
		}
	}
}

// TestLongLineChecksAgainstSlowWalk checks conversions on a long line of
// multi-byte characters at the default stride against the plain walk from
// the line's start (the reference implementation is too slow for it).
func TestLongLineChecksAgainstSlowWalk(t *testing.T) {
	text := strings.Repeat("né€😀 \xff", 3000)
	d := New(text)
	slow := newDocument(text, defaultChunkSize)
	slow.stride = len(text) + 1 // no line is long enough for checkpoints
	for _, enc := range encodings {
		for o := 0; o <= len(text); o += 97 {
			p := d.Position(o, enc)
			if want := slow.Position(o, enc); p != want {
				t.Fatalf("%v: Position(%d) = %v, want %v", enc, o, p, want)
			}
			for _, q := range []Position{p, {p.Line, p.Character + 1}, {0, p.Character * 3}} {
				if got, want := d.Offset(q, enc), slow.Offset(q, enc); got != want {
					t.Fatalf("%v: Offset(%v) = %d, want %d", enc, q, got, want)
				}
			}
		}
	}
}

// BenchmarkLongLine converts a position every 45 bytes (a finding per
// sentence) in a text held as one line and as one line per sentence: with
// checkpoints the two cost about the same per conversion at every size.
func BenchmarkLongLine(b *testing.B) {
	const sentence = "We had alot of fun with the committee today."
	for _, kb := range []int{64, 256, 1024} {
		n := kb << 10 / (len(sentence) + 1)
		for _, layout := range []struct{ name, sep string }{{"one-line", " "}, {"lines", "\n"}} {
			text := strings.Repeat(sentence+layout.sep, n)
			b.Run(fmt.Sprintf("%dKB/%s", kb, layout.name), func(b *testing.B) {
				d := New(text)
				b.ReportAllocs()
				for b.Loop() {
					for o := 0; o < len(text); o += len(sentence) + 1 {
						d.RangeOf(o+7, o+11, UTF16)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/range")
			})
		}
	}
}
