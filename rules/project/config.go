package project

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/markup"
	"liaison/rules"
)

// FileName is the name of a project configuration file.
const FileName = ".liaison.yaml"

// Config is a parsed configuration file:
//
//	rules:                       # by rule id
//	  liaison-verb: error        # off | on | error | warning | info | hint (false/true too)
//	  alot: off
//	categories:                  # by category
//	  redundancy: off
//	rule-files:                  # custom rules, paths relative to this file
//	  - styles/house.yaml
//	overrides:                   # later entries win
//	  - files: ["legal/**"]
//	    rules: {passive-voice: off}
//	    categories: {preferred-form: off}
//	ignore:                      # files `liaison check` skips
//	  - vendor/**
//	latex:                       # the project's own LaTeX macros
//	  text-macros: [newterm]     # \newterm{…}'s argument is prose
//	  skip-environments: [snip]  # \begin{snip}…\end{snip} is not
//	source-code: [go, python]    # check the prose of these languages' comments
type Config struct {
	Settings  rules.Settings
	RuleFiles []Ref
	Overrides []Override
	Ignore    []Glob
	// SourceCode are the source-code languages (markup's OptIn formats,
	// by canonical name) whose comments are checked; code files are not
	// prose unless turned on here or in the editor.
	SourceCode []Ref
	// Markup is how the project's documents are read; nil: the defaults.
	Markup *markup.Options
	// Spelling is the dialect and the words file (words.go).
	Spelling Spelling

	// ids are the rule ids the file names, with their positions, for
	// Validate.
	ids  []Ref
	cats []Ref
}

// Ref is a value in the file and where it is.
type Ref struct {
	Value        string
	Line, Column int
}

// Override applies settings to the files its globs match.
type Override struct {
	Files    []Glob
	Settings rules.Settings
}

// Parse reads a configuration file's text; name is used in errors. It
// reports every problem it finds, each as an *Error with file, line and
// column, together as an ErrorList. Rule ids and categories are checked
// by Validate, which knows the rules.
func Parse(name string, data []byte) (*Config, error) {
	root, err := decodeYAML(name, data)
	if err != nil {
		return nil, ErrorList(Errors(name, err))
	}
	p := &configParser{name: name}
	cfg := &Config{}
	if root == nil || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		return cfg, nil // an empty file configures nothing
	}
	f := p.fields(root, "the configuration", "rules", "categories", "rule-files", "overrides", "ignore", "latex", "source-code", "spelling")
	if f != nil {
		cfg.Settings = p.settings(f["rules"], f["categories"], cfg)
		for _, n := range p.seq(f["rule-files"], "rule-files") {
			if s, ok := p.scalar(n, "a rule file"); ok {
				cfg.RuleFiles = append(cfg.RuleFiles, Ref{Value: s, Line: n.Line, Column: n.Column})
			}
		}
		if len(cfg.RuleFiles) > MaxRuleFiles {
			p.errorf(f["rule-files"], "more than %d rule files", MaxRuleFiles)
		}
		for _, n := range p.seq(f["overrides"], "overrides") {
			of := p.fields(n, "an override", "files", "rules", "categories")
			if of == nil {
				continue
			}
			o := Override{Files: p.globs(of["files"], "files"), Settings: p.settings(of["rules"], of["categories"], cfg)}
			if of["files"] == nil {
				p.errorf(n, "an override needs files: a list of globs")
			}
			cfg.Overrides = append(cfg.Overrides, o)
		}
		cfg.Ignore = p.globs(f["ignore"], "ignore")
		cfg.Markup = p.latex(f["latex"])
		cfg.SourceCode = p.sourceCode(f["source-code"])
		cfg.Spelling = p.spelling(f["spelling"])
		cfg.Settings.Spelling.Dialect = cfg.Spelling.Dialect
	}
	if p.globCount > MaxGlobs {
		p.errorf(root, "more than %d globs", MaxGlobs)
	}
	if len(p.errs) > 0 {
		sortErrors(p.errs)
		return nil, p.errs
	}
	return cfg, nil
}

// sourceCode reads the source-code list: language ids of formats that
// are opt-in (any id or alias the format registry knows, stored by its
// canonical name).
func (p *configParser) sourceCode(n *yaml.Node) []Ref {
	var out []Ref
	for _, item := range p.seq(n, "source-code") {
		id, ok := p.scalar(item, "a language id")
		if !ok {
			continue
		}
		f, known := markup.LookupFormat(id)
		if !known || !f.OptIn {
			p.errorf(item, "source-code: %q is not a source-code language (known: %s)", id, strings.Join(sourceCodeNames(), ", "))
			continue
		}
		out = append(out, Ref{Value: f.Name, Line: item.Line, Column: item.Column})
	}
	return out
}

// sourceCodeNames lists the canonical names of the opt-in formats.
func sourceCodeNames() []string {
	var names []string
	for _, f := range markup.Formats() {
		if f.OptIn {
			names = append(names, f.Name)
		}
	}
	return names
}

// SourceCodeOn reports whether the configuration turns on the comments of
// the source-code format named name (canonical).
func (c *Config) SourceCodeOn(name string) bool {
	if c == nil {
		return false
	}
	for _, r := range c.SourceCode {
		if r.Value == name {
			return true
		}
	}
	return false
}

// SourceCodeOn reports whether the project turns on the comments of the
// source-code format named name; false for no project.
func (p *Project) SourceCodeOn(name string) bool {
	return p != nil && p.Config.SourceCodeOn(name)
}

type configParser struct {
	name      string
	errs      ErrorList
	globCount int
}

func (p *configParser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.name, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// fields returns a mapping's values by key, reporting unknown and repeated
// keys.
func (p *configParser) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping", what)
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(allowed, k.Value) {
			p.errorf(k, "unknown field %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[k.Value]; dup {
			p.errorf(k, "field %q given twice", k.Value)
			continue
		}
		out[k.Value] = v
	}
	return out
}

// latex reads the latex section: lists of macro and environment names.
func (p *configParser) latex(n *yaml.Node) *markup.Options {
	if n == nil || isNull(n) {
		return nil
	}
	f := p.fields(n, "latex", "text-macros", "skip-environments")
	if f == nil {
		return nil
	}
	names := func(key, what string, star bool) []string {
		var out []string
		for _, c := range p.seq(f[key], "latex."+key) {
			s, ok := p.scalar(c, what)
			if !ok {
				continue
			}
			s = strings.TrimPrefix(s, `\`)
			if !latexName(s, star) {
				p.errorf(c, "%s %q is not a LaTeX name (letters only)", what, s)
				continue
			}
			out = append(out, s)
		}
		return out
	}
	o := &markup.Options{LaTeX: markup.LaTeXOptions{
		TextMacros:       names("text-macros", "a macro name", false),
		SkipEnvironments: names("skip-environments", "an environment name", true),
	}}
	if o.Key() == "" {
		return nil
	}
	return o
}

// latexName reports whether s is a macro name (letters) or, with star,
// an environment name (letters, then an optional '*').
func latexName(s string, star bool) bool {
	if star {
		s = strings.TrimSuffix(s, "*")
	}
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// seq returns a sequence's items; null is an empty list.
func (p *configParser) seq(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list", what)
		return nil
	}
	return n.Content
}

func (p *configParser) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		p.errorf(n, "%s must be a string", what)
		return "", false
	}
	return n.Value, true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// globs reads a glob or a list of globs.
func (p *configParser) globs(n *yaml.Node, what string) []Glob {
	if n == nil || isNull(n) {
		return nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out []Glob
	for _, c := range items {
		s, ok := p.scalar(c, what+" entry")
		if !ok {
			continue
		}
		// Counted before compiling: past the limit nothing more is
		// compiled, so a file of many globs costs no more than one at
		// the limit (Parse reports the count).
		if p.globCount++; p.globCount > MaxGlobs {
			continue
		}
		g, err := CompileGlob(s)
		if err != nil {
			p.errorf(c, "%v", err)
			continue
		}
		out = append(out, g)
	}
	return out
}

// settings reads a rules mapping and a categories mapping.
func (p *configParser) settings(rn, cn *yaml.Node, cfg *Config) rules.Settings {
	var s rules.Settings
	if rn != nil && !isNull(rn) {
		if f := p.orderedFields(rn, "rules"); f != nil {
			s.Rules = make(map[string]rules.RuleSetting, len(f))
			for _, kv := range f {
				rs, err := parseRuleSetting(kv[1])
				if err != nil {
					p.errorf(kv[1], "rule %s: %v", kv[0].Value, err)
					continue
				}
				s.Rules[kv[0].Value] = rs
				cfg.ids = append(cfg.ids, Ref{Value: kv[0].Value, Line: kv[0].Line, Column: kv[0].Column})
			}
		}
	}
	if cn != nil && !isNull(cn) {
		if f := p.orderedFields(cn, "categories"); f != nil {
			s.Categories = make(map[string]bool, len(f))
			for _, kv := range f {
				on, err := parseSwitch(kv[1])
				if err != nil {
					p.errorf(kv[1], "category %s: %v", kv[0].Value, err)
					continue
				}
				s.Categories[kv[0].Value] = on
				cfg.cats = append(cfg.cats, Ref{Value: kv[0].Value, Line: kv[0].Line, Column: kv[0].Column})
			}
		}
	}
	return s
}

// orderedFields returns a mapping's key/value pairs in file order,
// reporting non-string and repeated keys.
func (p *configParser) orderedFields(n *yaml.Node, what string) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping", what)
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "a key in %s must be a string", what)
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "%q given twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// parseRuleSetting reads off/false, on/true or a severity name.
func parseRuleSetting(n *yaml.Node) (rules.RuleSetting, error) {
	if n.Kind != yaml.ScalarNode {
		return rules.RuleSetting{}, fmt.Errorf("want off, on or a severity (error, warning, info, hint)")
	}
	switch strings.ToLower(n.Value) {
	case "off", "false", "no":
		return rules.RuleSetting{Off: true}, nil
	case "on", "true", "yes":
		return rules.RuleSetting{}, nil
	}
	// A whole number turns the rule on with that limit (long-sentence: 30).
	if limit, err := strconv.Atoi(n.Value); err == nil {
		if limit < 1 || limit > 1000 {
			return rules.RuleSetting{}, fmt.Errorf("a limit must be from 1 to 1000, not %d", limit)
		}
		return rules.RuleSetting{Limit: limit}, nil
	}
	sev, err := rules.ParseSeverity(n.Value)
	if err != nil {
		return rules.RuleSetting{}, fmt.Errorf("want off, on or a severity (error, warning, info, hint), or a limit, not %q", n.Value)
	}
	return rules.RuleSetting{Severity: sev}, nil
}

func parseSwitch(n *yaml.Node) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "off", "false", "no":
			return false, nil
		case "on", "true", "yes":
			return true, nil
		}
	}
	return false, fmt.Errorf("want off or on, not %q", n.Value)
}

// Validate checks the rule ids and categories the configuration names
// against the rules in force (the built-in ones and the custom ones).
func (c *Config) Validate(name string, all []*rules.Rule) error {
	ids := make(map[string]bool, len(all))
	for _, r := range all {
		ids[r.ID] = true
	}
	var errs ErrorList
	for _, ref := range c.ids {
		if !ids[ref.Value] {
			errs = append(errs, &Error{File: name, Line: ref.Line, Column: ref.Column, Msg: fmt.Sprintf("unknown rule id %q (liaison rules lists them)", ref.Value)})
		}
	}
	cats := rules.Categories()
	for _, ref := range c.cats {
		if !slices.Contains(cats, ref.Value) {
			errs = append(errs, &Error{File: name, Line: ref.Line, Column: ref.Column, Msg: fmt.Sprintf("unknown category %q (known: %s)", ref.Value, strings.Join(cats, ", "))})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Merge layers top over base: an entry in top replaces base's entry for
// the same rule or category.
func Merge(base, top rules.Settings) rules.Settings {
	out := rules.Settings{Rules: maps.Clone(base.Rules), Categories: maps.Clone(base.Categories)}
	if len(top.Rules) > 0 && out.Rules == nil {
		out.Rules = make(map[string]rules.RuleSetting, len(top.Rules))
	}
	maps.Copy(out.Rules, top.Rules)
	if len(top.Categories) > 0 && out.Categories == nil {
		out.Categories = make(map[string]bool, len(top.Categories))
	}
	maps.Copy(out.Categories, top.Categories)
	// The project's dialect wins over the editor's (the editor's is the
	// user's default for documents of no project).
	out.Spelling = base.Spelling.Under(top.Spelling)
	return out
}
