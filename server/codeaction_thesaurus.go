package server

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"liaison/analysis/dictionary"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
	"liaison/rules"
)

// maxSynonyms bounds the thesaurus menu.
const maxSynonyms = 8

// maxGloss bounds a synonym's gloss in its title, in characters: one line
// of a code-action menu.
const maxGloss = 60

// CommandCompare asks the client to show the usage guide of a set of
// confusable words (what `liaison compare WORD…` prints); its arguments
// are the words. It is a client command: offered only to clients that say
// they run it (settings "clientCommands": ["liaison.compare"]), as the VS
// Code extension does.
const CommandCompare = "liaison.compare"

// thesaurusActions are the refactor.rewrite actions on the word at
// start..end: its synonyms from the dictionary for the sense of its part
// of speech in the sentence (the tagger's tag), each inflected like the
// word (liaised → mediated, interceded) and titled with its gloss; and,
// for a word of a confusable set (liaise/liaison), its usage guide.
func (s *Server) thesaurusActions(ctx context.Context, run *lintRun, doc protocol.TextDocumentIdentifier, start, end int) []protocol.CommandOrCodeAction {
	tok, _, blockStart, ok := tokenAt(run.analysis, start)
	if !ok || tok.Kind != token.Word || blockStart+tok.End < end {
		return nil
	}
	wStart, wEnd := blockStart+tok.Start, blockStart+tok.End
	if run.text.Slice(wStart, wEnd) != tok.Text {
		return nil // the word spans markup (*li*aison): no plain replacement
	}
	pos, mpos, ok := openClass(tok.UPOS)
	if !ok {
		return nil
	}
	g, err := rules.DefaultGuide()
	if err != nil || g == nil || g.Dictionary() == nil || ctx.Err() != nil {
		return nil
	}
	lex := morph.Default()
	form := formOf(tok.PTB)
	var actions []protocol.CommandOrCodeAction
	rg := lspRange(run.text.RangeOf(wStart, wEnd, run.encoding))
	for _, syn := range g.Dictionary().Synonyms(tok.Text, pos, maxSynonyms) {
		repl := morph.MatchCase(tok.Text, inflectPhrase(lex, syn.Lemma, mpos, form))
		if strings.EqualFold(repl, tok.Text) {
			continue
		}
		actions = append(actions, &protocol.CodeAction{
			Title: fmt.Sprintf("Synonym: “%s” — %s", repl, oneLine(syn.Gloss, maxGloss)),
			Kind:  ptr(protocol.CodeActionKindRefactorRewrite),
			Edit: &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{
				doc.URI: {{Range: rg, NewText: repl}},
			}},
		})
	}
	if slices.Contains(run.settings.ClientCommands, CommandCompare) {
		lemma := tok.Lemma
		if lemma == "" {
			lemma = strings.ToLower(tok.Text)
		}
		for _, c := range g.Sets(lemma) {
			words := make([]protocol.LSPAny, len(c.Words))
			names := make([]string, len(c.Words))
			for i, w := range c.Words {
				b, err := json.Marshal(w.Word)
				if err != nil {
					continue
				}
				words[i], names[i] = b, w.Word
			}
			title := "Usage guide: " + strings.Join(names, " vs ")
			actions = append(actions, &protocol.CodeAction{
				Title:   title,
				Kind:    ptr(protocol.CodeActionKindRefactorRewrite),
				Command: protocol.Command{Title: title, Command: CommandCompare, Arguments: words},
			})
		}
	}
	return actions
}

// wantsThesaurus reports whether a code-action request asks for the
// thesaurus: refactorings asked for by kind, or any action the user asked
// for (not the requests an editor sends by itself as the cursor moves,
// which would put a light bulb on every word).
func wantsThesaurus(c protocol.CodeActionContext) bool {
	if len(c.Only) > 0 {
		return wants(c.Only, protocol.CodeActionKindRefactorRewrite)
	}
	return c.TriggerKind != protocol.CodeActionTriggerKindAutomatic
}

// openClass maps a Universal tag to the dictionary's and morph's parts of
// speech; function words and names have no synonyms worth offering.
func openClass(u tag.UPOS) (dictionary.POS, morph.POS, bool) {
	switch u {
	case tag.NOUN:
		return dictionary.Noun, morph.Noun, true
	case tag.VERB:
		return dictionary.Verb, morph.Verb, true
	case tag.ADJ:
		return dictionary.Adjective, morph.Adj, true
	case tag.ADV:
		return dictionary.Adverb, morph.Adv, true
	}
	return 0, 0, false
}

// formOf is the inflection a Penn tag names.
func formOf(p tag.PTB) morph.Form {
	switch p {
	case tag.NNS:
		return morph.Plural
	case tag.VBZ:
		return morph.ThirdSingular
	case tag.VBD:
		return morph.Past
	case tag.VBN:
		return morph.PastParticiple
	case tag.VBG:
		return morph.Gerund
	case tag.JJR, tag.RBR:
		return morph.Comparative
	case tag.JJS, tag.RBS:
		return morph.Superlative
	}
	return morph.Base
}

// inflectPhrase inflects a synonym: a single word as a whole, a verb
// phrase by its first word ("carry out" → "carried out"), a noun phrase by
// its last ("press agent" → "press agents").
func inflectPhrase(lex *morph.Lexicon, lemma string, pos morph.POS, form morph.Form) string {
	words := strings.Fields(strings.ReplaceAll(lemma, "_", " "))
	if len(words) == 0 {
		return lemma
	}
	i := len(words) - 1
	if pos == morph.Verb {
		i = 0
	}
	words[i] = lex.Inflect(words[i], pos, form)
	return strings.Join(words, " ")
}

// oneLine shortens s to at most n characters, at a word boundary, with an
// ellipsis when cut.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
