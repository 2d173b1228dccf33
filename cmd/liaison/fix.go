package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"liaison/analysis/text"
	"liaison/rules"
	"liaison/rules/checker"
)

// maxFixRounds bounds the re-checks of --fix: a fix can make a new
// finding (a replacement that needs another, an article before a fixed
// word), so the document is checked again until no safe fix applies, but
// two rules that undo each other's fixes must not loop.
const maxFixRounds = 8

// fixResult is what --fix did to one document, or --diff would do.
type fixResult struct {
	count int    // findings fixed
	text  string // the document after the fixes
	diff  string // --diff: the unified diff
}

// fixOne applies the safe fixes of the findings the command line reports
// (selection, severity, changed lines) to a document, checking it again
// after each round, and writes it back atomically (--fix) or makes its
// diff (--diff). It returns the findings of the fixed text: those that
// remain. Only the bytes of findings' ranges change, and a finding's range
// is prose (a fix over markup is never offered: rules.TestNoFixAcrossMarkup),
// so markup, code and line endings are kept.
func (r *checkRun) fixOne(ctx context.Context, in checkInput, doc checker.Document, data []byte, src source) (fixResult, []rules.Finding, error) {
	res := fixResult{text: doc.Text}
	var before os.FileInfo
	if in.path != "" {
		var err error
		if before, err = os.Stat(in.path); err != nil {
			return res, nil, unwrapPathError(err)
		}
	}
	var findings []rules.Finding
	for round := 0; ; round++ {
		checked, err := r.c.Check(ctx, doc, in.lookup, r.settings)
		if err != nil {
			return res, nil, err
		}
		findings = checked.Findings
		if src.utf16 || round == maxFixRounds {
			break // a UTF-16 file is reported, not rewritten
		}
		edited, n := r.applySafe(doc.Text, findings, in.lines)
		if n == 0 {
			break
		}
		res.count += n
		doc.Text = edited
	}
	res.text = doc.Text
	if res.count == 0 || res.text == src.text {
		return fixResult{text: src.text}, findings, nil
	}
	newData := append(bytes.Clone(data[:src.base]), res.text...)
	if r.opts.diff {
		res.diff = unifiedDiff(in.name, string(data), string(newData))
		return res, findings, nil
	}
	if err := writeAtomic(in.path, newData, before); err != nil {
		return res, nil, fmt.Errorf("writing the fixes: %w", err)
	}
	return res, findings, nil
}

// applySafe applies the preferred replacement of each reported finding
// whose rule's fix is safe, in document order, skipping one that overlaps
// the previous fix; it returns the new text and how many it applied.
func (r *checkRun) applySafe(src string, fs []rules.Finding, lines *lineSet) (string, int) {
	var b strings.Builder
	var doc *text.Document
	n, at := 0, 0
	for i := range fs {
		f := &fs[i]
		if len(f.Replacements) == 0 || !f.Rule.SafeFix() || !r.opts.selected(f) || f.Start < at || f.End > len(src) {
			continue
		}
		rep := f.Replacements[0]
		if src[f.Start:f.End] == rep {
			continue
		}
		if lines != nil {
			if doc == nil {
				doc = text.New(src)
			}
			if !lines.overlaps(doc.Position(f.Start, text.UTF8).Line+1, doc.Position(f.End, text.UTF8).Line+1) {
				continue
			}
		}
		if n == 0 {
			b.Grow(len(src) + 64)
		}
		b.WriteString(src[at:f.Start])
		b.WriteString(rep)
		at = f.End
		n++
	}
	if n == 0 {
		return src, 0
	}
	b.WriteString(src[at:])
	return b.String(), n
}

// errChanged: the file changed on disk while it was being fixed.
var errChanged = errors.New("the file changed while it was being fixed; not written")

// writeAtomic replaces the file at path (through its symbolic links) with
// data: written to a temporary file beside it with the file's mode, synced,
// and renamed over it, so a reader sees the old file or the new, never
// half of one. before is the file as it was read: if it has changed since,
// nothing is written.
func writeAtomic(path string, data []byte, before os.FileInfo) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return unwrapPathError(err)
	}
	now, err := os.Stat(real)
	if err != nil {
		return unwrapPathError(err)
	}
	if before != nil && (now.Size() != before.Size() || !now.ModTime().Equal(before.ModTime())) {
		return errChanged
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".liaison-*")
	if err != nil {
		return unwrapPathError(err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(now.Mode().Perm()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), real); err != nil {
		return unwrapPathError(err)
	}
	done = true
	return nil
}

// unifiedDiff is the unified diff (three lines of context) from old to
// new of the file reported as name, as git and patch read it: a relative
// name under a/ and b/, and a last line without a line ending marked so.
func unifiedDiff(name, old, new string) string {
	from, to := "a/"+filepath.ToSlash(name), "b/"+filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		from, to = name, name
	}
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: diffLines(old), B: diffLines(new), FromFile: from, ToFile: to, Context: 3,
	})
	if err != nil {
		return ""
	}
	return d
}

// diffLines splits text after each LF (a CR stays in its line, so CRLF
// files diff as they are); a last line without one is given the marker
// patch reads.
func diffLines(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	if last := len(lines) - 1; lines[last] == "" {
		lines = lines[:last]
	} else {
		lines[last] += "\n\\ No newline at end of file\n"
	}
	return lines
}
