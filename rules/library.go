package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"go.yaml.in/yaml/v3"
)

// library holds the default rule files, one YAML file per family of rules.
//
//go:embed library/*.yaml
var library embed.FS

// libraryData is the parsed library: its rules in file order and its
// sets, which every rule file can use.
type libraryData struct {
	rules []*Rule
	sets  setTable
	// From the snapshot (nil when the YAML was parsed): by rule, its
	// patterns' key slots, and the index of the rules on by default, which
	// NewEngine takes instead of computing them (snapshot.go).
	keys  [][]int
	index *index
}

// loadLibrary loads the embedded library once: from its snapshot when the
// snapshot is as new as the YAML (snapshot.go), else by parsing the YAML.
var loadLibrary = sync.OnceValues(func() (*libraryData, error) {
	if lib, ok := loadSnapshot(); ok {
		return lib, nil
	}
	return parseLibrary()
})

// librarySets returns the library's named sets.
func librarySets() (setTable, error) {
	lib, err := loadLibrary()
	if err != nil {
		return nil, err
	}
	return lib.sets, nil
}

// parseLibrary parses the embedded library: first every file's set
// definitions (sets are library-wide), then the files' rules,
// concurrently (loading the library is on the way from a server's start
// to its first diagnostics); their rules are kept in file order.
func parseLibrary() (*libraryData, error) {
	names, err := fs.Glob(library, "library/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("listing the rule library: %w", err)
	}
	type parsed struct {
		root  *yaml.Node
		defs  []setDef
		rules []*Rule
		err   error
	}
	files := make([]parsed, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := &files[i]
			data, err := library.ReadFile(name)
			if err != nil {
				f.err = fmt.Errorf("reading %s: %w", name, err)
				return
			}
			if f.root, f.err = decodeRules(path.Base(name), data); f.err != nil {
				return
			}
			p := parser{name: path.Base(name)}
			f.defs = p.setDefs(f.root)
			f.err = errors.Join(p.errs...)
		}()
	}
	wg.Wait()
	var defs []setDef
	for _, f := range files {
		if f.err != nil {
			return nil, f.err
		}
		defs = append(defs, f.defs...)
	}
	sets, setErrs := resolveSets(defs, nil, false)
	if err := errors.Join(setErrs...); err != nil {
		return nil, err
	}
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := parser{name: path.Base(name), sets: sets}
			files[i].rules = p.rules(files[i].root)
			files[i].err = errors.Join(p.errs...)
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
	return &libraryData{rules: all, sets: sets}, nil
}

// LoadDefault returns the rules embedded in the binary, in file order. The
// rules are shared and must not be modified.
func LoadDefault() ([]*Rule, error) {
	lib, err := loadLibrary()
	if err != nil {
		return nil, err
	}
	return append([]*Rule(nil), lib.rules...), nil
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
