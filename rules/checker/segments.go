package checker

import (
	"context"

	"liaison/analysis/markup"
	"liaison/rules"
	"liaison/rules/directive"
)

// Segments checks a document too large to hold (`liaison check` on a file
// of hundreds of megabytes) a segment at a time: the caller reads the file
// a few megabytes at a time and gives each segment to Check, in order.
// Each segment is checked as CheckParts checks a document, and what
// crosses segments is carried: the Markdown link reference definitions of
// the whole document (read by the caller beforehand, see
// markup.ScanDefinitions), the directives in force where the segment
// starts, and a liaison-disable-next-line on the previous segment's last
// line. The findings are then those of checking the whole text at once,
// provided each segment starts where the format's parser can start (a
// chunk start of markup.Split on the text around it) and at a line start.
type Segments struct {
	c                *Checker
	path, languageID string
	lk               *Lookup
	editor           rules.Settings
	defs             *markup.Definitions
	state            offState // the directives in force where the next segment starts
	firstLine        lineOff  // the rules off on the next segment's first line
}

// NewSegments returns a Segments for the document at path (its Lookup and
// the editor's settings as Check takes them); defs are its Markdown link
// reference definitions (nil for other formats).
func (c *Checker) NewSegments(path, languageID string, lk *Lookup, editor rules.Settings, defs *markup.Definitions) *Segments {
	if defs == nil && markup.IsMarkdown(languageID) {
		defs = markup.ScanDefinitions("") // none: not each segment's own
	}
	return &Segments{c: c, path: path, languageID: languageID, lk: lk, editor: editor, defs: defs}
}

// Check checks text, the segment that follows those given before, and
// gives its findings to emit a run at a time as CheckParts does, with
// offsets in text.
func (s *Segments) Check(ctx context.Context, text string, emit func([]rules.Finding) error) error {
	dirs := directive.Parse(s.languageID, text).Directives()
	st, first := s.state, s.firstLine
	firstEnd := nextLineStart(text, 0) // findings before it are on the first line
	next := 0
	carried := !st.empty() || !first.empty()
	err := s.c.checkParts(ctx, Document{Path: s.path, LanguageID: s.languageID, Text: text}, s.lk, s.editor, s.defs, func(fs []rules.Finding) error {
		if carried {
			// checkParts applied the segment's own directives as if none
			// were in force before it; a rule's state at a finding is set by
			// the last directive naming it (or all rules) before the
			// finding, here or earlier, so the carried state silences what
			// no directive of this segment has turned on again.
			out := fs[:0:0]
			for _, f := range fs {
				for next < len(dirs) && dirs[next].End <= f.Start {
					st.apply(dirs[next])
					next++
				}
				if f.Rule.ID != directive.DirectiveRuleID && (st.silences(f.Rule.ID) || (f.Start < firstEnd && first.silences(f.Rule.ID))) {
					continue
				}
				out = append(out, f)
			}
			fs = out
		}
		if len(fs) == 0 {
			return nil
		}
		return emit(fs)
	})
	if err != nil {
		return err
	}
	for ; next < len(dirs); next++ {
		st.apply(dirs[next])
	}
	s.state = st
	s.firstLine = lineOff{}
	for _, d := range dirs {
		// The line after the directive's is the next segment's first when
		// the directive's line is this segment's last.
		if d.Kind == directive.DisableNextLine && nextLineStart(text, d.End) == len(text) && d.End < len(text) {
			s.firstLine.add(d)
		}
	}
	return nil
}

// nextLineStart returns the offset of the line after the one holding
// text[from] (lines end at LF, CRLF or a lone CR, as in analysis/text), or
// len(text)+1 when that line is the last.
func nextLineStart(text string, from int) int {
	for i := from; i < len(text); i++ {
		switch text[i] {
		case '\n':
			return i + 1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		}
	}
	return len(text) + 1
}

// offState is which rules the Disable and Enable directives have turned
// off at a point of a document (as in rules/directive).
type offState struct {
	allOff bool
	off    map[string]bool // when !allOff
	on     map[string]bool // turned on again, when allOff
}

func (st *offState) empty() bool { return !st.allOff && len(st.off) == 0 }

func (st *offState) apply(d directive.Directive) {
	switch d.Kind {
	case directive.Disable:
		if len(d.Rules) == 0 {
			*st = offState{allOff: true}
		}
		for _, id := range d.Rules {
			if st.allOff {
				delete(st.on, id.Name)
				continue
			}
			if st.off == nil {
				st.off = map[string]bool{}
			}
			st.off[id.Name] = true
		}
	case directive.Enable:
		if len(d.Rules) == 0 {
			*st = offState{}
		}
		for _, id := range d.Rules {
			if !st.allOff {
				delete(st.off, id.Name)
				continue
			}
			if st.on == nil {
				st.on = map[string]bool{}
			}
			st.on[id.Name] = true
		}
	}
}

func (st *offState) silences(id string) bool {
	if st.allOff {
		return !st.on[id]
	}
	return st.off[id]
}

// lineOff is the rules liaison-disable-next-line directives turn off on
// one line: all, or those listed.
type lineOff struct {
	all bool
	ids map[string]bool
}

func (l *lineOff) empty() bool { return !l.all && len(l.ids) == 0 }

func (l *lineOff) add(d directive.Directive) {
	if len(d.Rules) == 0 {
		l.all = true
	}
	for _, id := range d.Rules {
		if l.ids == nil {
			l.ids = map[string]bool{}
		}
		l.ids[id.Name] = true
	}
}

func (l *lineOff) silences(id string) bool { return l.all || l.ids[id] }
