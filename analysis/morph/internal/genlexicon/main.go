// Command genlexicon compiles the morphology lexicon embedded by package
// morph from Open English WordNet (YAML entries: lemmas, parts of speech,
// sense counts, irregular forms, pronunciations), the WordNet 3.0
// exception lists and the UD English-EWT training split (which lemma and
// which irregular spelling is usual when several are possible).
//
// Usage (from analysis/morph, via go generate):
//
//	go run ./internal/genlexicon -oewn DIR -exc DIR -ewt FILE -out lexicon.bin
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/morph/internal/lexfile"
)

// The part-of-speech and form numbers of package morph.
const (
	noun, verb, adj, adv = 0, 1, 2, 3
)

const (
	base = iota
	plural
	thirdSingular
	past
	pastParticiple
	gerund
	comparative
	superlative
)

func main() {
	oewn := flag.String("oewn", "", "OEWN YAML directory (entries-*.yaml)")
	exc := flag.String("exc", "", "WordNet 3.0 exception lists directory (noun.exc …)")
	ewt := flag.String("ewt", "", "UD English-EWT training CoNLL-U file")
	out := flag.String("out", "lexicon.bin", "output file")
	flag.Parse()
	if err := run(*oewn, *exc, *ewt, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

type wordInfo struct {
	flags  uint16
	senses int
}

type excKey struct {
	form, lemma string
	pos         uint8
}

type builder struct {
	words map[string]*wordInfo
	// exceptions in first-seen order
	excOrder []excKey
	excSeen  map[excKey]bool
	// EWT counts: (form, lemma, pos) → per-form counts
	ewt map[excKey]*[8]int
	// EWT: (form, pos) → lemma → count
	ewtLemmas map[formPOS]map[string]int
	// forms of exceptions taken from EWT as attested there
	attested map[excKey]uint8
	// exceptions listed by WordNet 3.0 (not only OEWN's form lists)
	fromWordNet map[excKey]bool
}

type formPOS struct {
	form string
	pos  uint8
}

func run(oewnDir, excDir, ewtFile, out string) error {
	b := &builder{
		words:       map[string]*wordInfo{},
		excSeen:     map[excKey]bool{},
		ewt:         map[excKey]*[8]int{},
		ewtLemmas:   map[formPOS]map[string]int{},
		attested:    map[excKey]uint8{},
		fromWordNet: map[excKey]bool{},
	}
	if err := b.readOEWN(oewnDir); err != nil {
		return err
	}
	if err := b.readExc(excDir); err != nil {
		return err
	}
	if err := b.readEWT(ewtFile); err != nil {
		return err
	}
	b.addEWTExceptions()
	f := b.file()
	tmp := out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := lexfile.Encode(w, f); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Fprintf(os.Stderr, "genlexicon: %d words, %d exceptions, %d inflections, %d preferences; %s %d bytes\n",
		len(f.Words), len(f.Exceptions), len(f.Inflections), len(f.Preferences), out, st.Size())
	return nil
}

type oewnPOS struct {
	Form          []string `yaml:"form"`
	Pronunciation []struct {
		Value   string `yaml:"value"`
		Variety string `yaml:"variety"`
	} `yaml:"pronunciation"`
	Sense []yaml.Node `yaml:"sense"`
}

var oewnPOSCodes = map[string]uint8{"n": noun, "v": verb, "a": adj, "s": adj, "r": adv}

func (b *builder) readOEWN(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "entries-*.yaml"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no entries-*.yaml in %s", dir)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var entries map[string]map[string]oewnPOS
		if err := yaml.Unmarshal(data, &entries); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, lemma := range slices.Sorted(maps.Keys(entries)) {
			byPOS := entries[lemma]
			if !singleWord(lemma) {
				continue
			}
			key := strings.ToLower(lemma)
			wi := b.words[key]
			if wi == nil {
				wi = &wordInfo{}
				b.words[key] = wi
			}
			for _, code := range slices.Sorted(maps.Keys(byPOS)) {
				e := byPOS[code]
				pos, ok := oewnPOSCodes[code]
				if !ok {
					continue
				}
				wi.flags |= 1 << pos
				if lemma == key {
					wi.flags |= 1 << (4 + pos)
				}
				wi.senses += len(e.Sense)
				// Stress decides doubling, which matters for verbs: a
				// verb's pronunciation wins (upSET, not the noun UPset).
				if pron := pronunciation(e.Pronunciation); pron != "" && (wi.flags&lexfile.FlagPronKnown == 0 || pos == verb) {
					wi.flags |= lexfile.FlagPronKnown
					wi.flags &^= lexfile.FlagStressFinal
					if stressFinal(pron) {
						wi.flags |= lexfile.FlagStressFinal
					}
				}
				for _, form := range e.Form {
					b.addException(strings.ToLower(form), key, pos)
				}
			}
		}
	}
	return nil
}

func singleWord(s string) bool {
	return s != "" && !strings.ContainsAny(s, " _")
}

// pronunciation picks the US pronunciation if there is one, else the first.
func pronunciation(ps []struct {
	Value   string `yaml:"value"`
	Variety string `yaml:"variety"`
}) string {
	for _, p := range ps {
		if p.Variety == "US" {
			return p.Value
		}
	}
	if len(ps) > 0 {
		return ps[0].Value
	}
	return ""
}

// stressFinal reports whether the last syllable of an IPA transcription
// carries the primary stress: at most one vowel nucleus follows the last
// primary stress mark (or the whole word has at most one).
func stressFinal(ipa string) bool {
	ipa = strings.TrimSpace(ipa)
	if i := strings.LastIndex(ipa, " "); i >= 0 {
		ipa = ipa[i+1:]
	}
	if i := strings.LastIndex(ipa, "ˈ"); i >= 0 {
		ipa = ipa[i+len("ˈ"):]
	}
	return nuclei(ipa) <= 1
}

const ipaVowels = "aeiouyɑæɐɒɔəɘɚɛɜɝɞɪɨʊʉʌʏøœɤɯɵɐ"

func nuclei(ipa string) int {
	n := 0
	inVowel := false
	for _, r := range ipa {
		switch {
		case strings.ContainsRune(ipaVowels, r):
			if !inVowel {
				n++
			}
			inVowel = true
		case r == 'ː' || r == '\u0303' || r == '\u032f' || r == '\u0361':
			// length, nasal, non-syllabic, tie: part of the vowel
		case r == '\u0329': // syllabic consonant
			n++
			inVowel = false
		default:
			inVowel = false
		}
	}
	return n
}

func (b *builder) addException(form, lemma string, pos uint8) {
	if form == lemma || !singleWord(form) || !singleWord(lemma) {
		return
	}
	b.addKey(excKey{form, lemma, pos})
}

func (b *builder) addKey(k excKey) {
	if b.excSeen[k] {
		return
	}
	b.excSeen[k] = true
	b.excOrder = append(b.excOrder, k)
}

func (b *builder) readExc(dir string) error {
	for _, f := range []struct {
		name string
		pos  uint8
	}{{"noun.exc", noun}, {"verb.exc", verb}, {"adj.exc", adj}, {"adv.exc", adv}} {
		file, err := os.Open(filepath.Join(dir, f.name))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 2 {
				continue
			}
			for _, lemma := range fields[1:] {
				form, lemma := strings.ToLower(fields[0]), strings.ToLower(lemma)
				b.addException(form, lemma, f.pos)
				b.fromWordNet[excKey{form, lemma, f.pos}] = true
			}
		}
		err = sc.Err()
		file.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

var uposToPOS = map[string]uint8{"NOUN": noun, "VERB": verb, "AUX": verb, "ADJ": adj, "ADV": adv}

var xposToForm = map[string]int{
	"NN": base, "NNS": plural,
	"VB": base, "VBP": base, "VBZ": thirdSingular, "VBD": past, "VBN": pastParticiple, "VBG": gerund,
	"JJ": base, "JJR": comparative, "JJS": superlative,
	"RB": base, "RBR": comparative, "RBS": superlative,
}

func (b *builder) readEWT(name string) error {
	file, err := os.Open(name)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		pos, ok := uposToPOS[cols[3]]
		if !ok {
			continue
		}
		form, ok := xposToForm[cols[4]]
		if !ok {
			continue
		}
		w, lemma := normalize(cols[1]), normalize(cols[2])
		k := excKey{w, lemma, pos}
		c := b.ewt[k]
		if c == nil {
			c = new([8]int)
			b.ewt[k] = c
		}
		c[form]++
		fp := formPOS{w, pos}
		if b.ewtLemmas[fp] == nil {
			b.ewtLemmas[fp] = map[string]int{}
		}
		b.ewtLemmas[fp][lemma]++
	}
	return sc.Err()
}

// addEWTExceptions adds irregular forms WordNet's lists lack but EWT
// attests three times, or twice in at least 10% of the pair's uses, with the
// forms EWT gives them, for lemmas the lexicon has:
//   - forms spelled like their lemma: people and staff (plural), put and
//     set (past), more (comparative); and the compounds of such verbs
//     whose first part is a word (upset, broadcast, input);
//   - adverb comparatives and superlatives (later ← late, sooner), since
//     morphy has no adverb rules;
//   - forms not spelled like their lemma at all ('s ← be, 're ← be).
func (b *builder) addEWTExceptions() {
	keys := slices.SortedFunc(maps.Keys(b.ewt), func(x, y excKey) int {
		return cmp.Or(strings.Compare(x.form, y.form), strings.Compare(x.lemma, y.lemma), cmp.Compare(x.pos, y.pos))
	})
	identityVerbs := map[string]uint8{}
	for _, k := range keys {
		c := b.ewt[k]
		if !b.isLemma(k.lemma, k.pos) || !singleWord(k.form) || b.excSeen[k] {
			continue
		}
		total := 0
		for _, n := range c {
			total += n
		}
		var m uint8
		for f, n := range c {
			if n >= 3 || n >= 2 && n*10 >= total {
				m |= 1 << f
			}
		}
		switch {
		case k.form == k.lemma:
			m &^= 1 << base
			// EWT rarely has both: set is seen as a participle, hit
			// as a past; without other irregular forms (came, ran)
			// the two are spelled alike.
			if k.pos == verb && m&(1<<past|1<<pastParticiple) != 0 && !b.hasExceptions(k.lemma, verb) {
				m |= 1<<past | 1<<pastParticiple
			}
			if m != 0 && k.pos == verb {
				identityVerbs[k.form] = m
			}
		case k.pos == adv:
			m &= 1<<comparative | 1<<superlative
		case strings.HasPrefix(k.form, k.lemma[:len(k.lemma)-1]):
			m = 0 // regular-looking: the rules find it
		}
		if m != 0 {
			b.addKey(k)
			b.attested[k] = m
		}
	}
	// Compounds of verbs whose past is spelled like the lemma.
	for _, w := range slices.Sorted(maps.Keys(b.words)) {
		if !b.isLemma(w, verb) {
			continue
		}
		for _, v := range slices.Sorted(maps.Keys(identityVerbs)) {
			m := identityVerbs[v]
			prefix, ok := strings.CutSuffix(w, v)
			if ok && len(prefix) >= 2 && w != v && b.words[prefix] != nil && !b.hasExceptions(w, verb) {
				k := excKey{w, w, verb}
				b.addKey(k)
				b.attested[k] = m
			}
		}
	}
}

// hasExceptions reports irregular forms other than gerunds (upsetting
// does not make upset's past irregular).
func (b *builder) hasExceptions(lemma string, pos uint8) bool {
	for _, k := range b.excOrder {
		if k.lemma == lemma && k.pos == pos && k.form != lemma && !strings.HasSuffix(k.form, "ing") {
			return true
		}
	}
	return false
}

func normalize(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

func (b *builder) file() *lexfile.File {
	f := &lexfile.File{}
	keys := make([]string, 0, len(b.words))
	for k := range b.words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		wi := b.words[k]
		f.Words = append(f.Words, lexfile.Word{Key: k, Flags: wi.flags, Senses: uint8(min(wi.senses, 255))})
	}

	// Classify each exception's forms.
	byLemma := map[formPOS][]string{} // (lemma, pos) → forms
	for _, k := range b.excOrder {
		lp := formPOS{k.lemma, k.pos}
		byLemma[lp] = append(byLemma[lp], k.form)
	}
	masks := map[excKey]uint8{}
	for _, k := range b.excOrder {
		m := b.classify(k, byLemma[formPOS{k.lemma, k.pos}])
		masks[k] = m
		f.Exceptions = append(f.Exceptions, lexfile.Exception{Form: k.form, Lemma: k.lemma, POS: k.pos, FormMask: m})
	}
	slices.SortStableFunc(f.Exceptions, func(a, b lexfile.Exception) int { return strings.Compare(a.Form, b.Form) })

	// Irregular inflections: per (lemma, pos, form) the most attested
	// exception, unless the regular spelling is attested more often, or
	// it doubles a final l after an
	// unstressed syllable (US spelling), or nothing vouches for it.
	type cand struct {
		surface string
		count   int
	}
	best := map[excKey]cand{} // (lemma as form, surface unused) keyed by lemma,pos and form in lemma field
	var order []excKey
	for _, k := range b.excOrder {
		m := masks[k]
		for form := range 8 {
			if m&(1<<form) == 0 || form == base {
				continue
			}
			if b.usUndoubled(k) {
				continue
			}
			n := b.count(k.form, k.lemma, k.pos, form)
			// potatoes is the spelling, whatever EWT's one potatos says
			if reg := regular(k.lemma, k.pos, form); reg != "" && reg != k.form && k.form != k.lemma+"es" {
				if b.count(reg, k.lemma, k.pos, form) > n {
					continue
				}
			}
			// Unattested variants that are not irregular forms
			// (programmes, ski'd: WordNet lists them among the
			// exceptions): an irregular third person needs EWT's
			// word (is, has), and an apostrophe is never a spelling
			// to put in a fix.
			_, fromEWT := b.attested[k]
			if n == 0 && !fromEWT && (!b.fromWordNet[k] || form == thirdSingular) || strings.Contains(k.form, "'") {
				continue
			}
			key := excKey{form: fmt.Sprint(form), lemma: k.lemma, pos: k.pos}
			c, ok := best[key]
			if !ok {
				order = append(order, key)
			}
			if !ok || n > c.count {
				best[key] = cand{k.form, n}
			}
		}
	}
	for _, key := range order {
		var form int
		fmt.Sscan(key.form, &form)
		f.Inflections = append(f.Inflections, lexfile.Inflection{Lemma: key.lemma, POS: key.pos, Form: uint8(form), Surface: best[key].surface})
	}
	slices.SortStableFunc(f.Inflections, func(a, b lexfile.Inflection) int { return strings.Compare(a.Lemma, b.Lemma) })

	// Preferences between competing lemmas, from EWT.
	isException := map[formPOS]bool{}
	for _, k := range b.excOrder {
		isException[formPOS{k.form, k.pos}] = true
	}
	for fp, lemmas := range b.ewtLemmas {
		lemma, n := "", 0
		for l, c := range lemmas {
			if c > n || c == n && l < lemma {
				lemma, n = l, c
			}
		}
		if n < 2 || !b.isLemma(lemma, fp.pos) {
			continue
		}
		isBase := b.isLemma(fp.form, fp.pos)
		if isBase && lemma != fp.form || isException[fp] {
			f.Preferences = append(f.Preferences, lexfile.Preference{Form: fp.form, POS: fp.pos, Lemma: lemma})
		}
	}
	slices.SortFunc(f.Preferences, func(a, b lexfile.Preference) int {
		if c := strings.Compare(a.Form, b.Form); c != 0 {
			return c
		}
		return int(a.POS) - int(b.POS)
	})
	return f
}

func (b *builder) isLemma(w string, pos uint8) bool {
	wi := b.words[w]
	return wi != nil && wi.flags&(1<<pos) != 0
}

func (b *builder) count(form, lemma string, pos uint8, f int) int {
	if c := b.ewt[excKey{form, lemma, pos}]; c != nil {
		return c[f]
	}
	return 0
}

// usUndoubled reports a British doubled l (travelled, travelling) of a
// verb whose last syllable is unstressed: US spelling keeps one l.
func (b *builder) usUndoubled(k excKey) bool {
	if k.pos != verb || !strings.HasSuffix(k.lemma, "l") || strings.HasSuffix(k.lemma, "ll") {
		return false
	}
	if k.form != k.lemma+"led" && k.form != k.lemma+"ling" {
		return false
	}
	wi := b.words[k.lemma]
	return wi != nil && wi.flags&lexfile.FlagPronKnown != 0 && wi.flags&lexfile.FlagStressFinal == 0
}

// classify decides which forms an irregular word is: from EWT when it is
// attested there (at least 10% of its uses), else from its ending and the
// lemma's other irregular forms.
func (b *builder) classify(k excKey, siblings []string) uint8 {
	if m, ok := b.attested[k]; ok {
		return m
	}
	switch k.pos {
	case noun:
		return 1 << plural
	case adj, adv:
		if c := b.ewt[k]; c != nil && c[comparative]+c[superlative] > 0 {
			var m uint8
			if c[comparative] > 0 {
				m |= 1 << comparative
			}
			if c[superlative] > 0 {
				m |= 1 << superlative
			}
			return m
		}
		if strings.HasSuffix(k.form, "st") {
			return 1 << superlative
		}
		return 1 << comparative
	}
	// Verbs.
	if strings.HasSuffix(k.form, "ing") {
		return 1 << gerund
	}
	if strings.HasSuffix(k.form, "ed") {
		return 1<<past | 1<<pastParticiple
	}
	if c := b.ewt[k]; c != nil {
		total := 0
		for _, n := range c {
			total += n
		}
		if total >= 3 {
			var m uint8
			for f, n := range c {
				if n*10 >= total {
					m |= 1 << f
				}
			}
			return m
		}
	}
	if strings.HasSuffix(k.form, "s") && !strings.HasSuffix(k.form, "ss") {
		return 1 << thirdSingular // swops, whizzes
	}
	var others []string
	for _, s := range siblings {
		if s != k.form && !strings.HasSuffix(s, "ing") && !strings.HasSuffix(s, "s") {
			others = append(others, s)
		}
	}
	if len(others) == 0 {
		return 1<<past | 1<<pastParticiple
	}
	if looksParticiple(k.form, k.lemma) {
		return 1 << pastParticiple
	}
	for _, o := range others {
		if looksParticiple(o, k.lemma) {
			return 1 << past
		}
	}
	// sang/sung, began/begun: the u form is the participle.
	for _, o := range others {
		if len(o) == len(k.form) {
			for i := range len(o) {
				if k.form[i] != o[i] {
					if k.form[i] == 'u' && o[i] == 'a' {
						return 1 << pastParticiple
					}
					if k.form[i] == 'a' && o[i] == 'u' {
						return 1 << past
					}
					break
				}
			}
		}
	}
	return 1<<past | 1<<pastParticiple
}

func looksParticiple(form, lemma string) bool {
	return (strings.HasSuffix(form, "n") || strings.HasSuffix(form, "ne")) && !strings.HasSuffix(lemma, "n")
}

// regular is the plain regular spelling, for comparing attestations only.
func regular(lemma string, pos uint8, form int) string {
	if lemma == "" {
		return ""
	}
	last := lemma[len(lemma)-1]
	consY := last == 'y' && len(lemma) > 1 && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2]))
	switch {
	case pos == noun && form == plural, pos == verb && form == thirdSingular:
		switch {
		case consY:
			return lemma[:len(lemma)-1] + "ies"
		case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z") ||
			strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh"):
			return lemma + "es"
		}
		return lemma + "s"
	case pos == verb && (form == past || form == pastParticiple):
		switch {
		case consY:
			return lemma[:len(lemma)-1] + "ied"
		case last == 'e':
			return lemma + "d"
		}
		return lemma + "ed"
	case pos == verb && form == gerund:
		if last == 'e' && !strings.HasSuffix(lemma, "ee") && utf8.RuneCountInString(lemma) > 2 {
			return lemma[:len(lemma)-1] + "ing"
		}
		return lemma + "ing"
	case form == comparative, form == superlative:
		suf := "er"
		if form == superlative {
			suf = "est"
		}
		switch {
		case consY:
			return lemma[:len(lemma)-1] + "i" + suf
		case last == 'e':
			return lemma + suf[1:]
		}
		return lemma + suf
	}
	return ""
}
