package rules

import (
	"strconv"
	"strings"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/token"
)

// A GoRule is a rule written in Go, for what a pattern cannot express. It
// is given one sentence at a time and returns its matches. A rule file
// names it with `code:` instead of `match`/`patterns`; everything else —
// id, category, severity, summary, message, explanation, examples,
// settings, REFERENCE.md — is the same as for a pattern rule, so the
// examples test it like any other.
type GoRule func(toks []analysis.Token) []GoMatch

// GoMatch is one match of a GoRule: tokens [Start, End) of the sentence,
// with the replacements to offer, best first (nil: the rule's own).
type GoMatch struct {
	Start, End   int
	Replacements []string
	Measure      int // what a measuring rule counted (Finding.Measure); zero otherwise
}

// A GoContextRule is a GoRule that also sees the sentence before this one
// in its block (prev, nil for the block's first sentence) and the block's
// markup ranges (block offsets, sorted; nil for plain prose): for what
// depends on how that sentence ended, such as the capital after a full
// stop, and on the markup around the sentence.
type GoContextRule func(prev, toks []analysis.Token, marks []markup.Range) []GoMatch

// goRules returns the rules written in Go, by the name `code:` gives; a
// GoContextRule is among them, called with no previous sentence.
func goRules() map[string]GoRule {
	m := map[string]GoRule{
		"ordinal-suffix":                  ordinalSuffix,
		"singular-determiner-plural-noun": singularDeterminerPlural,
		"plural-determiner-singular-noun": pluralDeterminerSingular,
		"one-of-the-singular":             oneOfTheSingular,
		"modal-verb-form":                 modalVerbForm,
		"do-verb-form":                    doVerbForm,
		"to-verb-form":                    toVerbForm,
		"be-base-for-participle":          beBaseForParticiple,
		"singular-subject-plain-verb":     singularSubjectPlainVerb,
		"plural-subject-noun-verb":        pluralSubjectNounVerb, // gorule_agreement.go
		"pronoun-case":                    pronounCase,
		"pronoun-number":                  pronounNumber,
		"long-sentence":                   longSentence,
		"passive-voice":                   passiveVoice(isBe),
		"passive-get":                     passiveVoice(isGet),
		"lowercase-proper-adjective":      lowercaseProperAdjective, // gorule_capitalization.go
		"lowercase-place-name":            lowercasePlaceName,
		"capitalised-season":              capitalisedSeason,
		"open-compound-modifier":          openCompoundModifier, // gorule_punctuation.go
	}
	for name, fn := range goContextRules() {
		m[name] = func(toks []analysis.Token) []GoMatch { return fn(nil, toks, nil) }
	}
	return m
}

// goContextRules returns the rules written in Go that see the previous
// sentence, by name.
func goContextRules() map[string]GoContextRule {
	return map[string]GoContextRule{
		"sentence-start": sentenceStart,
		SpellingRuleID:   spellingRule, // spelling.go
		DialectRuleID:    dialectRule,
		// gorule_punctuation.go: they read the markup ranges.
		"space-before-punctuation":  spaceBeforePunctuation,
		"missing-space-after-comma": missingSpaceAfterComma,
		"missing-space-after-stop":  missingSpaceAfterStop,
		"doubled-punctuation":       doubledPunctuation,
		"unclosed-parenthesis":      unclosedParenthesis,
		"space-inside-parentheses":  spaceInsideParentheses,
		"ly-adverb-hyphen":          lyAdverbHyphen,
	}
}

// matches runs cr's Go code over s, with the previous sentence when the
// rule wants it.
func (cr *compiledRule) matches(s *sentence) []GoMatch {
	if cr.codeCtx != nil {
		return cr.codeCtx(s.prev, s.toks, s.marks)
	}
	return cr.code(s.toks)
}

// runCode runs a rule written in Go over s and appends its findings.
func (e *Engine) runCode(cr *compiledRule, s *sentence, out []Finding) []Finding {
	r := cr.rule
	for _, m := range cr.matches(s) {
		if m.Start < 0 || m.End > len(s.toks) || m.Start >= m.End {
			continue
		}
		if s.cancelled(cr.unless, m.Start, m.End) {
			continue
		}
		matched := matchedText(s.toks[m.Start:m.End])
		if m.Measure > 0 {
			// A measured match is on a sentence's first word: the message
			// names the sentence by its first words.
			matched = firstWords(s.toks[m.Start:], 4)
		}
		reps := m.Replacements
		if reps == nil {
			reps = r.Replacements
		}
		msg := strings.ReplaceAll(r.Message, "{match}", matched)
		if len(reps) > 0 {
			msg = strings.ReplaceAll(msg, "{replacement}", reps[0])
		}
		out = append(out, Finding{Rule: r, Start: s.toks[m.Start].Start, End: s.toks[m.End-1].End,
			Severity: r.Severity, Message: msg, Replacements: reps, Measure: m.Measure, specificity: 3 * (m.End - m.Start)})
	}
	return out
}

// ordinalSuffix flags a number written with the wrong ordinal suffix
// ("2th", "3st", "11nd", "21th") and offers the right one. The suffix
// depends on the number's last two digits, which a pattern cannot compute.
func ordinalSuffix(toks []analysis.Token) []GoMatch {
	var out []GoMatch
	for i := range toks {
		t := &toks[i]
		if t.Kind != token.Number && t.Kind != token.Word {
			continue
		}
		w := t.Text
		n := 0
		for n < len(w) && w[n] >= '0' && w[n] <= '9' {
			n++
		}
		if n == 0 || n > 18 || len(w)-n != 2 {
			continue
		}
		suffix := strings.ToLower(w[n:])
		switch suffix {
		case "st", "nd", "rd", "th":
		default:
			continue
		}
		v, err := strconv.ParseUint(w[:n], 10, 64)
		if err != nil {
			continue
		}
		want := ordinalOf(v)
		if suffix == want {
			continue
		}
		if w[n] >= 'A' && w[n] <= 'Z' {
			want = strings.ToUpper(want)
		}
		out = append(out, GoMatch{Start: i, End: i + 1, Replacements: []string{w[:n] + want}})
	}
	return out
}

// ordinalOf is the English ordinal suffix of v: 1st, 2nd, 3rd, 4th, 11th,
// 12th, 13th, 21st, 101st, 111th.
func ordinalOf(v uint64) string {
	if v%100 >= 11 && v%100 <= 13 {
		return "th"
	}
	switch v % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
