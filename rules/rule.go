package rules

import (
	"regexp"

	"liaison/analysis/tag"
)

// Rule is one usage rule, as read from a rule file.
type Rule struct {
	ID          string   // stable kebab-case identifier, e.g. "liaison-verb"
	Category    string   // proscribed, confusable, nonword, eggcorn, …: see Categories
	Severity    Severity // default severity
	Summary     string   // one line for listings
	Message     string   // template: {match} is the matched text, {replacement} the first replacement
	Explanation string   // Markdown: what is wrong, what to write instead, why
	Reference   string   // optional URL or citation

	// Replacements are offered in order of preference; none means advice
	// only. A one-word replacement of a one-word match is inflected to the
	// form of the matched word when Inflect names a part of speech.
	Replacements []string
	Inflect      PartOfSpeech

	Patterns []Pattern // any one matching is a finding
	Unless   []Context // exceptions that cancel a match of any pattern

	// Code names a rule written in Go (see gorules.go) that runs instead
	// of patterns; the rest of the rule (id, messages, examples) is the
	// same as for a pattern rule.
	Code string

	// Limit is the default threshold of a rule that measures (the word
	// count of long-sentence): a finding whose Measure is at most the
	// limit is dropped when settings are applied; RuleSetting.Limit
	// overrides it. Zero: the rule measures nothing.
	Limit int

	// Priority settles overlapping findings before specificity does: of
	// two findings whose spans overlap, the one with the higher priority
	// is kept (see resolveOverlaps). Zero by default.
	Priority int

	// FixSafety is the rule file's safe-fix setting: whether `liaison
	// check --fix` may apply the preferred replacement unread (SafeFix;
	// by default the category decides).
	FixSafety FixSafety

	Examples Examples

	Source string // "file:line" of the rule's definition

	// checked says the rule is the library's, decoded from its snapshot:
	// Parse checked it when the snapshot was made (its templates parse, its
	// patterns have keys), so NewEngine may leave compiling it until a
	// text needs it.
	checked bool
}

// Examples are sentences that document a rule and test it.
type Examples struct {
	Bad  []BadExample // each must produce the rule's finding
	Good []string     // none may produce the rule's finding
}

// BadExample is a sentence the rule must flag, and the sentence that
// applying the rule's first replacement gives.
type BadExample struct {
	Text string `json:"text"`
	Fix  string `json:"fix"`
}

// Pattern is a sequence of tokens to match. Match is the part the finding
// covers and the replacements replace; Before and After are context that
// must be there but is not part of the finding. Unless lists exceptions
// specific to this pattern.
//
// Elements are numbered from 1 in reading order across Before, Match and
// After; back-references and replacement templates use these numbers.
// Message and Replacements, when given, override the rule's for matches
// of this pattern.
type Pattern struct {
	Before, Match, After []Element
	Unless               []Context
	Message              string
	Replacements         []string
}

// Context is an exception: a match is cancelled when the tokens just before
// it match Before and the tokens just after it match After (an empty side
// always matches).
type Context struct {
	Before, After []Element
}

// Element matches one token. Every constraint given must hold; a list
// means any one of its values. An element with no constraint matches any
// token.
type Element struct {
	Words         []string   // exact forms, case-insensitive unless CaseSensitive
	Lemmas        []string   // lemmas (lower case)
	POS           []tag.UPOS // Universal part-of-speech tags
	Tags          []tag.PTB  // Penn Treebank tags
	CaseSensitive bool
	Negate        bool // the element matches a token the constraints reject
	Optional      bool // the element may be absent
	Skip          int  // up to Skip tokens of any kind may come before this element

	// Predicates on the form (version 2).
	Prefixes, Suffixes []string // lower case; any one must begin (end) the form
	Regexp             string   // an RE2 pattern the form must match (at most MaxRegexpBytes)
	Capitalised        Tri      // the form begins with a capital letter
	AllCaps            Tri      // every letter of the form is a capital (two letters at least)
	SentenceStart      Tri      // the token is the first word of its sentence

	// Features from the tagger and the lexicon: within one kind (number,
	// verb form, …) any value listed must hold; across kinds, all.
	Features Features

	// Back-references: the token's form (case-insensitive) or lemma
	// equals that of element SameForm or SameLemma (numbered from 1
	// across before, match and after). Zero means none.
	SameForm, SameLemma int

	re *regexp.Regexp // Regexp, compiled once by Parse
}

// Tri is a yes/no constraint that may be left out.
type Tri int8

const (
	Either Tri = iota // no constraint
	Yes
	No
)

// indexable reports whether the engine can index a pattern by the
// element: it must be required, not negated, and name a word, lemma, pos
// or tag, so that every token it accepts has one of them.
func (e Element) indexable() bool {
	return !e.Optional && !e.Negate && (len(e.Words) > 0 || len(e.Lemmas) > 0 || len(e.POS) > 0 || len(e.Tags) > 0)
}

// PartOfSpeech says how replacements are inflected.
type PartOfSpeech uint8

const (
	NoInflection PartOfSpeech = iota
	Noun
	Verb
	Adjective
)

func (p PartOfSpeech) String() string {
	switch p {
	case Noun:
		return "noun"
	case Verb:
		return "verb"
	case Adjective:
		return "adjective"
	}
	return "none"
}

// categoryNames are the rule categories a rule file may name.
var categoryNames = []string{
	"proscribed",     // a use that usage guides reject: "liaison" as a verb
	"confusable",     // a real word used for another: advice/advise, loose/lose
	"nonword",        // not a standard word: irregardless, alot
	"misspelling",    // a common misspelling of a word: liason
	"eggcorn",        // a plausible mishearing: "for all intensive purposes"
	"malapropism",    // a similar-sounding wrong word
	"nonstandard",    // a nonstandard construction: "could of"
	"redundancy",     // a word the phrase already contains: "ATM machine"
	"preferred-form", // a form a style prefers
	"grammar",        // a construction the grammar rules out: "a apple", "the the", "didn't went"
	"spelling",       // a word no dialect's word list knows: recieve (spelling.go)
	"dialect",        // another dialect's spelling: colour in an American document
	"style",          // advice on style (wordiness, clichés, passives): off unless turned on
}

// defaultOffCategories are the categories whose rules report only when a
// setting turns them (or the rule) on: style advice is a matter of taste,
// and a checker that flags every passive by default is one people turn off.
var defaultOffCategories = map[string]bool{"style": true}

// CategoryOnByDefault reports whether a category's rules report when no
// setting names the category or the rule.
func CategoryOnByDefault(c string) bool { return !defaultOffCategories[c] }

// Categories returns the rule categories, in the order documented.
func Categories() []string { return append([]string(nil), categoryNames...) }

func isCategory(s string) bool {
	for _, c := range categoryNames {
		if c == s {
			return true
		}
	}
	return false
}
