package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"liaison/rules"
)

// Finding is one finding as a report prints it. Lines and columns are
// 1-based; an end is exclusive.
type Finding struct {
	File string // as the user named it, relative or absolute ("<stdin>" for standard input)

	Line, Column, EndLine, EndColumn int // columns count characters (Unicode code points)
	Column16, EndColumn16            int // columns in UTF-16 code units (SARIF)
	ColumnByte, EndColumnByte        int // columns in UTF-8 bytes (reviewdog)
	Offset, EndOffset                int // bytes into the file

	Rule         *rules.Rule
	Severity     rules.Severity
	Message      string
	Replacements []string

	// Excerpt is the finding's line, or the part of a long line around
	// it, for the text format; nil when excerpts are off.
	Excerpt *Excerpt
}

// Excerpt is a piece of the source line a finding starts on, and where
// the finding is in it.
type Excerpt struct {
	Text string // control characters already replaced; no line ending
	// Caret and Width are the finding's first character in Text and how
	// many characters it spans there (at least 1).
	Caret, Width int
	// Before and After say that the line goes on left or right of Text.
	Before, After bool
}

// Options adjust a report.
type Options struct {
	Color bool // ANSI colours (text)
	// BaseURI is the file: URI of the directory relative paths are
	// relative to (the working directory), with a final slash: SARIF's
	// originalUriBaseIds.
	BaseURI string
	Version string // liaison's version, for SARIF's tool.driver
}

// Writer writes a report a finding at a time.
type Writer interface {
	Write(f *Finding) error
	// Close ends the report (a JSON array, a SARIF log) and flushes it.
	Close() error
}

// Formats are the names --format takes, in the order help lists them.
func Formats() []string {
	return []string{"text", "json", "sarif", "github", "rdjson", "codequality"}
}

// NeedsExcerpts reports whether a format prints source excerpts.
func NeedsExcerpts(format string) bool { return format == "text" }

// New returns a Writer of the named format on w.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case "text":
		return &textWriter{w: bw, color: opts.Color}, nil
	case "json":
		return newJSONWriter(bw), nil
	case "sarif":
		return newSARIFWriter(bw, opts), nil
	case "github":
		return &githubWriter{w: bw}, nil
	case "rdjson":
		return newRDJSONWriter(bw), nil
	case "codequality":
		return newCodeQualityWriter(bw), nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %v)", format, Formats())
}

// IsFormat reports whether name is a format New writes.
func IsFormat(name string) bool { return slices.Contains(Formats(), name) }
