package project

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

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
}

// Load reads the configuration at configPath and the rule files it names,
// and validates it against the built-in rules and the custom ones. root
// bounds the rule files (see Find); "" means the configuration's
// directory. Errors are an ErrorList with file, line and column.
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
		rs, err := ParseRuleFile(path, data)
		if err != nil {
			at("rule file %q is invalid:\n%v", ref.Value, err)
			continue
		}
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
	return p, nil
}

// ParseRuleFile reads a custom rule file under the limits for untrusted
// input (size, nesting, no aliases), then in the built-in rule format, and
// checks that its rules compile.
func ParseRuleFile(name string, data []byte) ([]*rules.Rule, error) {
	if err := CheckYAML(name, data); err != nil {
		return nil, err
	}
	rs, err := rules.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if _, err := rules.NewEngine(rs); err != nil {
		return nil, err
	}
	return rs, nil
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
