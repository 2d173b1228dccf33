package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/morph"
)

type oewnPOS struct {
	Form []string `yaml:"form"`
}

// morphPOS maps an OEWN part-of-speech code to morph's.
func morphPOS(code string) (morph.POS, bool) {
	p, ok := map[string]morph.POS{"n": morph.Noun, "v": morph.Verb, "a": morph.Adj, "s": morph.Adj, "r": morph.Adv}[code]
	return p, ok
}

// readOEWN returns every single-word OEWN lemma and irregular form as a
// set; the comparatives and superlatives analysis/morph makes of the
// adjectives (graded) and the other inflections it makes, with their
// lemma (generated), apart: the caller keeps those SCOWL vouches for.
func readOEWN(dir string) (out, graded map[string]bool, generated map[string]string, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "entries-*.yaml"))
	if err != nil {
		return nil, nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, nil, fmt.Errorf("no entries-*.yaml in %s", dir)
	}
	slices.Sort(files)
	lex, err := morph.Load()
	if err != nil {
		return nil, nil, nil, err
	}
	out, graded, generated = map[string]bool{}, map[string]bool{}, map[string]string{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, nil, err
		}
		var entries map[string]map[string]oewnPOS
		if err := yaml.Unmarshal(data, &entries); err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, lemma := range slices.Sorted(maps.Keys(entries)) {
			if lemma == "" {
				continue
			}
			if strings.ContainsAny(lemma, " _") {
				// The words of a multi-word lemma are words of English
				// prose too (diabetes mellitus, angina pectoris, nux
				// vomica), however rare alone; letters only, three or more.
				for part := range strings.FieldsFuncSeq(lemma, func(r rune) bool { return r == ' ' || r == '_' }) {
					if len(part) >= 3 && lettersOnly(part) && !out[part] {
						out[part] = true
					}
				}
				continue
			}
			out[lemma] = true
			for _, code := range slices.Sorted(maps.Keys(entries[lemma])) {
				pos, ok := morphPOS(code)
				if !ok {
					continue
				}
				for _, f := range entries[lemma][code].Form {
					if !strings.ContainsAny(f, " _") {
						out[f] = true
					}
				}
				for form := morph.Base + 1; form <= morph.Superlative; form++ {
					if !form.Applies(pos) {
						continue
					}
					f := lex.Inflect(lemma, pos, form)
					if form == morph.Comparative || form == morph.Superlative {
						// morph inflects every adjective (particularer);
						// only the comparatives SCOWL lists are words.
						if !out[f] {
							graded[f] = true
						}
						continue
					}
					if _, dup := generated[f]; !dup {
						generated[f] = lemma
					}
				}
			}
		}
	}
	for w := range out {
		delete(graded, w)
		delete(generated, w)
	}
	return out, graded, generated, nil
}

func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
