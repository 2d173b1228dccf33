package dictionary

import (
	"fmt"
	"strings"
)

// Style says how much of an entry to render.
type Style struct {
	// Preferred is the part of speech to list first (NoPOS: WordNet's order).
	Preferred POS
	// MaxSenses caps the senses shown for the first part of speech, and
	// MaxOtherSenses for the others; 0 shows all.
	MaxSenses, MaxOtherSenses int
	// AllExamples shows every example instead of the first.
	AllExamples bool
	// MaxSynonyms caps the synonyms shown per sense; 0 shows all.
	MaxSynonyms int
}

// HoverStyle is compact enough for an editor popup: the preferred part of
// speech first with up to four senses, up to two for the others, each
// with its first example and up to six synonyms.
func HoverStyle(preferred POS) Style {
	return Style{Preferred: preferred, MaxSenses: 4, MaxOtherSenses: 2, MaxSynonyms: 6}
}

// FullStyle shows everything, the preferred part of speech first.
func FullStyle(preferred POS) Style {
	return Style{Preferred: preferred, AllExamples: true}
}

// Markdown renders the entry for a hover: HoverStyle(preferred).
func (e *Entry) Markdown(preferred POS) string {
	return e.Render(true, HoverStyle(preferred))
}

// Text renders the entry as plain text for a terminal, in full.
func (e *Entry) Text(preferred POS) string {
	return e.Render(false, FullStyle(preferred))
}

// Render writes the entry as Markdown (markdown true) or plain text:
// the headword and pronunciations, then each part of speech with its
// irregular forms and numbered senses, each with its domain label (see
// Part.Label), usage labels, examples and synonyms.
func (e *Entry) Render(markdown bool, st Style) string {
	var b strings.Builder
	esc := func(s string) string { return s }
	if markdown {
		esc = EscapeMarkdown
	}
	parts := e.ordered(st.Preferred)

	// Headline: [query →] headword /ipa/ (variety), …
	if e.Query != "" {
		if markdown {
			fmt.Fprintf(&b, "*%s* → ", esc(e.Query))
		} else {
			fmt.Fprintf(&b, "%s → ", e.Query)
		}
	}
	if markdown {
		fmt.Fprintf(&b, "**%s**", esc(e.Headword))
	} else {
		b.WriteString(e.Headword)
	}
	var prons []string
	for _, p := range parts {
		for _, pr := range p.Pronunciations {
			s := "/" + pr.IPA + "/"
			if pr.Variety != "" {
				s += " (" + pr.Variety + ")"
			}
			if !contains(prons, s) {
				prons = append(prons, s)
			}
		}
	}
	if len(prons) > 0 {
		b.WriteString("  " + esc(strings.Join(prons, ", ")))
	}
	b.WriteString("\n")

	for n, p := range parts {
		limit := st.MaxSenses
		if n > 0 {
			limit = st.MaxOtherSenses
		}
		b.WriteString("\n")
		if markdown {
			fmt.Fprintf(&b, "***%s***", p.POS)
		} else {
			b.WriteString(p.POS.String())
		}
		if len(p.IrregularForms) > 0 {
			if markdown {
				fmt.Fprintf(&b, " · %s", esc(strings.Join(p.IrregularForms, ", ")))
			} else {
				fmt.Fprintf(&b, " (%s)", strings.Join(p.IrregularForms, ", "))
			}
		}
		b.WriteString("\n")
		if markdown {
			b.WriteString("\n")
		}
		indent := "   "
		if !markdown {
			indent = "      "
		}
		for i, s := range p.Senses {
			if limit > 0 && i == limit {
				more := len(p.Senses) - limit
				plural := "s"
				if more == 1 {
					plural = ""
				}
				if markdown {
					fmt.Fprintf(&b, "\n*… %d more %s sense%s*\n", more, p.POS, plural)
				} else {
					fmt.Fprintf(&b, "  … %d more sense%s\n", more, plural)
				}
				break
			}
			if markdown {
				fmt.Fprintf(&b, "%d. ", i+1)
			} else {
				fmt.Fprintf(&b, "  %2d. ", i+1)
			}
			if l := p.Label(i); l != "" {
				if markdown {
					fmt.Fprintf(&b, "*%s*: ", esc(l))
				} else {
					fmt.Fprintf(&b, "%s: ", l)
				}
			}
			if len(s.Usage) > 0 {
				if markdown {
					fmt.Fprintf(&b, "*(%s)* ", esc(strings.Join(s.Usage, ", ")))
				} else {
					fmt.Fprintf(&b, "(%s) ", strings.Join(s.Usage, ", "))
				}
			}
			b.WriteString(esc(s.Definition))
			examples := s.Examples
			if !st.AllExamples && len(examples) > 1 {
				examples = examples[:1]
			}
			for _, ex := range examples {
				if markdown {
					fmt.Fprintf(&b, "  \n%s*“%s”*", indent, esc(ex))
				} else {
					fmt.Fprintf(&b, "\n%s\"%s\"", indent, ex)
				}
			}
			if syn := s.Synonyms; len(syn) > 0 {
				extra := ""
				if st.MaxSynonyms > 0 && len(syn) > st.MaxSynonyms {
					extra = fmt.Sprintf(", … (%d more)", len(syn)-st.MaxSynonyms)
					syn = syn[:st.MaxSynonyms]
				}
				if markdown {
					fmt.Fprintf(&b, "  \n%ssynonyms: %s%s", indent, esc(strings.Join(syn, ", ")), extra)
				} else {
					fmt.Fprintf(&b, "\n%ssynonyms: %s%s", indent, strings.Join(syn, ", "), extra)
				}
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// ordered returns the parts with preferred first, the rest in WordNet order.
func (e *Entry) ordered(preferred POS) []Part {
	out := make([]Part, 0, len(e.Parts))
	if p := e.Part(preferred); p != nil {
		out = append(out, *p)
	}
	for _, p := range e.Parts {
		if p.POS != preferred || preferred == NoPOS {
			out = append(out, p)
		}
	}
	return out
}

// EscapeMarkdown backslash-escapes the characters Markdown would read as
// markup.
func EscapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<>#|~") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
