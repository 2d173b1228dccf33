package rules

import (
	"liaison/analysis"
	"liaison/analysis/spell"
	"liaison/analysis/token"
)

// What the spelling rule leaves alone, in text written without capitals:
// a writer who types "i" for I, or a name the word list knows in lower
// case ("chicago", "italian"), writes the names it does not know in lower
// case too ("go to andiamos", "in phila pa", "next to carval and
// walmart"). There the missing capital cannot tell a name from a word, so
// a lower-case unknown word is read as a capitalised one in mid-sentence
// (issue 16: a name, unless it is near a common word), with the
// stricter near-miss tests of the name contexts: one edit from a common
// word, one edit and a doubled letter, or one edit from any listed word
// of five letters or more, and no listed word within two edits at all
// (no suggestion). A slip of a word is seldom that far from every word.

// uncapitalised reports whether the document writes without capitals:
// the pronoun I in lower case outside a parenthesis (a list's "(i)" is a
// numeral), or a spelling candidate that is a known name in lower case
// (lowerName; words as in checkSpelling).
func uncapitalised(lex *spell.Lexicon, res *analysis.Result, fs []Finding, words []string) bool {
	for i, f := range fs {
		if f.Rule.Code != SpellingRuleID || words[i] == "" {
			continue
		}
		if _, ok := lowerName(lex, words[i]); ok {
			return true
		}
	}
	if res == nil {
		return false
	}
	for _, b := range res.Blocks {
		if b.BlockAnalysis == nil {
			continue
		}
		for _, s := range b.Sentences {
			for j, t := range s.Tokens {
				if t.Kind == token.Word && t.Text == "i" && lowerPronoun(s.Tokens, j) {
					return true
				}
			}
		}
	}
	return false
}

// lowerPronoun reports whether toks[i], an "i", is the pronoun: not in
// parentheses or after a dot ("(i)", "i.e.", "item i."), and followed by
// a word or a clitic ("i think", "i'm"), not ending its sentence.
func lowerPronoun(toks []analysis.Token, i int) bool {
	if i > 0 && (toks[i-1].Text == "(" || toks[i-1].Text == ".") {
		return false
	}
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	if next.Text == "." || next.Text == ")" {
		return false
	}
	return next.Kind == token.Word
}

// lowerNameCandidate reports whether w, a lower-case unknown word, may
// be a name in a document written without capitals: five letters or more,
// all letters a-z (not "self-documentating", whose parts are words),
// no letter held down (tripled: "pleasseee"), not one edit from a common
// word nor from any listed word (nearCommon2, nearKnown: "recoment",
// "iraland"), and not two listed words run together ("clownloach",
// "cockerspaniels": a missing space). checkSpelling then asks the last
// and dearest test, that no listed word at all is within two edits
// (Suggest finds none).
func lowerNameCandidate(lex *spell.Lexicon, w string) bool {
	if !asciiLower(w) || len(w) < 5 || tripled(w) {
		return false
	}
	return !nearCommon2(lex, w) && !nearKnown(lex, w) && !twoWords(lex, w)
}

// twoWords reports whether w is two listed words of three letters or more
// written together.
func twoWords(lex *spell.Lexicon, w string) bool {
	for i := 3; i+3 <= len(w); i++ {
		if known(lex, w[:i]) && known(lex, w[i:]) {
			return true
		}
	}
	return false
}
