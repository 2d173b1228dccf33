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

// MaxRegexpBytes bounds the length of a regexp predicate: RE2 runs in
// time linear in the text, but its compiled size grows with the pattern.
const MaxRegexpBytes = 256

// Parse reads a rule file: a YAML sequence of rules and named sets. Errors
// name the file, line and column ("name:line:column: …"). Parse checks
// each rule on its own and returns the rules that are sound even when
// others are not (with the joined errors); NewEngine checks that ids are
// unique across files. The library's sets are visible to every file.
func Parse(name string, data []byte) ([]*Rule, error) {
	lib, err := loadLibrary()
	if err != nil {
		return nil, err
	}
	return parseFile(name, data, lib.sets, true)
}

// decodeRules decodes a rule file to its top-level list.
func decodeRules(name string, data []byte) (*yaml.Node, error) {
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
		return nil, fmt.Errorf("%s:%d:%d: a rule file is a list of rules", name, root.Line, root.Column)
	}
	return root, nil
}

// parseFile parses one rule file with the sets of base visible; with
// ownSets the file's own set definitions are added (a library file's are
// already in base).
func parseFile(name string, data []byte, base setTable, ownSets bool) ([]*Rule, error) {
	root, err := decodeRules(name, data)
	if err != nil {
		return nil, err
	}
	p := parser{name: name, sets: base}
	if ownSets {
		sets, errs := resolveSets(p.setDefs(root), base, true)
		p.errs = append(p.errs, errs...)
		p.sets = sets
	}
	return p.rules(root), errors.Join(p.errs...)
}

// rules parses the rules of a file's top-level list (set definitions are
// skipped: setDefs reads them).
func (p *parser) rules(root *yaml.Node) []*Rule {
	var out []*Rule
	seen := map[string]int{}
	for _, n := range root.Content {
		if isSetNode(n) {
			continue
		}
		ns := []*yaml.Node{n}
		if isTableNode(n) {
			ns = p.tableRules(n) // table.go
		}
		for _, n := range ns {
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
	}
	return out
}

// parser collects every error in a file rather than stopping at the first.
type parser struct {
	name string
	errs []error
	sets setTable // the sets rules may reference
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s: %s", pos(p.name, n), fmt.Sprintf(format, args...)))
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

// words reads a word or lemma list: a string or a list of strings, where
// an item $name stands for the words of set name.
func (p *parser) words(n *yaml.Node, what string) []string {
	if n == nil {
		return nil
	}
	var items []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		items = []*yaml.Node{n}
	case yaml.SequenceNode:
		items = n.Content
	default:
		p.errorf(n, "%s must be a string or a list of strings", what)
		return nil
	}
	out := make([]string, 0, len(items))
	for _, c := range items {
		if c.Kind != yaml.ScalarNode {
			p.errorf(c, "%s must be a string or a list of strings", what)
			continue
		}
		if name, ok := isSetRef(c.Value); ok {
			set := p.sets[name]
			if set == nil {
				p.errorf(c, "undefined set %q", name)
				continue
			}
			out = append(out, set.words...)
			continue
		}
		out = append(out, c.Value)
	}
	return out
}

var ruleFields = []string{"id", "category", "severity", "summary", "message", "explanation", "reference",
	"replace", "inflect", "before", "match", "after", "patterns", "unless", "examples", "priority", "code", "safe-fix", "limit"}

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
	r.Replacements = p.replacements(f["replace"], r.ID)
	if pn := f["priority"]; pn != nil {
		if pn.Kind != yaml.ScalarNode || pn.Decode(&r.Priority) != nil || r.Priority < -100 || r.Priority > 100 {
			p.errorf(pn, "rule %s: priority must be a whole number from -100 to 100", r.ID)
		}
	}
	if sn := f["safe-fix"]; sn != nil {
		var safe bool
		if sn.Kind != yaml.ScalarNode || sn.Decode(&safe) != nil {
			p.errorf(sn, "rule %s: safe-fix must be true or false", r.ID)
		} else if safe {
			r.FixSafety = FixSafe
		} else {
			r.FixSafety = FixUnsafe
		}
	}
	if ln := f["limit"]; ln != nil {
		if ln.Kind != yaml.ScalarNode || ln.Decode(&r.Limit) != nil || r.Limit < 1 || r.Limit > 1000 {
			p.errorf(ln, "rule %s: limit must be a whole number from 1 to 1000", r.ID)
		}
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
	// before/match/after at the top of the rule, or code: a rule in Go.
	switch pn := f["patterns"]; {
	case f["code"] != nil:
		r.Code = p.str(f["code"], "code")
		if _, ok := goRules()[r.Code]; !ok {
			p.errorf(f["code"], "rule %s: no rule written in Go is named %q", r.ID, r.Code)
		}
		if pn != nil || f["match"] != nil || f["before"] != nil || f["after"] != nil {
			p.errorf(f["code"], "rule %s: a rule written in Go (code) has no patterns", r.ID)
		}
		// A rule in Go computes its replacements.
		if err := checkTemplate(r.Message, true, 0); err != nil {
			p.errorf(nodeOr(f["message"], n), "rule %s: %v", r.ID, err)
		}
	case pn != nil:
		if f["match"] != nil {
			p.errorf(pn, "rule %s: give either patterns or match, not both", r.ID)
		}
		if pn.Kind != yaml.SequenceNode || len(pn.Content) == 0 {
			p.errorf(pn, "rule %s: patterns must be a non-empty list", r.ID)
		} else {
			for _, c := range pn.Content {
				if pf := p.fields(c, "a pattern", "before", "match", "after", "unless", "message", "replace"); pf != nil {
					// The rule's before and after are the context of
					// every pattern that gives none of its own.
					for _, k := range []string{"before", "after"} {
						if pf[k] == nil && f[k] != nil {
							pf[k] = f[k]
						}
					}
					r.Patterns = append(r.Patterns, p.pattern(r, c, pf, f))
				}
			}
		}
	case f["match"] != nil:
		r.Patterns = []Pattern{p.pattern(r, n, map[string]*yaml.Node{"before": f["before"], "match": f["match"], "after": f["after"]}, f)}
	default:
		p.errorf(n, "rule %s: match, patterns or code is required", r.ID)
	}
	r.Unless = p.contexts(f["unless"])
	r.Examples = p.examples(f["examples"])
	if len(p.errs) > before {
		return nil
	}
	return r
}

// replacements reads a replace list.
func (p *parser) replacements(n *yaml.Node, id string) []string {
	reps := p.list(n, "replace")
	for _, rep := range reps {
		if strings.TrimSpace(rep) != rep || rep == "" {
			p.errorf(n, "rule %s: replacement %q is empty or has surrounding spaces", id, rep)
		}
	}
	return reps
}

func nodeOr(n, fallback *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return fallback
}

// backRef is a back-reference seen while reading a pattern, checked once
// the pattern's length is known.
type backRef struct {
	from, to int // element numbers, from 1
	node     *yaml.Node
	where    string // "before", "match", "after", or "unless"
	first    bool   // from is the first match element
}

func (p *parser) pattern(r *Rule, n *yaml.Node, f, rf map[string]*yaml.Node) Pattern {
	var refs []backRef
	slot := 0
	seq := func(key string) []Element {
		es := p.sequence(f[key], key, slot, &refs)
		slot += len(es)
		return es
	}
	pat := Pattern{Before: seq("before"), Match: seq("match"), After: seq("after"), Unless: p.contexts(f["unless"])}
	if len(pat.Match) == 0 {
		p.errorf(nodeOr(f["match"], n), "a pattern needs a non-empty match")
		return pat
	}
	if keyOf(pat) < 0 {
		p.errorf(nodeOr(f["match"], n), "a pattern needs a required element that names a word, lemma, pos or tag (rules are indexed by it)")
	}
	if len(pat.Match) == 1 && pat.Match[0].Optional {
		p.errorf(nodeOr(f["match"], n), "match cannot be a single optional element")
	}
	for _, b := range refs {
		switch {
		case b.to < 1 || b.to > slot:
			p.errorf(b.node, "back-reference to element %d, past the pattern's end (it has %d elements)", b.to, slot)
		case b.where == "before" || b.first:
			p.errorf(b.node, "a back-reference can only be made from match (after its first element) or after")
		case b.to >= b.from:
			p.errorf(b.node, "element %d cannot refer to element %d: a back-reference refers to an earlier element", b.from, b.to)
		}
	}
	pat.Message = strings.TrimSpace(p.str(f["message"], "message"))
	if f["replace"] != nil {
		pat.Replacements = p.replacements(f["replace"], r.ID)
		if pat.Replacements == nil {
			pat.Replacements = []string{}
		}
	}
	// Templates: the pattern's own, or the rule's, against this
	// pattern's elements.
	msg, msgNode := pat.Message, f["message"]
	if msg == "" {
		msg, msgNode = r.Message, rf["message"]
	}
	reps, repNode := r.Replacements, rf["replace"]
	if pat.Replacements != nil {
		reps, repNode = pat.Replacements, f["replace"]
	}
	if err := checkTemplate(msg, len(reps) > 0, slot); err != nil {
		p.errorf(nodeOr(msgNode, n), "rule %s: %v", r.ID, err)
	}
	for _, rep := range reps {
		if _, err := parseTemplate(rep, slot); err != nil {
			p.errorf(nodeOr(repNode, n), "rule %s: replacement: %v", r.ID, err)
		} else if strings.Contains(rep, "{replacement}") {
			p.errorf(nodeOr(repNode, n), "rule %s: a replacement cannot use {replacement}", r.ID)
		}
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
		var refs []backRef
		ctx := Context{Before: p.sequence(f["before"], "before", 0, &refs), After: p.sequence(f["after"], "after", 0, &refs)}
		for _, b := range refs {
			p.errorf(b.node, "an exception cannot hold back-references")
		}
		if len(ctx.Before) == 0 && len(ctx.After) == 0 {
			p.errorf(c, "an exception needs before or after")
			continue
		}
		out = append(out, ctx)
	}
	return out
}

var elementFields = append([]string{"word", "lemma", "pos", "tag", "case", "not", "optional", "skip",
	"prefix", "suffix", "regexp", "capitalised", "all-caps", "sentence-start", "same-form", "same-lemma"}, featureKeys()...)

// sequence reads a list of elements; slot is the number of the pattern's
// elements before the first of them, and back-references are appended to
// refs. A bare string is a word (or $set).
func (p *parser) sequence(n *yaml.Node, what string, slot int, refs *[]backRef) []Element {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of token elements", what)
		return nil
	}
	out := make([]Element, 0, len(n.Content))
	for _, c := range n.Content {
		num := slot + len(out) + 1
		if c.Kind == yaml.ScalarNode {
			ws := p.words(c, "a word")
			for i, w := range ws {
				ws[i] = strings.ToLower(w)
			}
			out = append(out, Element{Words: ws})
			continue
		}
		f := p.fields(c, "a token element", elementFields...)
		if f == nil {
			continue
		}
		e := Element{
			Words:         p.words(f["word"], "word"),
			Lemmas:        p.words(f["lemma"], "lemma"),
			CaseSensitive: p.boolean(f["case"], "case"),
			Negate:        p.boolean(f["not"], "not"),
			Optional:      p.boolean(f["optional"], "optional"),
			Prefixes:      p.list(f["prefix"], "prefix"),
			Suffixes:      p.list(f["suffix"], "suffix"),
			Capitalised:   p.tri(f["capitalised"], "capitalised"),
			AllCaps:       p.tri(f["all-caps"], "all-caps"),
			SentenceStart: p.tri(f["sentence-start"], "sentence-start"),
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
		if rn := f["regexp"]; rn != nil {
			e.Regexp = p.str(rn, "regexp")
			switch re, err := regexp.Compile(e.Regexp); {
			case len(e.Regexp) > MaxRegexpBytes:
				p.errorf(rn, "regexp is %d bytes long; at most %d are allowed", len(e.Regexp), MaxRegexpBytes)
			case e.Regexp == "":
				p.errorf(rn, "regexp is empty")
			case err != nil:
				p.errorf(rn, "regexp: %v", err)
			default:
				e.re = re
			}
		}
		for _, k := range featureKeys() {
			if fn := f[k]; fn != nil {
				v, err := parseFeature(k, p.list(fn, k))
				if err != nil {
					p.errorf(fn, "%v", err)
				}
				e.Features |= v
			}
		}
		for key, dst := range map[string]*int{"same-form": &e.SameForm, "same-lemma": &e.SameLemma} {
			if bn := f[key]; bn != nil {
				if bn.Kind != yaml.ScalarNode || bn.Decode(dst) != nil {
					p.errorf(bn, "%s must be an element number", key)
					continue
				}
				*refs = append(*refs, backRef{from: num, to: *dst, node: bn, where: what, first: what == "match" && len(out) == 0})
			}
		}
		out = append(out, e)
	}
	return out
}

// tri reads a true/false constraint.
func (p *parser) tri(n *yaml.Node, what string) Tri {
	if n == nil {
		return Either
	}
	if p.boolean(n, what) {
		return Yes
	}
	return No
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
