package rules

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/spell"
	"liaison/analysis/token"
)

// What the spelling rule leaves alone: the words of a sentence that no
// dialect knows but that read, by their context or their parts, as code,
// names, initialisms, terms or derivations rather than slips.

// acrossMarkup reports whether markup lies inside the token's source: a
// word the markup's removal glued together (LaTeX's "!!a{element}"
// macros, "warn(ing)" in a tag) that the writer never typed as one.
func acrossMarkup(t analysis.Token, marks []markup.Range) bool {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].End > t.Start })
	return i < len(marks) && marks[i].Start > t.Start && marks[i].Start < t.End
}

// inMailbox reports whether toks[i] is part of the display name of a
// mailbox, the words right before "<address>" ("Rebecca Stambler
// <rstambler@golang.org>", "kokoro <noreply+kokoro@google.com>"), or the
// key of a trailer, hyphenated or after one ("gopls-CI: kokoro <…>",
// "Reviewed-on: https://…"): the names of a commit's trailers, an AUTHORS file, a
// copyright line — names, written as their owners write them.
func inMailbox(toks []analysis.Token, i int) bool {
	j := i + 1
	for j < len(toks) && toks[j].Kind == token.Word {
		j++
	}
	if j+1 < len(toks) && toks[j].Text == "<" && toks[j+1].Kind == token.Email {
		return true
	}
	return i+1 < len(toks) && toks[i+1].Text == ":" && toks[i+1].Start == toks[i].End &&
		(i > 0 && toks[i-1].Text == ">" || strings.Contains(toks[i].Text, "-"))
}

// maxLabelWords is the most words a label before a colon holds.
const maxLabelWords = 4

// label reports whether toks[i] is in a label that starts its sentence
// (or a quotation of one): lower-case words, comma-separated, right
// before a colon with more after it — the component prefix of a commit
// subject ("unix: fix …", "test,sunos: …", "Revert "macos: fix …"") and
// the key of a key-value line ("goos: linux"). Such a label names a
// directory, a package or a platform as code does.
func label(toks []analysis.Token, i int) bool {
	start := i
	for start > 0 && (toks[start-1].Kind == token.Word || toks[start-1].Text == ",") {
		start--
	}
	if start > 0 {
		switch p := toks[start-1]; {
		case p.Text == "\"" || p.Text == "“" || p.Text == "(" || p.Text == "'":
		case p.Kind == token.Number || p.Kind == token.Word && strings.ContainsAny(p.Text, "0123456789"):
			// a commit hash: "983fa68 darwin: fix …"
		default:
			return false
		}
	}
	words := 0
	for j := start; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.Kind == token.Word:
			if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsLower(r) {
				return false
			}
			if words++; words > maxLabelWords {
				return false
			}
		case t.Text == ",":
		case t.Text == ":":
			return j > i && t.Start == toks[j-1].End && j+1 < len(toks)
		default:
			return false
		}
	}
	return false
}

// epithet reports whether toks[i] is the second word of a Latin binomial,
// a lower-case word with a Latin ending right after a capitalised one
// that does not open the sentence ("Cymbopogon citratus", "Eurybia
// paludosa", "(Amanita phalloides)"): the species of a genus, as
// dictionaries and field guides write it.
func epithet(toks []analysis.Token, i int) bool {
	if i == 0 || toks[i-1].Kind != token.Word || firstWord(toks, i-1) && (i < 2 || toks[i-2].Text != "(") {
		return false
	}
	g, w := toks[i-1].Text, toks[i].Text
	if r, _ := utf8.DecodeRuneInString(g); !unicode.IsUpper(r) || strings.ToLower(g[1:]) != g[1:] || len(g) < 4 {
		return false
	}
	if i >= 2 && toks[i-2].Text == "(" && i+1 < len(toks) && toks[i+1].Text == ")" && strings.ToLower(w) == w {
		return true // all a parenthesis holds, as a species is named after its common name: (Chorioactis geaster)
	}
	for _, end := range latinEndings {
		if strings.HasSuffix(w, end) && len(w) > len(end)+3 {
			return true
		}
	}
	return false
}

// latinEndings are the endings of Latin species epithets.
var latinEndings = []string{"us", "um", "a", "ae", "is", "ii", "oides", "ensis", "icola"}

// brandCase reports whether w mixes capitals and small letters past its
// first letter the way names of products and protocols do (OAuth, CRuby,
// MSan), or joins an initialism to words with hyphens (non-LSP,
// yank-to-EOL), and is not a common word with a capital too many, which
// is a slip of the shift key ("THis", "WHen"; but CMake is cmake's
// brand).
func brandCase(lex *spell.Lexicon, w string) bool {
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	if upper < 2 || lower == 0 {
		return false
	}
	// The slip is of a word typed often: a term of the list is written
	// with the capitals of its brand (CMake, cmake).
	t := title(strings.ToLower(w))
	f := lex.Frequency(t)
	return !known(lex, t) || f > commonSize
}

// lowerInitialism reports whether w, in lower case, is an initialism the
// word list knows in capitals only (png, http, cpu, xml): in technical
// prose the name of a file type, a protocol or a command, written as the
// file extension or the command is.
func lowerInitialism(lex *spell.Lexicon, w string) bool {
	if utf8.RuneCountInString(w) > maxInitialism || strings.ToLower(w) != w {
		return false
	}
	u := strings.ToUpper(w)
	return known(lex, u) && !known(lex, title(w))
}

// title returns w with its first letter in capitals.
func title(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// maxQuotedWords is the longest quotation read as words mentioned, not
// used.
const maxQuotedWords = 4

// shortQuotes marks the tokens inside quotation marks that hold at most
// maxQuotedWords words: a phrase mentioned ("les amis", a menu's "Datei",
// British style's ‘beatus’), a message quoted, in a language of its own;
// nil when there is none.
func shortQuotes(toks []analysis.Token) []bool {
	var out []bool
	open := -1
	for i, t := range toks {
		if t.Kind != token.Punct {
			continue
		}
		switch t.Text {
		case "“", "\"", "«", "‘":
			if open >= 0 && t.Text == "\"" {
				break // a straight quote closes
			}
			open = i
			continue
		case "”", "»", "’":
		default:
			continue
		}
		if open < 0 {
			continue
		}
		words := 0
		for j := open + 1; j < i; j++ {
			if toks[j].Kind == token.Word {
				words++
			}
		}
		if words > 0 && words <= maxQuotedWords {
			if out == nil {
				out = make([]bool, len(toks))
			}
			for j := open + 1; j < i; j++ {
				out[j] = true
			}
		}
		open = -1
	}
	return out
}

// setOff reports whether markup encloses the token alone: a word in
// emphasis, a link's text, an inline tag's content (_src_, *turbofish*,
// <code>impl</code>): how technical prose sets off file names, terms it
// introduces and words it mentions rather than uses.
func setOff(t analysis.Token, marks []markup.Range) bool {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].End >= t.Start })
	if i == len(marks) || marks[i].End != t.Start {
		return false
	}
	return i+1 < len(marks) && marks[i+1].Start == t.End
}

type wordClass uint8

const (
	knownWord   wordClass = iota // every dialect spells it so
	dialectWord                  // some dialects do
	unknownWord                  // none does, and it does not read as a name
)

// classify looks w up in every dialect. A capitalised word none knows is
// a name unless it is one edit from a common word ("Recieve" is a typo,
// "Ferris" a name).
func classify(lex *spell.Lexicon, w string, toks []analysis.Token, i int) wordClass {
	us, gb := lex.Known(w, spell.EnUS), lex.Known(w, spell.EnGB)
	if us && gb {
		return knownWord
	}
	if us || gb || lex.Known(w, spell.EnGBOxford) || lex.Known(w, spell.EnCA) || lex.Known(w, spell.EnAU) {
		return dialectWord
	}
	if hyphenPartsKnown(lex, w) || markedSuffix(lex, w) || particleName(w) {
		return knownWord
	}
	// A word made of known parts is a term ("growable", "tradeoffs")
	// unless one edit makes it a common word: then it is that word,
	// mistyped ("usefull", "commited", "greatful").
	r0, _ := utf8.DecodeRuneInString(w)
	if lower := strings.ToLower(w); (derivedKnown(lex, lower, 0) || joinedAbbreviation(lex, lower)) && (unicode.IsUpper(r0) || !nearMistyped(lex, lower) || converted(lex, lower)) {
		return knownWord
	}
	if plain, ok := foldDiacritics(w); ok && known(lex, plain) {
		return knownWord // naïve, crêpes, façade: the spelling with the accents
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		// A name, unless it is one edit from a common word; a short one
		// (Vec, Bec) is one edit from many, so only at a sentence's
		// start is it read as a typo ("Teh").
		first := firstWord(toks, i)
		if utf8.RuneCountInString(w) <= 3 && !first || !first && inFullName(lex, toks, i) ||
			first && firstName(lex, w, toks, i) || !nearCommon(lex, strings.ToLower(w)) {
			return knownWord
		}
	}
	return unknownWord
}

// firstName reports whether toks[i], the capitalised first word of its
// sentence, begins a name by what follows: a word that is a name by
// itself ("Bec Rumbul", "Abu Musab"), the word of three letters no plain
// slip of a very common one ("Teh Rust book" stays a slip), or a
// capitalised noun that classifies names ("Atal Pharmacy").
func firstName(lex *spell.Lexicon, w string, toks []analysis.Token, i int) bool {
	if n := utf8.RuneCountInString(w); n < 3 || n == 3 && shortSlip(lex, strings.ToLower(w), false) {
		return false
	}
	if nameWord(lex, toks, i+1) {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Kind == token.Word && classifierNouns[strings.ToLower(toks[i+1].Text)] {
		r, _ := utf8.DecodeRuneInString(toks[i+1].Text)
		return unicode.IsUpper(r)
	}
	return false
}

// particleName reports whether w is a name after a particle joined by a
// hyphen, as Arabic names write the article: al-Gamaa, el-Din, ibn-Said.
func particleName(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	if !ok || !nameParticles[p] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) && !strings.Contains(rest, "-")
}

// nameParticles are the particles a hyphen joins to a name.
var nameParticles = map[string]bool{"al": true, "el": true, "ibn": true, "bin": true, "abu": true, "ad": true, "ar": true, "as": true, "at": true, "az": true}

// inFullName reports whether toks[i] (capitalised) stands beside another
// capitalised word or an initial, as in a full name ("Edsger W.
// Dijkstra", "Lukas Wirth"), in a sentence that is not in title case
// (where every word is capitalised, a heading's typo would pass) unless
// the other word is a known name.
func inFullName(lex *spell.Lexicon, toks []analysis.Token, i int) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind == token.Word {
			words++
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				caps++
			}
		}
	}
	capWord := func(j int) bool {
		if j < 0 || j >= len(toks) || toks[j].Kind != token.Word || j == 0 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(toks[j].Text)
		return unicode.IsUpper(r) || particleName(toks[j].Text) // Ayman al-Zawahiri
	}
	if 2*caps > words {
		// Title case, or a list of names ("Saad Khalid, 19, Mississauga;
		// Mohammed Dirie, 22"): beside a word the list knows as a name
		// only (Mohammed, Victor, Marx) it is a name too.
		return capWord(i-1) && nameWord(lex, toks, i-1) || capWord(i+1) && nameWord(lex, toks, i+1) || i == 1 && nameWord(lex, toks, 0)
	}
	// A sentence's first word is capitalised whatever it is: beside it a
	// word is in a name only if it is a name by itself (Mohammed Dirie).
	return capWord(i-1) || capWord(i+1) || i == 1 && nameWord(lex, toks, 0)
}

// nameWord reports whether toks[j] is a capitalised word that reads as
// a name by itself: one the list knows only with its capital (Mohammed,
// Marx), or one no list knows that is not a slip of a common word
// (Khalid, Uddin). Beside such a word, a capitalised word is part of a
// full name ("Groucho Marx", "Saad Khalid") even where a list of names
// or a byline puts every word in capitals.
func nameWord(lex *spell.Lexicon, toks []analysis.Token, j int) bool {
	if j < 0 || j >= len(toks) || toks[j].Kind != token.Word {
		return false
	}
	w := toks[j].Text
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 2 || isAllCaps(w) {
		return false
	}
	lower := strings.ToLower(w)
	if known(lex, w) {
		return !known(lex, lower)
	}
	return !known(lex, lower) && !nearCommon(lex, lower) && !derivedKnown(lex, lower, 0)
}

// firstWord reports whether toks[i] is the sentence's first word
// (after any opening punctuation).
func firstWord(toks []analysis.Token, i int) bool {
	for j := 0; j < i; j++ {
		if toks[j].Kind == token.Word || toks[j].Kind == token.Number || toks[j].Kind == token.Placeholder {
			return false
		}
	}
	return true
}

// known is Known in any of the two main dialects.
func known(lex *spell.Lexicon, w string) bool {
	return lex.Known(w, spell.EnUS) || lex.Known(w, spell.EnGB)
}

// derivedKnown reports whether w (lower case) is a known word with a
// productive prefix or suffix, or two known words of four letters or
// more written as one: how technical prose makes its terms
// ("deallocated", "growable", "monomorphization", "tradeoffs"), which no
// word list can hold all of. depth bounds the recursion.
func derivedKnown(lex *spell.Lexicon, w string, depth int) bool {
	if depth > 2 || len(w) < 5 {
		return false
	}
	for _, p := range derivPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			if known(lex, rest) || derivedKnown(lex, rest, depth+1) {
				return true
			}
		}
	}
	if combined(lex, w, 0) {
		return true
	}
	for _, sf := range derivSuffixes {
		stem, ok := strings.CutSuffix(w, sf)
		if !ok || len(stem) < 3 {
			continue
		}
		if known(lex, stem) || known(lex, stem+"e") || derivedKnown(lex, stem, depth+1) {
			return true
		}
		if n := len(stem); stem[n-1] == stem[n-2] && known(lex, stem[:n-1]) {
			return true // shippable
		}
		if n := len(stem); stem[n-1] == 'i' && known(lex, stem[:n-1]+"y") {
			return true // reliability
		}
	}
	for i := 3; i+4 <= len(w); i++ {
		limit := commonSize
		if i == 3 {
			limit = 35 // "newtype", but not "theuser"-like slips of rarer words
		}
		if known(lex, w[:i]) && known(lex, w[i:]) && lex.Frequency(w[:i]) <= limit && lex.Frequency(w[i:]) <= limit {
			return true
		}
	}
	return false
}

// converted reports whether w (lower case) is a known word with -s,
// -es, -ed or -ing where the word list has no inflection of its own for
// it: a noun used as a verb ("sharded", "inlines"). A word whose stem
// inflects otherwise ("committed", "preferred") is that stem mistyped
// ("commited").
func converted(lex *spell.Lexicon, w string) bool {
	for _, suf := range []string{"s", "es", "ed", "ing"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 || !known(lex, stem) {
			continue
		}
		n := len(stem)
		forms := []string{stem + suf, stem + stem[n-1:] + suf}
		if stem[n-1] == 'e' {
			forms = append(forms, stem[:n-1]+suf)
		}
		if stem[n-1] == 'y' {
			forms = append(forms, stem[:n-1]+"i"+suf)
		}
		competing := false
		for _, f := range forms {
			if f != w && known(lex, f) {
				competing = true
			}
		}
		if !competing {
			return true
		}
	}
	return false
}

// foldDiacritics returns w with the accents of its Latin letters taken
// off (naïve: naive), and whether it had any.
func foldDiacritics(w string) (string, bool) {
	var b strings.Builder
	changed := false
	for _, r := range w {
		if r >= 0xC0 && r <= 0xFF {
			if i := strings.IndexRune(latin1Accented, r); i >= 0 {
				b.WriteByte(latin1Plain[utf8.RuneCountInString(latin1Accented[:i])])
				changed = true
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String(), changed
}

// latin1Accented and latin1Plain pair the accented letters of Latin-1
// with their plain ones.
const (
	latin1Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ"
	latin1Plain    = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY"
)

// derivPrefixes and derivSuffixes are the productive affixes of
// derivedKnown, longer first where one holds another.
var (
	derivPrefixes = []string{"counter", "super", "hyper", "micro", "multi", "pseudo", "trans", "inter", "intra", "under",
		"meta", "mono", "poly", "auto", "over", "semi", "anti", "self", "post", "non", "sub", "pre", "mis", "dis", "bio",
		"out", "de", "re", "un", "co", "e"}
	// combiningForms are the first parts of science's compounds
	// (dihydroxyacetone, chloroplatinic, isosyllabic), read only before
	// a word the list knows itself, not a derivation: "disipline" is no
	// di + sip + line.
	combiningForms = []string{"electro", "hydroxy", "chloro", "fluoro", "cyclo", "methyl", "phospho", "thermo",
		"amino", "ethyl", "hydro", "neuro", "nitro", "photo", "tetra", "penta", "hexa", "iso", "oxy", "tri", "di"}
	derivSuffixes = []string{"izations", "ization", "isations", "isation", "abilities", "ability", "ibility", "ables", "able",
		"ably", "ible", "izing", "ising", "izes", "ised", "ized", "ises", "ize", "ise", "ness", "less", "ment", "ments",
		"ers", "ors", "er", "or", "ity", "ities", "istic", "ful", "ifying", "ified", "ifies", "ify", "ings", "ing", "ed", "ly", "es", "s"}
)

// combined reports whether w is a combining form, or two stacked, before
// a word the list knows itself, of five letters or more (chloroplatinic,
// di + hydroxy + acetone).
func combined(lex *spell.Lexicon, w string, depth int) bool {
	for _, p := range combiningForms {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 5 && (known(lex, rest) || depth == 0 && combined(lex, rest, 1)) {
			return true
		}
	}
	return false
}

// hyphenPartsKnown reports whether every part of a hyphenated word is a
// word or a prefix ("non-trivial", "multi-threaded", "re-export").
func hyphenPartsKnown(lex *spell.Lexicon, w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	parts := strings.Split(w, "-")
	for _, part := range parts {
		if utf8.RuneCountInString(part) == 1 {
			return true // a key or a variable: ctrl-C, x-axis
		}
	}
	if len(parts) == 2 && hyphenSuffixes[strings.ToLower(parts[1])] {
		// a word, a term or a name with a suffix: yellow-ish, macro-ify,
		// noop-ing, Kafka-esque
		p, lower := parts[0], strings.ToLower(parts[0])
		r, _ := utf8.DecodeRuneInString(p)
		return known(lex, p) || derivedKnown(lex, lower, 0) || unicode.IsUpper(r) && !nearCommon(lex, lower)
	}
	// A part no list knows is a name or a term of its field when the
	// compound holds a word too and the part is not one slip from a
	// common word: lsp-mode, org-elpa, gmail-specific, cmake-language-server
	// (but "well-knwon" is "well-known" mistyped).
	words := 0
	for k, part := range parts {
		lower := strings.ToLower(part)
		if part == "" || hyphenPrefixes[lower] || k > 0 && hyphenSuffixes[lower] {
			continue
		}
		if known(lex, part) || derivedKnown(lex, lower, 0) {
			words++
			continue
		}
		if nearCommon(lex, lower) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(part); unicode.IsUpper(r) {
			words++ // a name: co-Yoneda
		}
	}
	return words > 0
}

// hyphenPrefixes are prefixes written with a hyphen that are not words
// of their own.
var hyphenPrefixes = map[string]bool{
	"non": true, "pre": true, "re": true, "co": true, "multi": true, "anti": true, "un": true,
	"sub": true, "inter": true, "semi": true, "de": true, "mis": true, "post": true, "pro": true,
	"self": true, "meta": true, "micro": true, "macro": true, "mid": true, "bi": true, "tri": true,
	"uni": true, "ex": true, "intra": true, "extra": true, "ultra": true, "pseudo": true, "quasi": true,
	"auto": true, "cross": true, "hyper": true, "over": true, "under": true, "out": true, "e": true,
}

// hyphenSuffixes are suffixes a writer joins with a hyphen to a word, a
// name or a term the list lacks ("yellow-ish", "Kafka-esque", "noop-ing",
// "macro-ify"): they stand for the suffix, not for a word of their own.
var hyphenSuffixes = map[string]bool{
	"ish": true, "esque": true, "ing": true, "ed": true, "ify": true, "ified": true, "ifying": true,
	"ize": true, "ized": true, "izing": true, "ise": true, "ised": true, "ising": true, "er": true, "ers": true,
}

// markedSuffix reports whether w is a known word, a term, or an
// initialism with an inflection set off by an apostrophe (decref'ed,
// grep'd, cd'ing, PR'd), or an initialism in capitals with -ed or -ing
// joined on ("PRed", "ANDed", "CCing"): how technical prose inflects a
// word it does not want to respell (decrefed, grepped).
func markedSuffix(lex *spell.Lexicon, w string) bool {
	if i := strings.LastIndexByte(w, '\''); i > 0 {
		stem, suf := w[:i], w[i+1:]
		switch suf {
		case "d", "ed", "ing", "er", "ers":
		default:
			return false
		}
		return isAllCaps(stem) && utf8.RuneCountInString(stem) <= maxInitialism ||
			known(lex, stem) || derivedKnown(lex, strings.ToLower(stem), 0)
	}
	for _, suf := range []string{"ed", "ing"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && isAllCaps(stem) && utf8.RuneCountInString(stem) <= maxInitialism && known(lex, stem) {
			return true
		}
	}
	return false
}

// joinedAbbreviation reports whether w (lower case) is one of the
// abbreviations build tools and code join to a word (joinedAbbrevs)
// written together with a common word of three letters or more, or with
// another of them: srcdir, pkgdir, iconsdir, cpuprofile, tmpfile, the
// names of options and variables. It is not when w is a name in lower
// case (december), one slip from a common word, or two common words run
// together (everytime, eachother, infact: a missing space). The list is
// closed: a rare word or an initialism as the part would pass slips such
// as "exelent" (exe + lent) and "iraland" (IRA + land).
func joinedAbbreviation(lex *spell.Lexicon, w string) bool {
	if len(w) < 6 || len(w) > 24 {
		return false
	}
	part := func(p string) bool {
		f := lex.Frequency(p)
		return joinedAbbrevs[p] || len(p) >= 3 && f > 0 && f <= commonSize
	}
	// The split first, which costs no allocation and fails for almost
	// every word; the word-level tests only for the few it passes.
	split := false
	for i := 3; i+3 <= len(w) && !split; i++ {
		a, b := w[:i], w[i:]
		split = (joinedAbbrevs[a] || joinedAbbrevs[b]) && part(a) && part(b)
	}
	if !split || known(lex, title(w)) || nearCommon(lex, w) {
		return false
	}
	for i := 2; i+2 <= len(w); i++ {
		if a, b := lex.Frequency(w[:i]), lex.Frequency(w[i:]); a > 0 && a <= commonSize && b > 0 && b <= commonSize {
			return false // in fact, even though, at least
		}
	}
	return true
}

// joinedAbbrevs are the abbreviations joinedAbbreviation reads.
var joinedAbbrevs = map[string]bool{
	"bin": true, "buf": true, "cfg": true, "cmd": true, "conf": true, "cpu": true, "ctx": true, "dir": true,
	"dirs": true, "env": true, "idx": true, "img": true, "init": true, "lib": true, "libs": true, "mem": true,
	"obj": true, "opt": true, "opts": true, "pkg": true, "pkgs": true, "ptr": true, "src": true, "srcs": true,
	"str": true, "tmp": true,
}

// commonSize is the largest SCOWL size class counted as a common word
// for nearCommon (50: the words of a mid-sized dictionary).
const commonSize = 50

// nearCommon reports whether one edit (a letter deleted, inserted,
// changed, or two neighbours swapped) turns w (lower case) into a common
// word.
func nearCommon(lex *spell.Lexicon, w string) bool { return nearCommonBut(lex, w, nil) }

// nearMistyped is nearCommon for a word of known parts ("usefull",
// "commited"), leaving out the common words it only extends by a letter
// or falls a letter short of: "profiler" is not "profile" mistyped, nor
// "undefine" "undefined"; but a doubled last letter is a slip
// ("helpfull").
//
// Nor does a consonant added or left out count unless it doubles its
// neighbour ("satelite", "helpfull", "discared" are slips; "memoized"
// is not "memorized", nor "manpage" "manage"), nor a last letter changed
// ("hasher" is not "hashes"), nor a letter changed for one that is
// neither a neighbouring key, nor a vowel for a vowel, nor a consonant
// spelt for it ("uncurried" is not "unhurried"): a word made of known
// parts differs from a common word that way by design.
func nearMistyped(lex *spell.Lexicon, w string) bool {
	return nearCommonBut(lex, w, func(c string) bool {
		long, short := c, w
		if len(c) < len(w) {
			long, short = w, c
		}
		if len(c) == len(w) && c[:len(c)-1] == w[:len(w)-1] {
			return true // another suffix on the same stem: hasher, hashes
		}
		if len(c) == len(w) {
			if k := onlyDifference(c, w); k >= 0 && !spell.LikelySubstitution(c[k], w[k]) {
				return true // uncurried is not unhurried, nor unsetting upsetting
			}
		}
		if len(long) != len(short)+1 {
			return false // a letter changed or two swapped: a slip
		}
		k := 0
		for k < len(short) && short[k] == long[k] {
			k++
		}
		x := long[k]
		if isVowelByte(x) || k > 0 && long[k-1] == x || k+1 < len(long) && long[k+1] == x {
			return false
		}
		if len(c) == len(w)-1 && k == len(w)-1 {
			return true // w extends c by a letter: profile, profiler
		}
		return true
	})
}

// onlyDifference returns the one position at which a and b (of the
// same length) differ, or -1 if they differ at none or at more.
func onlyDifference(a, b string) int {
	k := -1
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if k >= 0 {
				return -1
			}
			k = i
		}
	}
	return k
}

func isVowelByte(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// nearCommonBut is nearCommon, not counting the common words skip
// reports (nil: none).
func nearCommonBut(lex *spell.Lexicon, w string, skip func(string) bool) bool {
	return nearSize(lex, w, commonSize, skip)
}

// nearKnown reports whether one edit turns w (lower case, five letters
// or more) into any word of the list: a context that marks a name or a
// term does not tell a term from a slip of another term ("the timout
// option": timeout).
func nearKnown(lex *spell.Lexicon, w string) bool {
	return len(w) >= 5 && nearSize(lex, w, 100, func(c string) bool {
		return w == c+"s" // its plural (regtests: regtest), not a slip of it
	})
}

// nearSize is nearCommonBut for words of size class limit or less.
func nearSize(lex *spell.Lexicon, w string, limit int, skip func(string) bool) bool {
	if len(w) < 3 || len(w) > 30 {
		return false
	}
	common := func(c string) bool {
		f := lex.Frequency(c)
		return f > 0 && f <= limit && (skip == nil || !skip(c))
	}
	b := []byte(w)
	buf := make([]byte, 0, len(b)+1)
	// The first letter stays: a typo there is rare, and a name is often a
	// letter away from a word that way (Rustaceans, crustaceans).
	for i := 1; i < len(b); i++ {
		buf = append(append(buf[:0], b[:i]...), b[i+1:]...)
		if common(string(buf)) {
			return true
		}
		if i+1 < len(b) && b[i] != b[i+1] {
			buf = append(buf[:0], b...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if common(string(buf)) {
				return true
			}
		}
	}
	for i := 1; i <= len(b); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(b) && b[i] != c {
				buf = append(buf[:0], b...)
				buf[i] = c
				if common(string(buf)) {
					return true
				}
			}
			buf = append(append(append(buf[:0], b[:i]...), c), b[i:]...)
			if common(string(buf)) {
				return true
			}
		}
	}
	return false
}

// ruleWords are the words that library rules match alone (one-element
// patterns naming words): nonwords and misspellings with rules of their
// own, whose findings name the fix and whose settings a user may have
// turned off.
var ruleWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	rs, err := LoadDefault()
	if err != nil {
		return out
	}
	for _, r := range rs {
		for _, p := range r.Patterns {
			if len(p.Match) != 1 || p.Match[0].Negate {
				continue
			}
			for _, w := range p.Match[0].Words {
				if !strings.HasPrefix(w, "$") && !strings.Contains(w, " ") {
					out[strings.ToLower(spell.NormalizeApostrophes(w))] = true
				}
			}
		}
	}
	return out
})

// maxInitialism is the longest run of capitals read as an initialism.
const maxInitialism = 5

// spellCandidate returns the word of toks[i] to look up, and false for a
// token that is not a word to check: code and identifiers (snake_case,
// camelCase, dotted, digits, words joined to code punctuation), inline
// code, URLs and e-mail addresses (their own token kinds), initialisms in
// capitals, single letters, clitics ("n't", "'s") and words of other
// scripts.
func spellCandidate(toks []analysis.Token, i int) (string, bool) {
	t := &toks[i]
	if t.Kind != token.Word {
		return "", false
	}
	w := spell.NormalizeApostrophes(t.Text)
	if utf8.RuneCountInString(w) < 2 || w[0] == '\'' || strings.HasSuffix(w, "n't") && len(w) == 3 {
		return "", false
	}
	if len(w) == 2 && w[0] >= 'a' && w[0] <= 'z' {
		return "", false // two lower-case letters: an abbreviation, a unit, a fragment ("vu"), seldom a typo
	}

	w = strings.TrimSuffix(w, "'")
	upper, lower, letters := 0, 0, 0
	lowerThenUpper := false
	prevLower := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9', r == '_', r == '.', r == '/', r == '\\', r == '@', r == '#', r == ':', r == '=':
			return "", false
		case r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r):
			return "", false // another script
		case r >= 0x250 && r <= 0x2FF:
			return "", false // IPA letters and stress marks: a transcription, [taɪpst]
		case unicode.IsUpper(r):
			upper++
			letters++
			if prevLower {
				lowerThenUpper = true
			}
			prevLower = false
		case unicode.IsLower(r):
			lower++
			letters++
			prevLower = true
		case r == '-' || r == '\'':
			prevLower = false
		default:
			if !unicode.IsLetter(r) && !unicode.IsMark(r) {
				return "", false
			}
		}
	}
	if letters == 0 || lowerThenUpper {
		return "", false // camelCase, iPhone, GitHub: identifiers and brands
	}
	if lower == 0 && upper <= maxInitialism {
		return "", false // an initialism: HTTP, CLI
	}
	if lower == 1 && upper >= 2 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "'s")) && upper <= maxInitialism {
		return "", false // APIs, URLs
	}
	if joinedToCode(toks, i) {
		return "", false
	}
	if i+1 < len(toks) && toks[i+1].Start == t.End && (toks[i+1].Text == "na" || toks[i+1].Text == "ta") {
		return "", false // the tokenizer's gon|na, wan|na, got|ta
	}
	return w, true
}

// joinedToCode reports whether toks[i] touches code punctuation with no
// space between: std::io, foo(), /usr/bin, `x`, $HOME, #tag, @user, x++,
// or stands in a brace group written without spaces, as shells expand
// and commit messages abbreviate paths and names ({hfs,nfs,zfs}_ops,
// uv_fs_{unlink,rmdir}, *ast.Bad{Expr,Stmt}).
func joinedToCode(toks []analysis.Token, i int) bool {
	if inBraceGroup(toks, i) {
		return true
	}
	if i > 0 && toks[i-1].End == toks[i].Start {
		switch toks[i-1].Text {
		case "::", "/", "\\", "`", "$", "#", "@", "%", "~", "<", "=", "&", "*", "^", "|", "+", ".", "->", "_":
			return true
		}
		if toks[i-1].Kind == token.Placeholder || toks[i-1].Kind == token.URL || toks[i-1].Kind == token.Number {
			return true
		}
	}
	if i+1 < len(toks) && toks[i].End == toks[i+1].Start {
		switch toks[i+1].Text {
		case "::", "/", "\\", "`", "(", "[", "{", "<", "=", "++", "+", "#", "@", "$", "_", "->", "*":
			return true
		}
		if toks[i+1].Kind == token.Placeholder || toks[i+1].Kind == token.Number {
			return true
		}
	}
	return false
}

// isAllCaps reports whether every letter of w is a capital, two at least.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// inBraceGroup reports whether toks[i] lies between "{" and "}" in a run
// of tokens with no space between them.
func inBraceGroup(toks []analysis.Token, i int) bool {
	open := false
	for j := i - 1; j >= 0 && toks[j].End == toks[j+1].Start; j-- {
		if toks[j].Text == "{" {
			open = true
			break
		}
		if toks[j].Text == "}" {
			return false
		}
	}
	if !open {
		return false
	}
	for j := i + 1; j < len(toks) && toks[j].Start == toks[j-1].End; j++ {
		if toks[j].Text == "}" {
			return true
		}
		if toks[j].Text == "{" {
			return false
		}
	}
	return false
}

// nearCommon2 reports whether w (lower case) is one edit from a common
// word, or one edit and a doubled letter ("attatchedd": attached, the
// key held too long beside another slip): the test of the contexts that
// excuse a word by its sentence alone. Any two edits would be too many:
// most short names and terms are two edits from some common word
// (dblatex, termux, cquery). It runs only for the few unknown words such
// a context holds.
func nearCommon2(lex *spell.Lexicon, w string) bool {
	if nearCommon(lex, w) {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for i := 2; i < len(w); i++ {
		if w[i] != w[i-1] || i > 2 && w[i] == w[i-2] {
			continue // only a doubled letter, once
		}
		if nearCommon(lex, w[:i]+w[i+1:]) {
			return true
		}
	}
	return false
}

// nameContext reports whether the sentence's syntax marks toks[i], an
// unknown word that is no slip of a common word, as a name or a term the
// writer means: a possessive ("mazzoni's deli", "vscode's description"),
// a modifier of a noun that classifies names ("the mapfs code", "the
// debenhams website", "ocagent exporters"), an item of a list whose other
// items are names or terms ("rofi, albert, docky, dmenu, sxhkd, etc"),
// a value of a key=value list ("R=golang-dev, adg, bgarcia"), a word
// that is its sentence alone (a table's cell, a label) or all a
// parenthesis holds ("md (typlite)"), or a word beside another unknown
// one (a phrase in another language, a name of two words); and,
// whatever the word, a suspended prefix ("(endo-)functor") or a
// variable's ordinal (n'th). A slip is seldom one edit from nothing
// known, and a typist seldom makes two in a row: the near-miss tests
// (nearCommon2, nearKnown) keep "the calulate function", "the timout
// option" and "a freind's house" flagged. classes are the sentence's
// verdicts (verdicts.sentence).
func nameContext(lex *spell.Lexicon, w string, toks []analysis.Token, i int, classes []wordClass) bool {
	lower := strings.ToLower(w)
	r0, _ := utf8.DecodeRuneInString(w)
	capital := unicode.IsUpper(r0)
	if suspendedPrefix(toks, i) || letterOrdinal(w) {
		return true
	}
	if capital && possessive(toks, i) && !firstWord(toks, i) {
		return true // Reiter's syndrome: a name's possessive, capitalised
	}
	if capital && !firstWord(toks, i) && capitalName(lex, toks, i, classes) {
		return true
	}
	if _, ok := lowerName(lex, w); ok {
		return false // chicago: a name the word list knows, capital missing
	}
	if assignedList(toks, i) || termList(lex, toks, i, classes) {
		return true // adg: short names are one edit from many words
	}
	if detachedPrefix(toks, i) {
		return true // pre go1.10.4
	}
	if nearCommon2(lex, lower) || nearKnown(lex, lower) {
		return false // a slip of a common word, or of a term ("timout")
	}
	if possessive(toks, i) || len(toks) == 1 || parenthesisedAlone(toks, i) {
		// A word standing alone, with no punctuation, is a key or a
		// term named: a table's cell (<td>osfamily</td>), a label.
		return true
	}
	if beforeClassifier(toks, i) || besideUnknown(lex, toks, i, classes) {
		return true
	}
	return nameList(lex, toks, i, classes)
}

// possessive reports whether toks[i] is followed, with no space, by the
// clitic of a possessive.
func possessive(toks []analysis.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Start != toks[i].End {
		return false
	}
	switch toks[i+1].Text {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

// classifierNouns are the nouns a name or a term modifies to say what
// kind of thing it names: "the mapfs code", "the dblatex backend", "the
// sitara number", "the debenhams website". A head noun of one of these
// kinds after an unknown word makes that word the name of such a thing.
var classifierNouns = map[string]bool{
	// software and its parts
	"api": true, "apis": true, "app": true, "apps": true, "backend": true, "backends": true, "binary": true,
	"binaries": true, "build": true, "buffer": true, "class": true, "classes": true, "client": true, "code": true,
	"command": true, "commands": true, "component": true, "crate": true, "crates": true, "daemon": true,
	"driver": true, "element": true, "extension": true, "extensions": true, "exporter": true, "exporters": true,
	"field": true, "fields": true, "file": true, "files": true, "flag": true, "flags": true, "format": true,
	"frontend": true, "function": true, "functions": true, "gem": true, "handler": true, "hook": true,
	"hooks": true, "interface": true, "kernel": true, "key": true, "library": true, "macro": true, "map": true,
	"maps": true, "method": true, "methods": true, "mode": true, "module": true, "modules": true, "object": true,
	"objects": true, "operation": true, "operations": true, "option": true, "options": true, "package": true,
	"packages": true, "parameter": true, "plugin": true, "plugins": true, "process": true, "program": true,
	"project": true, "protocol": true, "repo": true, "repository": true, "script": true, "scripts": true,
	"server": true, "service": true, "struct": true, "structs": true, "structure": true, "support": true,
	"syntax": true, "table": true, "tag": true, "target": true, "task": true, "test": true, "tests": true,
	"tool": true, "tools": true, "type": true, "types": true, "utility": true, "value": true, "values": true,
	"variable": true, "variables": true, "account": true, "bot": true, "browser": true, "channel": true,
	"cluster": true, "compiler": true, "config": true, "configuration": true, "container": true, "database": true,
	"docs": true, "documentation": true, "editor": true, "engine": true, "font": true, "formatter": true,
	"framework": true, "image": true, "linter": true, "manual": true, "menu": true, "network": true,
	"panel": true, "parser": true, "platform": true, "runtime": true, "scanner": true, "settings": true,
	"shell": true, "system": true, "terminal": true, "theme": true, "window": true,
	// organisations and places
	"bank": true, "cafe": true, "company": true, "deli": true, "hotel": true, "mall": true, "pharmacy": true,
	"restaurant": true, "shop": true, "site": true, "store": true, "website": true,
	"media": true, "software": true, "solutions": true, "group": true, "inc": true, "ltd": true, "corp": true,
	"labs": true, "studio": true, "studios": true, "technologies": true, "services": true, "consulting": true,
	"foundation": true, "institute": true, "university": true, "college": true, "hospital": true, "airlines": true,
	"river": true, "rivers": true, "lake": true, "lakes": true, "island": true, "islands": true,
	"mountains": true, "valley": true, "county": true, "province": true, "village": true, "villages": true,
}

// beforeClassifier reports whether toks[i] directly modifies a
// classifier noun ("the gocommand operations", "a dblatex backend").
func beforeClassifier(toks []analysis.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Kind != token.Word {
		return false
	}
	n := toks[i+1].Text
	return classifierNouns[n] || classifierNouns[strings.ToLower(n)]
}

// assignedList reports whether toks[i] is a value of a key=value list
// written without spaces around "=" and with commas between values
// ("R=golang-dev, adg, bgarcia", "CC=rsc, iant"): a list of names or
// identifiers, as review trailers and options write them.
func assignedList(toks []analysis.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch t := toks[j]; {
		case t.Text == "=":
			return j > 0 && t.End == toks[j+1].Start && toks[j-1].End == t.Start && toks[j-1].Kind == token.Word
		case t.Kind == token.Word && toks[j+1].Text == ",":
			if k := strings.IndexByte(t.Text, '='); k > 0 && k < len(t.Text)-1 {
				return true // the tokenizer's one word: R=golang-dev
			}
		case t.Text == ",":
		default:
			return false
		}
	}
	return false
}

// besideUnknown reports whether the word before or after toks[i] is
// unknown too and no slip of a common word either (nor a name the word
// list knows, written in lower case).
func besideUnknown(lex *spell.Lexicon, toks []analysis.Token, i int, classes []wordClass) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) || classes[j] != unknownWord {
			continue
		}
		w := toks[j].Text
		lower := strings.ToLower(w)
		if !nearCommon(lex, lower) && !(lower == w && known(lex, title(w))) {
			return true
		}
	}
	return false
}

// listSeparator reports whether toks[k] separates the items of a list:
// a comma, a conjunction, a slash, or a dash with space on both sides
// (a list written on one line: "- uvcat - uvtee - onchange").
func listSeparator(toks []analysis.Token, k int) bool {
	switch strings.ToLower(toks[k].Text) {
	case ",", "and", "or", "&", "/":
		return true
	case "-", "–":
		return k > 0 && k+1 < len(toks) && toks[k-1].End < toks[k].Start && toks[k].End < toks[k+1].Start
	}
	return false
}

// nameList reports whether toks[i] is an item of a list of at least
// three one-word items ("linux, darwin, windows", "clangd, ccls, and
// cquery", "(rofi, albert, docky, dmenu, sxhkd, etc)") most of whose
// other items are names or terms: capitalised, rare, unknown or code.
// A list of common words ("apples, pears and bannanas") gives its slip
// no such cover.
func nameList(lex *spell.Lexicon, toks []analysis.Token, i int, classes []wordClass) bool {
	items := listItems(toks, i)
	if len(items) < 3 {
		return false
	}
	names := 0
	for _, j := range items {
		if j == i {
			continue
		}
		t := toks[j]
		r, _ := utf8.DecodeRuneInString(t.Text)
		f := lex.Frequency(t.Text)
		if t.Kind == token.Placeholder || classes[j] == notCandidate || unicode.IsUpper(r) || f == 0 || f > commonSize {
			names++
		}
	}
	return 2*names >= len(items)-1 && names >= 2
}

// termList reports whether toks[i] is an item of a list of at least
// three one-word items two or more of whose other items, and half of
// them, are code, rare words or terms, or words no list knows and no
// slip of a common word makes ("rofi, albert, docky, dmenu, sxhkd"): a
// list of names of tools, where an item one edit from a common word
// (docky, dock) is a name too. Capitals do not count, as they do for
// nameList: a name the list knows is no cover for a slip of a word.
func termList(lex *spell.Lexicon, toks []analysis.Token, i int, classes []wordClass) bool {
	items := listItems(toks, i)
	if len(items) < 3 {
		return false
	}
	terms := 0
	for _, j := range items {
		if j == i {
			continue
		}
		t := toks[j]
		switch {
		case t.Kind == token.Placeholder:
			terms++ // code
		case classes[j] == unknownWord:
			if !nearCommon2(lex, strings.ToLower(t.Text)) {
				terms++
			}
		case classes[j] != notCandidate && lex.Frequency(t.Text) > commonSize:
			terms++ // a rare word or a term of the list: rofi, dmenu
		}
	}
	return terms >= 2 && 2*terms >= len(items)-1
}

// listItems returns the items of the list of one-word items toks[i] is
// one of (toks[i] first), or just toks[i].
func listItems(toks []analysis.Token, i int) []int {
	item := func(j int) bool {
		return j >= 0 && j < len(toks) && (toks[j].Kind == token.Word && !listSeparator(toks, j) && toks[j].Text != "etc" ||
			toks[j].Kind == token.Placeholder)
	}
	// walk over item (sep+ item)* both ways
	var items []int
	for j := i; item(j); {
		items = append(items, j)
		k := j - 1
		for k >= 0 && listSeparator(toks, k) {
			k--
		}
		if k == j-1 || !item(k) {
			break
		}
		j = k
	}
	for j := i; item(j); {
		if j != i {
			items = append(items, j)
		}
		k := j + 1
		for k < len(toks) && listSeparator(toks, k) {
			k++
		}
		if k == j+1 || !item(k) {
			break
		}
		j = k
	}
	return items
}

// identifierCompound reports whether w (lower case letters only) reads
// as a name of code made of two parts of three letters or more with no
// separator, the way C and Go name variables, types and tools: a word
// and an abbreviation or a term (localval, typeparams, socketaddr,
// exepath, mkstdlib), or the count prefix n before a plural (nevents,
// nfiles). Two common words run together (everytime, buildtag) may be a
// missing space, and a word one slip from a common one (discared,
// usuage) is that slip: neither is read so. Only a document that writes code elsewhere
// (writesCode) reads such a word so: in other prose "exelent" (exe +
// lent) is a slip.
func identifierCompound(lex *spell.Lexicon, w string) bool {
	if len(w) < 5 || len(w) > 24 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	if rest, ok := strings.CutPrefix(w, "n"); ok && len(rest) >= 4 && strings.HasSuffix(rest, "s") && lex.Frequency(rest) > 0 && !nearCommon(lex, w) {
		return true
	}
	if nearCommon2(lex, w) || nearKnown(lex, w) {
		return false // discared, usuage, refactorring: slips of one word, not two parts
	}
	if a, b := w[:2], w[2:]; len(b) >= 4 && lex.Frequency(a) >= compoundRare && lex.Frequency(b) > 0 {
		return true // a rare two-letter abbreviation before a word or term: mk + stdlib, cg + nodes
	}
	for i := 3; i+3 <= len(w); i++ {
		a, b := w[:i], w[i:]
		fa, fb := lex.Frequency(a), lex.Frequency(b)
		if fa == 0 || fb == 0 {
			continue
		}
		lo, hi := min(fa, fb), max(fa, fb)
		if lo <= compoundCommon && hi >= compoundAbbrev || lo >= compoundRare {
			return true
		}
	}
	return false
}

// The size classes identifierCompound reads: a part of compoundCommon
// or less is a common word (node, range, socket); one of compoundAbbrev
// or more beside it an abbreviation or a term of code (ids, int: 50; val:
// 60; params, exe: 80; addr: 95); two parts of compoundRare or more are
// both terms (asm + decl). Two parts between (git 55 + liens 40: a slip of
// "gitlens") are neither.
const (
	compoundCommon = 35
	compoundAbbrev = 50
	compoundRare   = 60
)

// writesCode reports whether the document writes code in its prose:
// inline code, or a word with the shape of an identifier (snake_case, a
// qualified name, camelCase after two small letters, a call), a file
// name or a path.
func writesCode(res *analysis.Result) bool {
	if res == nil {
		return false
	}
	for _, b := range res.Blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		for _, s := range b.Sentences {
			for i, t := range s.Tokens {
				if t.Kind == token.Placeholder {
					return true
				}
				if t.Kind != token.Word {
					continue
				}
				if strings.Contains(t.Text, "_") || strings.Contains(t.Text, "::") || lateCamel(t.Text) || fileName(t.Text) || pathAt(s.Tokens, i) {
					return true
				}
				if i+2 < len(s.Tokens) && s.Tokens[i+1].Text == "(" && s.Tokens[i+1].Start == t.End && s.Tokens[i+2].Text == ")" {
					return true // a call: printf()
				}
			}
		}
	}
	return false
}

// lateCamel reports whether w has a capital after two small letters or
// more (valNodes, getValue; not iPhone, eBay, McDonald).
func lateCamel(w string) bool {
	small := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			small++
		case c >= 'A' && c <= 'Z':
			if small >= 2 && (i < 2 || w[i-2] >= 'a') {
				return small >= 2 && w[0] >= 'a' && w[0] <= 'z'
			}
			small = 0
		default:
			small = 0
		}
	}
	return false
}

// suspendedPrefix reports whether toks[i] is joined to a hyphen that
// joins it to nothing: the first part of a compound whose second part is
// written elsewhere ("(endo-)functor", "pre- and post-processing"), a
// prefix the writer sets off on purpose.
func suspendedPrefix(toks []analysis.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Text != "-" || toks[i+1].Start != toks[i].End {
		return false
	}
	return i+2 >= len(toks) || toks[i+2].Start > toks[i+1].End || toks[i+2].Kind == token.Punct
}

// letterOrdinal reports whether w is a letter with an ordinal ending,
// the way mathematics counts with a variable: n'th, i'th, kth.
func letterOrdinal(w string) bool {
	if len(w) < 3 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch w[1:] {
	case "'th", "th":
		return true
	}
	return false
}

// fileName reports whether w is a file's name with an extension of one
// to four small letters after a stem of two letters or more (aix.c,
// project.el, setup.py; not e.g, Ph.D).
func fileName(w string) bool {
	k := strings.LastIndexByte(w, '.')
	if k < 2 || len(w)-k-1 < 1 || len(w)-k-1 > 4 {
		return false
	}
	for i := k + 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(w[:k])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// pathAt reports whether toks[i] starts a path: words joined by two
// slashes or more (internal/lsp/cache), or by one and then a colon
// (go/packages: …, the package a commit's subject names); "and/or",
// "his/her" are neither.
func pathAt(toks []analysis.Token, i int) bool {
	if i > 0 && toks[i-1].End == toks[i].Start {
		return false // not a run's start
	}
	slashes := 0
	j := i + 1
	for ; j < len(toks) && toks[j].Start == toks[j-1].End; j++ {
		if toks[j].Text == "/" {
			slashes++
		}
	}
	if slashes == 0 {
		return false
	}
	return slashes >= 2 || toks[j-1].Text == ":" && toks[j-2].Kind == token.Word
}

// parenthesisedAlone reports whether toks[i] is all a parenthesis holds,
// set off by space from what it glosses ("md (typlite)", "the pager
// (moar)"): a name given for what the sentence describes.
func parenthesisedAlone(toks []analysis.Token, i int) bool {
	return i > 1 && i+1 < len(toks) && toks[i-1].Text == "(" && toks[i+1].Text == ")" &&
		toks[i-2].End < toks[i-1].Start
}

// capitalName reports whether toks[i], a capitalised word inside its
// sentence, is a name by what stands around it, though it is one edit
// from a common word: after a title, a rank or a word that names
// ("Miss Scarlett", "the class Reptilia", "named Olly"), or, in a
// sentence not in title case (where a heading's slip would pass), before
// a noun that classifies names ("the Metra system", "Korn shell") or as
// an item of a list of names ("Whitehead, Russell and Weyl"; "Visa,
// MasterCard, Amex"). A common word mistyped is seldom capitalised in
// the middle of a sentence; a name is.
func capitalName(lex *spell.Lexicon, toks []analysis.Token, i int, classes []wordClass) bool {
	if i > 0 && toks[i-1].Kind == token.Word && nameTitles[strings.ToLower(strings.TrimSuffix(toks[i-1].Text, "."))] {
		return true
	}
	if i > 1 && toks[i-1].Text == "." && toks[i-1].Start == toks[i-2].End && nameTitles[strings.ToLower(toks[i-2].Text)] {
		return true // Dr. Olly, St. Rohan
	}
	if addressed(toks, i) {
		return true // Thanks again, Directv.
	}
	if titleCase(toks) {
		// a list of names that are names by themselves ("Moukoulou,
		// Séguine, Doli, Morgué"), not of capitalised common words
		return nameList(lex, toks, i, classes) && namesAround(lex, toks, i)
	}
	return beforeClassifier(toks, i) || nameList(lex, toks, i, classes)
}

// namesAround reports whether the item before or the item after
// toks[i] in its list (past the separators) is a name by itself
// (nameWord): "Visa, MasterCard, Amex", not "Pears, Chesse and Plums".
func namesAround(lex *spell.Lexicon, toks []analysis.Token, i int) bool {
	for _, step := range []int{-1, 1} {
		j := i + step
		for j >= 0 && j < len(toks) && listSeparator(toks, j) {
			j += step
		}
		if j != i+step && j >= 0 && j < len(toks) && nameWord(lex, toks, j) {
			return true
		}
	}
	return false
}

// nameTitles are the words a name follows: titles and ranks of people,
// the ranks of biology's taxa, and the verbs that give a name.
var nameTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lady": true, "lord": true, "saint": true, "st": true, "captain": true,
	"president": true, "king": true, "queen": true, "prince": true, "princess": true, "uncle": true,
	"aunt": true, "general": true, "senator": true, "judge": true,
	"kingdom": true, "phylum": true, "class": true, "order": true, "family": true, "genus": true,
	"subfamily": true, "suborder": true, "superfamily": true, "tribe": true,
	"named": true, "called": true, "nicknamed": true, "dubbed": true,
}

// titleCase reports whether most of the sentence's words are
// capitalised: a heading, a title, a list of names.
func titleCase(toks []analysis.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind == token.Word {
			words++
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return 2*caps > words
}

// detachedPrefix reports whether toks[i] is a prefix written apart
// before a version or a number, as commit messages and changelogs write
// it: "pre go1.10.4", "post 2.0", "pre 1.0".
func detachedPrefix(toks []analysis.Token, i int) bool {
	if !hyphenPrefixes[strings.ToLower(toks[i].Text)] || i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return n.Kind == token.Number || n.Kind == token.Word && strings.ContainsAny(n.Text, "0123456789")
}

// addressed reports whether toks[i] is the name a greeting or a thanks
// addresses, after it and a comma or right after it, at the end of the
// sentence or before a comma: "Thanks again, Directv.", "Hi Olly,", "Dear
// Ms Lavo".
func addressed(toks []analysis.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Kind == token.Word {
		return false
	}
	j := i - 1
	if j >= 0 && toks[j].Text == "," {
		j--
	}
	for j >= 0 && toks[j].Kind == token.Word && addressFillers[strings.ToLower(toks[j].Text)] {
		j--
	}
	return j >= 0 && toks[j].Kind == token.Word && greetings[strings.ToLower(toks[j].Text)]
}

// greetings are the words that address someone by name after them, and
// addressFillers the words that may stand between ("thanks again", "thank
// you so much").
var (
	greetings      = map[string]bool{"dear": true, "hi": true, "hello": true, "hey": true, "thanks": true, "thank": true, "cheers": true, "congratulations": true, "welcome": true}
	addressFillers = map[string]bool{"again": true, "you": true, "so": true, "much": true, "very": true, "back": true}
)
