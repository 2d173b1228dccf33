package project

import (
	"strings"
	"testing"
)

// TestSourceCode checks the source-code list of a configuration: ids and
// aliases of opt-in formats, stored by canonical name; anything else is an
// error at its position.
func TestSourceCode(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte("source-code: [go, py, shell]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go", "python", "shellscript"} {
		if !cfg.SourceCodeOn(name) {
			t.Errorf("%s not on in %+v", name, cfg.SourceCode)
		}
	}
	if cfg.SourceCodeOn("rust") {
		t.Error("rust on")
	}
	var none *Config
	if none.SourceCodeOn("go") {
		t.Error("a nil configuration turns go on")
	}
	for _, bad := range []string{"source-code: [markdown]\n", "source-code: [cobol]\n", "source-code: go\n", "source-code: [[go]]\n"} {
		_, err := Parse("c.yaml", []byte(bad))
		if err == nil {
			t.Errorf("%q: no error", bad)
			continue
		}
		if !strings.Contains(err.Error(), "c.yaml:1:") {
			t.Errorf("%q: error %v has no position", bad, err)
		}
	}
}
