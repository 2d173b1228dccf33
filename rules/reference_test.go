package rules

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestReferenceUpToDate fails when REFERENCE.md is not what `go generate
// ./rules` would write from the current library.
func TestReferenceUpToDate(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	want := Reference(rs)
	got, err := os.ReadFile("REFERENCE.md")
	if err != nil {
		t.Fatalf("%v (run go generate ./rules)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("REFERENCE.md is out of date: run go generate ./rules")
	}
	for _, r := range rs {
		if !bytes.Contains(want, []byte("### "+r.ID+"\n")) {
			t.Errorf("reference has no section for %s", r.ID)
		}
	}
}

// TestReferenceEscapesTables checks that a pipe in a summary or example
// cannot break a table row.
func TestReferenceEscapesTables(t *testing.T) {
	r := &Rule{ID: "x", Category: "nonword", Severity: SeverityHint, Summary: "a | b",
		Examples: Examples{Bad: []BadExample{{Text: "p | q", Fix: "p | r"}}, Good: []string{"ok"}}}
	out := string(Reference([]*Rule{r}))
	if !strings.Contains(out, `a \| b`) || !strings.Contains(out, `| p \| q | p \| r |`) {
		t.Errorf("pipes not escaped:\n%s", out)
	}
	if strings.Contains(out, "## confusable") {
		t.Errorf("empty category rendered:\n%s", out)
	}
}
