package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// summary counts what a run found, for the line on standard error.
type summary struct {
	files, notChecked, findings, failing, fixed, fixedFiles int
}

func (s *summary) add(c checked) {
	s.files++
	s.findings += c.findings
	s.failing += c.failing
	s.fixed += c.fixed
	s.fixedFiles += c.fixedFiles
}

// line is the summary: "3 findings in 112 files, 0.21 s", with what --fix
// fixed or --diff would fix before it, and how many inputs could not be
// checked (reported above it) after the files.
func (s *summary) line(o *checkOptions, took string) string {
	var b strings.Builder
	switch {
	case o.fix:
		fmt.Fprintf(&b, "fixed %s in %s; ", plural(s.fixed, "finding"), plural(s.fixedFiles, "file"))
	case o.diff:
		fmt.Fprintf(&b, "%s fixable in %s; ", plural(s.fixed, "finding"), plural(s.fixedFiles, "file"))
	}
	n := plural(s.findings, "finding")
	if o.fix || o.diff {
		n += " left"
	}
	fmt.Fprintf(&b, "%s in %s", n, plural(s.files, "file"))
	if s.notChecked > 0 {
		fmt.Fprintf(&b, " (%d not checked)", s.notChecked)
	}
	fmt.Fprintf(&b, ", %s", took)
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// elapsed is the time since start, as the summary gives it.
func elapsed(start time.Time) string {
	return fmt.Sprintf("%.2f s", time.Since(start).Seconds())
}

// progressMinFiles is how many inputs a run must have for the progress
// bar to show by default: a few hundred files take a second or more.
const progressMinFiles = 300

// progress draws a bar on standard error (a terminal) as inputs are
// checked, at most every progressEvery, and erases it at the end.
//
// The report's lines may go to the same terminal: writes to standard
// output go through clearing (a guard), which erases the bar first; it is
// drawn again at the next step.
type progress struct {
	mu    sync.Mutex // the bar is drawn by the main goroutine, erased by workers writing the report
	w     io.Writer  // nil: no bar
	total int
	count int
	last  time.Time
	drawn bool
}

const progressEvery = 100 * time.Millisecond

func newProgress(w io.Writer, total int, on bool) *progress {
	if !on || total == 0 {
		return &progress{}
	}
	return &progress{w: w, total: total}
}

// step counts one input checked.
func (p *progress) step() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	if now := time.Now(); p.count == p.total || now.Sub(p.last) >= progressEvery {
		p.last = now
		const width = 30
		filled := width * p.count / p.total
		fmt.Fprintf(p.w, "\r[%s%s] %d/%d files", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.count, p.total)
		p.drawn = true
	}
}

// erase erases the bar if it is drawn.
func (p *progress) erase() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// clearing is standard output with the bar erased before each write.
type clearing struct {
	w   io.Writer
	bar *progress
}

func (c clearing) Write(b []byte) (int, error) {
	c.bar.erase()
	return c.w.Write(b)
}
