package project

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"liaison/rules"
)

// Project is a loaded configuration: the parsed file, the custom rules its
// rule files define, and where it lives. A Project is immutable.
type Project struct {
	ConfigPath string // the configuration file
	Dir        string // its directory: globs and rule files are relative to it
	Root       string // the workspace or repository root rule files must stay within
	Config     *Config
	Custom     []*rules.Rule // rules from the configuration's rule files
	Files      []string      // the configuration and its rule files, as read
	// Problems are the bad rules of rule files that were read: each at its
	// rule file's line and column. They are not fatal: the files' other
	// rules are in Custom and the configuration is in force.
	Problems ErrorList
}

// Load reads the configuration at configPath and the rule files it names,
// and validates it against the built-in rules and the custom ones. root
// bounds the rule files (see Find); "" means the configuration's
// directory. Errors are an ErrorList with file, line and column; a rule
// file's bad rules are not errors but the Project's Problems.
func Load(configPath, root string, builtin []*rules.Rule) (*Project, error) {
	if root == "" {
		root = filepath.Dir(configPath)
	}
	data, err := readCapped(configPath, root)
	if err != nil {
		return nil, ErrorList(Errors(configPath, fmt.Errorf("reading the configuration: %w", err)))
	}
	return LoadData(configPath, root, data, builtin)
}

// LoadData is Load with the configuration's text already read (an editor
// buffer, say). The rule files are read from disk.
func LoadData(configPath, root string, data []byte, builtin []*rules.Rule) (*Project, error) {
	cfg, err := Parse(configPath, data)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(configPath)
	if root == "" {
		root = dir
	}
	p := &Project{ConfigPath: configPath, Dir: dir, Root: root, Config: cfg, Files: []string{configPath}}
	var errs ErrorList
	seen := make(map[string]string, len(builtin))
	for _, r := range builtin {
		seen[r.ID] = r.Source
	}
	for _, ref := range cfg.RuleFiles {
		at := func(format string, args ...any) {
			errs = append(errs, &Error{File: configPath, Line: ref.Line, Column: ref.Column, Msg: fmt.Sprintf(format, args...)})
		}
		path, err := resolveRuleFile(dir, ref.Value)
		if err != nil {
			at("rule file %q: %v", ref.Value, err)
			continue
		}
		if len(p.Custom) >= MaxRules {
			at("rule file %q: not read: the rule files before it hold %d rules, the most allowed", ref.Value, MaxRules)
			continue
		}
		p.Files = append(p.Files, path)
		data, err := readCapped(path, root)
		if err != nil {
			at("rule file %q: %v", ref.Value, err)
			continue
		}
		rs, problems, err := parseRuleFile(path, data)
		if err != nil {
			at("rule file %q is invalid:\n%v", ref.Value, err)
			continue
		}
		p.Problems = append(p.Problems, problems...)
		for _, r := range rs {
			if len(p.Custom) >= MaxRules {
				at("rule file %q: more than %d custom rules in all", ref.Value, MaxRules)
				break
			}
			if src, dup := seen[r.ID]; dup {
				at("rule file %q: rule %q (%s) is already defined at %s", ref.Value, r.ID, r.Source, src)
				continue
			}
			seen[r.ID] = r.Source
			p.Custom = append(p.Custom, r)
		}
	}
	all := append(append([]*rules.Rule(nil), builtin...), p.Custom...)
	if err := cfg.Validate(configPath, all); err != nil {
		errs = append(errs, Errors(configPath, err)...)
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	sortErrors(p.Problems)
	return p, nil
}

// ParseRuleFile reads a custom rule file under the limits for untrusted
// input (size, nesting, no aliases), then in the built-in rule format, and
// checks that its rules compile. It returns the rules that are sound even
// when others are not; the error is then an ErrorList of the bad ones.
func ParseRuleFile(name string, data []byte) ([]*rules.Rule, error) {
	rs, problems, err := parseRuleFile(name, data)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return rs, problems
	}
	return rs, nil
}

// parseRuleFile is ParseRuleFile with the file's bad rules (problems)
// told apart from a file that cannot be read as a rule file at all (err).
func parseRuleFile(name string, data []byte) (rs []*rules.Rule, problems ErrorList, err error) {
	if err := CheckYAML(name, data); err != nil {
		return nil, nil, err
	}
	rs, err = rules.Parse(name, data)
	if err != nil {
		if len(rs) == 0 && !hasRules(data) {
			return nil, nil, err // not a list of rules: nothing to keep
		}
		problems = positioned(name, err)
	}
	if _, err := rules.NewEngine(rs); err != nil {
		// Parse checks what compiling does; should a rule still fail, keep
		// the others: try each alone.
		kept := rs[:0:0]
		for _, r := range rs {
			if _, err := rules.NewEngine([]*rules.Rule{r}); err != nil {
				problems = append(problems, positioned(name, err)...)
				continue
			}
			kept = append(kept, r)
		}
		rs = kept
	}
	return rs, problems, nil
}

// hasRules reports whether data decodes as a YAML list (what a rule file
// is), so that a file whose every rule is bad is told from one that is not
// a rule file.
func hasRules(data []byte) bool {
	var list []any
	return yaml.Unmarshal(data, &list) == nil && list != nil
}

// positioned splits the errors of rules.Parse or rules.NewEngine (joined,
// each "file:line:column: message" or "file:line: message") into Errors.
func positioned(name string, err error) ErrorList {
	var out ErrorList
	var each []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		each = j.Unwrap()
	} else {
		each = []error{err}
	}
	for _, e := range each {
		out = append(out, positionOf(name, e.Error()))
	}
	return out
}

// positionOf reads the position prefix of msg, an error about file name.
func positionOf(name, msg string) *Error {
	e := &Error{File: name, Msg: msg}
	rest, ok := strings.CutPrefix(msg, name+":")
	if !ok {
		return e
	}
	var nums []int
	for len(nums) < 2 {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		n, err := strconv.Atoi(rest[:i])
		if i == 0 || i >= len(rest) || rest[i] != ':' || err != nil {
			break
		}
		nums, rest = append(nums, n), rest[i+1:]
	}
	if len(nums) == 0 {
		return e
	}
	e.Line = nums[0]
	if len(nums) == 2 {
		e.Column = nums[1]
	}
	e.Msg = strings.TrimSpace(rest)
	return e
}

// RuleFileRef returns the rule_files entry that names the rule file at
// path; the zero Ref when none does.
func (p *Project) RuleFileRef(path string) Ref {
	for _, ref := range p.Config.RuleFiles {
		if f, err := resolveRuleFile(p.Dir, ref.Value); err == nil && f == path {
			return ref
		}
	}
	return Ref{}
}

// resolveRuleFile turns a rule file reference into a path, refusing
// absolute paths and files other than .yaml/.yml. Whether the file stays
// inside the project root once symbolic links are resolved is checked
// when it is read (readCapped).
func resolveRuleFile(dir, ref string) (string, error) {
	if ref == "" {
		return "", errors.New("empty path")
	}
	if filepath.IsAbs(ref) || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, `\`) || filepath.VolumeName(ref) != "" {
		return "", errors.New("must be a path relative to the configuration")
	}
	switch strings.ToLower(filepath.Ext(ref)) {
	case ".yaml", ".yml":
	default:
		return "", errors.New("must be a .yaml or .yml file")
	}
	return filepath.Join(dir, filepath.FromSlash(ref)), nil
}

func sortErrors(errs ErrorList) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

// SettingsFor returns the rule settings for the file at path (absolute,
// or relative to the configuration's directory): the top-level settings
// with every matching override layered on in order.
func (p *Project) SettingsFor(path string) rules.Settings {
	s := p.Config.Settings
	rel, ok := p.rel(path)
	if !ok {
		return s
	}
	for _, o := range p.Config.Overrides {
		if matchAny(o.Files, rel) {
			s = Merge(s, o.Settings)
		}
	}
	return s
}

// Ignored reports whether `liaison check` skips the file or directory at
// path (absolute, or relative to the configuration's directory).
func (p *Project) Ignored(path string) bool {
	rel, ok := p.rel(path)
	return ok && matchAny(p.Config.Ignore, rel)
}

// rel returns path relative to the configuration's directory, with
// slashes; false when it is outside.
func (p *Project) rel(path string) (string, bool) {
	if !filepath.IsAbs(path) {
		return filepath.ToSlash(filepath.Clean(path)), true
	}
	r, err := filepath.Rel(p.Dir, path)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func matchAny(gs []Glob, rel string) bool {
	for _, g := range gs {
		if g.Match(rel) {
			return true
		}
	}
	return false
}
