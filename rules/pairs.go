package rules

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/morph"
)

// Confusable is a set of words writers confuse — usually a pair, such as
// liaise/liaison or affect/effect — with what tells them apart. It is the
// usage-guide entry a hover and `liaison compare` show.
type Confusable struct {
	// Words in the order the guide lists them (the word a rule recommends
	// first).
	Words []ConfusableWord `json:"words" yaml:"words"`
	// Difference is the key difference in one sentence (Markdown).
	Difference string `json:"difference" yaml:"difference"`
	// Rules are the IDs of the rules that relate the words; none for a pair
	// only the hand-written list knows.
	Rules []string `json:"rules,omitempty" yaml:"-"`
}

// ConfusableWord is one word of a confusable set.
type ConfusableWord struct {
	Word string `json:"word" yaml:"word"` // the lemma, lower case
	// POS is the part of speech in which the word is right ("noun",
	// "verb", "adjective", "adverb"), or empty when it does not matter.
	POS string `json:"pos,omitempty" yaml:"pos"`
	// Meaning is a one-line meaning, when the dictionary's first sense of
	// POS is not the one that matters (liaison: the link, not the affair).
	Meaning string `json:"meaning,omitempty" yaml:"meaning"`
	// Example is a sentence using the word correctly.
	Example string `json:"example,omitempty" yaml:"example"`
}

// Has reports whether lemma is one of the set's words (case-insensitive).
func (c *Confusable) Has(lemma string) bool { return c.index(lemma) >= 0 }

func (c *Confusable) index(lemma string) int {
	for i, w := range c.Words {
		if strings.EqualFold(w.Word, lemma) {
			return i
		}
	}
	return -1
}

// Key names the set: its words, sorted, joined by "/" ("affect/effect").
func (c *Confusable) Key() string {
	ws := make([]string, len(c.Words))
	for i, w := range c.Words {
		ws[i] = w.Word
	}
	slices.Sort(ws)
	return strings.Join(ws, "/")
}

// pairCategories are the rule categories whose rules relate two real words.
// Nonwords, misspellings, eggcorns, redundancies and preferred forms
// replace something that is not a word, or a phrase, and make no pair.
var pairCategories = []string{"proscribed", "confusable", "malapropism"}

// functionWords have no dictionary entry (WordNet lists open-class words
// only): rules about them (its/it's, than/then, your/you're) give no
// usage-guide pair.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "its": true, "it's": true, "your": true, "you're": true,
	"their": true, "there": true, "they're": true, "theirs": true, "there's": true, "than": true,
	"whose": true, "who's": true, "who": true, "whom": true, "to": true, "too": true, "of": true,
	"were": true, "we're": true, "where": true, "i": true, "me": true, "myself": true,
	"which": true, "that": true, "whether": true, "if": true, "and": true, "or": true,
	"nor": true, "but": true, "then": true, "from": true, "for": true, "into": true, "onto": true,
	"could": true, "would": true, "should": true, "have": true, "of've": true, "be": true,
	"these": true, "this": true, "those": true, "them": true, "they": true, "he": true, "she": true,
	"his": true, "her": true, "our": true, "ours": true, "hers": true, "yours": true, "us": true,
	"we": true, "you": true, "it": true, "my": true, "what": true, "when": true,
	"while": true, "whilst": true, "among": true, "amongst": true, "between": true, "as": true,
	"at": true, "by": true, "in": true, "on": true, "with": true,
}

// Lemmatizer reads a word form as lemmas; *morph.Lexicon is one.
type Lemmatizer interface {
	Analyze(word string) []morph.Analysis
}

// Confusables derives the confusable sets from rs — every proscribed,
// confusable or malapropism rule whose match is one word and whose
// replacement is another gives its pair — and merges in extra, the
// hand-written sets: an extra set with the same words adds to the derived
// one (its difference and examples win), any other is added. Sets are
// returned in rule order, then extra's order. lemmas traces forms to their
// lemmas ("liaisoned" → liaison).
func Confusables(rs []*Rule, extra []Confusable, lemmas Lemmatizer) []Confusable {
	var out []Confusable
	byKey := map[string]int{}
	add := func(c Confusable) {
		k := c.Key()
		i, ok := byKey[k]
		if !ok {
			byKey[k] = len(out)
			out = append(out, c)
			return
		}
		have := &out[i]
		for _, id := range c.Rules {
			if !slices.Contains(have.Rules, id) {
				have.Rules = append(have.Rules, id)
			}
		}
		for _, w := range c.Words {
			j := have.index(w.Word)
			if j < 0 {
				continue
			}
			hw := &have.Words[j]
			if hw.POS == "" {
				hw.POS = w.POS
			}
			if hw.Example == "" {
				hw.Example = w.Example
			}
			if hw.Meaning == "" {
				hw.Meaning = w.Meaning
			}
		}
		if have.Difference == "" {
			have.Difference = c.Difference
		}
	}
	// Hand-written sets first, so their wording wins; rules fill the rest.
	for _, c := range extra {
		c.Words = slices.Clone(c.Words)
		c.Rules = nil
		add(c)
	}
	// Rules with replacements of their own first, then rule-table entries
	// (replacements per pattern): a pair both relate takes its word order,
	// the recommended word first, from the hand-written rule.
	for _, tables := range []bool{false, true} {
		for _, r := range rs {
			if (len(r.Replacements) == 0) != tables {
				continue
			}
			if c, ok := confusableOf(r, lemmas); ok {
				add(c)
			}
		}
	}
	// Put the derived sets first, in rule order, then hand-written sets no
	// rule covers, in their order.
	var derived, handOnly []Confusable
	for _, c := range out {
		if len(c.Rules) > 0 {
			derived = append(derived, c)
		} else {
			handOnly = append(handOnly, c)
		}
	}
	slices.SortStableFunc(derived, func(a, b Confusable) int {
		return ruleOrder(rs, a.Rules[0]) - ruleOrder(rs, b.Rules[0])
	})
	return append(derived, handOnly...)
}

func ruleOrder(rs []*Rule, id string) int {
	return slices.IndexFunc(rs, func(r *Rule) bool { return r.ID == id })
}

// confusableOf reads the pair a rule relates: the lemma most of its
// one-word matches share, and its first one-word replacement.
func confusableOf(r *Rule, lemmas Lemmatizer) (Confusable, bool) {
	if !slices.Contains(pairCategories, r.Category) {
		return Confusable{}, false
	}
	var right string
	reps := r.Replacements
	if len(reps) == 0 && len(r.Patterns) > 0 {
		// A rule table's entry gives its replacement per pattern (the
		// words of its right phrase that differ from the wrong one).
		reps = r.Patterns[0].Replacements
	}
	for _, rep := range reps {
		if rep = strings.ToLower(strings.TrimSpace(rep)); rep != "" && !strings.ContainsAny(rep, " -") {
			right = lemmaOf(rep, r.Inflect, lemmas)
			break
		}
	}
	if right == "" || functionWords[right] {
		return Confusable{}, false
	}
	counts := map[string]int{}
	var order []string
	for _, p := range r.Patterns {
		if len(p.Match) != 1 {
			continue
		}
		e := p.Match[0]
		forms := append(slices.Clone(e.Words), e.Lemmas...)
		for _, f := range forms {
			l := lemmaOf(strings.ToLower(f), NoInflection, lemmas)
			if l == "" || l == right || strings.ContainsAny(l, " ") {
				continue
			}
			if counts[l] == 0 {
				order = append(order, l)
			}
			counts[l]++
		}
	}
	wrong := ""
	for _, l := range order {
		if wrong == "" || counts[l] > counts[wrong] {
			wrong = l
		}
	}
	if wrong == "" || functionWords[wrong] || inflectionOf(right, wrong, lemmas) || inflectionOf(wrong, right, lemmas) ||
		!inLexicon(wrong, lemmas) || !inLexicon(right, lemmas) {
		return Confusable{}, false
	}
	c := Confusable{
		Words: []ConfusableWord{
			{Word: right, POS: r.Inflect.name(), Example: exampleWith(r, right, lemmas, true)},
			{Word: wrong, Example: exampleWith(r, wrong, lemmas, false)},
		},
		Difference: r.Summary,
		Rules:      []string{r.ID},
	}
	return c, true
}

// inLexicon reports whether the lexicon has the word (a pair with a word
// it lacks, such as the "wo" of "wont" split as wo|nt, has no entry to
// show); without a lexicon every word is known.
func inLexicon(w string, lemmas Lemmatizer) bool {
	return lemmas == nil || len(lemmas.Analyze(w)) > 0
}

// inflectionOf reports whether form is an inflection of lemma ("led" of lead):
// a rule about the wrong inflection of one word relates no two words.
func inflectionOf(form, lemma string, lemmas Lemmatizer) bool {
	if lemmas == nil {
		return false
	}
	for _, a := range lemmas.Analyze(form) {
		if a.Lemma == lemma && !a.Derived {
			return true
		}
	}
	return false
}

// name is the part of speech's name, or "" for none.
func (p PartOfSpeech) name() string {
	if p == NoInflection {
		return ""
	}
	return p.String()
}

// lemmaOf traces a form to its lemma: itself when the lexicon reads it as
// a lemma (of pos, when given), else the lexicon's first reading.
func lemmaOf(form string, pos PartOfSpeech, lemmas Lemmatizer) string {
	if lemmas == nil || pos != NoInflection {
		return form
	}
	as := lemmas.Analyze(form)
	if len(as) == 0 {
		return form
	}
	for _, a := range as {
		if a.Lemma == form {
			return form
		}
	}
	return as[0].Lemma
}

// exampleWith finds one of the rule's correct sentences that uses lemma:
// the fixes of its bad examples (for the replacement) or its good examples.
func exampleWith(r *Rule, lemma string, lemmas Lemmatizer, replacement bool) string {
	var candidates []string
	if replacement {
		for _, b := range r.Examples.Bad {
			candidates = append(candidates, b.Fix)
		}
	}
	candidates = append(candidates, r.Examples.Good...)
	for _, s := range candidates {
		if usesLemma(s, lemma, lemmas) {
			return s
		}
	}
	return ""
}

// usesLemma reports whether sentence has a word whose form or lemma is lemma.
func usesLemma(sentence, lemma string, lemmas Lemmatizer) bool {
	words := strings.FieldsFunc(sentence, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	for _, w := range words {
		w = strings.ToLower(w)
		if w == lemma {
			return true
		}
		if lemmas == nil || !strings.HasPrefix(w, lemma[:min(len(lemma), 3)]) {
			continue
		}
		for _, a := range lemmas.Analyze(w) {
			if a.Lemma == lemma {
				return true
			}
		}
	}
	return false
}

//go:embed pairs.yaml
var confusablesYAML []byte

// ParseConfusables reads a hand-written list of confusable sets (the
// format of pairs.yaml).
func ParseConfusables(data []byte) ([]Confusable, error) {
	var cs []Confusable
	if err := yaml.Unmarshal(data, &cs); err != nil {
		return nil, fmt.Errorf("confusables: %w", err)
	}
	for i, c := range cs {
		if len(c.Words) < 2 {
			return nil, fmt.Errorf("confusables: set %d has %d words, want two or more", i+1, len(c.Words))
		}
		for _, w := range c.Words {
			if w.Word == "" || w.Word != strings.ToLower(w.Word) {
				return nil, fmt.Errorf("confusables: set %d: word %q must be a lower-case lemma", i+1, w.Word)
			}
		}
	}
	return cs, nil
}

type confusableSets struct {
	sets []Confusable
	err  error
}

var defaultConfusables = sync.OnceValue(func() confusableSets {
	rs, err := LoadDefault()
	if err != nil {
		return confusableSets{err: err}
	}
	extra, err := ParseConfusables(confusablesYAML)
	if err != nil {
		return confusableSets{err: err}
	}
	return confusableSets{sets: Confusables(rs, extra, morph.Default())}
})

// DefaultConfusables returns the confusable sets of the default rule
// library and the embedded hand-written list. The result is shared: do
// not modify it.
func DefaultConfusables() ([]Confusable, error) {
	c := defaultConfusables()
	return c.sets, c.err
}

// ConfusablesOf returns the sets among cs that lemma belongs to.
func ConfusablesOf(cs []Confusable, lemma string) []*Confusable {
	var out []*Confusable
	for i := range cs {
		if cs[i].Has(lemma) {
			out = append(out, &cs[i])
		}
	}
	return out
}
