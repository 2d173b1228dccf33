package code

import (
	"os"
	"testing"
)

// TestDump prints the prose blocks of one file, for reviewing extraction
// by eye: DUMP=path DUMPLANG=go go test -run TestDump -v ./analysis/markup/code
// (skipped without DUMP).
func TestDump(t *testing.T) {
	path, lang := os.Getenv("DUMP"), os.Getenv("DUMPLANG")
	if path == "" {
		t.Skip()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := Lookup(lang)
	os.Stdout.WriteString(renderBlocks(string(b), l.Extract(string(b))))
}
