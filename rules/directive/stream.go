package directive

import (
	"fmt"

	"liaison/rules"
)

// Stream is Apply a run of findings at a time, for a document checked a
// part at a time (the CLI's checker.Options.PartBytes): its findings can
// then be reported and dropped part by part instead of held until the
// whole document's are known. The directives are parsed once, up front.
// The findings Stream gives, run after run and then Close, are exactly
// Apply's on all the runs at once.
type Stream struct {
	set      *Set // nil: no directives, findings pass as they are
	silenced func(id string, start int) bool
	unknown  []rules.Finding // findings about unknown rule ids, not yet given
	last     int             // Start of the last finding taken
	any      bool            // whether a finding was taken
}

// NewStream parses the directives of src for Stream.Apply.
func NewStream(languageID, src string, known func(id string) bool) *Stream {
	s := Parse(languageID, src)
	st := &Stream{set: s}
	if s != nil {
		st.silenced = s.Filter()
		st.unknown = s.UnknownFindings(known)
	}
	return st
}

// Apply returns the findings of fs the directives leave, with the findings
// about unknown rule ids that come before them (Apply sorts those after
// the findings at the same Start). fs must be sorted by Start and start no
// earlier than the last finding of the previous run: Apply's stable sort
// would otherwise reorder them, so an out-of-order run is an error.
func (st *Stream) Apply(fs []rules.Finding) ([]rules.Finding, error) {
	for _, f := range fs {
		if st.any && f.Start < st.last {
			return nil, fmt.Errorf("directives: a finding at byte %d after one at %d: findings out of order", f.Start, st.last)
		}
		st.last, st.any = f.Start, true
	}
	if st.set == nil {
		return fs, nil
	}
	out := fs[:0:0]
	for _, f := range fs {
		if st.silenced(f.Rule.ID, f.Start) {
			continue
		}
		for len(st.unknown) > 0 && st.unknown[0].Start < f.Start {
			out = append(out, st.unknown[0])
			st.unknown = st.unknown[1:]
		}
		out = append(out, f)
	}
	return out, nil
}

// Close returns the findings about unknown rule ids not yet given, those
// after the document's last finding.
func (st *Stream) Close() []rules.Finding {
	out := st.unknown
	st.unknown = nil
	return out
}
