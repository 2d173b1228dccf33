package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"text/tabwriter"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/text"
	"liaison/rules"
	"liaison/rules/checker"
	"liaison/rules/project/safefile"
	"liaison/server"
)

// stdinName is how findings in standard input are reported.
const stdinName = "<stdin>"

// checkInput is one document to check: a file, or standard input.
type checkInput struct {
	name     string // as reported
	path     string // "" for standard input
	root     string // the directory being walked that found it: it must resolve inside; "" for a path given
	language string
	src      []byte          // standard input's bytes, read up front
	lookup   *checker.Lookup // the .liaison.yaml governing it, if any
}

// checkOutput is a run of one input's findings and where they are, all
// that the report needs: the findings of one part of the document
// (checker.CheckParts), reported and dropped as soon as the inputs before
// it are reported. A file full of one mistake has a finding every few
// dozen bytes: each is held in 96 bytes, its message and fixes shared
// (see checker's streamParts), but only until its part is written.
type checkOutput struct {
	name     string // as reported
	base     int    // the source's offset in the file (source.base)
	findings []rules.Finding
	at       []findingAt // of each finding
}

// checked is how checking one input ended: how many findings it gave, or
// why it could not be checked.
type checked struct {
	findings int
	err      error
}

// sink is where one input's findings go as they are found: held while the
// inputs before it are still being reported, then written straight to the
// report, so the report lists the inputs in order and a large file's
// findings are not all held at once.
type sink struct {
	mu     sync.Mutex
	report *reportWriter // nil until it is this input's turn
	held   []checkOutput
}

// give writes o, or holds it until the input's turn.
func (s *sink) give(o checkOutput) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.report != nil {
		s.report.write(o)
		return
	}
	s.held = append(s.held, o)
}

// open makes it the input's turn: what was held is written, and what
// follows is written as it comes.
func (s *sink) open(rw *reportWriter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.held {
		rw.write(o)
	}
	s.held = nil
	s.report = rw
}

// findingAt is where a finding is: 1-based lines and columns of its start
// and end. int32 is enough: a document is at most checkLimits.maxBytes.
type findingAt struct {
	line, column, endLine, endColumn int32
}

// reported returns the i-th finding as the report prints it.
func (o *checkOutput) reported(i int) reportedFinding {
	f, at := &o.findings[i], o.at[i]
	reps := f.Replacements
	if reps == nil {
		reps = []string{}
	}
	return reportedFinding{
		File: o.name, Line: int(at.line), Column: int(at.column), EndLine: int(at.endLine), EndColumn: int(at.endColumn),
		Offset: o.base + f.Start, EndOffset: o.base + f.End,
		Rule: f.Rule.ID, Severity: f.Severity.String(), Message: f.Message, Replacements: reps,
	}
}

// checkLimits bound what `liaison check` reads and analyses at once.
type checkLimits struct {
	// maxBytes is the largest document checked, the language server's
	// limit: analysis takes up to about 40 bytes of memory per byte of
	// source, so this bounds the memory one document can take. A larger
	// file is reported and skipped.
	maxBytes int64
	// inFlight is how many bytes of source may be analysed at once over
	// all workers (at least one document always may), which bounds the
	// peak memory of a whole run.
	inFlight int64
	// softMemory is the most the Go runtime's soft memory limit is raised
	// to during the run (debug.SetMemoryLimit; see softLimit), unless
	// GOMEMLIMIT sets one; 0 leaves it. The garbage of one document is
	// otherwise still on the heap when the next is analysed.
	softMemory int64
	// softBase and softPerByte make the soft limit softBase plus
	// softPerByte for each byte of the largest document read so far.
	softBase, softPerByte int64
	memory                *softLimit // set by runCheckWith; nil: none
}

// softLimit raises the Go runtime's soft memory limit as larger documents
// are read. Without it the heap grows to twice what is live before a
// collection: an 8 MB paragraph of 180,000 findings holds about 70 MB
// (the findings, the source, the tagger's tables), and its garbage
// would double that. What is live stays under the limit (the analysis of
// one part, see checkPartBytes, the source, and the findings of a part, or
// of a file waiting its turn in the report; see sink), so the collector
// works harder only near the end of a large document.
type softLimit struct {
	mu                          sync.Mutex
	base, perByte, max, largest int64
}

// fit raises the limit for a document of n bytes.
func (l *softLimit) fit(n int64) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if n <= l.largest {
		return
	}
	l.largest = n
	debug.SetMemoryLimit(min(l.base+l.perByte*n, l.max))
}

// checkPartBytes is how much source `liaison check` analyses and checks
// at a time (checker.Options.PartBytes): a part's analysis is dropped
// before the next, so a document's analysis (about 35 bytes per byte)
// takes at most about 9 MB, whatever the document's size, while a part
// still has hundreds of paragraphs to share among the cores.
const checkPartBytes = 256 << 10

// defaultCheckLimits are the limits of `liaison check`: documents up to
// the server's server.MaxLintBytes, one such document analysed at a time.
func defaultCheckLimits() checkLimits {
	return checkLimits{maxBytes: server.MaxLintBytes, inFlight: server.MaxLintBytes, softMemory: 320 << 20, softBase: 56 << 20, softPerByte: 4}
}

// runCheck implements `liaison check [--format text|json] [--language ID] PATH…`.
// Exit status: 0 no findings, 1 findings, 2 bad usage, an invalid
// .liaison.yaml or an input that could not be read (the other inputs are
// still checked). Each input follows the nearest .liaison.yaml (see
// rules/project) and the directives written in it (rules/directive).
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCheckWith(ctx, defaultCheckLimits(), args, stdin, stdout, stderr)
}

// runCheckWith is runCheck under the given limits (tests lower them).
func runCheckWith(ctx context.Context, limits checkLimits, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "output format: text or json")
	language := flags.String("language", "", "language of every input: "+languageList()+" (default: by file name and extension; markdown for standard input)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: liaison check [--format text|json] [--language ID] PATH…")
		fmt.Fprintln(stderr, "PATH is a file, a directory (its files in every prose format by name and extension: "+proseExtensions()+"; recursively, hidden folders skipped), or - for standard input. Source code (its comments) is checked only when named as a file or with --language.")
		fmt.Fprintln(stderr, "Settings, custom rules and ignored files come from the nearest .liaison.yaml (see rules/CONFIG.md).")
		fmt.Fprintf(stderr, "Only regular files up to %s are read; in a directory, symbolic links are followed only to files inside it.\n", safefile.FormatSize(limits.maxBytes))
		fmt.Fprintln(stderr, "Columns count characters; CR, LF and CRLF each end a line. A UTF-8 byte order mark is skipped; UTF-16 is converted (JSON offsets are then in its UTF-8 form).")
		flags.PrintDefaults()
	}
	paths, err := parseInterleaved(flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if limits.softMemory > 0 && os.Getenv("GOMEMLIMIT") == "" {
		base := min(limits.softBase, limits.softMemory)
		if base <= 0 {
			base = limits.softMemory
		}
		limits.memory = &softLimit{base: base, perByte: limits.softPerByte, max: limits.softMemory}
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(base))
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "liaison check: unknown format %q (want text or json)\n", *format)
		return 2
	}
	if *language != "" && !knownLanguage(*language) {
		fmt.Fprintf(stderr, "liaison check: unknown language %q (want one of %s)\n", *language, languageList())
		return 2
	}
	if len(paths) == 0 {
		flags.Usage()
		return 2
	}

	// Load the tagger model and lexicon while the inputs are listed and
	// the rules parsed.
	analyzerReady := make(chan *analysis.Analyzer, 1)
	go func() { analyzerReady <- analysis.New() }()

	status := 0
	fail := func(format string, args ...any) {
		fmt.Fprintf(stderr, "liaison check: "+format+"\n", args...)
		status = 2
	}
	inputs := collectInputs(paths, *language, stdin, limits.maxBytes, fail)

	ruleSet, err := rules.LoadDefault()
	if err != nil {
		fmt.Fprintf(stderr, "liaison check: loading rules: %v\n", err)
		return 2
	}
	c, err := checker.New(checker.Options{
		LoadAnalyzer: func() *analysis.Analyzer { return <-analyzerReady },
		Rules:        ruleSet,
		Roots:        checkRoots(paths),
		PartBytes:    checkPartBytes,
	})
	if err != nil {
		fmt.Fprintf(stderr, "liaison check: %v\n", err)
		return 2
	}
	inputs = applyProjects(ctx, inputs, c, fail)
	// Each input's findings are written a part at a time, as soon as
	// those before them are, and dropped: memory holds the findings of the
	// parts being checked and of the files waiting for their turn, not of
	// the whole run, nor of a whole large file.
	report := newReportWriter(stdout, *format)
	found := false
	checkAll(ctx, c, inputs, limits, report, func(i int, out checked) {
		if out.err != nil {
			fail("%s: %v", quoteName(inputs[i].name), out.err)
			return
		}
		found = found || out.findings > 0
	})
	if err := report.close(); err != nil {
		fmt.Fprintf(stderr, "liaison check: writing the report: %v\n", err)
		return 2
	}
	if status == 0 && found {
		status = 1
	}
	return status
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments, which it returns in order.
func parseInterleaved(flags *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := flags.Parse(args); err != nil {
			return nil, err
		}
		if n := len(args) - flags.NArg(); n > 0 && args[n-1] == "--" {
			return append(positional, flags.Args()...), nil
		}
		args = flags.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// collectInputs expands the paths into the documents to check, in a stable
// order; fail reports paths that cannot be read. Standard input is read
// here, up to maxBytes.
func collectInputs(paths []string, language string, stdin io.Reader, maxBytes int64, fail func(string, ...any)) []checkInput {
	var inputs []checkInput
	seenStdin := false
	for _, p := range paths {
		if p == "-" {
			if seenStdin {
				continue
			}
			seenStdin = true
			data, err := io.ReadAll(io.LimitReader(stdin, maxBytes+1))
			if err != nil {
				fail("%s: %v", stdinName, err)
				continue
			}
			if int64(len(data)) > maxBytes {
				fail("%s: %v", stdinName, &safefile.TooLargeError{Limit: maxBytes})
				continue
			}
			inputs = append(inputs, checkInput{name: stdinName, language: languageFor("", language), src: data})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			fail("%s: %v", quoteName(p), unwrapPathError(err))
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, checkInput{name: p, path: p, language: languageFor(p, language)})
			continue
		}
		// Every file found here is read only if it resolves inside p
		// (see checkOne); symbolic links to directories are not followed.
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fail("%s: %v", quoteName(path), unwrapPathError(err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if isProseFile(d.Name()) {
				inputs = append(inputs, checkInput{name: path, path: path, root: p, language: languageFor(path, language)})
			}
			return nil
		})
		if err != nil {
			fail("%s: %v", quoteName(p), err)
		}
	}
	return inputs
}

// unwrapPathError drops the *fs.PathError around err, whose message
// would repeat the path raw; the caller prints it quoted.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isProseFile reports whether a file in a checked directory is read: its
// name or extension is a format's (markup.FormatForPath) that is prose by
// default (not source code, which is opt-in).
func isProseFile(name string) bool {
	f, ok := markup.FormatForPath(name)
	return ok && !f.OptIn
}

// knownLanguage reports whether --language names a format, by any of the
// ids the format registry accepts for it.
func knownLanguage(id string) bool {
	_, ok := markup.LookupFormat(id)
	return ok
}

// languageFor is the language id to analyse path as: the --language flag,
// else by file name and extension (markup.FormatForPath; unknown ones are
// plain text), else Markdown for standard input.
func languageFor(path, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if path == "" {
		return "markdown"
	}
	if f, ok := markup.FormatForPath(path); ok {
		return f.Name
	}
	return "plaintext"
}

// languageList names the formats, for --language's help and errors.
func languageList() string {
	var names []string
	for _, f := range markup.Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// proseExtensions lists the file extensions and names a directory walk
// reads.
func proseExtensions() string {
	var out []string
	for _, f := range markup.Formats() {
		if f.OptIn {
			continue
		}
		for _, e := range f.Extensions {
			out = append(out, "*"+e)
		}
		out = append(out, f.FileNames...)
	}
	return strings.Join(out, " ")
}

// checkAll reads, analyses and checks the inputs in parallel, one worker
// per core, with the one checker (no cache: each file is checked once),
// writes their findings to report in input order, and gives how each
// input's check ended to done, in input order, from the calling
// goroutine. An input's findings are written from its worker once the
// inputs before it are done (see sink); on an error part way through a
// document, the findings already written stay. Memory is bounded by
// limits: the bytes analysed at once are held to limits.inFlight.
func checkAll(ctx context.Context, c *checker.Checker, inputs []checkInput, limits checkLimits, report *reportWriter, emit func(int, checked)) {
	if len(inputs) == 0 {
		return
	}
	outputs := make([]checked, len(inputs))
	sinks := make([]sink, len(inputs))
	done := make([]chan struct{}, len(inputs))
	for i := range done {
		done[i] = make(chan struct{})
	}
	workers := min(runtime.GOMAXPROCS(0), len(inputs))
	budget := newByteBudget(limits.inFlight)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				outputs[i] = checkOne(ctx, c, inputs[i], limits, budget, &sinks[i])
				close(done[i])
			}
		})
	}
	go func() {
		for i := range inputs {
			jobs <- i
		}
		close(jobs)
	}()
	for i := range inputs {
		sinks[i].open(report)
		<-done[i] // every input is checked: a cancelled check returns at once
		emit(i, outputs[i])
	}
	wg.Wait()
}

// checkOne reads one input through safefile (a regular file only, at most
// maxBytes, and inside the walked directory when it was found by walking
// one), checks it and gives its findings, with their reported positions,
// to out a part at a time.
func checkOne(ctx context.Context, c *checker.Checker, in checkInput, limits checkLimits, budget *byteBudget, out *sink) checked {
	maxBytes := limits.maxBytes
	data := in.src
	if in.path != "" {
		var err error
		data, err = safefile.Read(in.path, safefile.Options{MaxBytes: maxBytes, Root: in.root})
		if err != nil {
			if errors.Is(err, safefile.ErrOutsideRoot) {
				err = fmt.Errorf("not checked: it resolves outside %s (a symbolic link)", quoteName(in.root))
			}
			return checked{err: err}
		}
	}
	src, err := decodeSource(data)
	if err != nil {
		return checked{err: err}
	}
	limits.memory.fit(int64(len(src.text)))
	held := budget.acquire(int64(len(src.text)))
	defer budget.release(held)
	pos := positions{name: in.name, src: src}
	err = c.CheckParts(ctx, checker.Document{Path: absPath(in), LanguageID: in.language, Text: src.text}, in.lookup, rules.Settings{}, func(fs []rules.Finding) error {
		o, err := pos.of(fs)
		if err != nil {
			return err
		}
		out.give(o)
		return nil
	})
	if err != nil {
		return checked{err: err}
	}
	return checked{findings: pos.n}
}

// reportedFinding is a finding as `liaison check` prints it: lines and
// columns are 1-based, columns count characters; the end is exclusive.
// Offsets are bytes into the file (into its UTF-8 form for UTF-16; see
// source).
type reportedFinding struct {
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

// positions finds where one input's findings are, a run at a time.
type positions struct {
	name string // as reported
	src  source
	doc  *text.Document // src's line index, made at the first finding
	n    int            // findings so far
	last int            // the last one's Start
}

// of finds where each finding of fs is. The runs must follow each other
// in document order (the report lists a file's findings by Start, as
// checker.Result does); a finding before the previous one is an error.
func (p *positions) of(fs []rules.Finding) (checkOutput, error) {
	out := checkOutput{name: p.name, base: p.src.base, findings: fs}
	if len(fs) == 0 {
		return out, nil
	}
	// The Document's line index is the server's (one line-ending model),
	// and its checkpoints keep each conversion short on a long line.
	if p.doc == nil {
		p.doc = text.New(p.src.text)
	}
	out.at = make([]findingAt, len(fs))
	for i, f := range fs {
		if p.n > 0 && f.Start < p.last {
			return checkOutput{}, fmt.Errorf("internal error: a finding at byte %d after one at %d", f.Start, p.last)
		}
		p.n++
		p.last = f.Start
		line, col := position(p.doc, f.Start)
		endLine, endCol := position(p.doc, f.End)
		out.at[i] = findingAt{int32(line), int32(col), int32(endLine), int32(endCol)}
	}
	return out, nil
}

// reportWriter writes a report a run of findings at a time, in the text
// format or as one JSON array (indented as json.Encoder would indent the
// whole array).
type reportWriter struct {
	w      *bufio.Writer
	json   bool
	n      int // findings written
	buf    bytes.Buffer
	enc    *json.Encoder // into buf
	failed error
}

func newReportWriter(w io.Writer, format string) *reportWriter {
	rw := &reportWriter{w: bufio.NewWriterSize(w, 64<<10), json: format == "json"}
	rw.enc = json.NewEncoder(&rw.buf)
	rw.enc.SetEscapeHTML(false)
	rw.enc.SetIndent("  ", "  ")
	return rw
}

// write writes one input's findings.
func (rw *reportWriter) write(o checkOutput) {
	for i := range o.findings {
		rw.writeOne(o.reported(i))
	}
}

func (rw *reportWriter) writeOne(f reportedFinding) {
	if rw.failed != nil {
		return
	}
	if !rw.json {
		_, rw.failed = fmt.Fprintf(rw.w, "%s:%d:%d: %s: %s [%s]\n", quoteName(f.File), f.Line, f.Column, f.Severity, f.Message, f.Rule)
		return
	}
	rw.buf.Reset()
	if rw.failed = rw.enc.Encode(&f); rw.failed != nil {
		return
	}
	sep := ",\n  "
	if rw.n == 0 {
		sep = "[\n  "
	}
	rw.w.WriteString(sep)
	_, rw.failed = rw.w.Write(bytes.TrimSuffix(rw.buf.Bytes(), []byte("\n")))
	rw.n++
}

func (rw *reportWriter) close() error {
	if rw.failed != nil {
		return rw.failed
	}
	if rw.json {
		if rw.n == 0 {
			rw.w.WriteString("[]\n")
		} else {
			rw.w.WriteString("\n]\n")
		}
	}
	return rw.w.Flush()
}

// position returns the 1-based line and character column of a byte offset.
func position(doc *text.Document, offset int) (line, column int) {
	p := doc.Position(offset, text.UTF32)
	return p.Line + 1, p.Character + 1
}

// runRules implements `liaison rules [--format text|json]`; `liaison rules
// test FILE…` is runRulesTest.
func runRules(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "test" {
		return runRulesTest(ctx, args[1:], stdin, stdout, stderr)
	}
	flags := flag.NewFlagSet("rules", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "output format: text or json")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "liaison rules: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	ruleSet, err := rules.LoadDefault()
	if err != nil {
		fmt.Fprintf(stderr, "liaison rules: %v\n", err)
		return 2
	}
	switch *format {
	case "text":
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tCATEGORY\tSEVERITY\tSUMMARY")
		for _, r := range ruleSet {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, r.Summary)
		}
		if err := tw.Flush(); err != nil {
			fmt.Fprintf(stderr, "liaison rules: %v\n", err)
			return 2
		}
	case "json":
		type examples struct {
			Bad  []rules.BadExample `json:"bad"`
			Good []string           `json:"good"`
		}
		type listedRule struct {
			ID           string   `json:"id"`
			Category     string   `json:"category"`
			Severity     string   `json:"severity"`
			Summary      string   `json:"summary"`
			Message      string   `json:"message"`
			Explanation  string   `json:"explanation"`
			Reference    string   `json:"reference,omitempty"`
			Replacements []string `json:"replacements"`
			Examples     examples `json:"examples"`
		}
		list := make([]listedRule, 0, len(ruleSet))
		for _, r := range ruleSet {
			list = append(list, listedRule{
				ID: r.ID, Category: r.Category, Severity: r.Severity.String(), Summary: r.Summary,
				Message: r.Message, Explanation: r.Explanation, Reference: r.Reference,
				Replacements: append([]string{}, r.Replacements...),
				Examples:     examples{Bad: append([]rules.BadExample{}, r.Examples.Bad...), Good: append([]string{}, r.Examples.Good...)},
			})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			fmt.Fprintf(stderr, "liaison rules: %v\n", err)
			return 2
		}
	default:
		fmt.Fprintf(stderr, "liaison rules: unknown format %q (want text or json)\n", *format)
		return 2
	}
	return 0
}
