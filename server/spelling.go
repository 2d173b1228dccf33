package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"liaison/analysis/dictionary"
	"liaison/analysis/spell"
	"liaison/rules"
	"liaison/rules/checker"
	"liaison/rules/directive"
	"liaison/rules/project"
)

// The commands the server performs itself (workspace/executeCommand), so
// that "add to the words" works in every editor, not only where a client
// extension implements it. Each takes one argument: {"word": "rustc",
// "uri": "file:///…"} (the document the word was found in: its project's
// words file is the one written).
const (
	CommandAddProjectWord = "liaison.addWord.project"
	CommandAddUserWord    = "liaison.addWord.user"
)

// executeCommands are the commands initialize advertises.
var executeCommands = []string{CommandAddProjectWord, CommandAddUserWord}

// wordArgs is the argument of the add-word commands.
type wordArgs struct {
	Word string  `json:"word"`
	URI  uri.URI `json:"uri"`
}

// maxSpellingActions is how many suggestions a misspelling's code
// actions and hover offer.
const maxSpellingActions = 5

// spellingSuggestions are the server's suggestions, computed when a code
// action or a hover asks (never per keystroke) and remembered: an editor
// asks for the code actions of the line under the cursor again and again.
func (s *Server) spellingSuggestions() *rules.SuggestionCache { return &s.suggestions }

// fixesOf returns the replacements of run's problem i: its own, or for a
// spelling finding (whose suggestions the server leaves out of the lint)
// the suggestions computed now.
func (s *Server) fixesOf(run *lintRun, i int) []string {
	p := run.problems[i]
	if len(p.Replacements) > 0 || p.Rule == nil || p.Rule.Code != rules.SpellingRuleID {
		return p.Replacements
	}
	return s.spellingSuggestions().Get(run.text.Slice(p.Start, p.End), run.settings.Rules.Spelling.Dialect, maxSpellingActions)
}

// spellingActions are the code actions of the spelling findings under
// [start, end): a quick fix per suggestion (the suggestions are computed
// now; the lint leaves them out), and the three ways of accepting the
// word: the project's words, the user's (commands the server performs)
// and this document's (an edit adding a liaison-words comment).
func (s *Server) spellingActions(run *lintRun, doc protocol.TextDocumentIdentifier, start, end int) []protocol.CommandOrCodeAction {
	var out []protocol.CommandOrCodeAction
	sess := s.sess()
	seen := map[string]bool{}
	for _, i := range run.covering(start, end) {
		p := run.problems[i]
		if p.Rule == nil || (p.Rule.ID != rules.SpellingRuleID && p.Rule.ID != rules.DialectRuleID) {
			continue
		}
		word := run.text.Slice(p.Start, p.End)
		if p.Rule.ID == rules.SpellingRuleID && len(p.Replacements) == 0 {
			for j, repl := range s.fixesOf(run, i) {
				out = append(out, &protocol.CodeAction{
					Title:       fmt.Sprintf("Replace “%s” with “%s”", word, repl),
					Kind:        ptr(protocol.CodeActionKindQuickFix),
					Diagnostics: []protocol.Diagnostic{run.diags[i]},
					IsPreferred: ptr(j == 0),
					Edit:        run.workspaceEdit(sess.documentChanges, doc, []int{i}, func(rules.Finding) string { return repl }),
				})
			}
		}
		if seen[word] || project.CheckWord(word) != nil {
			continue
		}
		seen[word] = true
		arg, err := json.Marshal(wordArgs{Word: word, URI: doc.URI})
		if err != nil {
			continue
		}
		for _, c := range []struct{ title, command string }{
			{"Add “%s” to the project's words", CommandAddProjectWord},
			{"Add “%s” to my words", CommandAddUserWord},
		} {
			title := fmt.Sprintf(c.title, word)
			out = append(out, &protocol.CodeAction{
				Title:       title,
				Kind:        ptr(protocol.CodeActionKindQuickFix),
				Diagnostics: []protocol.Diagnostic{run.diags[i]},
				Command:     protocol.Command{Title: title, Command: c.command, Arguments: []protocol.LSPAny{arg}},
			})
		}
		if st, en, text, ok := directive.WordsEdit(run.languageID, run.text.Text(), word); ok {
			r := lspRange(run.text.RangeOf(st, en, run.encoding))
			edit := protocol.TextEdit{Range: r, NewText: text}
			var we *protocol.WorkspaceEdit
			if sess.documentChanges {
				version := run.version
				we = &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{&protocol.TextDocumentEdit{
					TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: doc, Version: &version},
					Edits:        []protocol.TextDocumentEditElement{&edit},
				}}}
			} else {
				we = &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{doc.URI: {edit}}}
			}
			out = append(out, &protocol.CodeAction{
				Title:       fmt.Sprintf("Add “%s” to this document's words", word),
				Kind:        ptr(protocol.CodeActionKindQuickFix),
				Diagnostics: []protocol.Diagnostic{run.diags[i]},
				Edit:        we,
			})
		}
	}
	return out
}

// executeCommand answers workspace/executeCommand: it adds a word to the
// project's or the user's words file, written atomically, and checks
// every open document again, so that the word's findings clear at once.
// A failure (a file that cannot be read or written, a directory in its
// place, a read-only file system) is shown to the user and logged, and
// the file is left as it was; the answer is then an error too.
func (s *Server) executeCommand(ctx context.Context, p *protocol.ExecuteCommandParams) (any, error) {
	if p.Command != CommandAddProjectWord && p.Command != CommandAddUserWord {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("unknown command %q (known: %s)", p.Command, strings.Join(executeCommands, ", ")))
	}
	var args wordArgs
	if len(p.Arguments) != 1 {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, p.Command+": want one argument, {\"word\": …, \"uri\": …}")
	}
	if err := json.Unmarshal(p.Arguments[0], &args); err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, p.Command+": want {\"word\": …, \"uri\": …}: "+err.Error())
	}
	if err := project.CheckWord(args.Word); err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, p.Command+": "+err.Error())
	}
	c, err := s.checker(ctx)
	if err != nil {
		return nil, err
	}
	var path, root string
	switch p.Command {
	case CommandAddProjectWord:
		var lk *checker.Lookup
		if run, err := s.current(ctx, protocol.TextDocumentIdentifier{URI: args.URI}); err == nil {
			lk = run.lookup.wait(ctx, s.log)
		}
		path, root = c.ProjectWordsPath(filePath(args.URI), lk)
		if path == "" {
			err = errors.New("the document belongs to no project (no workspace folder, repository or .liaison.yaml holds it): add the word to your words instead")
		}
	case CommandAddUserWord:
		path, err = project.UserWordsPath()
	}
	if err == nil {
		err = project.AddWord(path, root, args.Word)
	}
	if err != nil {
		msg := fmt.Sprintf("liaison: could not add “%s”: %v", args.Word, err)
		s.log.Error("add word", zap.String("word", args.Word), zap.String("file", path), zap.Error(err))
		s.notify(s.base, protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg})
		return nil, jsonrpc2.NewError(jsonrpc2.InternalError, msg)
	}
	s.log.Info("added a word", zap.String("word", args.Word), zap.String("file", path))
	c.ForgetWords(path)
	// The new diagnostics follow the command's response, a moment after
	// it: Eglot drops diagnostics that arrive with or just after the
	// response of the synchronous request it runs a command as.
	s.afterReplying(ctx, func() {
		time.AfterFunc(republishDelay, func() { s.relintAll(s.openDocuments()) })
	})
	return nil, nil
}

// republishDelay is how long after a command's response the diagnostics
// it changed are published.
const republishDelay = 250 * time.Millisecond

// openDocuments returns the documents open now.
func (s *Server) openDocuments() []*document {
	s.mu.Lock()
	defer s.mu.Unlock()
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	return docs
}

// afterLint runs after a document's lint: the open documents whose
// spelling the document's code changes are checked again (a word it now
// writes as `code` is no misspelling in the others), and the problems of
// the words files read are reported, once each.
func (s *Server) afterLint(key string) {
	c := s.readyChecker()
	if c == nil {
		return
	}
	for _, p := range c.WordProblems() {
		s.log.Warn("words file", zap.String("problem", p))
		s.notify(s.base, protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: "liaison: " + p})
	}
	stale := c.SpellingStale(key)
	if len(stale) == 0 {
		return
	}
	var docs []*document
	s.mu.Lock()
	for _, k := range stale {
		if d := s.docs[k]; d != nil {
			docs = append(docs, d)
		}
	}
	s.mu.Unlock()
	s.relintAll(docs)
}

// spellingHover is the hover section of a misspelled word: its likeliest
// corrections, each with its first meaning, so that the writer picks by
// meaning ("recieve → receive — get something; come into possession of").
type spellingHover struct{ s *Server }

func (h spellingHover) Hover(ctx context.Context, at HoverRequest) (HoverSection, bool) {
	for _, p := range at.Problems {
		if p.Rule == nil || p.Rule.ID != rules.SpellingRuleID {
			continue
		}
		word := at.Text.Slice(p.Start, p.End)
		sugg := p.Replacements
		if len(sugg) == 0 {
			sugg = h.s.spellingSuggestions().Get(word, h.s.dialectOf(), maxSpellingActions)
		}
		if len(sugg) == 0 || ctx.Err() != nil {
			return HoverSection{}, false
		}
		return HoverSection{Start: p.Start, End: p.End, Markdown: suggestionsMarkdown(word, sugg, definer())}, true
	}
	return HoverSection{}, false
}

// dialectOf is the editor's dialect (the project's, when it sets one, is
// in the findings' own replacements).
func (s *Server) dialectOf() spell.Dialect {
	return s.currentSettings().Rules.Spelling.Dialect
}

// suggestionsMarkdown lists the suggestions, each with a one-line
// definition when define knows the word.
func suggestionsMarkdown(word string, sugg []string, define func(string) string) string {
	var b strings.Builder
	b.WriteString("**Did you mean:**\n")
	for _, s := range sugg {
		fmt.Fprintf(&b, "\n- %s → **%s**", dictionary.EscapeMarkdown(word), dictionary.EscapeMarkdown(s))
		if d := define(s); d != "" {
			b.WriteString(" — ")
			b.WriteString(dictionary.EscapeMarkdown(d))
		}
	}
	return b.String()
}

// definer returns a function giving a word's first definition, "" when
// the dictionary does not know it (or has not loaded).
func definer() func(string) string {
	g, err := rules.DefaultGuide()
	if err != nil || g == nil || g.Dictionary() == nil {
		return func(string) string { return "" }
	}
	return func(w string) string { return FirstDefinition(g.Dictionary(), w) }
}

// FirstDefinition is the first sense's definition of word's first entry,
// cut to one line: what a suggestion shows beside it.
func FirstDefinition(d *dictionary.Dictionary, word string) string {
	for _, e := range d.Lookup(word, dictionary.NoPOS) {
		for _, part := range e.Parts {
			for _, sense := range part.Senses {
				if def := strings.TrimSpace(sense.Definition); def != "" {
					if i := strings.IndexByte(def, '\n'); i >= 0 {
						def = def[:i]
					}
					return def
				}
			}
		}
	}
	return ""
}

// spellingJSON is the "spelling" object of the editor's settings:
// {"spelling": {"dialect": "en-GB"}} (VS Code: liaison.spelling.dialect).
type spellingJSON struct {
	Dialect *string `json:"dialect"`
}

// apply sets what the settings give in sp; "" resets the dialect to the
// document's own (its majority spelling).
func (j *spellingJSON) apply(sp *rules.Spelling) error {
	if j == nil || j.Dialect == nil {
		return nil
	}
	if strings.TrimSpace(*j.Dialect) == "" {
		sp.Dialect = ""
		return nil
	}
	d, err := spell.ParseDialect(*j.Dialect)
	if err != nil {
		return fmt.Errorf("settings: spelling.dialect: %w", err)
	}
	sp.Dialect = d
	return nil
}
