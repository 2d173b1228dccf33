package morph

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// TestGolden records the analysis of testdata/words.txt in
// testdata/words.golden, so that a change to the rules or the data shows
// up as a reviewable diff. Refresh with go test -update.
func TestGolden(t *testing.T) {
	l := Default()
	words, err := os.ReadFile(filepath.Join("testdata", "words.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, w := range strings.Fields(string(words)) {
		fmt.Fprintf(&out, "%s\t%v\n", w, l.Classes(w))
		for _, a := range l.Analyze(w) {
			fmt.Fprintf(&out, "\t%v\n", a)
		}
		for p := range numPOS {
			if l.Classes(w).HasPOS(p) {
				fmt.Fprintf(&out, "\tLemma %v = %s\n", p, l.Lemma(w, p))
			}
		}
	}
	golden := filepath.Join("testdata", "words.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("analysis differs from %s; run go test -update and review the diff", golden)
	}
}
