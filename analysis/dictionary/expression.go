package dictionary

import "strings"

// maxExpressionWords bounds the multi-word expressions LookupAt finds.
const maxExpressionWords = 5

// particles are the adverbs that make particle verbs; with up to two words
// between verb and particle ("look the word up") LookupAt still finds the
// expression.
var particles = map[string]bool{
	"up": true, "down": true, "out": true, "off": true, "in": true, "on": true, "over": true,
	"away": true, "back": true, "about": true, "around": true, "through": true, "along": true,
	"apart": true, "aside": true, "forward": true, "together": true,
}

// notBetween are words that end the object between a verb and its
// particle: prepositions, conjunctions, punctuation.
var notBetween = map[string]bool{
	"at": true, "to": true, "for": true, "from": true, "with": true, "by": true, "of": true, "into": true,
	"and": true, "or": true, "but": true, "that": true, "which": true, "who": true, "if": true, "when": true,
}

// LookupAt finds what the dictionary says about words[i] read in its
// sentence: the longest multi-word expression WordNet lists that covers it
// ("carry" in "carry out the plan" → carry out; "look" in "look up the
// word" or "look the word up" → look up), then the word's own entries as
// Lookup(words[i], pos) gives them. words are the sentence's tokens as they
// read; start and end delimit the tokens the first entry covers
// (words[start:end]), i and i+1 when no expression matched. It returns nil
// entries when there is nothing to say.
func (d *Dictionary) LookupAt(words []string, i int, pos POS) (entries []*Entry, start, end int) {
	if i < 0 || i >= len(words) {
		return nil, i, i + 1
	}
	own := d.Lookup(words[i], pos)
	s, e, key := d.expressionAt(words, i)
	if key == "" {
		return own, i, i + 1
	}
	expr := d.Entry(key)
	if len(expr) == 0 {
		return own, i, i + 1
	}
	for _, x := range expr {
		x.Query = ""
	}
	return append(expr, own...), s, e
}

// expressionAt returns the token range and headword key of the longest
// expression covering words[i], or an empty key.
func (d *Dictionary) expressionAt(words []string, i int) (start, end int, key string) {
	folded := make([]string, 0, maxExpressionWords)
	for s := i; s >= 0 && s > i-maxExpressionWords; s-- {
		if !isWord(words[s]) {
			break
		}
		for _, first := range d.variants(words[s], false) {
			if !d.hasPrefix(first + " ") {
				continue
			}
			for e := min(len(words), s+maxExpressionWords); e >= max(i+1, s+2); e-- {
				if e-s <= end-start {
					break
				}
				folded = folded[:0]
				for _, w := range words[s+1 : e-1] {
					folded = append(folded, fold(w))
				}
				for _, last := range d.variants(words[e-1], true) {
					k := join(first, folded, last)
					if d.has(k) {
						start, end, key = s, e, k
						break
					}
				}
			}
		}
	}
	if key != "" {
		return start, end, key
	}
	return d.particleVerbAt(words, i)
}

// particleVerbAt finds a particle verb with its object between verb and
// particle, covering words[i] as the verb or the particle.
func (d *Dictionary) particleVerbAt(words []string, i int) (start, end int, key string) {
	try := func(v, p int) bool {
		if v < 0 || p >= len(words) || !particles[fold(words[p])] {
			return false
		}
		for _, w := range words[v+1 : p] {
			f := fold(w)
			if !isWord(w) || particles[f] || notBetween[f] {
				return false
			}
		}
		for _, verb := range d.variants(words[v], false) {
			k := verb + " " + fold(words[p])
			if d.has(k) {
				start, end, key = v, p+1, k
				return true
			}
		}
		return false
	}
	for gap := 1; gap <= 2; gap++ {
		if try(i, i+gap+1) || try(i-gap-1, i) {
			return start, end, key
		}
	}
	return 0, 0, ""
}

// variants are the folded word and its lemmas: verbs (and, for the last
// word of an expression, nouns) as the lemmatizer reads it.
func (d *Dictionary) variants(word string, last bool) []string {
	f := fold(word)
	out := []string{f}
	if d.lemmatizer == nil {
		return out
	}
	for _, a := range d.lemmatizer.Analyze(f) {
		p := posOfMorph(a.POS)
		if a.Derived || !(p == Verb || (last && p == Noun)) {
			continue
		}
		l := fold(a.Lemma)
		if !contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// join builds an expression key; a clitic ("'s", "n't") attaches to the
// word before it, as WordNet writes "aaron's rod".
func join(first string, middle []string, last string) string {
	var b strings.Builder
	b.WriteString(first)
	for _, w := range append(middle, last) {
		if !strings.HasPrefix(w, "'") && w != "n't" {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// isWord reports whether a token can be part of an expression: it has a
// letter or digit.
func isWord(w string) bool {
	for _, r := range w {
		if r == '-' || r == '\'' || r == '\u2019' || r == '.' {
			continue
		}
		if r < 0x80 && !('a' <= r|0x20 && r|0x20 <= 'z') && !('0' <= r && r <= '9') {
			return false
		}
	}
	return w != ""
}
