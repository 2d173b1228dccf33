package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sync"
)

// library holds the default rule files, one YAML file per family of rules.
//
//go:embed library/*.yaml
var library embed.FS

// loadDefault parses the embedded library once.
var loadDefault = sync.OnceValues(func() ([]*Rule, error) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("listing the rule library: %w", err)
	}
	var all []*Rule
	seen := map[string]string{}
	for _, name := range names {
		data, err := library.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		rs, err := Parse(path.Base(name), data)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if src, dup := seen[r.ID]; dup {
				return nil, fmt.Errorf("%s: rule %q is already defined at %s", r.Source, r.ID, src)
			}
			seen[r.ID] = r.Source
		}
		all = append(all, rs...)
	}
	return all, nil
})

// LoadDefault returns the rules embedded in the binary, in file order. The
// rules are shared and must not be modified.
func LoadDefault() ([]*Rule, error) {
	rs, err := loadDefault()
	if err != nil {
		return nil, err
	}
	return append([]*Rule(nil), rs...), nil
}

// LibraryFiles returns the embedded rule files by name, for users who want
// to read or copy them.
func LibraryFiles() (map[string][]byte, error) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(names))
	for _, n := range names {
		b, err := library.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out[path.Base(n)] = b
	}
	return out, nil
}
