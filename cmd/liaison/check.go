package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/text"
	"liaison/cmd/liaison/report"
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
	// optIn: found in a directory, and source code: checked only when its
	// language is turned on (checker.SourceCodeOn).
	optIn bool
	lines *lineSet // with --changed-since or --staged: the lines to report on; nil: all
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
	at       []findingAt       // of each finding
	excerpts []*report.Excerpt // of each finding, when excerpts are on
	diff     string            // --diff: the input's unified diff, and nothing else
}

// checked is how checking one input ended: how many findings it gave, or
// why it could not be checked.
type checked struct {
	findings   int // reported
	failing    int // of them, at or above --fail-on
	fixed      int // findings fixed (--fix) or fixable (--diff)
	fixedFiles int // 1 when the input was (or would be) rewritten
	err        error
	skipped    bool // err says why the input is no document (a link loop): a note, not a failure
}

// sink is where one input's findings go as they are found: held while the
// inputs before it are still being reported, then written straight to the
// report, so the report lists the inputs in order and a large file's
// findings are not all held at once.
type sink struct {
	mu     sync.Mutex
	report *checkSink // nil until it is this input's turn
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

// giveDiff writes an input's diff (--diff), or holds it until its turn.
func (s *sink) giveDiff(diff string) { s.give(checkOutput{diff: diff}) }

// open makes it the input's turn: what was held is written, and what
// follows is written as it comes.
func (s *sink) open(rw *checkSink) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.held {
		rw.write(o)
	}
	s.held = nil
	s.report = rw
}

// findingAt is where a finding is: 1-based lines and columns of its start
// and end, columns in characters, in UTF-16 code units and in bytes.
// int32 is enough: a document is at most checkLimits.maxBytes.
type findingAt struct {
	line, column, endLine, endColumn int32
	column16, endColumn16            int32
	columnByte, endColumnByte        int32
}

// reported returns the i-th finding as the report prints it.
func (o *checkOutput) reported(i int) report.Finding {
	f, at := &o.findings[i], o.at[i]
	rf := report.Finding{
		File: o.name, Line: int(at.line), Column: int(at.column), EndLine: int(at.endLine), EndColumn: int(at.endColumn),
		Column16: int(at.column16), EndColumn16: int(at.endColumn16), ColumnByte: int(at.columnByte), EndColumnByte: int(at.endColumnByte),
		Offset: o.base + f.Start, EndOffset: o.base + f.End,
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, Replacements: f.Replacements,
	}
	if o.excerpts != nil {
		rf.Excerpt = o.excerpts[i]
	}
	return rf
}

// reportedFinding is a finding in the json report's schema.
type reportedFinding = report.JSONFinding

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
	// gcPercent is the collector's GOGC during the run, unless GOGC sets
	// it, when there is no soft limit (GOMEMLIMIT is set); with one, the
	// collector is paced by the limit alone (GOGC off); 0 leaves it. What stays live through a run is mostly the
	// tagger's, the lexicon's and the rules' tables (25 MB after the Rust
	// Book), which every collection marks again: at the default 100 the
	// book's check collected nine times and spent 8% of its CPU in the
	// collector. The soft limit still caps the heap.
	gcPercent int
	// streamMaxBytes is the largest file checked a segment at a time
	// (see stream.go) when it is larger than maxBytes: Markdown and plain
	// text, without --fix or --diff; 0: none is. Memory does not grow with
	// it; it bounds the time one file can take, and keeps line numbers in
	// findingAt's int32.
	streamMaxBytes int64
	// segmentBytes is the size of a segment, and maxSegmentBytes the
	// most it grows to reach a place to cut.
	segmentBytes, maxSegmentBytes int
	// partBytes is checker.Options.PartBytes; 0: checkPartBytes.
	partBytes int
}

// parts is the part size in force.
func (l checkLimits) parts() int {
	if l.partBytes > 0 {
		return l.partBytes
	}
	return checkPartBytes
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
	return checkLimits{maxBytes: server.MaxLintBytes, inFlight: server.MaxLintBytes, softMemory: 320 << 20, softBase: 80 << 20, softPerByte: 4, gcPercent: 200,
		streamMaxBytes: 1 << 30, segmentBytes: 4 << 20, maxSegmentBytes: 16 << 20}
}

// runCheck implements `liaison check` (see checkUsage and the README).
// Exit status: 0 no finding at or above --fail-on, 1 such findings (after
// --fix or with --diff: findings that remain), 2 bad usage, an invalid
// .liaison.yaml or an input that could not be read (the other inputs are
// still checked). Each input follows the nearest .liaison.yaml (see
// rules/project), or --config, and the directives written in it
// (rules/directive).
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCheckWith(ctx, defaultCheckLimits(), args, stdin, stdout, stderr)
}

// runCheckWith is runCheck under the given limits (tests lower them).
func runCheckWith(ctx context.Context, limits checkLimits, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	started := time.Now()
	var opts checkOptions
	flags := newCheckFlags(&opts, stderr, limits)
	paths, err := parseInterleaved(flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := opts.validate(); err != nil {
		fmt.Fprintf(stderr, "liaison check: %v\n", err)
		return 2
	}
	gitMode := opts.changedSince != "" || opts.staged
	if len(paths) == 0 && !gitMode {
		flags.Usage()
		return 2
	}
	if (opts.fix || opts.diff) && slices.Contains(paths, "-") {
		fmt.Fprintln(stderr, "liaison check: --fix and --diff rewrite files, not standard input")
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
	if limits.gcPercent > 0 && os.Getenv("GOGC") == "" {
		pct := limits.gcPercent
		if limits.memory != nil {
			// The soft limit alone paces the collector: it collects when
			// the heap nears the limit, not at gcPercent over what is live.
			// Above a live heap of a third of the limit the two agree (at
			// 200, three times what is live is over the base of 80 MB), so a
			// large run collects as often as before; a small one, whose
			// live heap is the tagger's, lexicon's and rules' tables being
			// built, no longer collects at 8 and 18 MB while they load —
			// 15-20% of the CPU of a check of a one-line file.
			pct = -1
		}
		defer debug.SetGCPercent(debug.SetGCPercent(pct))
	}

	// Load the tagger model and lexicon while the inputs are listed and
	// the rules parsed.
	analyzerReady := make(chan *analysis.Analyzer, 1)
	go func() { analyzerReady <- analysis.New() }()
	// The rules load while the inputs are listed too: listing a
	// directory asks git which files it ignores, a process started and
	// waited for (5-10 ms) that the decoding of the library need not wait
	// behind.
	type loadedRules struct {
		rules []*rules.Rule
		err   error
	}
	rulesReady := make(chan loadedRules, 1)
	go func() {
		rs, err := rules.LoadDefault()
		rulesReady <- loadedRules{rs, err}
	}()

	status := 0
	fail := func(format string, args ...any) {
		fmt.Fprintf(stderr, "liaison check: "+format+"\n", args...)
		status = 2
	}
	note := func(format string, args ...any) {
		fmt.Fprintf(stderr, "liaison check: "+format+"\n", args...)
	}

	var changed *changedFiles
	fromGit := false // the paths are git's list of changed files
	if gitMode {
		changed, err = gitChanged(ctx, opts.changedSince, opts.staged)
		if err != nil {
			fmt.Fprintf(stderr, "liaison check: %v\n", err)
			return 2
		}
		if len(paths) == 0 {
			fromGit = true
			paths = changed.paths()
			if len(paths) == 0 {
				if !opts.quiet {
					fmt.Fprintf(stderr, "no changed files to check, %s\n", elapsed(started))
				}
				return 0
			}
		}
	}
	var inputs []checkInput
	if gitMode && fromGit {
		// The changed files are read as a directory's are: prose formats
		// only, source code where it is turned on.
		inputs = listedInputs(paths, opts.language, changed.top)
	} else {
		inputs = collectInputs(ctx, paths, opts.language, stdin, limits.maxBytes, fail, note)
	}
	if changed != nil {
		inputs = changed.filter(inputs)
	}

	loaded := <-rulesReady
	ruleSet, err := loaded.rules, loaded.err
	if err != nil {
		fmt.Fprintf(stderr, "liaison check: loading rules: %v\n", err)
		return 2
	}
	// Rule ids the command line names must exist, unless a project
	// defines custom rules (read by applyProjects), whose ids they may be.
	copts := checker.Options{
		LoadAnalyzer: func() *analysis.Analyzer { return <-analyzerReady },
		Rules:        ruleSet,
		Roots:        checkRoots(paths),
		PartBytes:    limits.parts(),
	}
	if opts.config != "" {
		files, err := newConfigFiles(opts.config)
		if err != nil {
			fmt.Fprintf(stderr, "liaison check: --config %s: %v\n", quoteName(opts.config), err)
			return 2
		}
		copts.Files = files
	}
	c, err := checker.New(copts)
	if err != nil {
		fmt.Fprintf(stderr, "liaison check: %v\n", err)
		return 2
	}
	inputs = applyProjects(ctx, inputs, c, opts.sourceCode, fail)
	if unknown := unknownRules(append(slices.Clone(opts.only), opts.disable...), ruleSet); len(unknown) > 0 && !anyCustomRules(inputs) {
		fmt.Fprintf(stderr, "liaison check: unknown rule %q (liaison rules lists them)\n", unknown[0])
		return 2
	}

	run := &checkRun{opts: &opts, c: c, limits: limits, settings: opts.settings(ruleSet), changed: changed}
	run.excerpts = report.NeedsExcerpts(opts.format) && decide(opts.excerpt, isTerminal(stdout))
	// A progress bar on a terminal for a long run; none when piped.
	bar := newProgress(stderr, len(inputs), decide(opts.progress, isTerminal(stderr)) && (opts.progress == "always" || len(inputs) > progressMinFiles))
	var toStdout io.Writer = stdout
	if bar.w != nil {
		toStdout = clearing{w: stdout, bar: bar}
	}
	out := &checkSink{diff: toStdout}
	if !opts.diff {
		wd, _ := os.Getwd()
		rw, err := report.New(opts.format, toStdout, report.Options{
			Color:   decide(opts.color, isTerminal(stdout) && os.Getenv("NO_COLOR") == ""),
			BaseURI: dirURI(wd),
			Version: version,
		})
		if err != nil {
			fmt.Fprintf(stderr, "liaison check: %v\n", err)
			return 2
		}
		out.report = rw
	}
	// Each input's findings are written a part at a time, as soon as
	// those before them are, and dropped: memory holds the findings of the
	// parts being checked and of the files waiting for their turn, not of
	// the whole run, nor of a whole large file.
	var total summary
	run.checkAll(ctx, inputs, out, func(i int, res checked) {
		bar.step()
		if res.err != nil {
			total.notChecked++
			if res.skipped {
				note("%s: skipped: %v", quoteName(inputs[i].name), res.err)
			} else {
				fail("%s: %v", quoteName(inputs[i].name), res.err)
			}
			return
		}
		total.add(res)
	})
	bar.erase()
	if err := out.close(); err != nil {
		fmt.Fprintf(stderr, "liaison check: writing the report: %v\n", err)
		return 2
	}
	if !opts.quiet {
		fmt.Fprintln(stderr, total.line(&opts, elapsed(started)))
	}
	if status == 0 && total.failing > 0 {
		status = 1
	}
	return status
}

// decide resolves an auto|always|never flag.
func decide(v string, auto bool) bool {
	switch v {
	case "always":
		return true
	case "never":
		return false
	}
	return auto
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// dirURI is the file: URI of a directory, with a final slash (SARIF's
// originalUriBaseIds).
func dirURI(dir string) string {
	if dir == "" {
		return ""
	}
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// anyCustomRules reports whether an input's project has custom rules,
// whose ids --rule and --disable may name.
func anyCustomRules(inputs []checkInput) bool {
	for _, in := range inputs {
		if in.lookup != nil && in.lookup.Project != nil && len(in.lookup.Project.Custom) > 0 {
			return true
		}
	}
	return false
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
//
// In a directory, hidden folders and the paths git ignores there
// (.gitignore, .git/info/exclude, the global excludes file) are skipped;
// every file whose name or extension is a format's is listed, source code
// too (applyProjects keeps it only where its language is turned on).
// Entries that are neither files nor folders (FIFOs, sockets, devices) are
// skipped with a note.
func collectInputs(ctx context.Context, paths []string, language string, stdin io.Reader, maxBytes int64, fail, note func(string, ...any)) []checkInput {
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
		// (see checkOne); symbolic links to directories are not followed,
		// so a link loop is never walked.
		ignored := gitIgnored(ctx, p)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fail("%s: %v", quoteName(path), unwrapPathError(err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && (strings.HasPrefix(d.Name(), ".") || ignored.dir(path)) {
					return fs.SkipDir
				}
				return nil
			}
			f, ok := markup.FormatForPath(d.Name())
			if !ok || ignored.file(path) {
				return nil
			}
			if t := d.Type(); t&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
				note("%s: skipped: not a regular file", quoteName(path))
				return nil
			}
			// Source code is opt-in, unless --language names its format.
			optIn := f.OptIn && (language == "" || markup.FormatFor(language).Name != f.Name)
			inputs = append(inputs, checkInput{name: path, path: path, root: p, language: languageFor(path, language), optIn: optIn})
			return nil
		})
		if err != nil {
			fail("%s: %v", quoteName(p), err)
		}
	}
	return inputs
}

// listedInputs are the files of a list (git's changed files) that a
// directory walk would read: those of a known format, source code marked
// opt-in unless --language names its format. Like a walk's, they must
// resolve inside root (the repository): a link to a file elsewhere is not
// read.
func listedInputs(paths []string, language, root string) []checkInput {
	var inputs []checkInput
	for _, p := range paths {
		f, ok := markup.FormatForPath(filepath.Base(p))
		if !ok {
			continue
		}
		optIn := f.OptIn && (language == "" || markup.FormatFor(language).Name != f.Name)
		inputs = append(inputs, checkInput{name: p, path: p, root: root, language: languageFor(p, language), optIn: optIn})
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

// checkRun is one `liaison check`: its options and checker, and what it
// applies to every input.
type checkRun struct {
	opts     *checkOptions
	c        *checker.Checker
	limits   checkLimits
	settings rules.Settings // the command line's, over each project's
	excerpts bool           // build source excerpts (the text report shows them)
	changed  *changedFiles  // --changed-since or --staged; nil: every line
}

// checkAll reads, analyses and checks the inputs in parallel, one worker
// per core, with the one checker (no cache: each file is checked once),
// writes their findings to out in input order, and gives how each
// input's check ended to done, in input order, from the calling
// goroutine. An input's findings are written from its worker once the
// inputs before it are done (see sink); on an error part way through a
// document, the findings already written stay. Memory is bounded by
// limits: the bytes analysed at once are held to limits.inFlight.
func (r *checkRun) checkAll(ctx context.Context, inputs []checkInput, out *checkSink, emit func(int, checked)) {
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
	budget := newByteBudget(r.limits.inFlight)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				outputs[i] = r.checkOne(ctx, inputs[i], budget, &sinks[i])
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
		sinks[i].open(out)
		<-done[i] // every input is checked: a cancelled check returns at once
		emit(i, outputs[i])
	}
	wg.Wait()
}

// checkOne reads one input through safefile (a regular file only, at most
// maxBytes, and inside the walked directory when it was found by walking
// one), checks it (fixing it first under --fix or --diff) and gives its
// findings, with their reported positions, to out a part at a time.
func (r *checkRun) checkOne(ctx context.Context, in checkInput, budget *byteBudget, out *sink) checked {
	maxBytes := r.limits.maxBytes
	data := in.src
	if in.path != "" {
		var err error
		data, err = safefile.Read(in.path, safefile.Options{MaxBytes: maxBytes, Root: in.root})
		var tooLarge *safefile.TooLargeError
		if errors.As(err, &tooLarge) && r.limits.streamMaxBytes > maxBytes && streamable(in.language) && !r.opts.fix && !r.opts.diff {
			return r.checkStreamed(ctx, in, budget, out)
		}
		if err != nil {
			if errors.Is(err, safefile.ErrOutsideRoot) {
				err = fmt.Errorf("not checked: it resolves outside %s (a symbolic link)", quoteName(in.root))
			}
			// A link loop in a walked directory is no document: skipped.
			return checked{err: err, skipped: in.root != "" && errors.Is(err, syscall.ELOOP)}
		}
	}
	src, err := decodeSource(data)
	if err != nil {
		return checked{err: err}
	}
	r.limits.memory.fit(int64(len(src.text)))
	held := budget.acquire(int64(len(src.text)))
	defer budget.release(held)
	doc := checker.Document{Path: absPath(in), LanguageID: in.language, Text: src.text}
	pos := positions{name: in.name, src: src, run: r, lines: in.lines}
	var res checked
	if r.opts.fix || r.opts.diff {
		fixed, remaining, err := r.fixOne(ctx, in, doc, data, src)
		if err != nil {
			return checked{err: err}
		}
		res.fixed = fixed.count
		if fixed.count > 0 {
			res.fixedFiles = 1
			if r.opts.diff {
				out.giveDiff(fixed.diff)
			}
			pos.src = source{text: fixed.text, base: src.base}
		}
		o, err := pos.of(remaining)
		if err != nil {
			return checked{err: err}
		}
		out.give(o)
	} else {
		err = r.c.CheckParts(ctx, doc, in.lookup, r.settings, func(fs []rules.Finding) error {
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
	}
	res.findings, res.failing = pos.n, pos.failing
	return res
}

// positions finds where one input's findings are, a run at a time, and
// drops those the command line does not report (selection, severity,
// changed lines).
type positions struct {
	name  string // as reported
	src   source
	run   *checkRun
	lines *lineSet       // the lines reported on; nil: all
	doc   *text.Document // src's line index, made at the first finding
	// lineBase is the 0-based line where src starts in the file: a file
	// checked a segment at a time is given a segment at a time (segment).
	lineBase int
	n        int // findings reported so far
	failing  int // of them, at or above --fail-on
	last     int // the last one's Start
	seen     bool
}

// segment makes src, a segment of the file that starts at line lineBase
// (0-based) and at a line start, the text of the findings given next.
func (p *positions) segment(src source, lineBase int) {
	p.src, p.doc, p.lineBase, p.seen = src, nil, lineBase, false
}

// of finds where each finding of fs is. The runs must follow each other
// in document order (the report lists a file's findings by Start, as
// checker.Result does); a finding before the previous one is an error.
func (p *positions) of(fs []rules.Finding) (checkOutput, error) {
	out := checkOutput{name: p.name, base: p.src.base}
	if len(fs) == 0 {
		return out, nil
	}
	// The Document's line index is the server's (one line-ending model),
	// and its checkpoints keep each conversion short on a long line.
	if p.doc == nil {
		p.doc = text.New(p.src.text)
	}
	for i := range fs {
		f := &fs[i]
		if p.seen && f.Start < p.last {
			return checkOutput{}, fmt.Errorf("internal error: a finding at byte %d after one at %d", f.Start, p.last)
		}
		p.seen = true
		p.last = f.Start
		if !p.run.opts.selected(f) {
			continue
		}
		at := p.at(f.Start, f.End)
		if p.lines != nil && !p.lines.overlaps(int(at.line), int(at.endLine)) {
			continue
		}
		p.n++
		if p.run.opts.fails(f.Severity) {
			p.failing++
		}
		out.findings = append(out.findings, *f)
		out.at = append(out.at, at)
		if p.run.excerpts {
			out.excerpts = append(out.excerpts, excerptOf(p.doc, p.src.text, f.Start, f.End, int(at.line)-p.lineBase))
		}
	}
	return out, nil
}

// at is where the byte range start..end is, in every unit a report uses.
func (p *positions) at(start, end int) findingAt {
	s32, e32 := p.doc.Position(start, text.UTF32), p.doc.Position(end, text.UTF32)
	s16, e16 := p.doc.Position(start, text.UTF16), p.doc.Position(end, text.UTF16)
	s8, e8 := p.doc.Position(start, text.UTF8), p.doc.Position(end, text.UTF8)
	return findingAt{
		line: int32(p.lineBase + s32.Line + 1), column: int32(s32.Character + 1), endLine: int32(p.lineBase + e32.Line + 1), endColumn: int32(e32.Character + 1),
		column16: int32(s16.Character + 1), endColumn16: int32(e16.Character + 1),
		columnByte: int32(s8.Character + 1), endColumnByte: int32(e8.Character + 1),
	}
}

// checkSink is where the inputs' output goes, in input order: the report,
// and the diffs of --diff.
type checkSink struct {
	report report.Writer // nil with --diff: the diff is the output
	diff   io.Writer
	failed error
}

func (s *checkSink) write(o checkOutput) {
	if s.failed != nil {
		return
	}
	if o.diff != "" {
		_, s.failed = io.WriteString(s.diff, o.diff)
		return
	}
	if s.report == nil {
		return
	}
	for i := range o.findings {
		f := o.reported(i)
		if s.failed = s.report.Write(&f); s.failed != nil {
			return
		}
	}
}

func (s *checkSink) close() error {
	if s.report != nil {
		if err := s.report.Close(); err != nil && s.failed == nil {
			s.failed = err
		}
	}
	return s.failed
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
			SafeFix      bool     `json:"safeFix"` // check --fix applies its first replacement
			Examples     examples `json:"examples"`
		}
		list := make([]listedRule, 0, len(ruleSet))
		for _, r := range ruleSet {
			list = append(list, listedRule{
				ID: r.ID, Category: r.Category, Severity: r.Severity.String(), Summary: r.Summary,
				Message: r.Message, Explanation: r.Explanation, Reference: r.Reference,
				Replacements: append([]string{}, r.Replacements...), SafeFix: r.SafeFix(),
				Examples: examples{Bad: append([]rules.BadExample{}, r.Examples.Bad...), Good: append([]string{}, r.Examples.Good...)},
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
