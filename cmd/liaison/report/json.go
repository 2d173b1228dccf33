package report

import (
	"bufio"
	"bytes"
	"encoding/json"
)

// JSONFinding is one element of the json format's array: its stable
// schema (README, "JSON report"). Lines and columns are 1-based, columns
// count characters; the end is exclusive. Offsets are bytes into the file
// (into its UTF-8 form for UTF-16; see cmd/liaison's source). Fields are
// only ever added.
type JSONFinding struct {
	File         string   `json:"file"`
	Line         int      `json:"line"`
	Column       int      `json:"column"`
	EndLine      int      `json:"endLine"`
	EndColumn    int      `json:"endColumn"`
	Offset       int      `json:"offset"`
	EndOffset    int      `json:"endOffset"`
	Rule         string   `json:"rule"`
	Severity     string   `json:"severity"`
	Message      string   `json:"message"`
	Replacements []string `json:"replacements"`
}

// JSON returns f in the json format's schema.
func (f *Finding) JSON() JSONFinding {
	reps := f.Replacements
	if reps == nil {
		reps = []string{}
	}
	return JSONFinding{
		File: f.File, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
		Offset: f.Offset, EndOffset: f.EndOffset,
		Rule: ruleID(f), Severity: f.Severity.String(), Message: f.Message, Replacements: reps,
	}
}

// arrayWriter writes a JSON array an element at a time, indented as
// json.Encoder with SetIndent(prefix, "  ") would indent the whole array,
// so a streamed report is byte for byte the array encoded at once.
type arrayWriter struct {
	w      *bufio.Writer
	prefix string // of every line after the opening bracket
	n      int
	buf    bytes.Buffer
	enc    *json.Encoder
}

func newArrayWriter(w *bufio.Writer, prefix string) *arrayWriter {
	a := &arrayWriter{w: w, prefix: prefix}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetEscapeHTML(false)
	a.enc.SetIndent(prefix+"  ", "  ")
	return a
}

// add writes one element.
func (a *arrayWriter) add(v any) error {
	a.buf.Reset()
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	if a.n == 0 {
		a.w.WriteString("[\n" + a.prefix + "  ")
	} else {
		a.w.WriteString(",\n" + a.prefix + "  ")
	}
	a.n++
	_, err := a.w.Write(bytes.TrimSuffix(a.buf.Bytes(), []byte("\n")))
	return err
}

// end closes the array (no final newline).
func (a *arrayWriter) end() {
	if a.n == 0 {
		a.w.WriteString("[]")
		return
	}
	a.w.WriteString("\n" + a.prefix + "]")
}

// jsonWriter writes the json format: one array of JSONFinding.
type jsonWriter struct {
	w   *bufio.Writer
	arr *arrayWriter
}

func newJSONWriter(w *bufio.Writer) *jsonWriter {
	return &jsonWriter{w: w, arr: newArrayWriter(w, "")}
}

func (j *jsonWriter) Write(f *Finding) error {
	jf := f.JSON()
	return j.arr.add(&jf)
}

func (j *jsonWriter) Close() error {
	j.arr.end()
	j.w.WriteString("\n")
	return j.w.Flush()
}
