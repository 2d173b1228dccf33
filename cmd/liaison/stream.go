package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"
	"unsafe"

	"liaison/analysis/markup"
	"liaison/rules"
	"liaison/rules/directive"
	"liaison/rules/project/safefile"
)

// A file larger than checkLimits.maxBytes (the server's limit) is read
// from disk a segment of a few megabytes at a time, each segment checked
// (checker.Segments) and its findings reported before the next is read, so
// memory holds one segment and its analysis whatever the file's size. A
// segment ends where the format's splitter starts a chunk (markup.Split:
// in Markdown a blank line outside fences, HTML blocks, lists and quotes;
// in plain text a paragraph), so it parses as it does in the whole file,
// and at a line start, so a finding's column is the same and its line is
// the segment's first line plus its line in the segment.
//
// Only Markdown and plain text are streamed: their splitters cut where
// what follows depends only on the text after the cut (see
// markup.SplitEdit), the other formats' are not shown to. A larger file
// in another format, a UTF-16 one (converted whole) and one checked with
// --fix or --diff (rewritten whole) keep the maxBytes limit, as does
// standard input.
//
// The file is read with read(2) into one buffer rather than mapped: a
// mapping's pages, once touched, count in the process's resident memory
// until it is unmapped (the kernel drops clean file pages only under
// pressure), so a 200 MB mapping read through reads as 200 MB resident,
// and a file truncated while mapped kills the process with SIGBUS instead
// of giving a read error. (That choice is argued, not measured: the
// mapping was not built. Reading measured, on a 200 MB file of the Rust
// Book repeated with mistakes and directives, 366,439 findings, --format
// json: 139,780 KB peak RSS, 204 s CPU; a 7.3 MB file checked whole
// 97 MB, the same text at 8.5 MB streamed 121 MB.)

// streamable reports whether a file in languageID's format can be checked
// a segment at a time.
func streamable(languageID string) bool {
	f := markup.FormatFor(languageID)
	return markup.IsMarkdown(languageID) || f.Name == "plaintext"
}

// segmentReader cuts a file into segments (see above). Segments are about
// target bytes; a segment grows up to max bytes to reach a cut, and a
// block longer than that is an error.
type segmentReader struct {
	r           io.Reader
	languageID  string
	target, max int
	partBytes   int    // checker.Options.PartBytes: segments end where parts do
	buf         []byte // buf[:n] read and not yet given
	n           int
	off         int64 // file offset of buf[0]
	line        int   // 0-based line of buf[0]
	eof         bool
	readErr     error // the read error after buf[:n]
}

func newSegmentReader(r io.Reader, languageID string, l checkLimits, off int64) *segmentReader {
	return &segmentReader{r: r, languageID: languageID, target: min(l.segmentBytes, l.maxSegmentBytes), max: l.maxSegmentBytes,
		partBytes: l.parts(), buf: make([]byte, l.maxSegmentBytes), off: off}
}

// segmentError is why a file stopped being read part way: the segments
// before it were given.
type segmentError struct {
	line, column int // 1-based, where the file could not be read further
	msg          string
	err          error
}

func (e *segmentError) Error() string {
	s := fmt.Sprintf("%s at line %d, column %d; the text before it was checked", e.msg, e.line, e.column)
	if e.err != nil {
		s += ": " + e.err.Error()
	}
	return s
}

func (e *segmentError) Unwrap() error { return e.err }

// next returns the next segment, its file offset and 0-based first line.
// At the end of the file it returns io.EOF; after a segment that stops
// short (a read error, a byte that is not UTF-8, a block too long to cut)
// it returns the *segmentError that says where.
func (s *segmentReader) next() (seg string, off int64, line int, err error) {
	want := s.target
	for {
		for s.n < want && !s.eof && s.readErr == nil {
			k, err := s.r.Read(s.buf[s.n:want])
			s.n += k
			switch {
			case errors.Is(err, io.EOF):
				s.eof = true
			case err != nil:
				s.readErr = err
			}
		}
		if s.n == 0 {
			if s.readErr != nil {
				return "", 0, 0, s.stop(0, "a read error", s.readErr)
			}
			return "", 0, 0, io.EOF
		}
		cut, ok := s.n, true
		if !s.eof && s.readErr == nil {
			cut, ok = s.cut()
		}
		if bad := firstInvalid(s.buf[:cut]); bad >= 0 {
			// What comes before the line holding it is checked.
			return s.give(lineStartBefore(s.buf[:bad], bad), &segmentError{msg: "not UTF-8 text (an invalid byte)"}, bad)
		}
		if ok {
			var after error
			if cut == s.n && s.readErr != nil {
				after = s.readErr
			}
			if after != nil {
				return s.give(cut, &segmentError{msg: "a read error", err: after}, cut)
			}
			return s.give(cut, nil, 0)
		}
		if want < s.max {
			want = min(2*want, s.max)
			continue
		}
		return s.give(0, &segmentError{msg: fmt.Sprintf("no place to cut the text in %s (a block longer than that)", safefile.FormatSize(int64(s.max)))}, 0)
	}
}

// give returns buf[:cut] as the next segment and keeps the rest; with
// stop set, the segment is the last, and stop is completed with the
// position of buf[at].
func (s *segmentReader) give(cut int, stop *segmentError, at int) (string, int64, int, error) {
	seg := string(s.buf[:cut])
	off, line := s.off, s.line
	var err error
	if stop != nil {
		err = s.stop(at, stop.msg, stop.err)
		s.n, s.eof, s.readErr = 0, true, nil // nothing more is read
		if cut == 0 {
			return "", 0, 0, err
		}
		return seg, off, line, err
	}
	copy(s.buf, s.buf[cut:s.n])
	s.n -= cut
	s.off += int64(cut)
	s.line += countLines(seg)
	return seg, off, line, nil
}

// stop is the segmentError for buf[at].
func (s *segmentReader) stop(at int, msg string, err error) error {
	b := s.buf[:at]
	ls := lineStartBefore(b, at)
	return &segmentError{line: s.line + countLines(string(b[:ls])) + 1, column: utf8.RuneCount(b[ls:]) + 1, msg: msg, err: err}
}

// cut returns where in buf[:n] the segment ends: the last start of a part
// (as analysis.AnalyzeParts groups the chunks markup.Split finds, from the
// segment's start, which starts a part in the whole file too) before the
// last chunk of the text up to the last line break (the last chunk may go
// on past it); false when there is none but at 0. Ending segments where
// the whole file's parts end keeps what a rule reads from its part (the
// spelling rule's words written as code) the same.
func (s *segmentReader) cut() (int, bool) {
	end := lastLineEnd(s.buf[:s.n])
	if end <= 0 {
		return 0, false
	}
	// Split keeps offsets only, and buf is not written while it runs.
	text := unsafe.String(&s.buf[0], end)
	chunks := markup.Split(s.languageID, text)
	if len(chunks) < 2 {
		return 0, false
	}
	last := chunks[len(chunks)-1].Start
	cut, size := 0, 0
	ok := func(b int) {
		if b > 0 && b <= last && !opensFrontMatter(text[b:]) {
			cut = b
		}
	}
	for _, c := range chunks {
		n := c.End - c.Start
		if n > s.partBytes { // a part, or parts, of its own
			ok(c.Start)
			ok(c.End)
			size = 0
			continue
		}
		if size+n > s.partBytes {
			ok(c.Start)
			size = 0
		}
		size += n
	}
	return cut, cut > 0
}

// opensFrontMatter reports whether text starts with a line that would open
// front matter at the start of a Markdown document ("---" or "+++"): a
// segment starting there would be read as front matter, not as the
// thematic break or paragraph it is in the whole file.
func opensFrontMatter(text string) bool {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimRight(line, " \t\r")
	return line == "---" || line == "+++"
}

// lastLineEnd returns the offset just after the last line break of b, or
// 0. A final CR may be the first half of a CRLF, so it is no line end yet.
func lastLineEnd(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		switch b[i] {
		case '\n':
			return i + 1
		case '\r':
			if i+1 < len(b) {
				return i + 1
			}
		}
	}
	return 0
}

// lineStartBefore returns the start of the line holding b[at] (b is the
// text up to at).
func lineStartBefore(b []byte, at int) int {
	i := bytes.LastIndexAny(b[:at], "\r\n")
	return i + 1
}

// countLines counts the line breaks of s: LF, CRLF and a lone CR, as
// analysis/text does.
func countLines(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n++
		case '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				n++
			}
		}
	}
	return n
}

// firstInvalid returns the offset of b's first byte that is not UTF-8, or
// -1.
func firstInvalid(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// wholeFile is what checking a segment needs to know of the whole file.
type wholeFile struct {
	defs   *markup.Definitions // Markdown link reference definitions
	counts map[string]int      // how often each word is written (rules.Spelling.Count)
	words  []string            // accepted by the file's liaison-words directives
}

// readWhole reads the file r once, a segment at a time, for what checking
// a segment needs to know of the rest: a reference link resolves against a
// definition anywhere in the document, the spelling rule counts a word in
// the whole document and accepts the words a directive anywhere lists.
// Only chunks holding "]:" can define anything (markup.ScanDefinitionsIn);
// they are gathered, up to maxDefinitionBytes, and read at once. Words are
// counted up to maxCountedWords different ones. It reads up to the first
// error, which the check itself then reports.
func readWhole(ctx context.Context, r io.Reader, languageID string, l checkLimits, base int64) (wholeFile, error) {
	sr := newSegmentReader(r, languageID, l, base)
	w := wholeFile{counts: map[string]int{}}
	var candidates strings.Builder
	markdown := markup.IsMarkdown(languageID)
	for {
		if err := ctx.Err(); err != nil {
			return wholeFile{}, err
		}
		seg, _, _, err := sr.next()
		for word, n := range rules.CountWords(seg) {
			if _, ok := w.counts[word]; ok || len(w.counts) < maxCountedWords {
				w.counts[strings.Clone(word)] += n // not pinning the segment
			}
		}
		for _, word := range directive.Words(languageID, seg) {
			w.words = append(w.words, strings.Clone(word))
		}
		for i, c := range markup.Split(languageID, seg) {
			t := c.Text(seg)
			if !markdown || (c.Flags&(markup.FrontMatter|markup.TooDeep) != 0 && i == 0) || !strings.Contains(t, "]:") {
				continue
			}
			if candidates.Len()+len(t) > maxDefinitionBytes {
				break
			}
			candidates.WriteString(t)
			if !strings.HasSuffix(t, "\n") {
				candidates.WriteByte('\n')
			}
		}
		if err != nil {
			break
		}
	}
	if markdown {
		w.defs = markup.ScanDefinitions(candidates.String())
	}
	return w, nil
}

// maxDefinitionBytes bounds the text gathered for a streamed file's link
// reference definitions, and maxCountedWords the different words it
// counts: definitions past the first, and words past the second, are not
// seen (their references read as text, the words as written once), so
// memory stays bounded.
const (
	maxDefinitionBytes = 16 << 20
	maxCountedWords    = 1 << 18
)

// checkStreamed checks in, a file larger than r.limits.maxBytes, a
// segment at a time (see above).
func (r *checkRun) checkStreamed(ctx context.Context, in checkInput, budget *byteBudget, out *sink) checked {
	f, _, err := safefile.Open(in.path, safefile.Options{MaxBytes: r.limits.streamMaxBytes, Root: in.root})
	if err != nil {
		if errors.Is(err, safefile.ErrOutsideRoot) {
			err = fmt.Errorf("not checked: it resolves outside %s (a symbolic link)", quoteName(in.root))
		}
		return checked{err: err, skipped: in.root != "" && errors.Is(err, syscall.ELOOP)}
	}
	defer f.Close()
	var head [4]byte
	k, _ := io.ReadFull(f, head[:])
	var base int64
	switch {
	case bytes.HasPrefix(head[:k], []byte{0xEF, 0xBB, 0xBF}):
		base = 3
	case bytes.HasPrefix(head[:k], []byte{0xFF, 0xFE}), bytes.HasPrefix(head[:k], []byte{0xFE, 0xFF}):
		return checked{err: fmt.Errorf("UTF-16 text is converted whole, so %w; convert the file to UTF-8", &safefile.TooLargeError{Limit: r.limits.maxBytes})}
	}
	limit := io.LimitReader(f, r.limits.streamMaxBytes-base) // the file may grow
	rewind := func() error {
		_, err := f.Seek(base, io.SeekStart)
		limit = io.LimitReader(f, r.limits.streamMaxBytes-base)
		return err
	}
	if err := rewind(); err != nil {
		return checked{err: err}
	}
	held := budget.acquire(int64(r.limits.maxSegmentBytes))
	defer budget.release(held)
	r.limits.memory.fit(int64(r.limits.maxSegmentBytes))
	whole, err := readWhole(ctx, limit, in.language, r.limits, base)
	if err != nil {
		return checked{err: err}
	}
	if err := rewind(); err != nil {
		return checked{err: err}
	}
	settings := r.settings
	settings.Spelling.Count = func(word string) int { return whole.counts[word] }
	if len(whole.words) > 0 {
		settings.Spelling.Words = append(slices.Clip(settings.Spelling.Words), rules.NewWordList(whole.words))
	}
	segs := r.c.NewSegments(absPath(in), in.language, in.lookup, settings, whole.defs)
	pos := positions{name: in.name, run: r, lines: in.lines}
	sr := newSegmentReader(limit, in.language, r.limits, base)
	for {
		text, off, line, err := sr.next()
		if text != "" {
			pos.segment(source{text: text, base: int(off)}, line)
			cerr := segs.Check(ctx, text, func(fs []rules.Finding) error {
				o, err := pos.of(fs)
				if err != nil {
					return err
				}
				out.give(o)
				return nil
			})
			if cerr != nil {
				return checked{err: cerr}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return checked{err: err, findings: pos.n, failing: pos.failing}
		}
	}
	return checked{findings: pos.n, failing: pos.failing}
}
