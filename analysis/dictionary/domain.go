package dictionary

import "strings"

// Label is the short label a sense is shown with, before its definition:
// its topic and region domains ("military", "law"), else its field
// ("communication", "relationship") when the part of speech has senses in
// more than one field, so a word with senses across fields reads like a
// disambiguation page. It is "" when there is nothing to tell apart.
func (p *Part) Label(i int) string {
	if i < 0 || i >= len(p.Senses) {
		return ""
	}
	s := &p.Senses[i]
	if len(s.Domains) > 0 {
		return strings.Join(s.Domains, ", ")
	}
	if s.Field == "" || !p.manyFields() {
		return ""
	}
	return s.Field
}

// manyFields reports whether the part's senses span two or more fields.
func (p *Part) manyFields() bool {
	first := ""
	for _, s := range p.Senses {
		switch {
		case s.Field == "":
		case first == "":
			first = s.Field
		case s.Field != first:
			return true
		}
	}
	return false
}
