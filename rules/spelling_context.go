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
// names, initialisms, terms or derivations rather than slips. This file
// holds the contexts of position, markup and code; spelling_names.go the
// contexts that make a name, spelling_near.go the near-miss tests that
// keep a slip flagged, spelling_parts.go the words of known parts.

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
