package markup

import "testing"

// TestChunkedEqualsWhole checks the invariant that makes incremental
// analysis possible: Split+Parse finds exactly the blocks that one
// goldmark pass over the whole document finds.
func TestChunkedEqualsWhole(t *testing.T) {
	docs := rustBook(t)
	docs["whole-book"] = wholeBook(t)
	for name, src := range docs {
		t.Run(name, func(t *testing.T) {
			checkExtract(t, "markdown", src)
		})
	}
}

func TestSplitCoversSource(t *testing.T) {
	src := wholeBook(t)
	for _, lang := range []string{"markdown", "plaintext"} {
		chunks := Split(lang, src)
		if len(chunks) < 100 {
			t.Errorf("%s: only %d chunks for the book", lang, len(chunks))
		}
		checkChunks(t, src, chunks)
	}
}

func checkChunks(t testing.TB, src string, chunks []Chunk) {
	t.Helper()
	if len(chunks) == 0 {
		t.Fatal("no chunks")
	}
	pos := 0
	for i, c := range chunks {
		if c.Start != pos || (c.End <= c.Start && len(src) > 0) {
			t.Fatalf("chunk %d [%d,%d): want start %d and non-empty", i, c.Start, c.End, pos)
		}
		pos = c.End
	}
	if pos != len(src) {
		t.Fatalf("chunks end at %d of %d", pos, len(src))
	}
}
