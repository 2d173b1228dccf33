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
var loadDefault = sync.OnceValues(parseLibrary)

// parseLibrary parses the embedded library. The files parse concurrently
// (loading the library is on the way from a server's start to its first
// diagnostics); their rules are kept in file order.
func parseLibrary() ([]*Rule, error) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("listing the rule library: %w", err)
	}
	type parsed struct {
		rules []*Rule
		err   error
	}
	files := make([]parsed, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := library.ReadFile(name)
			if err != nil {
				files[i].err = fmt.Errorf("reading %s: %w", name, err)
				return
			}
			files[i].rules, files[i].err = Parse(path.Base(name), data)
		}()
	}
	wg.Wait()
	var all []*Rule
	seen := map[string]string{}
	for _, f := range files {
		if f.err != nil {
			return nil, f.err
		}
		for _, r := range f.rules {
			if src, dup := seen[r.ID]; dup {
				return nil, fmt.Errorf("%s: rule %q is already defined at %s", r.Source, r.ID, src)
			}
			seen[r.ID] = r.Source
		}
		all = append(all, f.rules...)
	}
	return all, nil
}

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
