// Command genwords compiles the spelling word list (words.bin.zst) from
// SCOWL, the OEWN lemmas and the inflections analysis/morph makes of them.
//
//	go run ./internal/genwords -scowl DIR -oewn DIR -out words.bin.zst
//
// Output is byte-identical for the same input: every map is read in sorted
// order and the zstd encoder runs single-threaded.
package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"strings"

	"liaison/analysis/morph"
)

func main() {
	scowl := flag.String("scowl", "", "SCOWL directory (its files are named CATEGORY-SUBCATEGORY.SIZE)")
	oewn := flag.String("oewn", "", "OEWN 2025 YAML directory (entries-*.yaml)")
	out := flag.String("out", "words.bin.zst", "output file")
	list := flag.String("list", "", "also write the accepted words as text, one per line with size and dialects (for inspection)")
	flag.Parse()
	if *scowl == "" || *oewn == "" {
		fmt.Fprintln(os.Stderr, "genwords: -scowl and -oewn are required")
		os.Exit(2)
	}
	if err := run(*scowl, *oewn, *out, *list); err != nil {
		fmt.Fprintln(os.Stderr, "genwords:", err)
		os.Exit(1)
	}
}

func run(scowlDir, oewnDir, out, list string) error {
	s, err := readSCOWL(scowlDir)
	if err != nil {
		return err
	}
	lemmas, graded, generated, err := readOEWN(oewnDir)
	if err != nil {
		return err
	}
	// morph grades every adjective (particularer) and pluralises mass
	// nouns (informations): a comparative counts only if SCOWL lists it,
	// and an inflection of a common lemma (SCOWL ≤ 20, whose inflections
	// SCOWL curates) only if SCOWL lists it within the size limit
	// (informations is at 80, information at 10). Rarer lemmas keep
	// morph's forms (globulins, cyanides, hatchlings).
	for w := range graded {
		if _, listed := s[w]; listed {
			lemmas[w] = true
		}
	}
	for w, lemma := range generated {
		ls := s[lemma]
		if ls == nil || ls.minSize() > commonSize || (s[w] != nil && s[w].minSize() <= defaultLimits()[subWords]) {
			lemmas[w] = true
		}
	}
	lex, err := morph.Load()
	if err != nil {
		return err
	}
	tech := map[string]bool{}
	for _, w := range technical(lex) {
		tech[w] = true
	}
	glossWords, err := readGlossWords(oewnDir)
	if err != nil {
		return err
	}
	keep := maps.Clone(tech)
	maps.Copy(keep, glossWords)
	words, confusable := accept(s, lemmas, tech, keep, defaultLimits())
	fmt.Fprintf(os.Stderr, "genwords: %d rare words dropped as confusable with a common one\n", len(confusable))
	if list != "" {
		if err := os.WriteFile(list+".confusable", []byte(strings.Join(confusable, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	data, err := encode(words)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	if list != "" {
		if err := writeList(list, words); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "genwords: %d words; %s %d bytes\n", len(words), out, len(data))
	return nil
}
