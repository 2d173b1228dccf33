package text

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current results")

// goldenSamples are short texts whose conversions testdata/positions.golden
// spells out, for a reader to check by eye.
var goldenSamples = []string{
	"liaise\r\nliaison\rliaisons\n",
	"é€😀\xff\x00",
	"a\r\r\n\n\rb",
}

// TestGoldenPositions writes every byte offset of each sample with its
// position in each encoding, and each line's bounds, and compares the result
// with testdata/positions.golden (refresh with -update).
func TestGoldenPositions(t *testing.T) {
	var b strings.Builder
	for _, sample := range goldenSamples {
		d := New(sample)
		fmt.Fprintf(&b, "text %q: %d bytes, %d lines\n", sample, d.Len(), d.LineCount())
		for line := range d.LineCount() {
			start, end := d.LineBounds(line)
			fmt.Fprintf(&b, "  line %d: [%d, %d) %q\n", line, start, end, sample[start:end])
		}
		for o := 0; o <= len(sample); o++ {
			fmt.Fprintf(&b, "  offset %2d", o)
			for _, enc := range encodings {
				p := d.Position(o, enc)
				fmt.Fprintf(&b, "  %s %d:%d→%d", enc, p.Line, p.Character, d.Offset(p, enc))
			}
			b.WriteString("\n")
		}
	}
	path := filepath.Join("testdata", "positions.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("positions differ from %s (run with -update to accept):\n%s", path, b.String())
	}
}
