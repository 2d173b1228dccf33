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

// The punctuation rules read the spacing around marks, which patterns do
// not see: a token's offsets do. Offsets are source offsets, so a gap
// between two tokens is either prose whitespace or markup (emphasis, a
// link's target, an entity); the block's markup ranges tell them apart,
// and only a gap that holds no markup is read as a space.

// spaceBeforePunctuation flags a space before , ; : ! ? or a full stop
// ("Hello , world", "Are you sure ?"), and offers the word with the mark
// against it. It stays quiet where the mark is not attached to a word in
// prose: after a bracket, a symbol or another mark (a spaced ellipsis, a
// "( ? )"), a colon between two numbers (a score, "3 : 1"), a full stop
// glued to what follows (".NET", " .txt"), and where markup fills the gap
// ("**bold** ,": the writer's space is inside the emphasis or not there).
func spaceBeforePunctuation(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	var out []GoMatch
	for i := 1; i < len(toks); i++ {
		t, prev := &toks[i], &toks[i-1]
		if t.Kind != token.Punct || !spacedOffMark(t.Text) || prev.End >= t.Start {
			continue
		}
		switch prev.Kind {
		case token.Word:
			if !proseWord(prev.Text) || !wordSized(prev.Text) {
				continue // an identifier (UV_EOF), an initialism, a variable (x), "e.g."
			}
			if t.Text == "," || t.Text == ";" || t.Text == ":" {
				if prev.UPOS == tag.ADP || prev.UPOS == tag.DET || prev.UPOS == tag.CCONJ {
					continue // the mark is named, not used: "check for : first"
				}
			}
		case token.Number:
		default:
			continue
		}
		if len(t.Text) > 2 {
			continue // "???", "!!!": a writer's placeholder or a shout, set off on purpose
		}
		if hasMarkup(marks, prev.End, t.Start) {
			continue
		}
		var next *analysis.Token
		if i+1 < len(toks) {
			next = &toks[i+1]
		}
		if next != nil && (next.Start == t.End && t.Text != "," && t.Text != ";" || hasMarkup(marks, t.End, next.Start)) {
			continue // glued to what follows: ".NET", ":)", a macro's "!!{element}"
		}
		if t.Text == ":" && prev.Kind == token.Number && next != nil && next.Kind == token.Number {
			continue // a score or a ratio set in spaces: "3 : 1"
		}
		if t.Text == "." && (prev.Text == "." || next != nil && next.Text == ".") {
			continue // a spaced ellipsis: ". . ."
		}
		if !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i - 1, End: i + 1, Replacements: []string{prev.Text + t.Text}})
	}
	return out
}

// spacedOffMark reports the marks that take no space before them in
// English: , ; : . and runs of ! and ?.
func spacedOffMark(s string) bool {
	switch s {
	case ",", ";", ":", ".":
		return true
	}
	return isStop(s)
}

// prosePunctuation reports whether toks reads as prose whose spacing is
// the writer's, not a line of code, a formula or a table row: at least two
// words, and more words than marks, symbols and one-letter words (the
// variables of code and formulas). A listing set without markup ("forall
// x . (a -> x) -> F x") fails it.
func prosePunctuation(toks []analysis.Token) bool {
	words, other := 0, 0
	for k := range toks {
		switch toks[k].Kind {
		case token.Word:
			if wordSized(toks[k].Text) {
				words++
			} else {
				other++
			}
		case token.Placeholder, token.Number:
		default:
			if !isQuoteMark(toks[k].Text) {
				other++
			}
		}
	}
	return words >= 2 && words > other
}

// isQuoteMark reports a quotation mark, straight or curly. Quotation marks
// belong to prose as much as words do (a short quoted exclamation has as
// many marks as words), so prosePunctuation does not count them.
func isQuoteMark(s string) bool {
	switch s {
	case "\"", "'", "“", "”", "‘", "’", "``", "''":
		return true
	}
	return false
}

// wordSized reports a word of two letters or more, or the words I and a.
func wordSized(w string) bool {
	return utf8.RuneCountInString(w) >= 2 || w == "I" || w == "a" || w == "A"
}

// hasMarkup reports whether a markup range overlaps [start, end).
func hasMarkup(marks []markup.Range, start, end int) bool {
	k := sort.Search(len(marks), func(k int) bool { return marks[k].End > start })
	return k < len(marks) && marks[k].Start < end
}

// missingSpaceAfterComma flags a comma with a word glued to it on both
// sides ("cooking,reading", "Yes,I agree") and offers the comma with its
// space. Both sides must be ordinary words of letters: a list of numbers
// (1,2,3), of single letters or names glued in code (a,b; f(x,y); key,value
// pairs of identifiers with digits or underscores) is not prose.
func missingSpaceAfterComma(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	var out []GoMatch
	for i := 1; i+1 < len(toks); i++ {
		t, prev, next := &toks[i], &toks[i-1], &toks[i+1]
		if t.Kind != token.Punct || t.Text != "," || next.Start != t.End || prev.End != t.Start {
			continue
		}
		if prev.Kind != token.Word || next.Kind != token.Word || !proseWord(prev.Text) || !proseWord(next.Text) {
			continue
		}
		if !wordSized(prev.Text) || !wordSized(next.Text) || prev.Text == "a" || next.Text == "a" {
			continue // single letters: variables, labels, "a,b"
		}
		if i >= 2 && toks[i-2].End == prev.Start && toks[i-2].Kind != token.Word {
			continue // glued to a bracket or a symbol on the left: "f(x,y)", "{a,b}"
		}
		if i+2 < len(toks) && toks[i+2].Start == next.End && toks[i+2].Kind == token.Punct && !closesClause(toks[i+2].Text) {
			continue // glued on the right: "(red,green)", "a,b/c", a commit's "unix,win: fix"
		}
		if !lexiconWord(prev) || !lexiconWord(next) {
			continue // identifiers and names run together: "rustc,cargo"
		}
		if !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{", "}})
	}
	return out
}

// closesClause reports marks that may follow a word in running prose. A
// colon is not among them: glued to the second word it makes the pair a
// label ("unix,win: fix the race", a commit's areas).
func closesClause(s string) bool {
	switch s {
	case ",", ";", ".":
		return true
	}
	return isStop(s)
}

// proseWord reports a word made of letters only, with at most an
// apostrophe or a hyphen inside (don't, well-known), and no capital after
// its first letter (a camel-case name, an initialism).
func proseWord(w string) bool {
	for k, r := range w {
		switch {
		// ASCII first, as unicode's tables would answer: letters by range
		// and every other byte below 0x80 neither lower nor upper case
		// (speed only: five of the Go rules ask this of most tokens).
		case 'a' <= r && r <= 'z':
		case 'A' <= r && r <= 'Z':
			if k > 0 {
				return false
			}
		case r < utf8.RuneSelf:
			if (r != '\'' && r != '-') || k == 0 {
				return false
			}
		case unicode.IsLower(r):
		case unicode.IsUpper(r):
			if k > 0 {
				return false
			}
		case (r == '\'' || r == '’' || r == '-') && k > 0:
		default:
			return false
		}
	}
	return w != ""
}

// lexiconWord reports a word the lexicon knows, or a function word by its
// tag (the lexicon holds nouns, verbs, adjectives and adverbs only).
func lexiconWord(t *analysis.Token) bool {
	switch t.UPOS {
	case tag.PRON, tag.DET, tag.ADP, tag.CCONJ, tag.SCONJ, tag.AUX, tag.PART:
		return true
	}
	if t.Text == "I" {
		return true
	}
	return morph.Default().Classes(strings.ToLower(t.Text)) != 0
}

// missingSpaceAfterStop flags a sentence run into the one before it with
// no space after the full stop, ! or ? ("late.Then we left", "ready?Let
// me know"), and offers the space. A full stop between two words leaves
// one token ("late.Then"): the rule reads it as two sentences only when
// the part after the stop is a capitalised word that opens sentences (a
// pronoun, a determiner, a conjunction or a sentence adverb: Then,
// However, We, The) and the part before is an ordinary word that is no
// abbreviation, so file names (main.go), domains (example.com), products
// (Node.js, ASP.NET) and qualified names in code (strings.Builder,
// System.Text) stay quiet. After ! or ? the splitter has ended the
// sentence already; the next word must be glued to the mark.
func missingSpaceAfterStop(prev, toks []analysis.Token, marks []markup.Range) []GoMatch {
	var out []GoMatch
	if len(prev) >= 2 && len(toks) >= 2 {
		stop, w := &prev[len(prev)-1], &toks[0]
		before := &prev[len(prev)-2]
		if stop.Kind == token.Punct && stop.Text != "." && isStop(stop.Text) && w.Start == stop.End &&
			before.Kind == token.Word && before.End == stop.Start && w.Kind == token.Word &&
			opensSentence(w.Text) && prosePunctuation(toks) {
			out = append(out, GoMatch{Start: 0, End: 1, Replacements: []string{" " + w.Text}})
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		// "?" or "!" glued to words on both sides, left inside one
		// sentence by the splitter: "tonight?We could".
		t, before, w := &toks[i], &toks[i-1], &toks[i+1]
		if t.Kind == token.Punct && t.Text != "." && isStop(t.Text) && before.Kind == token.Word && before.End == t.Start &&
			w.Kind == token.Word && w.Start == t.End && opensSentence(w.Text) && prosePunctuation(toks) {
			out = append(out, GoMatch{Start: i + 1, End: i + 2, Replacements: []string{" " + w.Text}})
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Word || strings.Count(t.Text, ".") != 1 {
			continue
		}
		left, right, _ := strings.Cut(t.Text, ".")
		if !opensSentence(right) || !proseWord(left) || utf8.RuneCountInString(left) < 2 || isAbbreviation(left) || isTitle(left) {
			continue
		}
		if morph.Default().Classes(strings.ToLower(left)) == 0 && !isFunctionWord(left) {
			continue // a name or an identifier before the dot: "fmt.Then"
		}
		if !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{left + ". " + right}})
	}
	return out
}

// opensSentence reports a capitalised word (capital, then lower-case
// letters) of the closed set that opens sentences: pronouns,
// determiners, conjunctions, prepositions and sentence adverbs. An open
// word (a noun, a verb) after a dot is as often a name in code
// (strings.Builder, http.Handler) as a new sentence.
func opensSentence(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[n:] {
		if !unicode.IsLower(r) && r != '\'' && r != '’' {
			return false
		}
	}
	if w == "I" {
		return true
	}
	return isFunctionWord(w)
}

// isFunctionWord reports a closed-class word that often opens an English
// sentence (in any case): pronouns, determiners, conjunctions,
// prepositions and sentence adverbs. The lexicon holds none of the first
// four.
func isFunctionWord(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "these", "those", "it", "its", "i", "i'm",
		"it's", "we", "you", "he", "she", "they", "there", "here", "my", "our", "your", "his",
		"her", "their", "me", "us", "them", "but", "and", "so", "then", "however", "also",
		"after", "before", "when", "while", "if", "as", "in", "on", "at", "for", "from",
		"with", "no", "not", "nobody", "everyone", "everybody", "nothing", "something",
		"someone", "some", "many", "most", "all", "each", "every", "please", "yes",
		"let", "what", "why", "how", "who", "where", "which", "thanks", "thank", "maybe",
		"perhaps", "later", "finally", "next", "today",
		"tomorrow", "yesterday", "meanwhile", "unfortunately", "luckily", "sadly", "instead",
		"otherwise", "besides", "although", "though", "because", "since", "until", "unless",
		"suddenly", "afterwards", "overall", "anyway", "indeed":
		return true
	}
	return false
}

// isTitle reports a word of courtesy titles and similar abbreviations
// written without their full stop's space by some styles ("Mr.Smith" is
// another matter than a run-on sentence).
func isTitle(w string) bool {
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "no", "nos", "op", "vol", "fig", "ch", "sec", "art", "para":
		return true
	}
	return false
}

// doubledPunctuation flags a mark written twice or two marks where one
// belongs: ",," ";;" ",." ",;" and two full stops after a word ("the
// end.."), and offers the one mark (for "..", a full stop or an
// ellipsis). Two full stops between words or numbers are a range or a
// path (1..5, a..b, ../src) and stay quiet; so do "!!" and "??", which
// are emphasis, not slips.
func doubledPunctuation(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	var out []GoMatch
	for i := 1; i < len(toks); i++ {
		t, prev := &toks[i], &toks[i-1]
		if t.Kind != token.Punct {
			continue
		}
		if t.Text == ".." {
			if prev.Kind != token.Word || prev.End != t.Start {
				continue
			}
			if i+1 < len(toks) && toks[i+1].Start == t.End {
				continue // a range or a path: a..b
			}
			out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{".", "..."}})
			continue
		}
		if t.Text == "?." || t.Text == "!." || t.Text == "?," || t.Text == "!," {
			// A question or an exclamation needs no second mark: "Is it
			// true?." Not in code, where "a?.b" is an operator.
			if prev.Kind != token.Word || prev.End != t.Start || i+1 < len(toks) && toks[i+1].Start == t.End && !isQuoteMark(toks[i+1].Text) {
				continue
			}
			if !prosePunctuation(toks) {
				continue
			}
			out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{t.Text[:1]}})
			continue
		}
		if i+1 >= len(toks) {
			continue
		}
		next := &toks[i+1]
		if next.Kind != token.Punct || next.Start != t.End || prev.End != t.Start || prev.Kind != token.Word && prev.Kind != token.Number {
			continue
		}
		var keep string
		switch t.Text + next.Text {
		case ",,", ",;":
			keep = t.Text
		case ";;":
			keep = ";"
		case ",.", ";.":
			keep = "."
		case ";,":
			keep = ";"
		default:
			continue
		}
		if !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i, End: i + 2, Replacements: []string{keep}})
		i++
	}
	return out
}

// unclosedParenthesis flags an opening bracket inside a sentence that
// ends with a full stop after a word and has no closing bracket after it ("The
// doctor (who was new arrived late."). A sentence that opens with the
// bracket may be an aside that runs over several sentences and closes
// later ("(It was late. We left.)"), so it is left alone; so is a bracket
// glued to a word, which is a call or a plural in code ("f(x", "file(s").
func unclosedParenthesis(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	if len(toks) < 4 {
		return nil
	}
	last, end := &toks[len(toks)-1], &toks[len(toks)-2]
	if last.Kind != token.Punct || last.Text != "." || end.Kind != token.Word || !wordSized(end.Text) || isAbbreviation(end.Text) {
		return nil // the splitter may have cut inside the brackets: "(eg. Gmail)", "(why not? …)"
	}
	open := -1
	depth := 0
	for i := range toks {
		switch toks[i].Text {
		case "(":
			if depth == 0 {
				open = i
			}
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		default:
			if toks[i].Kind == token.Symbol && strings.HasSuffix(toks[i].Text, ")") && depth > 0 {
				depth-- // a smiley that closes the aside too: "(it seems so :-)."
			}
		}
	}
	if depth == 0 || open <= 0 {
		return nil
	}
	o := &toks[open]
	if toks[open-1].End == o.Start || open+1 >= len(toks) || toks[open+1].Start != o.End || toks[open+1].Kind != token.Word {
		return nil
	}
	if !prosePunctuation(toks) {
		return nil
	}
	return []GoMatch{{Start: open, End: open + 1}}
}

// spaceInsideParentheses flags a space just inside a bracket pair in prose
// ("( as you know )"): brackets sit against what they hold. It offers the
// bracket and the word glued together. Only an ordinary word counts on
// the inner side (a lone "( ? )" or a formula's "( x + 1 )" is set off on
// purpose), both brackets must be in the sentence, and where markup fills
// the gap the space is the markup's, not the writer's.
func spaceInsideParentheses(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	open, closing := -1, -1
	for i := range toks {
		switch toks[i].Text {
		case "(":
			if open < 0 {
				open = i
			}
		case ")":
			if open >= 0 && closing < 0 {
				closing = i
			}
		}
	}
	if open < 0 || closing < open+2 || !prosePunctuation(toks) {
		return nil
	}
	inner := func(k int) bool {
		t := &toks[k]
		return t.Kind == token.Word && proseWord(t.Text) && wordSized(t.Text) && lexiconWord(t)
	}
	var out []GoMatch
	if o, w := &toks[open], &toks[open+1]; w.Start > o.End && inner(open+1) && !hasMarkup(marks, o.End, w.Start) {
		out = append(out, GoMatch{Start: open, End: open + 2, Replacements: []string{"(" + w.Text}})
	}
	if c, w := &toks[closing], &toks[closing-1]; c.Start > w.End && inner(closing-1) && !hasMarkup(marks, w.End, c.Start) && closing-1 > open+1 {
		out = append(out, GoMatch{Start: closing - 1, End: closing + 1, Replacements: []string{w.Text + ")"}})
	}
	return out
}

// lyAdverbHyphen flags a hyphen after an adverb in -ly that modifies the
// word joined to it ("a highly-skilled welder", "newly-built homes") and
// offers the two words with a space. The hyphen of a compound modifier
// is there to stop a misreading, and an adverb in -ly cannot be misread
// as an adjective of the noun. Only a word the lexicon knows as an adverb
// and not as an adjective or a noun counts, so the adjectives and nouns
// in -ly keep their hyphens (friendly-looking, early-morning,
// family-run, only-child), and the second part must be an adjective or a
// participle: before a noun or an adverb the pair is a term of its own
// (Python's finally-clause, exactly-once delivery).
func lyAdverbHyphen(_, toks []analysis.Token, marks []markup.Range) []GoMatch {
	var out []GoMatch
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Word || !proseWord(t.Text) || strings.Count(t.Text, "-") != 1 {
			continue
		}
		first, second, _ := strings.Cut(t.Text, "-")
		lf := strings.ToLower(first)
		if len(lf) < 5 || !strings.HasSuffix(lf, "ly") || len(second) < 3 {
			continue
		}
		lex := morph.Default()
		c := lex.Classes(lf)
		if !c.Has(morph.Adv, morph.Base) || c.Has(morph.Adj, morph.Base) || c.Has(morph.Noun, morph.Base) {
			continue
		}
		c2 := lex.Classes(strings.ToLower(second))
		if !c2.Has(morph.Adj, morph.Base) && !c2.Has(morph.Verb, morph.PastParticiple) && !c2.Has(morph.Verb, morph.Gerund) {
			continue // a noun or an adverb after it: a term of its own (a finally-clause, exactly-once)
		}
		if !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{first + " " + second}})
	}
	return out
}

// openCompoundModifier flags two words written apart that the lexicon
// knows only as one hyphenated adjective ending in a participle or an
// adjective ("a thought provoking talk", "a long lasting fix", "an old
// fashioned car", "caught red handed") and offers the hyphenated word.
// The lexicon decides, not a list here: only pairs it holds as
// "first-second" adjectives are read. The pair must describe a noun that
// follows straight away, or, for a participle in -ed, end its clause
// (caught red handed). The second word must not be a noun, so noun
// phrases that also make compounds stay alone (an old school friend, the
// high school teacher), and "well" is well-participle-hyphen's. An adverb
// in -ly takes no hyphen, and a pair whose closed form is a word too
// (world wide: worldwide) has more than one spelling, so both are left
// alone.
func openCompoundModifier(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	lex := morph.Default()
	for i := 0; i+1 < len(toks); i++ {
		a, b := &toks[i], &toks[i+1]
		if a.Kind != token.Word || b.Kind != token.Word || b.Start <= a.End {
			continue
		}
		w1, w2 := a.Text, b.Text
		var next *analysis.Token
		if i+2 < len(toks) {
			next = &toks[i+2]
		}
		attributive := next != nil && (next.PTB == tag.NN || next.PTB == tag.NNS)
		predicative := strings.HasSuffix(w2, "ed") && (next == nil || next.Kind == token.Punct)
		// The cheap tests come first, and the lexicon is asked only about
		// a first word that starts some hyphenated word of its: most pairs
		// describe no noun that follows, and reading the words and asking
		// the lexicon about "first-second" at every pair were a tenth of
		// the Go rules' cost on the Rust Book.
		if !attributive && !predicative {
			continue
		}
		if !proseWord(w1) || !proseWord(w2) || strings.Contains(w1, "-") || strings.Contains(w2, "-") || !startsLowerWord(w1) || !startsLowerWord(w2) {
			continue
		}
		if w1 == "well" || len(w1) < 2 || len(w2) < 3 {
			continue
		}
		switch a.UPOS {
		case tag.DET, tag.PRON, tag.ADP, tag.CCONJ, tag.SCONJ, tag.AUX, tag.PART, tag.NUM:
			continue // "one way", "no doubt", "all night": a noun phrase or a clause
		}
		if !lex.StartsCompound(w1) {
			continue
		}
		c := lex.Classes(w1 + "-" + w2)
		if !c.Has(morph.Adj, morph.Base) || c.Has(morph.Noun, morph.Base) {
			continue
		}
		if c1 := lex.Classes(w1); strings.HasSuffix(w1, "ly") && c1.Has(morph.Adv, morph.Base) && !c1.Has(morph.Adj, morph.Base) {
			continue // an adverb in -ly takes no hyphen (ly-adverb-hyphen): highly developed
		}
		if lex.Classes(w1+w2) != 0 {
			continue // the closed form is a word too (worldwide): the hyphen is not the only spelling
		}
		c2 := lex.Classes(w2)
		if c2.Has(morph.Noun, morph.Base) || c2.Has(morph.Noun, morph.Plural) {
			// An adjective and a noun of degree before a noun are one
			// modifier when the dictionary lists the pair only as a
			// hyphenated adjective (a high-speed train, a high-risk plan, a
			// low-cost flight). Other adjective-noun pairs are left alone:
			// style guides differ on them (open source, left hand side), and
			// a noun compound of the dictionary's (an old school friend) is
			// no modifier. A plural second word is a head noun of its own.
			if a.UPOS != tag.ADJ || !degreeNoun(w2) || !attributive || b.PTB != tag.NN {
				continue
			}
			if i+3 < len(toks) && (toks[i+3].PTB == tag.NN || toks[i+3].PTB == tag.NNS) && toks[i+3].Kind == token.Word {
				continue // three nouns in a row: where the modifier ends is not clear
			}
		}
		if i > 0 && asSoToo(toks[i-1].Text) {
			continue
		}
		if !prosePunctuation(toks) {
			continue
		}
		out = append(out, GoMatch{Start: i, End: i + 2, Replacements: []string{w1 + "-" + w2}})
		i++
	}
	return out
}

// degreeNoun reports a noun that names a degree on a scale, which an
// adjective of size sets (high speed, low cost, high risk): before a
// noun such a pair is read as one modifier.
func degreeNoun(w string) bool {
	switch strings.ToLower(w) {
	case "speed", "altitude", "quality", "risk", "cost", "price", "pressure", "temperature",
		"voltage", "frequency", "resolution", "intensity", "density", "energy", "priority",
		"performance", "calorie", "income", "impact", "profile", "volume":
		return true
	}
	return false
}

// startsLowerWord reports a word that begins with a lower-case letter.
func startsLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// asSoToo reports a degree word after which a pair reads as an adverb and
// an adjective rather than one compound: "as long lasting as".
func asSoToo(w string) bool {
	switch strings.ToLower(w) {
	case "as", "so", "too", "how", "very":
		return true
	}
	return false
}
