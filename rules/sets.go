package rules

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Named sets of words or lemmas are defined once and referenced from any
// rule as $name inside a word or lemma list:
//
//	- set: have-forms
//	  words: [have, has, had, "'ve", having, "'d"]
//	- id: have-went
//	  before: [{word: $have-forms}]
//
// A set may include other sets ($other). The sets of the library's files
// (library/sets.yaml holds the shared ones) are library-wide: every
// library file and every user rule file can use them. A user file may
// define sets of its own, visible in that file.

// setTable holds resolved sets by name.
type setTable map[string]*namedSet

type namedSet struct {
	words  []string // resolved: no references left
	source string   // "file:line:column" of the definition
}

// setDef is a set as written, before references are resolved.
type setDef struct {
	name  string
	items []*yaml.Node // scalars: words, or $references
	node  *yaml.Node
	file  string
}

// isSetRef reports whether a list item is a set reference ($name) and
// returns the name.
func isSetRef(s string) (string, bool) {
	if len(s) > 1 && s[0] == '$' && kebab.MatchString(s[1:]) {
		return s[1:], true
	}
	return "", false
}

// resolveSets resolves defs against the sets already known (base, which
// may be nil) and returns the union. With shadow, a definition replaces a
// base set of the same name (a user file's own sets win in that file, so
// a copy of a library file still loads); without, that is an error.
// Errors name the definition or reference that is wrong: an unknown set,
// a cycle, a name defined twice.
func resolveSets(defs []setDef, base setTable, shadow bool) (setTable, []error) {
	var errs []error
	out := setTable{}
	for k, v := range base {
		out[k] = v
	}
	byName := map[string]*setDef{}
	for i := range defs {
		d := &defs[i]
		if prev, ok := out[d.name]; ok && !shadow {
			errs = append(errs, fmt.Errorf("%s: set %q is already defined at %s", pos(d.file, d.node), d.name, prev.source))
			continue
		}
		if prev, ok := byName[d.name]; ok {
			errs = append(errs, fmt.Errorf("%s: set %q is already defined at %s", pos(d.file, d.node), d.name, pos(prev.file, prev.node)))
			continue
		}
		byName[d.name] = d
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var visit func(d *setDef, path []string) ([]string, bool)
	visit = func(d *setDef, path []string) ([]string, bool) {
		switch state[d.name] {
		case done:
			return out[d.name].words, true
		case visiting:
			return nil, false
		}
		state[d.name] = visiting
		path = append(path, d.name)
		var words []string
		ok := true
		for _, it := range d.items {
			ref, isRef := isSetRef(it.Value)
			if !isRef {
				words = append(words, strings.ToLower(it.Value))
				continue
			}
			if s, known := out[ref]; known && state[ref] == 0 && byName[ref] == nil {
				words = append(words, s.words...)
				continue
			}
			sub, defined := byName[ref]
			if !defined {
				errs = append(errs, fmt.Errorf("%s: set %q includes undefined set %q", pos(d.file, it), d.name, ref))
				ok = false
				continue
			}
			if state[ref] == visiting {
				errs = append(errs, fmt.Errorf("%s: set %q is cyclic: %s → %s", pos(d.file, it), d.name, strings.Join(path, " → "), ref))
				ok = false
				continue
			}
			w, subOK := visit(sub, path)
			ok = ok && subOK
			words = append(words, w...)
		}
		state[d.name] = done
		out[d.name] = &namedSet{words: dedupe(words), source: pos(d.file, d.node)}
		return out[d.name].words, ok
	}
	for i := range defs {
		if byName[defs[i].name] == &defs[i] {
			visit(&defs[i], nil)
		}
	}
	return out, errs
}

func dedupe(ws []string) []string {
	seen := make(map[string]bool, len(ws))
	out := ws[:0]
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// pos is "file:line:column" of a node.
func pos(file string, n *yaml.Node) string {
	return fmt.Sprintf("%s:%d:%d", file, n.Line, n.Column)
}

// setDefs reads the set definitions of a rule file's top-level list.
func (p *parser) setDefs(root *yaml.Node) []setDef {
	var out []setDef
	for _, n := range root.Content {
		if !isSetNode(n) {
			continue
		}
		f := p.fields(n, "a set", "set", "words", "lemmas", "comment")
		if f == nil {
			continue
		}
		name := p.str(f["set"], "set")
		if !kebab.MatchString(name) {
			p.errorf(nodeOr(f["set"], n), "set name %q must be kebab-case (a-z, 0-9, single hyphens)", name)
			continue
		}
		items := f["words"]
		if items == nil {
			items = f["lemmas"]
		}
		if items == nil || (f["words"] != nil && f["lemmas"] != nil) {
			p.errorf(n, "set %s: give words or lemmas (one list)", name)
			continue
		}
		var nodes []*yaml.Node
		switch items.Kind {
		case yaml.ScalarNode:
			nodes = []*yaml.Node{items}
		case yaml.SequenceNode:
			for _, c := range items.Content {
				if c.Kind != yaml.ScalarNode {
					p.errorf(c, "set %s: items must be strings", name)
					continue
				}
				nodes = append(nodes, c)
			}
		default:
			p.errorf(items, "set %s: words must be a string or a list of strings", name)
			continue
		}
		out = append(out, setDef{name: name, items: nodes, node: n, file: p.name})
	}
	return out
}

// isSetNode reports whether a top-level item defines a set.
func isSetNode(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "set" {
			return true
		}
	}
	return false
}

// massNouns returns the test for number: mass — the lemmas of the
// library's mass-nouns set, the nouns known to be uncountable.
func massNouns() func(string) bool {
	lib, _ := librarySets()
	s := lib["mass-nouns"]
	if s == nil {
		return func(string) bool { return false }
	}
	m := make(map[string]bool, len(s.words))
	for _, w := range s.words {
		m[w] = true
	}
	return func(lemma string) bool { return m[lemma] }
}
