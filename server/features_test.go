package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/text"
	"liaison/server"
)

const sentence = "I will liaison with the vendor."

// columnOf is the column of byte offset off in line, counted in enc; it
// is computed here independently of the text package.
func columnOf(line string, off int, enc protocol.PositionEncodingKind) uint32 {
	prefix := line[:off]
	switch enc {
	case protocol.PositionEncodingKindUTF8:
		return uint32(len(prefix))
	case protocol.PositionEncodingKindUTF32:
		return uint32(utf8.RuneCountInString(prefix))
	default:
		return uint32(len(utf16.Encode([]rune(prefix))))
	}
}

func rangeOfWord(t *testing.T, src, word string, enc protocol.PositionEncodingKind) protocol.Range {
	t.Helper()
	i := strings.Index(src, word)
	if i < 0 {
		t.Fatalf("%q not in %q", word, src)
	}
	lineNo := strings.Count(src[:i], "\n")
	lineStart := strings.LastIndex(src[:i], "\n") + 1
	line := src[lineStart:]
	return protocol.Range{
		Start: protocol.Position{Line: uint32(lineNo), Character: columnOf(line, i-lineStart, enc)},
		End:   protocol.Position{Line: uint32(lineNo), Character: columnOf(line, i-lineStart+len(word), enc)},
	}
}

func TestPushedDiagnostics(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("push.md")
	src := "# Notes\n\n" + sentence + "\n"
	if err := c.Open(ctx(t), u, "markdown", 1, src); err != nil {
		t.Fatal(err)
	}
	p, _, err := c.WaitVersion(ctx(t), u, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %+v", len(p.Diagnostics), p.Diagnostics)
	}
	d := p.Diagnostics[0]
	if want := rangeOfWord(t, src, "liaison", protocol.PositionEncodingKindUTF16); d.Range != want {
		t.Errorf("range = %+v, want %+v", d.Range, want)
	}
	if d.Code != protocol.String("liaison-verb") {
		t.Errorf("code = %#v, want liaison-verb", d.Code)
	}
	if src, _ := d.Source.Get(); src != "liaison" {
		t.Errorf("source = %q", src)
	}
	if d.Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("severity = %d", d.Severity)
	}
	if msg, _ := d.Message.(protocol.String); !strings.Contains(string(msg), "liaise") {
		t.Errorf("message = %#v", d.Message)
	}
	var data struct {
		Rule         string   `json:"rule"`
		Replacements []string `json:"replacements"`
	}
	if err := json.Unmarshal(d.Data, &data); err != nil || data.Rule != "liaison-verb" || len(data.Replacements) == 0 || data.Replacements[0] != "liaise" {
		t.Errorf("data = %s (%v)", d.Data, err)
	}

	// An incremental edit that fixes the problem clears it, for version 2.
	r := rangeOfWord(t, src, "liaison", protocol.PositionEncodingKindUTF16)
	n := c.DiagnosticsCount()
	if err := c.Change(ctx(t), u, 2, &r, "liaise"); err != nil {
		t.Fatal(err)
	}
	p, _, err = c.WaitVersion(ctx(t), u, n, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %+v", p.Diagnostics)
	}

	// A full-text change brings it back, on another line.
	n = c.DiagnosticsCount()
	src2 := "Intro.\n\nFirst line.\nThey said they will liaison soon.\n"
	if err := c.Change(ctx(t), u, 3, nil, src2); err != nil {
		t.Fatal(err)
	}
	p, _, err = c.WaitVersion(ctx(t), u, n, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != rangeOfWord(t, src2, "liaison", protocol.PositionEncodingKindUTF16) {
		t.Errorf("after a full change: %+v", p.Diagnostics)
	}

	// Closing clears the diagnostics.
	n = c.DiagnosticsCount()
	if err := c.Notify(ctx(t), protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		t.Fatal(err)
	}
	p, _, err = c.WaitDiagnostics(ctx(t), u, n, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v", p.Diagnostics)
	}
}

// TestIncrementalEditsInOrder sends many small edits back to back; they
// must apply in order (the stock handler chain reorders them).
func TestIncrementalEditsInOrder(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("typing.txt")
	if err := c.Open(ctx(t), u, "plaintext", 1, ""); err != nil {
		t.Fatal(err)
	}
	typed := "We met. Next week they will liaison with the press."
	col := uint32(0)
	for i, r := range typed {
		pos := protocol.Position{Line: 0, Character: col}
		if err := c.Change(ctx(t), u, int32(i+2), &protocol.Range{Start: pos, End: pos}, string(r)); err != nil {
			t.Fatal(err)
		}
		col += uint32(len(utf16.Encode([]rune{r})))
	}
	last := int32(len([]rune(typed)) + 1)
	p, _, err := c.WaitVersion(ctx(t), u, 0, last)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != rangeOfWord(t, typed, "liaison", protocol.PositionEncodingKindUTF16) {
		t.Fatalf("diagnostics after typing: %+v", p.Diagnostics)
	}
}

func TestDebounce(t *testing.T) {
	s := initialized(t, server.Options{}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 300})
	c := s.client
	u := docURI("debounce.md")
	if err := c.Open(ctx(t), u, "markdown", 1, "We will liaison."); err != nil {
		t.Fatal(err)
	}
	// Edits well inside the debounce window: only the last is published.
	for v := int32(2); v <= 6; v++ {
		if err := c.Change(ctx(t), u, v, nil, strings.Repeat("x", int(v))+" we will liaison."); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := c.WaitVersion(ctx(t), u, 0, 6); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := c.DiagnosticsCount(); n != 1 {
		t.Errorf("published %d times for edits inside the debounce window, want 1", n)
	}
}

func TestEmojiColumns(t *testing.T) {
	src := "Status 😀👍🏽 ok: we will liaison with them.\n"
	for _, enc := range []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16, protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF32} {
		t.Run(string(enc), func(t *testing.T) {
			caps := protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{enc}}}
			s := initialized(t, server.Options{}, caps, map[string]any{"debounceMs": 0})
			u := docURI("emoji.md")
			if err := s.client.Open(ctx(t), u, "markdown", 1, src); err != nil {
				t.Fatal(err)
			}
			p, _, err := s.client.WaitVersion(ctx(t), u, 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			want := rangeOfWord(t, src, "liaison", enc)
			if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != want {
				t.Fatalf("diagnostics %+v, want one at %+v", p.Diagnostics, want)
			}
			// Hover in the middle of the word, in the same encoding.
			var h *protocol.Hover
			if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, want.Start.Character+2), &h); err != nil {
				t.Fatal(err)
			}
			if h == nil || h.Range == nil || *h.Range != want {
				t.Fatalf("hover = %+v, want range %+v", h, want)
			}
		})
	}
}

func TestHover(t *testing.T) {
	dict := hoverFunc(func(_ context.Context, at server.HoverRequest) (server.HoverSection, bool) {
		src := at.Text.Text()
		if at.Offset >= len(src) || src[at.Offset] == ' ' {
			return server.HoverSection{}, false
		}
		start, end := at.Offset, at.Offset
		for start > 0 && src[start-1] != ' ' {
			start--
		}
		for end < len(src) && src[end] != ' ' && src[end] != '.' {
			end++
		}
		if src[start:end] != "liaison" && src[start:end] != "vendor" {
			return server.HoverSection{}, false
		}
		return server.HoverSection{Start: start, End: end, Markdown: "DICTIONARY " + src[start:end]}, true
	})
	s := initialized(t, server.Options{Hovers: []server.HoverSource{dict}}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("hover.md")
	if err := c.Open(ctx(t), u, "markdown", 1, sentence); err != nil {
		t.Fatal(err)
	}
	word := rangeOfWord(t, sentence, "liaison", protocol.PositionEncodingKindUTF16)
	tests := []struct {
		name       string
		line, char uint32
		wantNil    bool
		wantRange  *protocol.Range
		wantParts  []string
		unexpected []string
	}{
		{name: "flagged word", line: 0, char: word.Start.Character + 1, wantRange: &word,
			wantParts: []string{"liaise", "*Liaison* is a noun", "**Fix:**", "liaison-verb", "---", "DICTIONARY liaison"}},
		{name: "first letter", line: 0, char: word.Start.Character, wantRange: &word, wantParts: []string{"liaison-verb"}},
		{name: "dictionary only", line: 0, char: 26, wantParts: []string{"DICTIONARY vendor"}, unexpected: []string{"liaison-verb", "---"}},
		{name: "nothing to say", line: 0, char: 1, wantNil: true},
		{name: "after the word", line: 0, char: word.End.Character, wantNil: true},
		{name: "beyond the line", line: 0, char: 500, wantNil: true},
		{name: "beyond the document", line: 90, char: 3, wantNil: true},
	}
	for _, tt := range tests {
		var h *protocol.Hover
		if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, tt.line, tt.char), &h); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.wantNil {
			if h != nil {
				t.Errorf("%s: hover = %+v, want null", tt.name, h.Contents)
			}
			continue
		}
		if h == nil {
			t.Errorf("%s: hover is null", tt.name)
			continue
		}
		mc, ok := h.Contents.(*protocol.MarkupContent)
		if !ok || mc.Kind != protocol.MarkupKindMarkdown {
			t.Errorf("%s: contents %#v, want Markdown", tt.name, h.Contents)
			continue
		}
		for _, part := range tt.wantParts {
			if !strings.Contains(mc.Value, part) {
				t.Errorf("%s: hover lacks %q:\n%s", tt.name, part, mc.Value)
			}
		}
		for _, part := range tt.unexpected {
			if strings.Contains(mc.Value, part) {
				t.Errorf("%s: hover has %q:\n%s", tt.name, part, mc.Value)
			}
		}
		if tt.wantRange != nil && (h.Range == nil || *h.Range != *tt.wantRange) {
			t.Errorf("%s: range %+v, want %+v", tt.name, h.Range, tt.wantRange)
		}
	}
	// Ordering: the rule note comes before the dictionary.
	var h *protocol.Hover
	if err := c.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, word.Start.Character+1), &h); err != nil || h == nil {
		t.Fatal(err)
	}
	v := h.Contents.(*protocol.MarkupContent).Value
	if strings.Index(v, "liaison-verb") > strings.Index(v, "DICTIONARY") {
		t.Errorf("dictionary section before the rule note:\n%s", v)
	}
}

type hoverFunc func(context.Context, server.HoverRequest) (server.HoverSection, bool)

func (f hoverFunc) Hover(ctx context.Context, at server.HoverRequest) (server.HoverSection, bool) {
	return f(ctx, at)
}

func codeActions(t *testing.T, s *session, u uri.URI, r protocol.Range, only ...protocol.CodeActionKind) []*protocol.CodeAction {
	t.Helper()
	var raw []protocol.CommandOrCodeAction
	err := s.client.Call(ctx(t), protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        r,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, Only: only},
	}, &raw)
	if err != nil {
		t.Fatal(err)
	}
	var out []*protocol.CodeAction
	for _, a := range raw {
		ca, ok := a.(*protocol.CodeAction)
		if !ok {
			t.Fatalf("got a command, want code actions only: %#v", a)
		}
		if c := ca.Command.Command; c != "" && c != server.CommandAddProjectWord && c != server.CommandAddUserWord { // the server runs those
			t.Errorf("%q depends on a client command", ca.Title)
		}
		out = append(out, ca)
	}
	return out
}

func TestCodeActions(t *testing.T) {
	src := "We will liaison today. They will liaison tomorrow and utilize it.\nThen we liaison; to liaison again.\n"
	for _, documentChanges := range []bool{true, false} {
		name := "changes"
		if documentChanges {
			name = "documentChanges"
		}
		t.Run(name, func(t *testing.T) {
			caps := protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{
				WorkspaceEdit: &protocol.WorkspaceEditClientCapabilities{DocumentChanges: &documentChanges}}}
			s := initialized(t, server.Options{}, caps, map[string]any{"debounceMs": 0})
			u := docURI("actions.md")
			if err := s.client.Open(ctx(t), u, "markdown", 7, src); err != nil {
				t.Fatal(err)
			}
			first := rangeOfWord(t, src, "liaison", protocol.PositionEncodingKindUTF16)
			cursor := protocol.Range{Start: first.Start, End: first.Start}
			cursor.Start.Character += 3
			cursor.End.Character += 3
			actions := codeActions(t, s, u, cursor)

			var quick, fixRule, fixAll []*protocol.CodeAction
			for _, a := range actions {
				switch {
				case a.Kind != nil && *a.Kind == server.FixAllKind:
					fixAll = append(fixAll, a)
				case strings.HasPrefix(a.Title, "Fix all"):
					fixRule = append(fixRule, a)
				case strings.HasPrefix(a.Title, "Disable "):
					// disable.go's actions, tested in projectconfig_test.go
				default:
					quick = append(quick, a)
				}
			}
			if len(quick) != 2 {
				for _, a := range actions {
					t.Logf("action %q kind %v", a.Title, *a.Kind)
				}
				t.Fatalf("quickfixes %d, want one per replacement (2)", len(quick))
			}
			for i, a := range quick {
				if a.Kind == nil || *a.Kind != protocol.CodeActionKindQuickFix {
					t.Errorf("%q kind %v", a.Title, a.Kind)
				}
				if preferred := a.IsPreferred != nil && *a.IsPreferred; preferred != (i == 0) {
					t.Errorf("%q isPreferred = %v", a.Title, preferred)
				}
				if len(a.Diagnostics) != 1 || a.Diagnostics[0].Range != first {
					t.Errorf("%q diagnostics %+v", a.Title, a.Diagnostics)
				}
			}
			edits, version := editsOf(t, quick[0].Edit, u)
			if documentChanges && version != 7 {
				t.Errorf("edit names version %d, want 7", version)
			}
			if got, want := applyEdits(t, src, edits, text.UTF16), strings.Replace(src, "liaison", "liaise", 1); got != want {
				t.Errorf("preferred fix gives\n%q\nwant\n%q", got, want)
			}
			edits, _ = editsOf(t, quick[1].Edit, u)
			if got, want := applyEdits(t, src, edits, text.UTF16), strings.Replace(src, "liaison", "cooperate", 1); got != want {
				t.Errorf("second fix gives %q, want %q", got, want)
			}

			if len(fixRule) != 1 || !strings.Contains(fixRule[0].Title, "liaison-verb") {
				t.Fatalf("fix-all-of-rule actions: %+v", fixRule)
			}
			edits, _ = editsOf(t, fixRule[0].Edit, u)
			if got, want := applyEdits(t, src, edits, text.UTF16), strings.ReplaceAll(src, "liaison", "liaise"); got != want {
				t.Errorf("fix all of the rule gives\n%q\nwant\n%q", got, want)
			}
			if len(fixAll) != 1 {
				t.Fatalf("source.fixAll.liaison actions: %d", len(fixAll))
			}

			// Asked for source.fixAll only (as editors do on save).
			only := codeActions(t, s, u, protocol.Range{}, protocol.CodeActionKindSourceFixAll)
			if len(only) != 1 || *only[0].Kind != server.FixAllKind {
				t.Fatalf("only source.fixAll: %+v", only)
			}
			edits, _ = editsOf(t, only[0].Edit, u)
			if got, want := applyEdits(t, src, edits, text.UTF16), strings.ReplaceAll(src, "liaison", "liaise"); got != want {
				t.Errorf("fix all gives\n%q\nwant\n%q", got, want)
			}
			if got := codeActions(t, s, u, cursor, protocol.CodeActionKindRefactor); len(got) != 0 {
				t.Errorf("only refactor: %+v", got)
			}
			// Nothing under the cursor: no quickfix, still the source action.
			none := codeActions(t, s, u, protocol.Range{Start: protocol.Position{Line: 1, Character: 0}, End: protocol.Position{Line: 1, Character: 1}})
			if len(none) != 1 || *none[0].Kind != server.FixAllKind {
				t.Errorf("away from problems: %+v", none)
			}
			// An advice-only problem (no replacement) offers no fix, only
			// the actions that disable its rule.
			adv := rangeOfWord(t, src, "utilize", protocol.PositionEncodingKindUTF16)
			for _, a := range codeActions(t, s, u, adv, protocol.CodeActionKindQuickFix) {
				if !strings.HasPrefix(a.Title, "Disable utilize ") {
					t.Errorf("advice-only problem offered %q", a.Title)
				}
			}
		})
	}
}

func TestPullDiagnostics(t *testing.T) {
	caps := protocol.ClientCapabilities{TextDocument: &protocol.TextDocumentClientCapabilities{Diagnostic: &protocol.DiagnosticClientCapabilities{}}}
	s := initialized(t, server.Options{}, caps, map[string]any{"debounceMs": 0})
	c := s.client
	u := docURI("pull.md")
	if err := c.Open(ctx(t), u, "markdown", 1, sentence); err != nil {
		t.Fatal(err)
	}
	pull := func(previous *string) protocol.DocumentDiagnosticReport {
		t.Helper()
		var rep protocol.DocumentDiagnosticReport
		err := c.Call(ctx(t), protocol.MethodTextDocumentDiagnostic, &protocol.DocumentDiagnosticParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, PreviousResultID: previous}, &rep)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	full, ok := pull(nil).(*protocol.RelatedFullDocumentDiagnosticReport)
	if !ok || full.Kind != "full" || len(full.Items) != 1 || full.ResultID == nil {
		t.Fatalf("first pull: %#v", full)
	}
	id := *full.ResultID
	if un, ok := pull(&id).(*protocol.RelatedUnchangedDocumentDiagnosticReport); !ok || un.Kind != "unchanged" || un.ResultID != id {
		t.Fatalf("second pull with the same resultId: %#v", un)
	}
	if err := c.Change(ctx(t), u, 2, nil, "We will liaise. "+sentence); err != nil {
		t.Fatal(err)
	}
	full, ok = pull(&id).(*protocol.RelatedFullDocumentDiagnosticReport)
	if !ok || len(full.Items) != 1 || *full.ResultID == id {
		t.Fatalf("pull after a change: %#v", full)
	}
	if c.DiagnosticsCount() != 0 {
		t.Errorf("a client that pulls was pushed %d times", c.DiagnosticsCount())
	}
	// A document that is not open answers an empty report.
	u = docURI("never-opened.md")
	if rep, ok := pull(nil).(*protocol.RelatedFullDocumentDiagnosticReport); !ok || len(rep.Items) != 0 {
		t.Errorf("pull for an unopened document: %#v", rep)
	}
}
