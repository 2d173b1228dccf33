package rules

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A rule table is the compact form of a family of phrase rules: one
// top-level item with the family's shared fields and a list of entries,
// each a wrong phrase, the right one, a short explanation and examples.
// Each entry is expanded, when the file is parsed, into the YAML of an
// ordinary rule, which is then parsed like any other: it keeps its own id,
// examples-as-tests and REFERENCE.md entry, and its errors point at the
// entry's line.
//
//   - table: idioms
//     category: eggcorn
//     severity: warning
//     message: 'In "{right}", write "{replacement}", not "{match}".'
//     explanation: 'The phrase is **{right}**. {why}'
//     entries:
//   - id: sneak-peak
//     wrong: sneak peak|peaks
//     right: sneak peek
//     why: A *peek* is a quick look; a *peak* is a summit.
//     bad: [We got a sneak peak of the release., Here is a sneak peak.]
//     good: [Prices peak in summer.]
//
// The words the wrong and right phrases share at either end become the
// rule's before and after context, so the finding covers only the words
// that differ; where the right phrase drops words (a redundancy), the
// match takes in a shared neighbour and the replacement keeps it as the
// writer wrote it ({N}). In a wrong phrase, "a|b" is a choice of words and
// "~go" any form of the lemma go. A bad example given as a string has its
// fix computed by writing the right phrase for the wrong one (its first
// choices); each fixed text is also a good example.
var (
	tableFields = []string{"table", "category", "severity", "summary", "message", "explanation",
		"reference", "inflect", "priority", "entries"}
	// entryFields are an entry's own fields and the rule fields it may
	// give to override the table's or to add context.
	entryFields = []string{"id", "wrong", "right", "why", "bad", "good",
		"category", "severity", "summary", "message", "explanation", "reference", "inflect", "priority",
		"before", "after", "unless", "replace"}
)

// isTableNode reports whether a top-level item is a rule table.
func isTableNode(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "table" {
			return true
		}
	}
	return false
}

// tableRules expands a table into the YAML of its rules.
func (p *parser) tableRules(n *yaml.Node) []*yaml.Node {
	f := p.fields(n, "a rule table", tableFields...)
	if f == nil {
		return nil
	}
	es := f["entries"]
	if es == nil || es.Kind != yaml.SequenceNode || len(es.Content) == 0 {
		p.errorf(n, "table %s: entries must be a non-empty list", p.str(f["table"], "table"))
		return nil
	}
	var out []*yaml.Node
	for _, e := range es.Content {
		if r := p.tableEntry(f, e); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// phraseWord is one word of a table phrase.
type phraseWord struct {
	words []string // choices, lower case
	lemma bool     // words[0] is a lemma
}

func (w phraseWord) show() string { return w.words[0] }

func parsePhrase(s string) []phraseWord {
	var out []phraseWord
	for _, f := range strings.Fields(s) {
		w := phraseWord{}
		if strings.HasPrefix(f, "~") && len(f) > 1 {
			w.lemma, f = true, f[1:]
		}
		for _, c := range strings.Split(f, "|") {
			if c != "" {
				w.words = append(w.words, c)
			}
		}
		if len(w.words) > 0 {
			out = append(out, w)
		}
	}
	return out
}

func showPhrase(ws []phraseWord) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.show()
	}
	return strings.Join(s, " ")
}

func (p *parser) tableEntry(tf map[string]*yaml.Node, e *yaml.Node) *yaml.Node {
	f := p.fields(e, "a table entry", entryFields...)
	if f == nil {
		return nil
	}
	id := p.str(f["id"], "id")
	right := strings.Fields(p.str(f["right"], "right"))
	wrongs := p.list(f["wrong"], "wrong")
	if len(wrongs) == 0 || len(right) == 0 {
		p.errorf(e, "table entry %s: wrong and right are required", id)
		return nil
	}
	why := strings.TrimSpace(p.str(f["why"], "why"))
	if why == "" && f["explanation"] == nil {
		p.errorf(e, "table entry %s: why (or explanation) is required", id)
		return nil
	}
	at := func(v string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: e.Line, Column: e.Column}
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Line: e.Line, Column: e.Column}
	set := func(k string, v *yaml.Node) { out.Content = append(out.Content, at(k), v) }

	first := parsePhrase(wrongs[0])
	fillr := strings.NewReplacer("{wrong}", showPhrase(first), "{right}", strings.Join(right, " "), "{why}", why)
	fill := fillr.Replace
	set("id", f["id"])
	// The entry's fields override the table's; text fields are templates
	// over {wrong}, {right} and {why}.
	for _, k := range []string{"category", "severity", "reference", "inflect", "priority"} {
		if v := nodeOr(f[k], tf[k]); v != nil {
			set(k, v)
		}
	}
	defaults := map[string]string{
		"summary":     `"{wrong}" for "{right}"`,
		"message":     `Write "{replacement}", not "{match}".`,
		"explanation": "{why}",
	}
	for _, k := range []string{"summary", "message", "explanation"} {
		v := defaults[k]
		if n := nodeOr(f[k], tf[k]); n != nil {
			v = p.str(n, k)
		}
		set(k, at(fill(v)))
	}
	if f["unless"] != nil {
		set("unless", f["unless"])
	}

	// One pattern per wrong phrase.
	pats := &yaml.Node{Kind: yaml.SequenceNode, Line: e.Line, Column: e.Column}
	for _, w := range wrongs {
		pat := p.phrasePattern(id, e, parsePhrase(w), right, f["before"], f["after"], f["replace"])
		if pat == nil {
			return nil
		}
		pats.Content = append(pats.Content, pat)
	}
	set("patterns", pats)

	// Examples: a string bad example has its fix computed; each fix is a
	// good example too.
	ex := &yaml.Node{Kind: yaml.MappingNode, Line: e.Line, Column: e.Column}
	bad := &yaml.Node{Kind: yaml.SequenceNode, Line: e.Line, Column: e.Column}
	good := &yaml.Node{Kind: yaml.SequenceNode, Line: e.Line, Column: e.Column}
	seen := map[string]bool{}
	var fixes []string
	addGood := func(s string) {
		if !seen[s] {
			seen[s] = true
			good.Content = append(good.Content, at(s))
		}
	}
	if b := f["bad"]; b != nil && b.Kind == yaml.SequenceNode {
		for _, c := range b.Content {
			text, fix := "", ""
			switch c.Kind {
			case yaml.ScalarNode:
				text = c.Value
				var ok bool
				if fix, ok = fixPhrase(text, wrongs, right); !ok {
					p.errorf(c, "table entry %s: the wrong phrase is not in %q; give the example as {text, fix}", id, text)
					continue
				}
				bad.Content = append(bad.Content, &yaml.Node{Kind: yaml.MappingNode, Line: c.Line, Column: c.Column,
					Content: []*yaml.Node{at("text"), at(text), at("fix"), at(fix)}})
			default:
				bad.Content = append(bad.Content, c)
				if c.Kind == yaml.MappingNode {
					for i := 0; i+1 < len(c.Content); i += 2 {
						if c.Content[i].Value == "fix" {
							fix = c.Content[i+1].Value
						}
					}
				}
			}
			if fix != "" {
				fixes = append(fixes, fix)
			}
		}
	} else if b != nil {
		p.errorf(b, "table entry %s: bad must be a list", id)
	}
	for _, g := range p.list(f["good"], "good") {
		addGood(g)
	}
	for _, g := range fixes {
		addGood(g)
	}
	ex.Content = []*yaml.Node{at("bad"), bad, at("good"), good}
	set("examples", ex)
	return out
}

// phrasePattern builds the pattern that finds one wrong phrase: the words
// it shares with the right phrase at either end are context, the rest the
// match, replaced by the right phrase's words.
func (p *parser) phrasePattern(id string, e *yaml.Node, wrong []phraseWord, right []string, before, after, replace *yaml.Node) *yaml.Node {
	if len(wrong) == 0 {
		p.errorf(e, "table entry %s: empty wrong phrase", id)
		return nil
	}
	// A word is shared when the right word is one of its choices (or its
	// lemma): the writer's word is then kept, as context or as {N}. A
	// right word with capitals corrects the case too ("Valentine's Day"),
	// so it is shared only when written the same.
	same := func(w phraseWord, r string) bool {
		for _, c := range w.words {
			if c == r || strings.EqualFold(c, r) && strings.ToLower(r) == r {
				return true
			}
		}
		return false
	}
	pre := 0
	for pre < len(wrong) && pre < len(right) && same(wrong[pre], right[pre]) {
		pre++
	}
	suf := 0
	for suf < len(wrong)-pre && suf < len(right)-pre && same(wrong[len(wrong)-1-suf], right[len(right)-1-suf]) {
		suf++
	}
	lo, hi := pre, len(wrong)-suf   // the match in wrong
	rlo, rhi := pre, len(right)-suf // what replaces it in right
	if lo == hi {
		p.errorf(e, "table entry %s: the wrong phrase %q is the right one", id, showPhrase(wrong))
		return nil
	}
	// A deletion takes in a neighbour, kept as written.
	keep := -1
	if rlo == rhi {
		if suf > 0 {
			keep = hi
			hi++
			suf--
		} else if pre > 0 {
			lo--
			pre--
			keep = lo
		} else {
			p.errorf(e, "table entry %s: the right phrase is empty", id)
			return nil
		}
	}
	at := func(v string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: e.Line, Column: e.Column}
	}
	elem := func(w phraseWord) *yaml.Node {
		if !w.lemma && len(w.words) == 1 && !isInitialism(w.words[0]) {
			return at(w.words[0])
		}
		key := "word"
		if w.lemma {
			key = "lemma"
		}
		vals := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Line: e.Line, Column: e.Column}
		for _, v := range w.words {
			vals.Content = append(vals.Content, at(v))
		}
		m := &yaml.Node{Kind: yaml.MappingNode, Line: e.Line, Column: e.Column, Content: []*yaml.Node{at(key), vals}}
		if !w.lemma && isInitialism(w.words[0]) {
			m.Content = append(m.Content, at("case"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		return m
	}
	seq := func(extra *yaml.Node, ws []phraseWord, extraFirst bool) *yaml.Node {
		s := &yaml.Node{Kind: yaml.SequenceNode, Line: e.Line, Column: e.Column}
		var x []*yaml.Node
		if extra != nil && extra.Kind == yaml.SequenceNode {
			x = extra.Content
		}
		if extraFirst {
			s.Content = append(s.Content, x...)
		}
		for _, w := range ws {
			s.Content = append(s.Content, elem(w))
		}
		if !extraFirst {
			s.Content = append(s.Content, x...)
		}
		return s
	}
	pat := &yaml.Node{Kind: yaml.MappingNode, Line: e.Line, Column: e.Column}
	bn := seq(before, wrong[:pre], true)
	if len(bn.Content) > 0 {
		pat.Content = append(pat.Content, at("before"), bn)
	}
	pat.Content = append(pat.Content, at("match"), seq(nil, wrong[lo:hi], false))
	if an := seq(after, wrong[hi:], false); len(an.Content) > 0 {
		pat.Content = append(pat.Content, at("after"), an)
	}
	if replace != nil {
		pat.Content = append(pat.Content, at("replace"), replace)
		return pat
	}
	// The replacement: the right phrase's words, the kept neighbour as
	// the writer wrote it (element numbers count before, then match).
	words := append([]string(nil), right[rlo:rhi]...)
	if keep >= 0 {
		n := "{" + strconv.Itoa(len(bn.Content)+keep-lo+1) + "}"
		if keep == lo {
			words = append([]string{n}, words...)
		} else {
			words = append(words, n)
		}
	}
	pat.Content = append(pat.Content, at("replace"), at(strings.Join(words, " ")))
	return pat
}

// fixPhrase writes the right phrase for the first wrong phrase found in
// text (as words: case-insensitive, at word boundaries; the first choice
// of each word), keeping a capital at its start. Phrases with lemmas
// cannot be fixed this way.
func fixPhrase(text string, wrongs []string, right []string) (string, bool) {
	lower := strings.ToLower(text)
	for _, w := range wrongs {
		for _, alt := range expandPhrase(parsePhrase(w)) {
			if alt == "" {
				continue
			}
			i := wordIndex(lower, alt)
			if i < 0 {
				continue
			}
			rep := strings.Join(right, " ")
			if c := text[i]; c >= 'A' && c <= 'Z' {
				rep = strings.ToUpper(rep[:1]) + rep[1:]
			}
			return text[:i] + rep + text[i+len(alt):], true
		}
	}
	return "", false
}

// expandPhrase is the literal phrase of a wrong phrase's first choices
// (none when it has a lemma): the other choices are often inflections,
// whose fix the right phrase alone does not give.
func expandPhrase(ws []phraseWord) []string {
	var out []string
	for _, w := range ws {
		if w.lemma {
			return nil
		}
		out = append(out, strings.ToLower(w.words[0]))
	}
	return []string{strings.Join(out, " ")}
}

// wordIndex finds phrase in s at word boundaries.
func wordIndex(s, phrase string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(phrase)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return i
		}
		off = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '\'' || c >= 0x80
}

// isInitialism reports whether a phrase word is written in capitals, two
// letters at least (an initialism: "ATM", "PIN").
func isInitialism(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r >= 'a' && r <= 'z':
			return false
		}
	}
	return n >= 2
}
