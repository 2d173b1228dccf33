package rules

import (
	"fmt"
	"strconv"
	"strings"

	"liaison/analysis/morph"
	"liaison/analysis/tag"
)

// A template is a message or a replacement with placeholders:
//
//	{match}          the matched text
//	{replacement}    the first replacement (messages only)
//	{N}              the text of element N (numbered from 1 across before, match and after)
//	{N.lemma}        its lemma
//	{N:FORM}         its lemma in FORM: base, plural, past, past-participle,
//	                 gerund, present-3sg, comparative, superlative
//
// Templates are parsed once, when the rule is compiled.
type template struct {
	parts []tmplPart
}

type tmplPart struct {
	text  string // literal text, when elem == 0 and !match
	match bool   // {match}
	repl  bool   // {replacement}, left for addFinding
	elem  int    // element number (1-based); 0 for literal text
	lemma bool   // {N.lemma}
	form  *formName
}

// formName is one FORM of {N:FORM}: the part of speech it inflects as and
// the form.
type formName struct {
	name string
	pos  PartOfSpeech
	form morph.Form
}

var formNames = []formName{
	{"base", Verb, morph.Base},
	{"present-3sg", Verb, morph.ThirdSingular},
	{"past", Verb, morph.Past},
	{"past-participle", Verb, morph.PastParticiple},
	{"gerund", Verb, morph.Gerund},
	{"singular", Noun, morph.Base},
	{"plural", Noun, morph.Plural},
	{"positive", Adjective, morph.Base},
	{"comparative", Adjective, morph.Comparative},
	{"superlative", Adjective, morph.Superlative},
}

func formNamed(name string) *formName {
	for i := range formNames {
		if formNames[i].name == name {
			return &formNames[i]
		}
	}
	return nil
}

func formList() string {
	names := make([]string, len(formNames))
	for i, f := range formNames {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// parseTemplate reads t for a pattern of slots elements (0: element
// placeholders are not allowed, as in a rule written in Go).
func parseTemplate(t string, slots int) (template, error) {
	var out template
	for rest := t; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			out.parts = append(out.parts, tmplPart{text: rest})
			break
		}
		if i > 0 {
			out.parts = append(out.parts, tmplPart{text: rest[:i]})
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return out, fmt.Errorf("%q has an unclosed {", t)
		}
		name := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		switch name {
		case "match":
			out.parts = append(out.parts, tmplPart{match: true})
			continue
		case "replacement":
			out.parts = append(out.parts, tmplPart{repl: true})
			continue
		}
		p := tmplPart{}
		num, suffix := name, ""
		if k := strings.IndexAny(name, ".:"); k >= 0 {
			num, suffix = name[:k], name[k:]
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 {
			return out, fmt.Errorf("unknown placeholder {%s} (known: {match}, {replacement}, {N}, {N.lemma}, {N:FORM})", name)
		}
		if n > slots {
			return out, fmt.Errorf("placeholder {%s} refers to element %d, past the pattern's end (it has %d elements)", name, n, slots)
		}
		p.elem = n
		switch {
		case suffix == "":
		case suffix == ".lemma":
			p.lemma = true
		case strings.HasPrefix(suffix, ":"):
			if p.form = formNamed(suffix[1:]); p.form == nil {
				return out, fmt.Errorf("unknown form %q in {%s} (known: %s)", suffix[1:], name, formList())
			}
		default:
			return out, fmt.Errorf("unknown placeholder {%s} (known: {N}, {N.lemma}, {N:FORM})", name)
		}
		out.parts = append(out.parts, p)
	}
	return out, nil
}

// checkTemplate checks a rule-level template against every pattern's
// element count.
func checkTemplate(t string, hasReplacement bool, slots int) error {
	tm, err := parseTemplate(t, slots)
	if err != nil {
		return err
	}
	for _, p := range tm.parts {
		if p.repl && !hasReplacement {
			return fmt.Errorf("message uses {replacement} but the rule has no replacement")
		}
	}
	return nil
}

func (t template) hasElements() bool {
	for _, p := range t.parts {
		if p.elem != 0 {
			return true
		}
	}
	return false
}

// literal returns a template without placeholders as its text.
func (t template) literal() string {
	var b strings.Builder
	for _, p := range t.parts {
		b.WriteString(p.text)
	}
	return b.String()
}

// render fills t from the captures of s. {replacement} is left in place
// for the caller. It reports false when an element it needs is absent (an
// optional element that did not match) or a form cannot be made.
func (e *Engine) render(t template, s *sentence, matched string) (string, bool) {
	if len(t.parts) == 1 && t.parts[0].elem == 0 && !t.parts[0].match && !t.parts[0].repl {
		return t.parts[0].text, true
	}
	var b strings.Builder
	for _, p := range t.parts {
		switch {
		case p.match:
			b.WriteString(matched)
		case p.repl:
			b.WriteString("{replacement}")
		case p.elem == 0:
			b.WriteString(p.text)
		default:
			k := -1
			if p.elem-1 < len(s.caps) {
				k = s.caps[p.elem-1]
			}
			if k < 0 {
				return "", false
			}
			tok := &s.toks[k]
			switch {
			case p.form != nil:
				w := e.inflectToken(tok.Text, tok.Lemma, tok.UPOS, p.form)
				if w == "" {
					return "", false
				}
				b.WriteString(w)
			case p.lemma:
				b.WriteString(strings.ToLower(tok.Lemma))
			default:
				b.WriteString(tok.Text)
			}
		}
	}
	return b.String(), true
}

// inflectToken puts a token's lemma in form f. The tagger's lemma serves
// when its part of speech is the form's; otherwise the lexicon's lemma of
// the word as that part of speech does ("saw" read as a noun is still the
// past of "see" when asked for a past participle).
func (e *Engine) inflectToken(text, lemma string, u tag.UPOS, f *formName) string {
	lemma = strings.ToLower(lemma)
	same := false
	var p morph.POS
	switch f.pos {
	case Verb:
		same, p = u == tag.VERB || u == tag.AUX, morph.Verb
	case Noun:
		same, p = u == tag.NOUN || u == tag.PROPN, morph.Noun
	case Adjective:
		same, p = u == tag.ADJ, morph.Adj
	}
	if !same || lemma == "" {
		lemma = morph.Default().Lemma(normalise(text), p)
	}
	if f.form == morph.Base {
		return lemma
	}
	return e.infl(lemma, f.pos, f.form)
}
