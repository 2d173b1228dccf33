package server

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"liaison/analysis"
	"liaison/analysis/dictionary"
	"liaison/analysis/tag"
	"liaison/analysis/token"
	"liaison/rules"
)

// DefaultHovers are the hover sections after the rule note: the usage
// guide and the dictionary entry of the hovered word. Their data loads in
// the background after guideDelay, so it does not compete with the
// linter's load for the first diagnostics.
func DefaultHovers() []HoverSource {
	time.AfterFunc(guideDelay, func() { rules.DefaultGuide() }) //nolint:errcheck // its error comes again on a hover
	return []HoverSource{WordHover(rules.DefaultGuide)}
}

// guideDelay is how long after start the usage guide starts loading.
const guideDelay = 500 * time.Millisecond

// WordHover returns the hover source for the word under the cursor, using
// the guide (with its dictionary) that guide returns:
//
//   - the notes of the rules about the word, one line each, when no
//     diagnostic is there already (hovering "liaison" anywhere says its
//     use as a verb is proscribed);
//   - the comparison with the words it is confused with (liaise vs
//     liaison), at most six lines;
//   - the dictionary entry, with the part of speech the word has in its
//     sentence first; for a flagged word with a replacement, the entry of
//     the replacement ("liaisoned" → liaise).
//
// Nothing is said for a token that is not a word (numbers, punctuation,
// URLs, inline code), for text outside prose (code blocks), or for a word
// the dictionary does not know.
func WordHover(guide func() (*rules.Guide, error)) HoverSource {
	return wordHover{guide: guide}
}

type wordHover struct {
	guide func() (*rules.Guide, error)
}

// maxNotes bounds the rule notes a hover lists without a diagnostic.
const maxNotes = 3

func (h wordHover) Hover(ctx context.Context, at HoverRequest) (HoverSection, bool) {
	tok, sent, blockStart, ok := tokenAt(at.Analysis, at.Offset)
	if !ok || tok.Kind != token.Word {
		return HoverSection{}, false
	}
	g, err := h.guide()
	if err != nil || g == nil || ctx.Err() != nil {
		return HoverSection{}, false
	}
	d := g.Dictionary()
	if d == nil {
		return HoverSection{}, false
	}
	sec := HoverSection{Start: blockStart + tok.Start, End: blockStart + tok.End}

	var entries []*dictionary.Entry
	pos := posOf(tok.UPOS)
	fixed := false // the entry is the replacement's
	for _, p := range at.Problems {
		if len(p.Replacements) == 0 || strings.ContainsRune(strings.TrimSpace(p.Replacements[0]), ' ') {
			continue
		}
		if es := d.Lookup(p.Replacements[0], pos); len(es) > 0 {
			entries, fixed = es, true
			sec.Start, sec.End = p.Start, p.End
			break
		}
	}
	expression := false // the entry is a multi-word expression's
	if !fixed {
		words := make([]string, len(sent.Tokens))
		i := -1
		for k, t := range sent.Tokens {
			words[k] = t.Text
			if t.Start == tok.Start {
				i = k
			}
		}
		var s, e int
		entries, s, e = d.LookupAt(words, i, pos)
		if len(entries) > 0 && e-s > 1 {
			if readsAsOne(entries[0], sent.Tokens[s]) {
				expression = true
				sec.Start, sec.End = blockStart+sent.Tokens[s].Start, blockStart+sent.Tokens[e-1].End
				if s < i {
					pos = dictionary.NoPOS // the expression's own order
				}
			} else if own := d.Lookup(tok.Text, pos); len(own) > 0 {
				// A free combination ("a long run"): the word first, the
				// expression among the others.
				entries = append(own, entries[0])
			}
		}
	}
	if len(entries) == 0 || (!fixed && !expression && functionWord(tok.UPOS)) {
		return HoverSection{}, false
	}
	first := entries[0]
	if pos == dictionary.NoPOS || !first.HasPOS(pos) {
		pos = dictionary.NoPOS
	}

	var parts []string
	sets := g.Sets(first.Headword)
	if len(at.Problems) == 0 {
		var notes []string
		seen := map[string]bool{}
		for _, c := range sets {
			for _, id := range c.Rules {
				r := g.Rule(id)
				if r == nil || seen[id] || len(notes) == maxNotes {
					continue
				}
				seen[id] = true
				notes = append(notes, fmt.Sprintf("**%s** · `%s`", dictionary.EscapeMarkdown(r.Summary), r.ID))
			}
		}
		if len(notes) > 0 {
			parts = append(parts, strings.Join(notes, "  \n"))
		}
	}
	if len(sets) > 0 {
		parts = append(parts, strings.TrimRight(g.Compare(sets[0], false).CompactMarkdown(), "\n"))
	}
	entry := strings.TrimRight(first.Markdown(pos), "\n")
	if also := seeAlso(entries[1:], first); also != "" {
		entry += "\n\n*See also:* " + also
	}
	parts = append(parts, entry)
	sec.Markdown = strings.Join(parts, "\n\n---\n\n")
	return sec, true
}

// readsAsOne reports whether an expression starting at first reads as one
// unit in its sentence: its first word has a part of speech the
// expression has ("carry" tagged as a verb in "carry out"; "ice" as a noun
// in "ice cream"). An adjective before a noun ("a long run") is a free
// combination: the hovered word comes first.
func readsAsOne(expr *dictionary.Entry, first analysis.Token) bool {
	p := posOf(first.UPOS)
	switch {
	case p == dictionary.NoPOS:
		return true
	case p == dictionary.Adjective:
		return len(expr.Parts) > 0 && expr.Parts[0].POS == dictionary.Adjective
	}
	return expr.HasPOS(p)
}

// seeAlso lists the other headwords, at most four.
func seeAlso(others []*dictionary.Entry, first *dictionary.Entry) string {
	var names []string
	for _, e := range others {
		if e.Headword == first.Headword || len(names) == 4 {
			continue
		}
		dup := false
		for _, n := range names {
			dup = dup || n == "*"+dictionary.EscapeMarkdown(e.Headword)+"*"
		}
		if !dup {
			names = append(names, "*"+dictionary.EscapeMarkdown(e.Headword)+"*")
		}
	}
	return strings.Join(names, ", ")
}

// functionWord reports whether a token tagged u is a function word:
// WordNet lists none, so what it has under that spelling is another word
// ("He" → helium, "it" → IT, "who" → WHO), and the hover says nothing
// unless the word begins or ends an expression ("look up").
func functionWord(u tag.UPOS) bool {
	switch u {
	case tag.PRON, tag.DET, tag.ADP, tag.CCONJ, tag.SCONJ, tag.PART:
		return true
	}
	return false
}

// posOf maps a Universal POS tag to the dictionary's parts of speech.
func posOf(u tag.UPOS) dictionary.POS {
	p, ok := dictionary.ParsePOS(u.String())
	if !ok {
		return dictionary.NoPOS
	}
	return p
}

// tokenAt finds the token covering the byte offset, with its sentence and
// the document offset its block starts at.
func tokenAt(res *analysis.Result, offset int) (tok analysis.Token, sent *analysis.Sentence, blockStart int, ok bool) {
	if res == nil {
		return tok, nil, 0, false
	}
	bs := res.Blocks
	b := sort.Search(len(bs), func(i int) bool { return bs[i].End > offset })
	if b == len(bs) || bs[b].Start > offset || bs[b].BlockAnalysis == nil {
		return tok, nil, 0, false
	}
	rel := offset - bs[b].Start
	ss := bs[b].Sentences
	s := sort.Search(len(ss), func(i int) bool { return ss[i].End > rel })
	if s == len(ss) {
		return tok, nil, 0, false
	}
	ts := ss[s].Tokens
	t := sort.Search(len(ts), func(i int) bool { return ts[i].End > rel })
	if t == len(ts) || ts[t].Start > rel {
		return tok, nil, 0, false
	}
	return ts[t], &ss[s], bs[b].Start, true
}
