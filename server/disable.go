package server

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/markup"
	"liaison/analysis/text"
	"liaison/rules/directive"
	"liaison/rules/project"
	"liaison/rules/project/safefile"
)

// disableActions are the quick fixes that silence a rule rather than fix
// the text, for each rule with a problem under [start, end]: "Disable
// ‹rule› for this line" and "… for this document" insert a directive;
// "… in this project" turns the rule off in .liaison.yaml, creating the
// file when it is missing (as a CreateFile resource operation, offered
// only to clients that apply them).
func (s *Server) disableActions(ctx context.Context, run *lintRun, doc protocol.TextDocumentIdentifier, start, end int) []protocol.CommandOrCodeAction {
	var out []protocol.CommandOrCodeAction
	var seen []string
	eol := "" // the document's line ending, which inserted lines end with
	sess := s.sess()
	for _, i := range run.covering(start, end) {
		pr := run.problems[i]
		id := ruleID(pr)
		if id == "" || id == directive.DirectiveRuleID || id == ConfigRuleID || slices.Contains(seen, id) {
			continue
		}
		seen = append(seen, id)
		diags := []protocol.Diagnostic{run.diags[i]}
		format := markup.FormatFor(languageOf(run.languageID))
		if eol == "" {
			eol = run.text.DominantEnding()
		}
		lineEdit := run.insertEdit(lineDirectiveAt(run.text, pr.Start, id, format, eol))
		docEdit := run.insertEdit(documentDirective(run.text, id, format, eol))
		out = append(out,
			&protocol.CodeAction{
				Title: fmt.Sprintf("Disable %s for this line", id), Kind: ptr(protocol.CodeActionKindQuickFix),
				Diagnostics: diags, Edit: run.singleEdit(sess.documentChanges, doc, lineEdit),
			},
			&protocol.CodeAction{
				Title: fmt.Sprintf("Disable %s for this document", id), Kind: ptr(protocol.CodeActionKindQuickFix),
				Diagnostics: diags, Edit: run.singleEdit(sess.documentChanges, doc, docEdit),
			})
		if a := s.disableInProject(ctx, doc.URI, id, diags); a != nil {
			out = append(out, a)
		}
	}
	return out
}

// insertion is text to insert at a byte offset.
type insertion struct {
	at   int
	text string
}

// lineDirectiveAt puts a disable-next-line directive on its own line above
// the line holding offset, indented like it and ended with eol, in the
// format's comment syntax. Lines are the Document's, so a lone CR ends
// one as an LF does.
func lineDirectiveAt(doc *text.Document, offset int, rule string, format *markup.Format, eol string) insertion {
	lineStart, lineEnd := doc.LineBounds(doc.Position(offset, text.UTF8).Line)
	line := doc.Slice(lineStart, lineEnd)
	indent := len(line) - len(strings.TrimLeft(line, " \t"))
	return insertion{at: lineStart, text: line[:indent] + format.Comment.Directive(directive.KeywordDisableNextLine+" "+rule) + eol}
}

// documentDirective puts a disable directive, ended with eol, at the top
// of the document, after any front matter, in the format's comment
// syntax.
func documentDirective(doc *text.Document, rule string, format *markup.Format, eol string) insertion {
	at := 0
	dir := format.Comment.Directive(directive.KeywordDisable + " " + rule)
	// Front matter opens with a line of --- or +++: only then is the text
	// joined and its front matter measured, instead of splitting the whole
	// document (1.7 ms and 280 KB for the Rust Book on every code action
	// over a finding, measured).
	if head := doc.Slice(0, 3); format.Name == "markdown" && (head == "---" || head == "+++") {
		src := doc.Text()
		if n := markup.FrontMatterLen(src); n > 0 {
			at = n
			if !text.IsLineStart(src, at) {
				return insertion{at: at, text: eol + dir + eol}
			}
		}
	}
	return insertion{at: at, text: dir + eol}
}

// insertEdit converts an insertion to an LSP text edit.
func (r *lintRun) insertEdit(ins insertion) protocol.TextEdit {
	rg := lspRange(r.text.RangeOf(ins.at, ins.at, r.encoding))
	return protocol.TextEdit{Range: rg, NewText: ins.text}
}

// singleEdit wraps one edit to the document in a WorkspaceEdit.
func (r *lintRun) singleEdit(documentChanges bool, doc protocol.TextDocumentIdentifier, e protocol.TextEdit) *protocol.WorkspaceEdit {
	if !documentChanges {
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{doc.URI: {e}}}
	}
	version := r.version
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{
		&protocol.TextDocumentEdit{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: doc, Version: &version},
			Edits:        []protocol.TextDocumentEditElement{&e},
		},
	}}
}

// disableInProject is "Disable ‹rule› in this project": an edit of the
// document's .liaison.yaml (the open buffer when it is open), or its
// creation. nil when the configuration cannot be edited (invalid), or
// must be created and the client cannot create files.
func (s *Server) disableInProject(ctx context.Context, docURI uri.URI, rule string, diags []protocol.Diagnostic) *protocol.CodeAction {
	d := s.document(docURI)
	if d == nil {
		return nil
	}
	configPath, exists, err := s.projectConfigFor(ctx, d)
	if err != nil {
		return nil
	}
	s.projects.mu.Lock()
	createFiles := s.projects.createFiles
	s.projects.mu.Unlock()
	sess := s.sess()
	configURI := uri.File(configPath)
	current := ""
	var version *int32
	if d := s.document(configURI); d != nil {
		if d.isOutOfSync() {
			return nil // an edit built on text the editor no longer has
		}
		t, v, _ := d.snapshot()
		current, version, exists = t.Text(), &v, true
	} else if exists {
		// Read as every user file is: a regular file only (a FIFO would
		// block this request for ever), bounded, and inside its own
		// directory (a link to a file elsewhere is not edited).
		data, err := safefile.Read(configPath, safefile.Options{MaxBytes: project.MaxFileBytes, Root: filepath.Dir(configPath)})
		if err != nil {
			return nil
		}
		current = string(data)
	}
	if !exists && !createFiles {
		return nil
	}
	edit, err := project.DisableRule(current, rule)
	if err != nil {
		return nil
	}
	if eol := text.DominantEnding(current); eol != text.LF {
		// The lines inserted end as the file's do.
		edit.NewText = strings.ReplaceAll(edit.NewText, text.LF, eol)
	}
	doc := text.New(current)
	te := protocol.TextEdit{Range: lspRange(doc.RangeOf(edit.Start, edit.End, sess.encoding)), NewText: edit.NewText}
	action := &protocol.CodeAction{
		Title:       fmt.Sprintf("Disable %s in this project", rule),
		Kind:        ptr(protocol.CodeActionKindQuickFix),
		Diagnostics: diags,
	}
	switch {
	case !exists:
		action.Edit = &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{
			&protocol.CreateFile{Kind: "create", URI: configURI, Options: &protocol.CreateFileOptions{IgnoreIfExists: ptr(true)}},
			&protocol.TextDocumentEdit{
				TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: configURI}},
				Edits:        []protocol.TextDocumentEditElement{&te},
			},
		}}
	case sess.documentChanges:
		action.Edit = &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{
			&protocol.TextDocumentEdit{
				TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: configURI}, Version: version},
				Edits:        []protocol.TextDocumentEditElement{&te},
			},
		}}
	default:
		action.Edit = &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{configURI: {te}}}
	}
	return action
}
