package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"liaison/cmd/liaison/report"
	"liaison/rules"
)

// TestReportWriterJSON checks that the report, written a finding at a
// time, is byte for byte what encoding the whole array at once gives.
func TestReportWriterJSON(t *testing.T) {
	f := reportedFinding{File: "a <b>.md", Line: 1, Column: 2, EndLine: 1, EndColumn: 6, Offset: 1, EndOffset: 5,
		Rule: "alot", Severity: "error", Message: `"alot" is two words & more`, Replacements: []string{"a lot", "ä"}}
	g := f
	g.Replacements = []string{}
	for _, reports := range [][]reportedFinding{nil, {f}, {f, g, f}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		all := reports
		if all == nil {
			all = []reportedFinding{}
		}
		if err := enc.Encode(all); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		rw, err := report.New("json", &got, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, rf := range reports {
			f := report.Finding{File: rf.File, Line: rf.Line, Column: rf.Column, EndLine: rf.EndLine, EndColumn: rf.EndColumn,
				Offset: rf.Offset, EndOffset: rf.EndOffset, Rule: &rules.Rule{ID: rf.Rule}, Severity: rules.SeverityError,
				Message: rf.Message, Replacements: rf.Replacements}
			if err := rw.Write(&f); err != nil {
				t.Fatal(err)
			}
		}
		if err := rw.Close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d findings: got\n%s\nwant\n%s", len(reports), got.String(), want.String())
		}
	}
}

// TestSinksInOrder checks that findings given to a later input's sink
// before its turn are held and written after the earlier input's, and
// that once it is an input's turn its findings are written as they come.
func TestSinksInOrder(t *testing.T) {
	run := func(name string, start int) checkOutput {
		return checkOutput{name: name, findings: []rules.Finding{{Rule: &rules.Rule{ID: "alot"}, Start: start, End: start + 4, Severity: rules.SeverityError, Message: "m"}},
			at: []findingAt{{line: 1, column: int32(start + 1), endLine: 1, endColumn: int32(start + 5)}}}
	}
	var got bytes.Buffer
	tw, err := report.New("text", &got, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rw := &checkSink{report: tw}
	sinks := make([]sink, 2)
	sinks[1].give(run("b", 0)) // before its turn: held
	sinks[0].open(rw)
	sinks[0].give(run("a", 0))
	sinks[0].give(run("a", 7))
	sinks[1].open(rw)
	sinks[1].give(run("b", 9)) // its turn: written at once
	if err := rw.close(); err != nil {
		t.Fatal(err)
	}
	want := "a:1:1: error: m [alot]\na:1:8: error: m [alot]\nb:1:1: error: m [alot]\nb:1:10: error: m [alot]\n"
	if got.String() != want {
		t.Errorf("got\n%swant\n%s", got.String(), want)
	}
}

// TestPositionsInOrder checks that a run of findings starting before the
// previous run's last finding is refused: the report lists a file's
// findings by Start.
func TestPositionsInOrder(t *testing.T) {
	p := positions{name: "a", src: source{text: "we had alot, alot"}, run: &checkRun{opts: &checkOptions{}}}
	r := &rules.Rule{ID: "alot"}
	if _, err := p.of([]rules.Finding{{Rule: r, Start: 7, End: 11}, {Rule: r, Start: 13, End: 17}}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.of([]rules.Finding{{Rule: r, Start: 7, End: 11}}); err == nil {
		t.Error("a finding before the last one is accepted")
	}
}
