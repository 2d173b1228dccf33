package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"liaison/analysis/spell/internal/wordfile"
)

// tier is how firmly SCOWL puts a word in a dialect: in its main list (or
// the near-equal variant_1 list), as an also-acceptable variant_2, or as a
// seldom-used variant_3.
type tier int

const (
	tierMain tier = iota
	tierV2
	tierV3
	nTiers
)

// sub is SCOWL's sub-category of a list.
type sub int

const (
	subWords sub = iota
	subUpper
	subProper
	subAbbrev
	subContraction
	nSubs
)

func subNames() map[string]sub {
	return map[string]sub{
		"words": subWords, "upper": subUpper, "proper-names": subProper,
		"abbreviations": subAbbrev, "contractions": subContraction,
	}
}

// category is what a SCOWL spelling category says about dialects.
type category struct {
	dialects int // wordfile dialect bits
	tier     tier
}

const allDialects = 1<<wordfile.NDialects - 1

func categories() map[string]category {
	return map[string]category{
		"english":              {allDialects, tierMain},
		"special":              {allDialects, tierMain},
		"american":             {wordfile.US, tierMain},
		"variant_1":            {wordfile.US, tierMain},
		"variant_2":            {wordfile.US, tierV2},
		"variant_3":            {wordfile.US, tierV3},
		"british":              {wordfile.GB, tierMain},
		"british_z":            {wordfile.GBOxford, tierMain},
		"british_variant_1":    {wordfile.GB | wordfile.GBOxford, tierMain},
		"british_variant_2":    {wordfile.GB | wordfile.GBOxford, tierV2},
		"canadian":             {wordfile.CA, tierMain},
		"canadian_variant_1":   {wordfile.CA, tierMain},
		"canadian_variant_2":   {wordfile.CA, tierV2},
		"australian":           {wordfile.AU, tierMain},
		"australian_variant_1": {wordfile.AU, tierMain},
		"australian_variant_2": {wordfile.AU, tierV2},
	}
}

// scowlWord is everything SCOWL says about one spelling: per dialect and
// tier the smallest size class listing it (0: not listed), and the
// sub-category of that smallest listing.
type scowlWord struct {
	size [wordfile.NDialects][nTiers]int
	sub  sub
	// british is set when the word is in the plain british category (not
	// british_z): en-GB's -ise spellings, which en-GB-oxendict rejects when
	// it has the -ize one.
	british bool
}

// minSize is the smallest size class listing the word anywhere.
func (w *scowlWord) minSize() int {
	m := 0
	for d := range wordfile.NDialects {
		for t := range nTiers {
			if s := w.size[d][t]; s != 0 && (m == 0 || s < m) {
				m = s
			}
		}
	}
	return m
}

func readSCOWL(dir string) (map[string]*scowlWord, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.[0-9]*"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	words := map[string]*scowlWord{}
	files := 0
	cats, subs := categories(), subNames()
	for _, name := range names {
		base := filepath.Base(name)
		dot := strings.LastIndexByte(base, '.')
		size, err := strconv.Atoi(base[dot+1:])
		if err != nil || wordfile.SizeIndex(size) < 0 {
			continue
		}
		catName, subName, ok := strings.Cut(base[:dot], "-")
		if !ok {
			return nil, fmt.Errorf("%s: name is not CATEGORY-SUBCATEGORY.SIZE", name)
		}
		cat, ok := cats[catName]
		if !ok {
			return nil, fmt.Errorf("%s: unknown spelling category %q", name, catName)
		}
		sc := subWords
		if catName == "special" {
			sc = subAbbrev // hacker terms and roman numerals: not ordinary words
		} else if sc, ok = subs[subName]; !ok {
			return nil, fmt.Errorf("%s: unknown sub-category %q", name, subName)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files++
		sn := bufio.NewScanner(bytes.NewReader(data))
		for sn.Scan() {
			w := latin1(sn.Bytes())
			if w == "" {
				continue
			}
			e := words[w]
			if e == nil {
				e = &scowlWord{sub: sc}
				words[w] = e
			}
			if m := e.minSize(); m == 0 || size < m {
				e.sub = sc
			}
			if catName == "british" {
				e.british = true
			}
			for d := range wordfile.NDialects {
				if cat.dialects&(1<<d) == 0 {
					continue
				}
				if s := &e.size[d][cat.tier]; *s == 0 || size < *s {
					*s = size
				}
			}
		}
		if err := sn.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if files == 0 {
		return nil, fmt.Errorf("no SCOWL lists (CATEGORY-SUBCATEGORY.SIZE) in %s", dir)
	}
	return words, nil
}

// latin1 reads a SCOWL line as UTF-8 (café): SCOWL's README says its
// lists are ISO-8859-1, but this copy's are UTF-8; a line that is not
// valid UTF-8 is read as ISO-8859-1.
func latin1(b []byte) string {
	b = bytes.TrimSpace(b)
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}
