package rules

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/tag"
)

// Parse reads a rule file: a YAML sequence of rules. Errors name the file
// and line ("name:line: …"). Parse checks each rule on its own; NewEngine
// checks that ids are unique across files.
func Parse(name string, data []byte) ([]*Rule, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("%s: empty rule file", name)
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: a rule file is a list of rules", name, root.Line)
	}
	p := parser{name: name}
	var out []*Rule
	seen := map[string]int{}
	for _, n := range root.Content {
		r := p.rule(n)
		if r == nil {
			continue
		}
		if line, dup := seen[r.ID]; dup {
			p.errorf(n, "rule %q is already defined at line %d", r.ID, line)
			continue
		}
		seen[r.ID] = n.Line
		out = append(out, r)
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return out, nil
}

// parser collects every error in a file rather than stopping at the first.
type parser struct {
	name string
	errs []error
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s:%d: %s", p.name, n.Line, fmt.Sprintf(format, args...)))
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// fields checks that n is a mapping with only the allowed keys and returns
// its values by key.
func (p *parser) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping", what)
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ok := false
		for _, a := range allowed {
			if a == k.Value {
				ok = true
				break
			}
		}
		if !ok {
			p.errorf(k, "unknown field %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := m[k.Value]; dup {
			p.errorf(k, "field %q given twice", k.Value)
		}
		m[k.Value] = v
	}
	return m
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s must be a string", what)
		return ""
	}
	return n.Value
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n == nil {
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		p.errorf(n, "%s must be true or false", what)
	}
	return b
}

// list reads a string or a list of strings.
func (p *parser) list(n *yaml.Node, what string) []string {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				p.errorf(c, "%s must be a string or a list of strings", what)
				continue
			}
			out = append(out, c.Value)
		}
		return out
	}
	p.errorf(n, "%s must be a string or a list of strings", what)
	return nil
}

var ruleFields = []string{"id", "category", "severity", "summary", "message", "explanation", "reference",
	"replace", "inflect", "before", "match", "after", "patterns", "unless", "examples"}

func (p *parser) rule(n *yaml.Node) *Rule {
	f := p.fields(n, "a rule", ruleFields...)
	if f == nil {
		return nil
	}
	before := len(p.errs)
	r := &Rule{Source: fmt.Sprintf("%s:%d", p.name, n.Line)}
	r.ID = p.str(f["id"], "id")
	if !kebab.MatchString(r.ID) {
		p.errorf(n, "rule id %q must be kebab-case (a-z, 0-9, single hyphens)", r.ID)
	}
	r.Category = p.str(f["category"], "category")
	if !isCategory(r.Category) {
		p.errorf(nodeOr(f["category"], n), "rule %s: unknown category %q (known: %s)", r.ID, r.Category, strings.Join(categoryNames, ", "))
	}
	if s, err := ParseSeverity(p.str(f["severity"], "severity")); err != nil {
		p.errorf(nodeOr(f["severity"], n), "rule %s: %v", r.ID, err)
	} else {
		r.Severity = s
	}
	r.Summary = strings.TrimSpace(p.str(f["summary"], "summary"))
	r.Message = strings.TrimSpace(p.str(f["message"], "message"))
	r.Explanation = strings.TrimSpace(p.str(f["explanation"], "explanation"))
	r.Reference = strings.TrimSpace(p.str(f["reference"], "reference"))
	for field, v := range map[string]string{"summary": r.Summary, "message": r.Message, "explanation": r.Explanation} {
		if v == "" {
			p.errorf(n, "rule %s: %s is required", r.ID, field)
		}
	}
	r.Replacements = p.list(f["replace"], "replace")
	for _, rep := range r.Replacements {
		if strings.TrimSpace(rep) != rep {
			p.errorf(f["replace"], "rule %s: replacement %q has surrounding spaces", r.ID, rep)
		}
	}
	if err := checkTemplate(r.Message, len(r.Replacements) > 0); err != nil {
		p.errorf(nodeOr(f["message"], n), "rule %s: %v", r.ID, err)
	}
	switch v := p.str(f["inflect"], "inflect"); v {
	case "", "none":
	case "noun":
		r.Inflect = Noun
	case "verb":
		r.Inflect = Verb
	case "adjective", "adj":
		r.Inflect = Adjective
	default:
		p.errorf(f["inflect"], "rule %s: inflect must be noun, verb, adjective or none, not %q", r.ID, v)
	}

	// Patterns: either a list under "patterns", or one pattern given by
	// before/match/after at the top of the rule.
	if pn := f["patterns"]; pn != nil {
		if f["match"] != nil || f["before"] != nil || f["after"] != nil {
			p.errorf(pn, "rule %s: give either patterns or match (with before/after), not both", r.ID)
		}
		if pn.Kind != yaml.SequenceNode || len(pn.Content) == 0 {
			p.errorf(pn, "rule %s: patterns must be a non-empty list", r.ID)
		} else {
			for _, c := range pn.Content {
				if pf := p.fields(c, "a pattern", "before", "match", "after", "unless"); pf != nil {
					r.Patterns = append(r.Patterns, p.pattern(c, pf))
				}
			}
		}
	} else if f["match"] != nil {
		r.Patterns = []Pattern{p.pattern(n, map[string]*yaml.Node{"before": f["before"], "match": f["match"], "after": f["after"]})}
	} else {
		p.errorf(n, "rule %s: match or patterns is required", r.ID)
	}
	r.Unless = p.contexts(f["unless"])
	r.Examples = p.examples(f["examples"])
	if len(p.errs) > before {
		return nil
	}
	return r
}

func nodeOr(n, fallback *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return fallback
}

// checkTemplate accepts the placeholders {match} and {replacement}.
func checkTemplate(t string, hasReplacement bool) error {
	for rest := t; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return nil
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return fmt.Errorf("message has an unclosed {")
		}
		switch name := rest[i+1 : i+j]; name {
		case "match":
		case "replacement":
			if !hasReplacement {
				return fmt.Errorf("message uses {replacement} but the rule has no replacement")
			}
		default:
			return fmt.Errorf("message uses unknown placeholder {%s} (known: {match}, {replacement})", name)
		}
		rest = rest[i+j+1:]
	}
}

func (p *parser) pattern(n *yaml.Node, f map[string]*yaml.Node) Pattern {
	pat := Pattern{
		Before: p.sequence(f["before"], "before"),
		Match:  p.sequence(f["match"], "match"),
		After:  p.sequence(f["after"], "after"),
		Unless: p.contexts(f["unless"]),
	}
	if len(pat.Match) == 0 {
		p.errorf(nodeOr(f["match"], n), "a pattern needs a non-empty match")
		return pat
	}
	if !pat.Match[0].canAnchor() {
		p.errorf(nodeOr(f["match"], n), "the first element of match must be required and name a word, lemma, pos or tag (rules are indexed by it)")
	}
	last := pat.Match[len(pat.Match)-1]
	if last.Optional && len(pat.Match) == 1 {
		p.errorf(nodeOr(f["match"], n), "match cannot be a single optional element")
	}
	return pat
}

func (p *parser) contexts(n *yaml.Node) []Context {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "unless must be a list of contexts (each with before and/or after)")
		return nil
	}
	var out []Context
	for _, c := range n.Content {
		f := p.fields(c, "an exception", "before", "after")
		if f == nil {
			continue
		}
		ctx := Context{Before: p.sequence(f["before"], "before"), After: p.sequence(f["after"], "after")}
		if len(ctx.Before) == 0 && len(ctx.After) == 0 {
			p.errorf(c, "an exception needs before or after")
			continue
		}
		out = append(out, ctx)
	}
	return out
}

// sequence reads a list of elements. A bare string is a word.
func (p *parser) sequence(n *yaml.Node, what string) []Element {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of token elements", what)
		return nil
	}
	out := make([]Element, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind == yaml.ScalarNode {
			out = append(out, Element{Words: []string{strings.ToLower(c.Value)}})
			continue
		}
		f := p.fields(c, "a token element", "word", "lemma", "pos", "tag", "case", "not", "optional", "skip")
		if f == nil {
			continue
		}
		e := Element{
			Words:         p.list(f["word"], "word"),
			Lemmas:        p.list(f["lemma"], "lemma"),
			CaseSensitive: p.boolean(f["case"], "case"),
			Negate:        p.boolean(f["not"], "not"),
			Optional:      p.boolean(f["optional"], "optional"),
		}
		if !e.CaseSensitive {
			for i, w := range e.Words {
				e.Words[i] = strings.ToLower(w)
			}
		}
		for i, l := range e.Lemmas {
			e.Lemmas[i] = strings.ToLower(l)
		}
		for _, s := range p.list(f["pos"], "pos") {
			u, ok := tag.ParseUPOS(strings.ToUpper(s))
			if !ok {
				p.errorf(f["pos"], "unknown Universal POS tag %q", s)
			}
			e.POS = append(e.POS, u)
		}
		for _, s := range p.list(f["tag"], "tag") {
			t, ok := tag.ParsePTB(s)
			if !ok {
				p.errorf(f["tag"], "unknown Penn Treebank tag %q", s)
			}
			e.Tags = append(e.Tags, t)
		}
		if s := f["skip"]; s != nil {
			if s.Kind != yaml.ScalarNode || s.Decode(&e.Skip) != nil || e.Skip < 0 || e.Skip > 50 {
				p.errorf(s, "skip must be a whole number from 0 to 50")
			}
		}
		out = append(out, e)
	}
	return out
}

func (p *parser) examples(n *yaml.Node) Examples {
	var ex Examples
	if n == nil {
		return ex
	}
	f := p.fields(n, "examples", "bad", "good")
	if f == nil {
		return ex
	}
	if b := f["bad"]; b != nil {
		if b.Kind != yaml.SequenceNode {
			p.errorf(b, "bad examples must be a list")
		} else {
			for _, c := range b.Content {
				bf := p.fields(c, "a bad example", "text", "fix")
				if bf == nil {
					continue
				}
				e := BadExample{Text: p.str(bf["text"], "text"), Fix: p.str(bf["fix"], "fix")}
				if e.Text == "" || bf["fix"] == nil {
					p.errorf(c, "a bad example needs text and fix")
				}
				ex.Bad = append(ex.Bad, e)
			}
		}
	}
	ex.Good = p.list(f["good"], "good examples")
	return ex
}
