package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"liaison/analysis"
	"liaison/analysis/dictionary"
	"liaison/analysis/text"
	"liaison/rules"
)

// explanation is the Markdown explanation of the rule that found f.
func explanation(f rules.Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.Explanation
}

// HoverSource contributes one section to a hover. The server asks its
// sources in order — the rule note first, then any others (a dictionary
// entry, say) — and joins the sections they return with a horizontal rule.
// A hover with no section answers null.
type HoverSource interface {
	Hover(ctx context.Context, at HoverRequest) (HoverSection, bool)
}

// HoverRequest is what a hover source sees: the document revision, the
// byte offset hovered, and the problems found in that revision.
type HoverRequest struct {
	LanguageID string
	Text       *text.Document
	Offset     int
	Problems   []rules.Finding // the findings that cover Offset
	// Analysis is what the rules were run on in this revision; nil when
	// the checker has none (a configuration file, a stand-in Linter).
	Analysis *analysis.Result
}

// HoverSection is Markdown about the text between the byte offsets Start
// and End.
type HoverSection struct {
	Start, End int
	Markdown   string
}

// hover answers textDocument/hover.
func (s *Server) hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	// A hover analyses and renders: its garbage waits for a pause in the
	// requests like a lint's (memory.go), or hovering without typing
	// left the heap at the memory limit (62 -> 111 MB over 3000 hovers
	// on the open Rust Book, profiled).
	defer s.trim.linted(s.base)
	run, err := s.current(ctx, p.TextDocument)
	if errors.Is(err, errNotOpen) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	offset := run.text.Offset(textPosition(p.Position), run.encoding)
	req := HoverRequest{LanguageID: run.languageID, Text: run.text, Offset: offset, Analysis: run.analysis}
	for _, i := range run.covering(offset, offset) {
		// A hover on the character after a word does not belong to it.
		if pr := run.problems[i]; offset < pr.End || pr.Start == pr.End {
			req.Problems = append(req.Problems, pr)
		}
	}
	var sections []HoverSection
	for _, src := range append([]HoverSource{ruleNote{}, spellingHover{s}}, s.hovers...) {
		if sec, ok := src.Hover(ctx, req); ok && sec.Markdown != "" {
			sections = append(sections, sec)
		}
	}
	if len(sections) == 0 {
		return nil, nil
	}
	md := make([]string, len(sections))
	for i, sec := range sections {
		md[i] = sec.Markdown
	}
	r := lspRange(run.text.RangeOf(sections[0].Start, sections[0].End, run.encoding))
	return &protocol.Hover{
		Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: strings.Join(md, "\n\n---\n\n")},
		Range:    &r,
	}, nil
}

// ruleNote is the hover section for the problems under the cursor: each
// rule's message, its explanation and the fix.
type ruleNote struct{}

func (ruleNote) Hover(_ context.Context, at HoverRequest) (HoverSection, bool) {
	if len(at.Problems) == 0 {
		return HoverSection{}, false
	}
	var b strings.Builder
	sec := HoverSection{Start: at.Problems[0].Start, End: at.Problems[0].End}
	for i, p := range at.Problems {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "**%s** · `%s`\n\n", dictionary.EscapeMarkdown(p.Message), ruleID(p))
		if e := strings.TrimSpace(explanation(p)); e != "" {
			b.WriteString(e)
			b.WriteString("\n\n")
		}
		switch len(p.Replacements) {
		case 0:
			if p.Rule == nil || p.Rule.ID != rules.SpellingRuleID { // its suggestions follow (spelling.go)
				b.WriteString("*No automatic fix.*")
			}
		case 1:
			fmt.Fprintf(&b, "**Fix:** write “%s”.", dictionary.EscapeMarkdown(p.Replacements[0]))
		default:
			quoted := make([]string, len(p.Replacements))
			for j, r := range p.Replacements {
				quoted[j] = "“" + dictionary.EscapeMarkdown(r) + "”"
			}
			fmt.Fprintf(&b, "**Fix:** write %s.", strings.Join(quoted, " or "))
		}
	}
	sec.Markdown = b.String()
	return sec, true
}
