package server_test

import (
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"liaison/analysis/text"
	"liaison/server"
)

// TestThesaurus: a refactor.rewrite request on a word offers its synonyms
// for the sense of its part of speech in the sentence, inflected like it
// (liaised → mediated, interceded), at most 8, each titled with its gloss,
// and applying one replaces the word; an automatic request (the cursor
// moving) offers none; a flagged word of a confusable set offers its usage
// guide to a client that runs liaison.compare.
func TestThesaurus(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{},
		map[string]any{"debounceMs": 0, "clientCommands": []string{server.CommandCompare}})
	u := docURI("thesaurus.md")
	src := "They liaised with the press.\n\nWe will liaison with the vendor.\n\nShe runs quickly.\n"
	if err := s.client.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.client.WaitVersion(ctx(t), u, 0, 1); err != nil {
		t.Fatal(err)
	}
	// actions asks as codeActions does, without refusing client commands.
	actions := func(r protocol.Range, trigger protocol.CodeActionTriggerKind, only ...protocol.CodeActionKind) []*protocol.CodeAction {
		t.Helper()
		var raw []protocol.CommandOrCodeAction
		if err := s.client.Call(ctx(t), protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: r,
			Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, Only: only, TriggerKind: trigger},
		}, &raw); err != nil {
			t.Fatal(err)
		}
		var out []*protocol.CodeAction
		for _, a := range raw {
			if ca, ok := a.(*protocol.CodeAction); ok {
				out = append(out, ca)
			}
		}
		return out
	}
	at := func(line, char uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: line, Character: char}, End: protocol.Position{Line: line, Character: char}}
	}
	titles := func(as []*protocol.CodeAction) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Title)
		}
		return out
	}

	liaised := actions(at(0, 7), protocol.CodeActionTriggerKindInvoked, protocol.CodeActionKindRefactor)
	var replaced []string
	for _, a := range liaised {
		if a.Kind == nil || *a.Kind != protocol.CodeActionKindRefactorRewrite {
			t.Errorf("%q has kind %v, want refactor.rewrite", a.Title, a.Kind)
		}
		if !strings.HasPrefix(a.Title, "Synonym: “") || !strings.Contains(a.Title, " — ") {
			continue
		}
		if strings.Contains(a.Title, "\n") || len([]rune(a.Title)) > 90 {
			t.Errorf("title %q is not one line", a.Title)
		}
		edits, _ := editsOf(t, a.Edit, u)
		got := applyEdits(t, src, edits, text.UTF16)
		first, _, _ := strings.Cut(got, "\n")
		replaced = append(replaced, first)
	}
	if len(replaced) == 0 || len(replaced) > 8 {
		t.Fatalf("synonyms of “liaised”: %q, want 1 to 8", titles(liaised))
	}
	for _, want := range []string{"They mediated with the press.", "They interceded with the press."} {
		if !slices.Contains(replaced, want) {
			t.Errorf("no synonym gives %q; they give %q", want, replaced)
		}
	}
	if !strings.Contains(strings.Join(titles(liaised), "\n"), "reconciling differences") {
		t.Errorf("no title carries the gloss: %q", titles(liaised))
	}

	// "runs" is a verb here: verb synonyms, in the third person.
	runs := actions(at(4, 5), 0, protocol.CodeActionKindRefactorRewrite)
	if len(runs) == 0 {
		t.Fatal("no synonyms of “runs”")
	}
	for _, a := range runs {
		repl, _, _ := strings.Cut(strings.TrimPrefix(a.Title, "Synonym: “"), "”")
		if verb, _, _ := strings.Cut(repl, " "); !strings.HasSuffix(verb, "s") {
			t.Errorf("synonym %q of “runs” is not in the third person", a.Title)
		}
	}

	// The cursor moving (an automatic request) gets no thesaurus.
	for _, a := range actions(at(0, 7), protocol.CodeActionTriggerKindAutomatic) {
		if a.Kind != nil && *a.Kind == protocol.CodeActionKindRefactorRewrite {
			t.Errorf("an automatic request got the refactoring %q", a.Title)
		}
	}

	// The flagged "liaison" links to its usage guide.
	flagged := actions(at(2, 10), protocol.CodeActionTriggerKindInvoked)
	var guide *protocol.CodeAction
	for _, a := range flagged {
		if strings.HasPrefix(a.Title, "Usage guide: ") {
			guide = a
		}
	}
	if guide == nil {
		t.Fatalf("no usage guide among %q", titles(flagged))
	}
	if guide.Command.Command != server.CommandCompare || len(guide.Command.Arguments) < 2 {
		t.Errorf("usage guide command %+v", guide.Command)
	}
	args := ""
	for _, a := range guide.Command.Arguments {
		args += string(a) + " "
	}
	if !strings.Contains(args, `"liaise"`) || !strings.Contains(args, `"liaison"`) {
		t.Errorf("usage guide arguments %s, want liaise and liaison", args)
	}
}

// TestThesaurusNeedsClientCommand: without clientCommands, no action names
// a command the client cannot run.
func TestThesaurusNeedsClientCommand(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	u := docURI("thesaurus-nocmd.md")
	if err := s.client.Open(ctx(t), u, "markdown", 1, "We will liaison with the vendor.\n"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.client.WaitVersion(ctx(t), u, 0, 1); err != nil {
		t.Fatal(err)
	}
	for _, a := range codeActions(t, s, u, protocol.Range{Start: protocol.Position{Character: 10}, End: protocol.Position{Character: 10}}) {
		if a.Command.Command != "" {
			t.Errorf("%q runs command %q, which the client did not offer", a.Title, a.Command.Command)
		}
	}
}
