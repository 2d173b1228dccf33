package code

import (
	"os"
	"testing"
)

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
