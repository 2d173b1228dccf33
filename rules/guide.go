package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"liaison/analysis/dictionary"
)

// Guide is the usage guide: confusable sets explained with the rules that
// relate their words and the dictionary's entries for them. It is safe for
// concurrent use.
type Guide struct {
	dict  *dictionary.Dictionary
	sets  []Confusable
	rules map[string]*Rule
}

// NewGuide returns a guide to sets, quoting rs and d.
func NewGuide(d *dictionary.Dictionary, sets []Confusable, rs []*Rule) *Guide {
	g := &Guide{dict: d, sets: sets, rules: make(map[string]*Rule, len(rs))}
	for _, r := range rs {
		g.rules[r.ID] = r
	}
	return g
}

// Sets returns the sets lemma belongs to (case-insensitive).
func (g *Guide) Sets(lemma string) []*Confusable {
	return ConfusablesOf(g.sets, strings.ToLower(lemma))
}

// Rule returns the rule with id, or nil.
func (g *Guide) Rule(id string) *Rule { return g.rules[id] }

// Find returns the set holding all of words, read as lemmas or as forms
// of them ("liaisoned" finds liaise/liaison), or nil.
func (g *Guide) Find(words ...string) *Confusable {
	if len(words) == 0 {
		return nil
	}
	var best *Confusable
	for i := range g.sets {
		c := &g.sets[i]
		all := true
		for _, w := range words {
			if g.wordIn(c, w) < 0 {
				all = false
				break
			}
		}
		if all && (best == nil || len(c.Words) < len(best.Words)) {
			best = c
		}
	}
	return best
}

// wordIn returns the index in c of word or of a lemma it is a form of.
func (g *Guide) wordIn(c *Confusable, word string) int {
	if i := c.index(word); i >= 0 {
		return i
	}
	if g.dict == nil {
		return -1
	}
	for _, e := range g.dict.Lookup(word, dictionary.NoPOS) {
		if i := c.index(e.Headword); i >= 0 {
			return i
		}
	}
	return -1
}

// ComparedWord is one word of a comparison.
type ComparedWord struct {
	Word    string `json:"word"`
	POS     string `json:"pos,omitempty"`     // the part of speech in which it is right
	Meaning string `json:"meaning,omitempty"` // the first sense of that part of speech
	Example string `json:"example,omitempty"` // a correct use
	// Entries are the dictionary's entries for the word (in full output).
	Entries []*dictionary.Entry `json:"entries,omitempty"`
}

// RuleNote is what a rule says about a set: its note, and examples of
// right and wrong use.
type RuleNote struct {
	ID          string       `json:"id"`
	Summary     string       `json:"summary"`
	Explanation string       `json:"explanation,omitempty"`
	Right       []string     `json:"right,omitempty"`
	Wrong       []BadExample `json:"wrong,omitempty"`
}

// Comparison is the usage-guide entry for a set of words.
type Comparison struct {
	Words      []ComparedWord `json:"words"`
	Difference string         `json:"difference,omitempty"`
	Rules      []RuleNote     `json:"rules,omitempty"`
}

// Compare builds the comparison of c; with full, each word carries its
// dictionary entries and each rule its explanation and examples.
func (g *Guide) Compare(c *Confusable, full bool) *Comparison {
	cmp := &Comparison{Difference: c.Difference}
	taken := map[dictionary.POS]bool{}
	for _, w := range c.Words {
		if p, ok := dictionary.ParsePOS(w.POS); ok && p != dictionary.NoPOS {
			taken[p] = true
		}
	}
	for _, w := range c.Words {
		cw := ComparedWord{Word: w.Word, POS: w.POS, Meaning: w.Meaning, Example: w.Example}
		var entry *dictionary.Entry
		if g.dict != nil {
			if es := g.dict.Entry(w.Word); len(es) > 0 {
				entry = es[0]
				if full {
					cw.Entries = es
				}
			}
		}
		if entry != nil {
			pos, _ := dictionary.ParsePOS(w.POS)
			part := entry.Part(pos)
			if part == nil {
				// The part of speech the other words do not take, else the first.
				for i := range entry.Parts {
					if part == nil || (taken[part.POS] && !taken[entry.Parts[i].POS]) {
						part = &entry.Parts[i]
					}
				}
			}
			if part != nil && len(part.Senses) > 0 {
				cw.POS = part.POS.String()
				if cw.Meaning == "" {
					cw.Meaning = part.Senses[0].Definition
				}
				if cw.Example == "" && len(part.Senses[0].Examples) > 0 {
					cw.Example = part.Senses[0].Examples[0]
				}
			}
		}
		cmp.Words = append(cmp.Words, cw)
	}
	for _, id := range c.Rules {
		r := g.rules[id]
		if r == nil {
			continue
		}
		n := RuleNote{ID: r.ID, Summary: r.Summary}
		if full {
			n.Explanation = strings.TrimSpace(r.Explanation)
			n.Right = slices.Clone(r.Examples.Good)
			n.Wrong = slices.Clone(r.Examples.Bad)
		}
		cmp.Rules = append(cmp.Rules, n)
	}
	return cmp
}

// maxMeaning bounds a meaning in the compact comparison, in bytes.
const maxMeaning = 90

// maxCompactWords bounds the words the compact comparison describes.
const maxCompactWords = 3

// CompactMarkdown renders the comparison for a hover, in at most six
// lines: the words, each with its part of speech, meaning and example,
// then the key difference.
func (c *Comparison) CompactMarkdown() string {
	var b strings.Builder
	names := make([]string, len(c.Words))
	for i, w := range c.Words {
		names[i] = "**" + dictionary.EscapeMarkdown(w.Word) + "**"
	}
	b.WriteString(strings.Join(names, " *vs* ") + "\n")
	// Up to maxCompactWords words: with the headline, the blank line and
	// the difference, six lines.
	for _, w := range c.Words[:min(len(c.Words), maxCompactWords)] {
		fmt.Fprintf(&b, "- **%s**", dictionary.EscapeMarkdown(w.Word))
		if w.POS != "" {
			fmt.Fprintf(&b, " *%s*", w.POS)
		}
		if w.Meaning != "" {
			fmt.Fprintf(&b, ": %s", dictionary.EscapeMarkdown(shorten(w.Meaning, maxMeaning)))
		}
		if w.Example != "" {
			fmt.Fprintf(&b, " — *“%s”*", dictionary.EscapeMarkdown(w.Example))
		}
		b.WriteString("\n")
	}
	if d := strings.Join(strings.Fields(c.Difference), " "); d != "" {
		b.WriteString("\n" + d + "\n")
	}
	return b.String()
}

// Markdown renders the full comparison for `liaison compare`: the key
// difference, each word's dictionary entries, and the rules with their
// examples of right and wrong use.
func (c *Comparison) Markdown() string {
	var b strings.Builder
	names := make([]string, len(c.Words))
	for i, w := range c.Words {
		names[i] = "*" + dictionary.EscapeMarkdown(w.Word) + "*"
	}
	fmt.Fprintf(&b, "# %s\n", strings.Join(names, " vs "))
	if d := strings.Join(strings.Fields(c.Difference), " "); d != "" {
		b.WriteString("\n" + d + "\n")
	}
	b.WriteString("\n")
	for _, w := range c.Words {
		fmt.Fprintf(&b, "- **%s**", dictionary.EscapeMarkdown(w.Word))
		if w.POS != "" {
			fmt.Fprintf(&b, " *%s*", w.POS)
		}
		if w.Meaning != "" {
			fmt.Fprintf(&b, ": %s", dictionary.EscapeMarkdown(w.Meaning))
		}
		if w.Example != "" {
			fmt.Fprintf(&b, " — *“%s”*", dictionary.EscapeMarkdown(w.Example))
		}
		b.WriteString("\n")
	}
	for _, w := range c.Words {
		fmt.Fprintf(&b, "\n## %s\n\n", dictionary.EscapeMarkdown(w.Word))
		if len(w.Entries) == 0 {
			b.WriteString("*No dictionary entry.*\n")
		}
		pos, _ := dictionary.ParsePOS(w.POS)
		for i, e := range w.Entries {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(e.Render(true, dictionary.FullStyle(pos)))
		}
	}
	for _, r := range c.Rules {
		fmt.Fprintf(&b, "\n## Rule `%s`: %s\n", r.ID, dictionary.EscapeMarkdown(r.Summary))
		if r.Explanation != "" {
			b.WriteString("\n" + r.Explanation + "\n")
		}
		if len(r.Right) > 0 {
			b.WriteString("\n**Right:**\n\n")
			for _, s := range r.Right {
				fmt.Fprintf(&b, "- ✓ %s\n", dictionary.EscapeMarkdown(s))
			}
		}
		if len(r.Wrong) > 0 {
			b.WriteString("\n**Wrong:**\n\n")
			for _, x := range r.Wrong {
				fmt.Fprintf(&b, "- ✗ %s → %s\n", dictionary.EscapeMarkdown(x.Text), dictionary.EscapeMarkdown(x.Fix))
			}
		}
	}
	return b.String()
}

// shorten cuts s to at most n bytes at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

var defaultGuide = sync.OnceValues(func() (*Guide, error) {
	d, err := dictionary.Default()
	if err != nil {
		return nil, fmt.Errorf("usage guide: %w", err)
	}
	rs, err := LoadDefault()
	if err != nil {
		return nil, fmt.Errorf("usage guide: %w", err)
	}
	sets, err := DefaultConfusables()
	if err != nil {
		return nil, fmt.Errorf("usage guide: %w", err)
	}
	return NewGuide(d, sets, rs), nil
})

// DefaultGuide returns the usage guide to the default rules and the
// embedded dictionary, built on first use and shared.
func DefaultGuide() (*Guide, error) { return defaultGuide() }

// Dictionary returns the dictionary the guide quotes.
func (g *Guide) Dictionary() *dictionary.Dictionary { return g.dict }
