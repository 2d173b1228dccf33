package report

import (
	"bufio"
	"fmt"

	"liaison/rules"
)

// rdjsonWriter writes reviewdog's Diagnostic Format as one JSON
// DiagnosticResult (reviewdog -f=rdjson): each finding a diagnostic with
// its rule as the code and every replacement as a suggestion. Columns are
// 1-based UTF-8 byte counts, as the format defines them; the end is
// exclusive.
type rdjsonWriter struct {
	w   *bufio.Writer
	arr *arrayWriter
}

func newRDJSONWriter(w *bufio.Writer) *rdjsonWriter {
	return &rdjsonWriter{w: w, arr: newArrayWriter(w, "  ")}
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdDiagnostic struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Code     struct {
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	} `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

// rdSeverity maps a severity to reviewdog's: hints are INFO.
func rdSeverity(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "ERROR"
	case rules.SeverityWarning:
		return "WARNING"
	}
	return "INFO"
}

func (r *rdjsonWriter) Write(f *Finding) error {
	if r.arr.n == 0 {
		r.start()
	}
	var d rdDiagnostic
	d.Message = f.Message
	d.Location.Path = f.File
	d.Location.Range = rdRange{rdPosition{f.Line, f.ColumnByte}, rdPosition{f.EndLine, f.EndColumnByte}}
	d.Severity = rdSeverity(f.Severity)
	d.Code.Value = ruleID(f)
	for _, rep := range f.Replacements {
		d.Suggestions = append(d.Suggestions, rdSuggestion{Range: d.Location.Range, Text: rep})
	}
	return r.arr.add(&d)
}

func (r *rdjsonWriter) start() {
	fmt.Fprint(r.w, "{\n  \"source\": {\n    \"name\": \"liaison\"\n  },\n  \"diagnostics\": ")
}

func (r *rdjsonWriter) Close() error {
	if r.arr.n == 0 {
		r.start()
	}
	r.arr.end()
	r.w.WriteString("\n}\n")
	return r.w.Flush()
}
