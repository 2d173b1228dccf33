// Command gendict compiles the Open English WordNet YAML source into the
// compact binary dictionary that package dictionary embeds.
//
// Usage (from analysis/dictionary, via go generate):
//
//	go run ./internal/gendict -oewn ../../../shared/data/oewn-2025 -out oewn2025.dict.zst
//
// The output is a blockfile (see internal/blockfile) whose record layouts
// are described in ../../records.go.
package main

import (
	"cmp"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"liaison/analysis/dictionary/internal/blockfile"
)

func main() {
	oewn := flag.String("oewn", "../../../shared/data/oewn-2025", "Open English WordNet release directory (holding yaml/)")
	out := flag.String("out", "oewn2025.dict.zst", "output file")
	flag.Parse()
	if err := run(*oewn, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(oewnDir, outPath string) error {
	src, err := load(filepath.Join(oewnDir, "yaml"))
	if err != nil {
		return err
	}
	packed, err := encode(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, packed, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	fmt.Fprintf(os.Stderr, "gendict: %d lemmas, %d synsets, %d irregular forms: %d bytes -> %s\n",
		len(src.lemmas), len(src.synsets), len(src.forms), len(packed), outPath)
	return nil
}

// YAML shapes of the OEWN source.

type yamlPron struct {
	Value   string `yaml:"value"`
	Variety string `yaml:"variety"`
}

type yamlSense struct {
	ID          string   `yaml:"id"`
	Synset      string   `yaml:"synset"`
	Sent        []string `yaml:"sent"`
	Exemplifies []string `yaml:"exemplifies"`
}

type yamlEntryPOS struct {
	Form          []string    `yaml:"form"`
	Pronunciation []yamlPron  `yaml:"pronunciation"`
	Sense         []yamlSense `yaml:"sense"`
}

type yamlSynset struct {
	Definition   []string    `yaml:"definition"`
	Example      []yaml.Node `yaml:"example"`
	Members      []string    `yaml:"members"`
	Exemplifies  []string    `yaml:"exemplifies"`
	Hypernym     []string    `yaml:"hypernym"`
	DomainTopic  []string    `yaml:"domain_topic"`
	DomainRegion []string    `yaml:"domain_region"`
}

// The compiled model.

type pron struct{ variety, value string }

type sense struct {
	synset int
	sents  []string
	labels []string
}

type part struct {
	pos    byte // 'n', 'v', 'a', 'r'
	prons  []pron
	forms  []string
	senses []sense
}

type lemma struct {
	name, key string
	parts     []part
}

type synset struct {
	id         string
	definition string
	examples   []string
	members    []string
	labels     []string
	// domains name the synset's topic and region domains, field its
	// general field (see domains.go).
	domains              []string
	field                string
	lexfile              string
	hypernyms, domainIDs []string
}

type source struct {
	lemmas  []*lemma  // sorted by key, then name
	synsets []*synset // sorted by id
	forms   map[string][]int
}

// foldKey must match dictionary.fold.
func foldKey(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'").Replace(s)
}

var posOrder = map[string]byte{"n": 'n', "v": 'v', "a": 'a', "s": 'a', "r": 'r'}

var posRank = map[byte]int{'n': 0, 'v': 1, 'a': 2, 'r': 3}

// posOf strips a homograph number: "v-1" → "v".
func posOf(key string) string {
	p, _, _ := strings.Cut(key, "-")
	return p
}

func load(dir string) (*source, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no YAML files in %s", dir)
	}
	synsets := map[string]*synset{}
	entries := map[string]map[string]yamlEntryPOS{}
	for _, f := range files {
		base := filepath.Base(f)
		if base == "frames.yaml" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		if strings.HasPrefix(base, "entries-") {
			var m map[string]map[string]yamlEntryPOS
			if err := yaml.Unmarshal(data, &m); err != nil {
				return nil, fmt.Errorf("parse %s: %w", f, err)
			}
			for k, v := range m {
				entries[k] = v
			}
			continue
		}
		var m map[string]yamlSynset
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		for id, y := range m {
			s := &synset{id: id, definition: strings.Join(y.Definition, "; "), members: y.Members}
			for _, n := range y.Example {
				ex, err := example(n)
				if err != nil {
					return nil, fmt.Errorf("%s: synset %s: %w", f, id, err)
				}
				s.examples = append(s.examples, ex)
			}
			s.labels = append(s.labels, y.Exemplifies...) // resolved below
			s.lexfile = strings.TrimSuffix(base, ".yaml")
			s.hypernyms = y.Hypernym
			s.domainIDs = append(append(s.domainIDs, y.DomainTopic...), y.DomainRegion...)
			synsets[id] = s
		}
	}

	src := &source{forms: map[string][]int{}}
	for _, s := range synsets {
		src.synsets = append(src.synsets, s)
	}
	slices.SortFunc(src.synsets, func(a, b *synset) int { return cmp.Compare(a.id, b.id) })
	synsetIndex := make(map[string]int, len(src.synsets))
	for i, s := range src.synsets {
		synsetIndex[s.id] = i
	}
	// Usage-domain labels name the first member of the target synset.
	for _, s := range src.synsets {
		labels := s.labels[:0:0]
		for _, id := range s.labels {
			if t, ok := synsets[id]; ok && len(t.members) > 0 {
				labels = append(labels, t.members[0])
			}
		}
		s.labels = labels
		s.domains = domainLabels(s.domainIDs, synsets)
		s.field = fieldOf(s.lexfile, s.hypernyms, synsets)
	}

	for name, byPOS := range entries {
		l := &lemma{name: name, key: foldKey(name)}
		keys := make([]string, 0, len(byPOS))
		for k := range byPOS {
			if _, ok := posOrder[posOf(k)]; !ok {
				return nil, fmt.Errorf("entry %q: unknown part of speech %q", name, k)
			}
			keys = append(keys, k)
		}
		// n, v, a (with s), r; homographs ("v-1", "v-2") in order.
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(posRank[posOrder[posOf(a)]], posRank[posOrder[posOf(b)]]), strings.Compare(a, b))
		})
		for _, k := range keys {
			y := byPOS[k]
			pt := part{pos: posOrder[posOf(k)], forms: y.Form}
			for _, pr := range y.Pronunciation {
				pt.prons = append(pt.prons, pron{variety: pr.Variety, value: pr.Value})
			}
			for _, ys := range y.Sense {
				idx, ok := synsetIndex[ys.Synset]
				if !ok {
					return nil, fmt.Errorf("entry %q: unknown synset %s", name, ys.Synset)
				}
				s := sense{synset: idx, sents: ys.Sent}
				for _, ex := range ys.Exemplifies {
					s.labels = append(s.labels, senseLabel(ex))
				}
				pt.senses = append(pt.senses, s)
			}
			// Satellites and homographs merge into one part per POS.
			if n := len(l.parts); n > 0 && l.parts[n-1].pos == pt.pos {
				prev := &l.parts[n-1]
				prev.prons = append(prev.prons, pt.prons...)
				for _, f := range pt.forms {
					if !slices.Contains(prev.forms, f) {
						prev.forms = append(prev.forms, f)
					}
				}
				prev.senses = append(prev.senses, pt.senses...)
				continue
			}
			l.parts = append(l.parts, pt)
		}
		if len(l.parts) > 0 {
			src.lemmas = append(src.lemmas, l)
		}
	}
	slices.SortFunc(src.lemmas, func(a, b *lemma) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.name, b.name))
	})
	lemmaIndex := make(map[string]int, len(src.lemmas))
	for i, l := range src.lemmas {
		lemmaIndex[l.name] = i
		for _, p := range l.parts {
			for _, f := range p.forms {
				k := foldKey(f)
				if !slices.Contains(src.forms[k], i) {
					src.forms[k] = append(src.forms[k], i)
				}
			}
		}
	}
	for _, s := range src.synsets {
		for _, m := range s.members {
			if _, ok := lemmaIndex[m]; !ok {
				return nil, fmt.Errorf("synset %s: member %q has no entry", s.id, m)
			}
		}
	}
	return src, nil
}

// example renders a synset example: a plain string, or text with a source.
func example(n yaml.Node) (string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value, nil
	case yaml.MappingNode:
		var e struct {
			Text   string `yaml:"text"`
			Source string `yaml:"source"`
		}
		if err := n.Decode(&e); err != nil {
			return "", fmt.Errorf("example: %w", err)
		}
		if e.Source == "" {
			return e.Text, nil
		}
		return e.Text + " — " + e.Source, nil
	}
	return "", errors.New("example: unexpected YAML node")
}

// senseLabel turns a sense key such as "american_spelling%1:10:01::" into
// "american spelling".
func senseLabel(id string) string {
	name, _, _ := strings.Cut(id, "%")
	return strings.ReplaceAll(name, "_", " ")
}

// Records per block: small blocks make a first lookup cheap, large ones
// compress better.
const (
	synsetsPerBlock = 32
	lemmasPerBlock  = 64
	formsPerBlock   = 512
	dictSize        = 100 << 10
)

// encode writes the blockfile the dictionary package reads: table 0 the
// synsets by index, table 1 the lemmas by folded key, table 2 the irregular
// forms by folded form. The record layouts are described in
// ../../records.go.
func encode(src *source) ([]byte, error) {
	var synsets, lemmas, forms [][]byte
	for _, s := range lemmaOrder(src) {
		var r rec
		r.str(s.definition)
		r.strs(s.examples)
		r.strs(s.members)
		r.strs(s.labels)
		r.strs(s.domains)
		r.str(s.field)
		synsets = append(synsets, r.b)
	}
	for _, l := range src.lemmas {
		var r rec
		r.str(l.key)
		if l.name == l.key {
			r.str("")
		} else {
			r.str(l.name)
		}
		r.uvarint(len(l.parts))
		for _, p := range l.parts {
			r.b = append(r.b, p.pos)
			r.uvarint(len(p.prons))
			for _, pr := range p.prons {
				r.str(pr.value)
				r.str(pr.variety)
			}
			r.strs(p.forms)
			r.uvarint(len(p.senses))
			for _, s := range p.senses {
				r.uvarint(s.synset)
				r.strs(s.sents)
				r.strs(s.labels)
			}
		}
		lemmas = append(lemmas, r.b)
	}
	formKeys := make([]string, 0, len(src.forms))
	for k := range src.forms {
		formKeys = append(formKeys, k)
	}
	slices.Sort(formKeys)
	for _, k := range formKeys {
		var r rec
		r.str(k)
		var names []string
		for _, i := range src.forms[k] {
			names = append(names, src.lemmas[i].name)
		}
		r.strs(names)
		forms = append(forms, r.b)
	}
	raw := 0
	for _, t := range [][][]byte{synsets, lemmas, forms} {
		for _, r := range t {
			raw += len(r)
		}
	}
	fmt.Fprintf(os.Stderr, "gendict: %d bytes of records\n", raw)
	out, err := blockfile.Write([]blockfile.Table{
		{Records: synsets, PerBlock: synsetsPerBlock, DictSize: dictSize},
		{Records: lemmas, PerBlock: lemmasPerBlock, Keyed: true, DictSize: dictSize},
		{Records: forms, PerBlock: formsPerBlock, Keyed: true},
	})
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return out, nil
}

// lemmaOrder renumbers the synsets in the order the lemmas (by key) first
// name them, and returns them in that order: the senses of one lemma then
// sit in one or two blocks, so that decoding an entry decompresses those,
// not one block per sense (a word of many senses named blocks all over a
// table ordered by synset id: up to 60 for "run").
func lemmaOrder(src *source) []*synset {
	renum := make([]int, len(src.synsets))
	for i := range renum {
		renum[i] = -1
	}
	var order []*synset
	for _, l := range src.lemmas {
		for _, p := range l.parts {
			for _, s := range p.senses {
				if renum[s.synset] < 0 {
					renum[s.synset] = len(order)
					order = append(order, src.synsets[s.synset])
				}
			}
		}
	}
	for i, s := range src.synsets {
		if renum[i] < 0 { // named by no lemma: kept, at the end
			renum[i] = len(order)
			order = append(order, s)
		}
	}
	for _, l := range src.lemmas {
		for pi := range l.parts {
			for si := range l.parts[pi].senses {
				l.parts[pi].senses[si].synset = renum[l.parts[pi].senses[si].synset]
			}
		}
	}
	return order
}

type rec struct{ b []byte }

func (r *rec) uvarint(v int) { r.b = binary.AppendUvarint(r.b, uint64(v)) }
func (r *rec) str(s string)  { r.uvarint(len(s)); r.b = append(r.b, s...) }
func (r *rec) strs(ss []string) {
	r.uvarint(len(ss))
	for _, s := range ss {
		r.str(s)
	}
}
