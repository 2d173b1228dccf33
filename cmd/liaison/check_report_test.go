package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestReportWriterJSON checks that the report, written a finding at a
// time, is byte for byte what encoding the whole array at once gives.
func TestReportWriterJSON(t *testing.T) {
	f := reportedFinding{File: "a <b>.md", Line: 1, Column: 2, EndLine: 1, EndColumn: 6, Offset: 1, EndOffset: 5,
		Rule: "alot", Severity: "error", Message: `"alot" is two words & more`, Replacements: []string{"a lot", "ä"}}
	g := f
	g.Replacements = []string{}
	for _, report := range [][]reportedFinding{nil, {f}, {f, g, f}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		all := report
		if all == nil {
			all = []reportedFinding{}
		}
		if err := enc.Encode(all); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		rw := newReportWriter(&got, "json")
		for _, rf := range report {
			rw.writeOne(rf)
		}
		if err := rw.close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d findings: got\n%s\nwant\n%s", len(report), got.String(), want.String())
		}
	}
}
