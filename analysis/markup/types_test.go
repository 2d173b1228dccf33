package markup_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"liaison/analysis/markup"
)

// TestProseIsItsOwn checks Block.Prose's promise, which the analysis
// relies on to keep blocks' prose in a cache without copying it: in every
// format, on every document of testdata, no block's prose is a slice of
// the document's text.
func TestProseIsItsOwn(t *testing.T) {
	files := 0
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, ok := markup.FormatForPath(path)
		if !ok {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(data)
		if len(src) == 0 {
			return nil
		}
		files++
		lo := uintptr(unsafe.Pointer(unsafe.StringData(src)))
		hi := lo + uintptr(len(src))
		for _, b := range markup.Extract(f.Name, src) {
			if len(b.Prose) == 0 {
				continue
			}
			p := uintptr(unsafe.Pointer(unsafe.StringData(b.Prose)))
			if p >= lo && p < hi {
				t.Errorf("%s (%s): the prose of the block at %d-%d is a slice of the source: %.40q", path, f.Name, b.Start, b.End, b.Prose)
				return nil
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("only %d documents of a known format under testdata", files)
	}
}
