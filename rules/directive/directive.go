package directive

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"liaison/analysis/markup"
	"liaison/analysis/text"
	"liaison/rules"
)

// Kind is what a directive does.
type Kind uint8

const (
	Disable         Kind = iota + 1 // rules off from here on
	Enable                          // rules on again from here on
	DisableNextLine                 // rules off on the next line
)

// Keywords as written in documents.
const (
	KeywordDisable         = "liaison-disable"
	KeywordEnable          = "liaison-enable"
	KeywordDisableNextLine = "liaison-disable-next-line"
)

func (k Kind) String() string {
	switch k {
	case Disable:
		return KeywordDisable
	case Enable:
		return KeywordEnable
	case DisableNextLine:
		return KeywordDisableNextLine
	}
	return "unknown"
}

// Directive is one directive in a document.
type Directive struct {
	Kind       Kind
	Rules      []ID // none: every rule
	Start, End int  // the comment or line holding it, in document bytes
}

// ID is a rule id in a directive and where it is written.
type ID struct {
	Name       string
	Start, End int
}

// Set is the directives of one document revision. The zero Set and a nil
// *Set hold none.
type Set struct {
	directives []Directive
	// lines is the document's line index: lines end as everywhere in
	// liaison (analysis/text), at an LF, a CRLF or a lone CR.
	lines    *text.Document
	nextLine map[int]lineRules
}

// lineRules are the rules off on one line: all of them, or those listed.
type lineRules struct {
	all bool
	ids map[string]bool
}

// Parse finds the directives in a document, in the comments of its format
// (markup.FormatFor(languageID).Comments: HTML comments in Markdown, "%"
// lines in LaTeX, whole lines in plain text). It returns nil when there
// are none, cheaply for a document that never mentions "liaison-".
func Parse(languageID, src string) *Set {
	if !mentionsKeyword(src) {
		return nil
	}
	s := &Set{}
	for _, c := range markup.FormatFor(languageID).Comments(src) {
		if d, ok := parseDirective(c.Text, c.TextStart); ok {
			d.Start, d.End = c.Start, c.End
			s.directives = append(s.directives, d)
		}
	}
	if len(s.directives) == 0 {
		return nil
	}
	s.lines = text.New(src)
	s.nextLine = map[int]lineRules{}
	for _, d := range s.directives {
		if d.Kind != DisableNextLine {
			continue
		}
		line := s.line(d.End) + 1
		lr := s.nextLine[line]
		if len(d.Rules) == 0 {
			lr.all = true
		}
		for _, id := range d.Rules {
			if lr.ids == nil {
				lr.ids = map[string]bool{}
			}
			lr.ids[id.Name] = true
		}
		s.nextLine[line] = lr
	}
	return s
}

// keywordStem is what every directive keyword starts with.
const keywordStem = "liaison-"

// mentionsKeyword reports whether src contains keywordStem. It runs on
// every check of every document, so it looks for the stem's last byte:
// a hyphen is far rarer in prose than the "l" strings.Contains keys on
// (measured on the Rust Book: 0.43 ms against 1.0 ms).
func mentionsKeyword(src string) bool {
	for i := len(keywordStem) - 1; i < len(src); i++ {
		j := strings.IndexByte(src[i:], '-')
		if j < 0 {
			return false
		}
		i += j
		if strings.HasSuffix(src[:i+1], keywordStem) {
			return true
		}
	}
	return false
}

// Mentions reports whether src mentions the keyword stem ("liaison-"):
// Parse returns nil, and Apply the findings as they are, for a document
// that does not.
func Mentions(src string) bool { return mentionsKeyword(src) }

// MentionedNear reports whether src mentions the keyword stem where an
// edit that made src[start:end] could have made it (overlapping that
// range or, for a deletion, across the join). A front end that knows a
// revision's edit, and that the previous revision had no mention, scans
// only this instead of the whole document (0.3 ms a keystroke in the Rust
// Book).
func MentionedNear(src string, start, end int) bool {
	lo, hi := max(0, start-len(keywordStem)+1), min(len(src), end+len(keywordStem)-1)
	return lo < hi && mentionsKeyword(src[lo:hi])
}

// MentionedNearIn is MentionedNear for a text read a span at a time (an
// editor's text.Document): only the span around the edit is read.
func MentionedNearIn(src text.Source, start, end int) bool {
	lo, hi := max(0, start-len(keywordStem)+1), min(src.Len(), end+len(keywordStem)-1)
	return lo < hi && mentionsKeyword(src.Slice(lo, hi))
}

// parseDirective reads a directive from text that starts at byte offset
// base in the document; false when text is not one.
func parseDirective(text string, base int) (Directive, bool) {
	body := text
	if i := strings.Index(body, " -- "); i >= 0 {
		body = body[:i]
	}
	fields := fieldsWithOffsets(body)
	if len(fields) == 0 {
		return Directive{}, false
	}
	var d Directive
	switch fields[0].Name {
	case KeywordDisable:
		d.Kind = Disable
	case KeywordEnable:
		d.Kind = Enable
	case KeywordDisableNextLine:
		d.Kind = DisableNextLine
	default:
		return Directive{}, false
	}
	for _, f := range fields[1:] {
		f.Start += base
		f.End += base
		d.Rules = append(d.Rules, f)
	}
	return d, true
}

// fieldsWithOffsets splits s at spaces and commas.
func fieldsWithOffsets(s string) []ID {
	var out []ID
	start := -1
	for i := 0; i <= len(s); i++ {
		sep := i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ','
		switch {
		case sep && start >= 0:
			out = append(out, ID{Name: s[start:i], Start: start, End: i})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	return out
}

// Directives returns the directives in document order.
func (s *Set) Directives() []Directive {
	if s == nil {
		return nil
	}
	return s.directives
}

// line returns the 0-based line holding byte offset off. It searches the
// lines' start offsets, never walking along a line, so a long line costs
// no more than a short one.
func (s *Set) line(off int) int {
	return sort.Search(s.lines.LineCount(), func(i int) bool {
		start, _ := s.lines.LineBounds(i)
		return start > off
	}) - 1
}

// Filter returns a function that reports whether a finding of rule id
// starting at byte offset start is silenced. It is fastest when called
// with non-decreasing offsets (findings in document order): it sweeps the
// directives once.
func (s *Set) Filter() func(id string, start int) bool {
	if s == nil {
		return func(string, int) bool { return false }
	}
	var st state
	next := 0
	return func(id string, start int) bool {
		if next > 0 && start < s.directives[next-1].End {
			st, next = state{}, 0 // went backwards: replay
		}
		for next < len(s.directives) && s.directives[next].End <= start {
			st.apply(s.directives[next])
			next++
		}
		if next < len(s.directives) && s.directives[next].Start <= start {
			return true // inside a directive (in plain text, a line of prose)
		}
		if st.silences(id) {
			return true
		}
		if len(s.nextLine) == 0 {
			return false
		}
		lr, ok := s.nextLine[s.line(start)]
		return ok && (lr.all || lr.ids[id])
	}
}

// state is which rules are off at a point of the document.
type state struct {
	allOff bool
	off    map[string]bool // rules off (when !allOff)
	on     map[string]bool // rules on again (when allOff)
}

func (st *state) apply(d Directive) {
	switch d.Kind {
	case Disable:
		if len(d.Rules) == 0 {
			*st = state{allOff: true}
		}
		for _, id := range d.Rules {
			if st.allOff {
				delete(st.on, id.Name)
			} else {
				if st.off == nil {
					st.off = map[string]bool{}
				}
				st.off[id.Name] = true
			}
		}
	case Enable:
		if len(d.Rules) == 0 {
			*st = state{}
		}
		for _, id := range d.Rules {
			if st.allOff {
				if st.on == nil {
					st.on = map[string]bool{}
				}
				st.on[id.Name] = true
			} else {
				delete(st.off, id.Name)
			}
		}
	}
}

func (st *state) silences(id string) bool {
	if st.allOff {
		return !st.on[id]
	}
	return st.off[id]
}

// DirectiveRuleID is the rule id under which problems with directives
// themselves (an unknown rule id) are reported.
const DirectiveRuleID = "liaison-directive"

// DirectiveRule is the rule findings about directives carry.
var DirectiveRule = sync.OnceValue(func() *rules.Rule {
	return &rules.Rule{
		ID:       DirectiveRuleID,
		Severity: rules.SeverityWarning,
		Summary:  "a liaison directive names a rule that does not exist",
		Message:  "unknown rule id in a directive",
		Explanation: "A `liaison-disable`, `liaison-enable` or `liaison-disable-next-line` directive names a rule " +
			"that liaison does not have, so it silences nothing. Check the spelling against `liaison rules`, " +
			"or the ids in the project's rule files.",
	}
})

// UnknownFindings returns a finding for each rule id in the directives
// that known rejects, in document order.
func (s *Set) UnknownFindings(known func(id string) bool) []rules.Finding {
	var out []rules.Finding
	for _, d := range s.Directives() {
		for _, id := range d.Rules {
			if !known(id.Name) {
				out = append(out, rules.Finding{
					Rule: DirectiveRule(), Start: id.Start, End: id.End, Severity: rules.SeverityWarning,
					Message: fmt.Sprintf("unknown rule %q in %s", id.Name, d.Kind),
				})
			}
		}
	}
	return out
}

// Apply drops the findings the directives in src silence and adds the
// findings about unknown rule ids, keeping document order. fs must be
// sorted by Start, as rules.Engine.Check returns them.
func Apply(languageID, src string, fs []rules.Finding, known func(id string) bool) []rules.Finding {
	s := Parse(languageID, src)
	if s == nil {
		return fs
	}
	silenced := s.Filter()
	out := fs[:0:0]
	for _, f := range fs {
		if !silenced(f.Rule.ID, f.Start) {
			out = append(out, f)
		}
	}
	if unknown := s.UnknownFindings(known); len(unknown) > 0 {
		out = append(out, unknown...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}
