package markup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scanParsers are the hand-written scanners by format, with the extension
// of their golden inputs under testdata/<format>.
var scanParsers = map[string]struct {
	ext   string
	parse func(string) []Block
}{
	"rst": {".rst", parseRST},
	"asciidoc": {".adoc", parseAsciiDoc},
	"org": {".org", parseOrg},
	"typst": {".typ", parseTypst},
}

// checkScan checks one document through parse: the span invariants of
// every block, blocks in source order without overlapping, and a second
// parse giving the same blocks.
func checkScan(t testing.TB, parse func(string) []Block, src string) []Block {
	t.Helper()
	blocks := parse(src)
	checkMapping(t, src, blocks)
	for i := 1; i < len(blocks); i++ {
		if blocks[i].Start < blocks[i-1].End {
			t.Fatalf("block %d [%d,%d) overlaps block %d [%d,%d)", i, blocks[i].Start, blocks[i].End, i-1, blocks[i-1].Start, blocks[i-1].End)
		}
	}
	for bi, b := range blocks {
		for q := 0; q < len(b.Prose); q++ {
			if s, e := b.SourceRange(q, q+1); s < 0 || e > b.End-b.Start || s > e {
				t.Fatalf("block %d: SourceRange(%d,%d) = [%d,%d) outside [0,%d)", bi, q, q+1, s, e, b.End-b.Start)
			}
		}
	}
	return blocks
}

// TestScanDump writes the prose of every document under $LIAISON_SCAN_DUMP
// (a corpus folder) to /tmp/scan, for reviewing extraction by eye.
func TestScanDump(t *testing.T) {
	dir := os.Getenv("LIAISON_SCAN_DUMP")
	if dir == "" {
		t.Skip("LIAISON_SCAN_DUMP not set")
	}
	for name, sp := range scanParsers {
		paths, _ := filepath.Glob(filepath.Join(dir, name, "*"+sp.ext))
		more, _ := filepath.Glob(filepath.Join(dir, name, "*", "*"+sp.ext))
		for _, p := range append(paths, more...) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			for _, blk := range checkScan(t, sp.parse, string(b)) {
				sb.WriteString(blk.Kind.String() + ": " + blk.Prose + "\n")
			}
			os.WriteFile(filepath.Join("/tmp/scan", filepath.Base(p)+".txt"), []byte(sb.String()), 0o644)
		}
	}
}
