package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/morph"
)

type oewnPOS struct {
	Form []string `yaml:"form"`
}

var oewnPOS2morph = map[string]morph.POS{"n": morph.Noun, "v": morph.Verb, "a": morph.Adj, "s": morph.Adj, "r": morph.Adv}

// readOEWN returns every single-word OEWN lemma and irregular form, and
// every inflection analysis/morph makes of the lemmas, as a set.
func readOEWN(dir string) (map[string]bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "entries-*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no entries-*.yaml in %s", dir)
	}
	slices.Sort(files)
	lex, err := morph.Load()
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var entries map[string]map[string]oewnPOS
		if err := yaml.Unmarshal(data, &entries); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, lemma := range slices.Sorted(maps.Keys(entries)) {
			if strings.ContainsAny(lemma, " _") || lemma == "" {
				continue
			}
			out[lemma] = true
			for _, code := range slices.Sorted(maps.Keys(entries[lemma])) {
				pos, ok := oewnPOS2morph[code]
				if !ok {
					continue
				}
				for _, f := range entries[lemma][code].Form {
					if !strings.ContainsAny(f, " _") {
						out[f] = true
					}
				}
				for form := morph.Base + 1; form <= morph.Superlative; form++ {
					if form.Applies(pos) {
						out[lex.Inflect(lemma, pos, form)] = true
					}
				}
			}
		}
	}
	return out, nil
}
