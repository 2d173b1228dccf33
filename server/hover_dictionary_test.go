package server_test

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"liaison/server"
)

// hoverCase is one hover on the real pipeline: the document, the text to
// hover (its first occurrence, or the one after before), and what the
// hover must be.
type hoverCase struct {
	name, lang, src, word, before string
	wantNil                       bool
	wantRange                     string   // the hovered text the range covers
	wantOrder                     []string // substrings, in this order
	unwanted                      []string
}

// TestWordHover drives the real linter, rules and dictionary through the
// server and checks what a hover says, where, and in which order; the
// golden file testdata/hover-usage-guide.md records the full text.
func TestWordHover(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter, Hovers: server.DefaultHovers()}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	cases := []hoverCase{
		{name: "liaise as a verb", src: "Please liaise with IT.\n", word: "liaise", wantRange: "liaise",
			wantOrder: []string{"`liaison-verb`", "**liaise** *vs* **liaison**", "---", "**liaise**", "***verb***"}},
		{name: "liaison, no diagnostic", src: "Our liaison will call you tomorrow.\n", word: "liaison", wantRange: "liaison",
			wantOrder: []string{"**\"liaison\" is a noun; the verb is \"liaise\"** · `liaison-verb`", "*vs*", "**liaison**", "***noun***"}},
		{name: "liaisoned flagged", src: "He liaisoned with the police.\n", word: "liaisoned", wantRange: "liaisoned",
			wantOrder: []string{"**Fix:** write “liaised”.", "*vs*", "**liaise**", "***verb***"},
			unwanted:  []string{"**\"liaison\" is a noun; the verb is \"liaise\"** · `liaison-verb`"}},
		{name: "affect", src: "The outage will affect every user.\n", word: "affect", wantRange: "affect",
			wantOrder: []string{"`affect-as-noun`", "**affect** *vs* **effect**", "**affect**", "***verb***", "***noun***"}},
		{name: "effect", src: "The outage had no effect on sales.\n", word: "effect", wantRange: "effect",
			wantOrder: []string{"`effect-as-verb`", "**affect** *vs* **effect**", "**effect**", "***noun***", "***verb***"}},
		{name: "pair without a rule", src: "They emigrated from Italy.\n", word: "emigrated", wantRange: "emigrated",
			wantOrder: []string{"**emigrate** *vs* **immigrate**", "*emigrated* → **emigrate**"}, unwanted: []string{"`"}},
		{name: "run as a noun", src: "It was a long run.\n", word: "run", wantRange: "run",
			wantOrder: []string{"**run**", "***noun***", "***verb***", "*See also:*", "long run"}},
		{name: "run as a verb", src: "We run daily.\n", word: "run", wantRange: "run",
			wantOrder: []string{"**run**", "***verb***", "***noun***"}},
		{name: "expression", src: "They carry out the plan.\n", word: "carry", wantRange: "carry out",
			wantOrder: []string{"**carry out**", "***verb***"}},
		{name: "phrasal verb", src: "Please look up the word.\n", word: "look", wantRange: "look up",
			wantOrder: []string{"**look up**", "***verb***", "*See also:* *look*"}},
		{name: "irregular plural", src: "The geese flew south.\n", word: "geese", wantRange: "geese",
			wantOrder: []string{"*geese* → **goose**", "***noun*** · geese", "1. "}},
		{name: "no entry", src: "The Zqxv jumped.\n", word: "Zqxv", wantNil: true}, // a name to the spelling rule
		// Function words have no entry of their own: not helium, IT or WHO.
		{name: "pronoun he", src: "He left early.\n", word: "He", wantNil: true},
		{name: "pronoun it", src: "It’s late.\n", word: "It", wantNil: true},
		{name: "pronoun who", src: "Ask who called.\n", word: "who", wantNil: true},
		{name: "number", src: "We had 42 cases.\n", word: "42", wantNil: true},
		{name: "punctuation", src: "Wait, what?\n", word: ",", wantNil: true},
		{name: "inline code", lang: "markdown", src: "Call `liaison` now.\n", word: "liaison", wantNil: true},
		{name: "code block", lang: "markdown", src: "Text here.\n\n```\nliaison run\n```\n", word: "run", wantNil: true},
		{name: "URL", src: "See https://example.com/liaison today.\n", word: "example", wantNil: true},
	}
	var golden_ strings.Builder
	for i, tt := range cases {
		lang := tt.lang
		if lang == "" {
			lang = "plaintext"
		}
		u := docURI("hover-" + string(rune('a'+i)) + ".txt")
		if err := s.client.Open(ctx(t), u, lang, 1, tt.src); err != nil {
			t.Fatal(err)
		}
		off := strings.Index(tt.src, tt.word)
		r := rangeOfWord(t, tt.src, tt.word, protocol.PositionEncodingKindUTF16)
		var h *protocol.Hover
		if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, r.Start.Line, r.Start.Character+uint32(len(tt.word)/2)), &h); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.wantNil {
			if h != nil {
				t.Errorf("%s: hover %q, want null", tt.name, h.Contents.(*protocol.MarkupContent).Value)
			}
			continue
		}
		if h == nil {
			t.Errorf("%s: no hover", tt.name)
			continue
		}
		md := h.Contents.(*protocol.MarkupContent).Value
		if h.Range == nil || h.Range.Start.Character != columnOf(tt.src, off, protocol.PositionEncodingKindUTF16) ||
			h.Range.End.Character != columnOf(tt.src, off+len(tt.wantRange), protocol.PositionEncodingKindUTF16) {
			t.Errorf("%s: range %+v, want %q", tt.name, h.Range, tt.wantRange)
		}
		rest := md
		for _, part := range tt.wantOrder {
			i := strings.Index(rest, part)
			if i < 0 {
				t.Errorf("%s: %q missing or out of order in\n%s", tt.name, part, md)
				break
			}
			rest = rest[i+len(part):]
		}
		for _, part := range tt.unwanted {
			if strings.Contains(md, part) {
				t.Errorf("%s: %q in\n%s", tt.name, part, md)
			}
		}
		golden_.WriteString("## " + tt.name + ": " + strings.TrimSpace(tt.src) + "\n\n" + md + "\n\n")
	}
	golden(t, "hover-usage-guide.md", golden_.String())
}

// TestComparisonIsShort checks the usage-guide part of every hover on a
// confusable word stays within six lines.
func TestComparisonIsShort(t *testing.T) {
	linter, err := server.DefaultLinter()
	if err != nil {
		t.Fatal(err)
	}
	s := initialized(t, server.Options{Linter: linter, Hovers: server.DefaultHovers()}, protocol.ClientCapabilities{}, map[string]any{"debounceMs": 0})
	words := []string{"liaise", "liaison", "affect", "effect", "advice", "advise", "principal", "principle", "complement", "compliment", "emigrate", "immigrate"}
	for i, w := range words {
		src := "The word " + w + " is here.\n"
		u := docURI("short-" + string(rune('a'+i)) + ".txt")
		if err := s.client.Open(ctx(t), u, "plaintext", 1, src); err != nil {
			t.Fatal(err)
		}
		var h *protocol.Hover
		if err := s.client.Call(ctx(t), protocol.MethodTextDocumentHover, hoverParams(u, 0, uint32(len("The word "))+1), &h); err != nil || h == nil {
			t.Fatalf("hover on %q: %v %v", w, h, err)
		}
		md := h.Contents.(*protocol.MarkupContent).Value
		var cmp string
		for _, sec := range strings.Split(md, "\n\n---\n\n") {
			if strings.Contains(sec, "*vs*") {
				cmp = sec
			}
		}
		if cmp == "" {
			t.Errorf("%s: no comparison in\n%s", w, md)
			continue
		}
		if n := strings.Count(cmp, "\n") + 1; n > 6 {
			t.Errorf("%s: comparison has %d lines, want at most 6:\n%s", w, n, cmp)
		}
	}
}
