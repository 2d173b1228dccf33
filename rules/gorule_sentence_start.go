package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// sentenceStart flags a sentence that begins with a lower-case word right
// after a full stop, ! or ? in the same block ("It rained. we stayed in.",
// "Is it done? yes.") and
// offers the word capitalised. It needs the previous sentence, which a
// pattern cannot see: the splitter ends a sentence at a bare full stop
// before a lower-case word, so the full stop is the last token of prev.
//
// It says nothing when the full stop may not end a sentence, or when the
// word is lower case by nature:
//   - after ! or ? that close words with no verb, the word is a verb:
//     the mark may belong to a name (Yahoo! is, Tora! Tora! Tora! is);
//   - the sentence before is a roman numeral alone: a list label ("ii.
//     a copyright notice"), or one lower-case word and "!": exclamations
//     the writer runs together ("Presto! begone! 'tis here again");
//   - the word before the full stop is an abbreviation the tokenizer does
//     not know (approx., cf., al.), a single letter (an initial, a label:
//     "option b."), a number (a list label "1."), or the full stop is part
//     of a spaced ellipsis (". . .");
//   - the word has a capital or a digit inside (iPhone, eBay, mp3), or is
//     not an English word the lexicon or the tagger knows (npm, gcc);
//   - the word is a noun the previous sentence has in lower case too,
//     not at its start: a name written in lower case ("He uses vim. vim
//     is fast.");
//   - the word is glued to a mark that makes it a path or a call
//     (cache/session.go, len(x)), or it is a verb's plain form with a verb
//     after it, or a singular noun with no determiner before a verb in
//     the present third person, which makes it a subject: a command's or a
//     program's name ("make will rebuild it", "liaison reads Markdown");
//   - it is one letter (a variable: "x is then doubled") other than the
//     article a, or inline code, which is a placeholder and never a word;
//   - the sentence is set apart by markup as a whole, a note or a label
//     ("Overwrite read-only files. <em>since Ant 1.8.2</em>"), or it is a
//     verbless piece with no full stop that opens with a preposition or
//     a bare noun (dependentFragment).
func sentenceStart(prev, toks []analysis.Token, marks []markup.Range) []GoMatch {
	if len(prev) < 2 || len(toks) < 2 {
		return nil
	}
	stop := &prev[len(prev)-1]
	if stop.Kind != token.Punct || !isStop(stop.Text) {
		return nil
	}
	if len(prev) == 2 && isRomanLabel(prev[0].Text) {
		return nil // a list label: "ii. a copyright notice"
	}
	if len(prev) == 2 && stop.Text == "!" && startsLower(prev[0].Text) {
		return nil // exclamations run together as one: "Presto! begone! 'tis here again"
	}
	before := &prev[len(prev)-2]
	switch before.Kind {
	case token.Word:
		if utf8.RuneCountInString(before.Text) == 1 || isAbbreviation(before.Text) {
			return nil
		}
	case token.Placeholder, token.URL, token.Email:
		// "Run `cargo build`. then …" is still a sentence; so is a URL.
	case token.Number:
		// A year after a preposition ends a sentence ("We met in 2019.
		// since then …"); other numbers may be list labels ("1.").
		if !isYear(before.Text) || len(prev) < 3 || prev[len(prev)-3].UPOS != tag.ADP {
			return nil
		}
	default:
		return nil // a symbol, another full stop
	}
	i := 0
	for i < len(toks)-1 && toks[i].Kind == token.Punct && isOpeningMark(toks[i].Text) {
		i++
	}
	w := &toks[i]
	if w.Kind != token.Word || !lowerByChance(w) {
		return nil
	}
	if stop.Text != "." && (w.UPOS == tag.VERB || w.UPOS == tag.AUX) && !hasVerb(prev) {
		// A name with its "!" as the subject: "Tora! Tora! Tora! is a
		// film". A question or an exclamation with a verb of its own
		// is a sentence, and so is what follows: "Are you coming? let
		// me know."
		return nil
	}
	if i+1 < len(toks) {
		next := &toks[i+1]
		if next.Start == w.End && next.Kind != token.Word && next.Text != "," && next.Text != "'" {
			return nil // part of a path or a call: cache/session.go, len(x)
		}
		if w.PTB == tag.VB && (next.PTB == tag.MD || next.PTB == tag.VBZ || next.PTB == tag.VBD) {
			return nil // a command's name as the subject: "make will see", "go builds it"
		}
		if w.PTB == tag.NN && w.UPOS == tag.NOUN && presentThird(next) {
			return nil // a bare singular noun as the subject is a name: "liaison reads Markdown"
		}
	}
	if w.UPOS == tag.NOUN || w.UPOS == tag.PROPN {
		for j := 1; j < len(prev); j++ {
			if prev[j].Text == w.Text {
				return nil // written so inside the sentence before: a name in lower case (vim, git)
			}
		}
	}
	if wrappedInMarkup(marks, stop, w, toks) {
		return nil // a note set apart by markup: "… files. <em>since Ant 1.6</em>"
	}
	if dependentFragment(toks, i) {
		return nil // a label or a phrase cut by an abbreviation: "… a process. since Ant 1.6"
	}
	r, n := utf8.DecodeRuneInString(w.Text)
	return []GoMatch{{Start: i, End: i + 1, Replacements: []string{string(unicode.ToUpper(r)) + w.Text[n:]}}}
}

// wrappedInMarkup reports whether the sentence that begins with w is set
// apart by markup as a whole: markup opens between the full stop and w,
// none comes inside the sentence, and after its last word markup follows
// at once or the block ends. Manuals write notes so ("Overwrite read-only
// files. <em>since Ant 1.8.2</em>"), and the note is a label, not a
// sentence that wants its capital.
func wrappedInMarkup(marks []markup.Range, stop, w *analysis.Token, toks []analysis.Token) bool {
	// The first markup range that ends after the full stop.
	k := sort.Search(len(marks), func(k int) bool { return marks[k].End > stop.End })
	if k == len(marks) || marks[k].Start < stop.End || marks[k].End > w.Start {
		return false
	}
	last := len(toks) - 1
	for last >= 0 && toks[last].Kind == token.Punct {
		last--
	}
	if last < 0 {
		return false
	}
	end := toks[last].End
	for k < len(marks) && marks[k].End <= w.Start {
		k++ // every range in the gap: "</a> <em>"
	}
	if k < len(marks) && marks[k].Start < end {
		return false // markup inside the sentence: "It rained. <em>we</em> stayed in."
	}
	// Closing markup right after the last word; or none, the last word
	// ending the tokens, where the block ends before its closing tag.
	return k < len(marks) && marks[k].Start == end || k == len(marks) && last == len(toks)-1
}

// dependentFragment reports whether toks, from the word at i, is a
// piece that cannot stand as a sentence and does not claim to be one: it
// has no verb, no full stop, ! or ? closes it, and it opens with a
// preposition, a subordinator or a bare singular noun, which an utterance cannot
// open with (a noun phrase that stands alone has its determiner: "many
// thanks", "the best cab in town" stay flagged). Such a piece is a note
// or a label ("… when spawning a process. since Ant 1.6", a table cell),
// or the rest of a phrase whose full stop belonged to an abbreviation
// ("marked old by frw. barrier in this cycle").
func dependentFragment(toks []analysis.Token, i int) bool {
	last := &toks[len(toks)-1]
	if last.Kind == token.Punct && isStop(last.Text) {
		return false
	}
	// A word the lexicon knows only as a noun is one whatever the tagger
	// says: a fragment's first word is often read as an imperative.
	lex := morph.Default()
	switch w := &toks[i]; {
	case w.UPOS == tag.ADP || w.UPOS == tag.SCONJ:
	case w.UPOS == tag.NOUN && w.PTB == tag.NN && !lex.Classes(w.Text).Has(morph.Noun, morph.Plural):
		// Not a plural the tagger read as singular: "thanks louise".
	case w.UPOS == tag.VERB && nounOnly(lex, w) && !lex.Classes(w.Text).Has(morph.Noun, morph.Plural):
	default:
		return false
	}
	for k := i; k < len(toks); k++ {
		if t := &toks[k]; (t.UPOS == tag.VERB || t.UPOS == tag.AUX) && !nounOnly(lex, t) {
			return false
		}
	}
	return true
}

// lowerByChance reports whether t is an ordinary English word written in
// lower case: all its letters lower case, at least two of them, no digit
// or other mark inside (a name such as iPhone or mp3 is written as it is),
// and known to the lexicon, or a function word by its tag (the lexicon
// holds nouns, verbs, adjectives and adverbs only).
func lowerByChance(t *analysis.Token) bool {
	if utf8.RuneCountInString(t.Text) < 2 && (t.Text != "a" || t.UPOS != tag.DET) {
		return false // a variable or a label, but the article "a" is a word
	}
	for _, r := range t.Text {
		switch {
		case unicode.IsLower(r):
		case r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	switch t.UPOS {
	case tag.PRON, tag.DET, tag.ADP, tag.CCONJ, tag.SCONJ, tag.AUX, tag.PART:
		// With a noun's Penn tag, the tagger's rare mixed label (PRON/NN)
		// is an indefinite pronoun ("everyone", "nothing") or an unknown
		// word ("fopub uses Java"), which the lexicon decides.
		if !nounTag(t.PTB) || t.UPOS == tag.PRON && isIndefinitePronoun(t.Text) {
			return true
		}
	}
	switch t.PTB {
	case tag.WRB, tag.WDT, tag.WP, tag.EX, tag.MD:
		return true // when, which, who, there, can: function words tagged otherwise
	}
	return morph.Default().Classes(t.Text) != 0
}

// isIndefinitePronoun reports a compound of every-, some-, any- or no-
// with -one, -body or -thing.
func isIndefinitePronoun(w string) bool {
	w = strings.ToLower(w)
	for _, head := range [...]string{"every", "some", "any", "no"} {
		if rest, ok := strings.CutPrefix(w, head); ok {
			return rest == "one" || rest == "body" || rest == "thing"
		}
	}
	return false
}

// startsLower reports a word whose first letter is lower case.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// presentThird reports a verb in the present third person singular, or a
// plural noun that is also one: after a word in lower case at a sentence
// start the tagger often reads "reads" or "builds" as a plural noun. (A
// modal is not enough: "service could be better" is a bare noun too.)
func presentThird(t *analysis.Token) bool {
	switch t.PTB {
	case tag.VBZ:
		return true
	case tag.NNS:
		return morph.Default().Classes(t.Text).Has(morph.Verb, morph.ThirdSingular)
	}
	return false
}

// isRomanLabel reports a lower-case roman numeral of two letters or more
// (ii, iv, xii), which before a full stop, alone, labels a list item.
func isRomanLabel(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] != 'i' && w[i] != 'v' && w[i] != 'x' {
			return false
		}
	}
	return true
}

// isStop reports a full stop, or a run of ! and ? (Really? yes?!), which
// the splitter ends a sentence at as it does at a full stop.
func isStop(s string) bool {
	if s == "." {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '!' && s[i] != '?' {
			return false
		}
	}
	return s != ""
}

// isOpeningMark reports an opening quote. A bracket is not one: what
// follows it may be an aside or a source ("[via Example News]").
func isOpeningMark(s string) bool {
	switch s {
	case "\"", "'", "“", "‘":
		return true
	}
	return false
}

// isAbbreviation reports a word that is usually an abbreviation when a full
// stop follows it (the tokenizer keeps the full stop of the ones it knows,
// such as e.g. and etc., which never reach this rule).
func isAbbreviation(w string) bool {
	switch strings.ToLower(w) {
	case "al", "approx", "ca", "cf", "ch", "co", "corp", "dept", "dr", "eds", "eg", "esp",
		"etc", "ex", "fig", "figs", "ft", "ie", "inc", "incl", "jr", "lb", "lbs", "ltd", "misc",
		"mr", "mrs", "ms", "mt", "oz", "pp", "prof", "resp", "sr", "st", "viz", "vol", "vols", "vs":
		return true
	}
	return false
}

// hasVerb reports whether toks has a verb, an auxiliary or a modal.
func hasVerb(toks []analysis.Token) bool {
	for k := range toks {
		if t := &toks[k]; t.UPOS == tag.VERB || t.UPOS == tag.AUX || t.PTB == tag.MD {
			return true
		}
	}
	return false
}

// isYear reports four digits, from 1000 to 2999.
func isYear(w string) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
