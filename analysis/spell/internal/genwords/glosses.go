package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

type oewnSynset struct {
	Definition []string    `yaml:"definition"`
	Example    []yaml.Node `yaml:"example"`
	Members    []string    `yaml:"members"`
}

// readGlossWords returns the lower-case words OEWN's definitions and
// examples use outside the synsets they belong to: vocabulary its
// lexicographers write with ("reflux", "crustal"), as against a word
// only shown in its own entry ("a refund therefor"). The confusable
// filter spares them.
func readGlossWords(dir string) (map[string]bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	out := map[string]bool{}
	for _, name := range files {
		base := filepath.Base(name)
		if strings.HasPrefix(base, "entries-") || base == "frames.yaml" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var synsets map[string]oewnSynset
		if err := yaml.Unmarshal(data, &synsets); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, s := range synsets {
			own := map[string]bool{}
			for _, m := range s.Members {
				for part := range strings.FieldsSeq(strings.ToLower(m)) {
					own[part] = true
				}
			}
			texts := slices.Clone(s.Definition)
			for _, e := range s.Example {
				if e.Kind == yaml.ScalarNode {
					texts = append(texts, e.Value)
				} else {
					var ex struct {
						Text string `yaml:"text"`
					}
					if e.Decode(&ex) == nil {
						texts = append(texts, ex.Text)
					}
				}
			}
			for _, t := range texts {
				for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) }) {
					if !ownForm(w, own) {
						out[w] = true
					}
				}
			}
		}
	}
	return out, nil
}

// ownForm reports whether w is one of the synset's own members or an
// inflection of one (calendered for calender).
func ownForm(w string, own map[string]bool) bool {
	if own[w] {
		return true
	}
	for m := range own {
		if len(m) >= 4 && strings.HasPrefix(w, m[:len(m)-1]) && len(w)-len(m) <= 3 {
			return true
		}
	}
	return false
}
