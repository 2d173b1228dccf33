package server

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/rules"
)

// codeAction answers textDocument/codeAction: for each problem under the
// range, one quickfix per replacement (the first preferred); for each rule
// among them, "Fix all ‹rule› problems in this document"; and
// source.fixAll.liaison, fixing every problem that has a replacement. All
// are plain WorkspaceEdits carrying the document version.
func (s *Server) codeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	defer s.trim.linted(s.base) // its garbage too waits for a pause (see hover)
	run, err := s.current(ctx, p.TextDocument)
	if errors.Is(err, errNotOpen) {
		return []protocol.CommandOrCodeAction{}, nil
	}
	if err != nil {
		return nil, err
	}
	sess := s.sess()
	start, end := run.text.Offsets(textRange(p.Range), run.encoding)
	only := p.Context.Only
	actions := []protocol.CommandOrCodeAction{}
	edit := func(problems []int, pick func(rules.Finding) string) *protocol.WorkspaceEdit {
		return run.workspaceEdit(sess.documentChanges, p.TextDocument, problems, pick)
	}
	first := func(p rules.Finding) string { return p.Replacements[0] }

	var rulesHere []string
	if wants(only, protocol.CodeActionKindQuickFix) {
		for _, i := range run.covering(start, end) {
			pr := run.problems[i]
			if len(pr.Replacements) == 0 {
				continue
			}
			if id := ruleID(pr); !slices.Contains(rulesHere, id) {
				rulesHere = append(rulesHere, id)
			}
			matched := run.text.Slice(pr.Start, pr.End)
			for j, repl := range pr.Replacements {
				actions = append(actions, &protocol.CodeAction{
					Title:       fmt.Sprintf("Replace “%s” with “%s”", matched, repl),
					Kind:        ptr(protocol.CodeActionKindQuickFix),
					Diagnostics: []protocol.Diagnostic{run.diags[i]},
					IsPreferred: ptr(j == 0),
					Edit:        edit([]int{i}, func(rules.Finding) string { return repl }),
				})
			}
		}
		for _, rule := range rulesHere {
			var all []int
			for i, pr := range run.problems {
				if ruleID(pr) == rule && len(pr.Replacements) > 0 {
					all = append(all, i)
				}
			}
			actions = append(actions, &protocol.CodeAction{
				Title: fmt.Sprintf("Fix all %s problems in this document", rule),
				Kind:  ptr(protocol.CodeActionKindQuickFix),
				Edit:  edit(all, first),
			})
		}
		actions = append(actions, s.spellingActions(run, p.TextDocument, start, end)...) // spelling.go
		actions = append(actions, s.disableActions(ctx, run, p.TextDocument, start, end)...)
	}
	if wantsThesaurus(p.Context) {
		actions = append(actions, s.thesaurusActions(ctx, run, p.TextDocument, start, end)...)
	}
	if wants(only, FixAllKind) {
		var all []int
		for i, pr := range run.problems {
			if len(pr.Replacements) > 0 {
				all = append(all, i)
			}
		}
		if len(all) > 0 {
			actions = append(actions, &protocol.CodeAction{
				Title: "Fix all liaison problems in this document",
				Kind:  ptr(FixAllKind),
				Edit:  edit(all, first),
			})
		}
	}
	return actions, nil
}

// wants reports whether an action of kind is asked for: any kind when only
// is empty, else kind or a sub-kind of a listed kind.
func wants(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

// workspaceEdit replaces the problems at the given indexes (sorted) with
// the text pick chooses, skipping any that overlap an earlier one, as
// documentChanges when the client supports them and changes otherwise.
func (r *lintRun) workspaceEdit(documentChanges bool, doc protocol.TextDocumentIdentifier, problems []int, pick func(rules.Finding) string) *protocol.WorkspaceEdit {
	edits := make([]protocol.TextEdit, 0, len(problems))
	lastEnd := -1
	for _, i := range problems {
		p := r.problems[i]
		if p.Start < lastEnd {
			continue // overlaps the previous edit
		}
		lastEnd = p.End
		edits = append(edits, protocol.TextEdit{Range: r.diags[i].Range, NewText: pick(p)})
	}
	if !documentChanges {
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{doc.URI: edits}}
	}
	elems := make([]protocol.TextDocumentEditElement, len(edits))
	for i := range edits {
		elems[i] = &edits[i]
	}
	version := r.version
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{
		&protocol.TextDocumentEdit{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: doc, Version: &version},
			Edits:        elems,
		},
	}}
}
