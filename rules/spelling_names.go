package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/spell"
	"liaison/analysis/token"
)

// What the spelling rule leaves alone, names: the contexts in which an
// unknown word reads as a name or a term the writer means (a title before
// it, a list of names, a possessive, a classifier noun after it), not a
// slip.

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
