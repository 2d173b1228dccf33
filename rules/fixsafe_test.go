package rules

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"liaison/analysis"
)

// checkDoc analyses and checks one document with the default library.
func checkDoc(t *testing.T, e *Engine, a *analysis.Analyzer, lang, src string) []Finding {
	t.Helper()
	res, err := a.Analyze(context.Background(), lang, src)
	if err != nil {
		t.Fatal(err)
	}
	return e.Check(context.Background(), res, Settings{})
}

// TestNoFixAcrossMarkup: a finding whose source range holds markup still
// reports, but offers no replacement, since replacing the range would
// delete the markup (issue 12, item 11). The same words without markup keep
// their fix.
func TestNoFixAcrossMarkup(t *testing.T) {
	e, a := defaultEngine(t), analysis.New()
	tests := []struct {
		name, lang, src, rule string
		fix                   []string // nil: no fix offered
	}{
		{"tag inside the word", "markdown", "I recie<span>ved</span> it.\n", "receive", nil},
		{"comment inside the word", "markdown", "nip it in the b<!-- c -->utt\n", "nip-it-in-the-butt", nil},
		{"tag around the whole word", "markdown", "I <span>recieved</span> it.\n", "receive", []string{"received"}},
		{"emphasis inside a phrase's range", "markdown", "We had *alot* of fun.\n", "alot", []string{"a lot"}},
		{"plain word", "markdown", "I recieved it.\n", "receive", []string{"received"}},
		{"plain phrase", "markdown", "nip it in the butt\n", "nip-it-in-the-butt", []string{"bud"}},
		{"plain text: tags are prose", "plaintext", "I recie<span>ved</span> it.\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := checkDoc(t, e, a, tt.lang, tt.src)
			if tt.rule == "" {
				for _, f := range fs {
					if len(f.Replacements) > 0 && strings.ContainsAny(tt.src[f.Start:f.End], "<>") {
						t.Errorf("%s offers %q for %q", f.Rule.ID, f.Replacements, tt.src[f.Start:f.End])
					}
				}
				return
			}
			var found *Finding
			for i := range fs {
				if fs[i].Rule.ID == tt.rule {
					found = &fs[i]
				}
			}
			if found == nil {
				t.Fatalf("no %s finding in %+v", tt.rule, fs)
			}
			if strings.Join(found.Replacements, "|") != strings.Join(tt.fix, "|") {
				t.Errorf("replacements %q for %q, want %q", found.Replacements, tt.src[found.Start:found.End], tt.fix)
			}
		})
	}
}

// markupBytes are the bytes of the markup TestFixesTouchOnlyProse cuts
// into documents; none is in its words.
const markupBytes = "<>*_`&\\[]()~!"

// TestFixesTouchOnlyProse is the property behind TestNoFixAcrossMarkup:
// in random Markdown documents of phrases the library fixes, with inline
// markup cut into and between their words, every replacement offered
// rewrites a source range holding no markup: no tag, comment, emphasis
// marker, entity, escape, code span, link syntax, hard line break or
// block-quote marker. Applying every first replacement (as fix-all does)
// therefore leaves all the markup in place.
func TestFixesTouchOnlyProse(t *testing.T) {
	e, a := defaultEngine(t), analysis.New()
	phrases := []string{"We had alot of fun.", "I recieved it.", "You should nip it in the butt.", "I could of told you.", "It was irregardless of cost."}
	inline := []string{"<span>", "</span>", "<!-- c -->", "*", "**", "_", "`x`", "&amp;", "\\*", "[", "](u)", "~~", "<br>", "  \n", "\\\n", "\n> ", "\n", "\r\n"}
	rng := rand.New(rand.NewPCG(3, 5))
	docs, fixes, withMarkup := 400, 0, 0
	if testing.Short() {
		docs = 100
	}
	for d := range docs {
		var sb strings.Builder
		if rng.IntN(4) == 0 {
			sb.WriteString("> ")
		}
		for range 1 + rng.IntN(4) {
			p := phrases[rng.IntN(len(phrases))]
			if rng.IntN(2) == 0 {
				cut := rng.IntN(len(p) + 1)
				p = p[:cut] + inline[rng.IntN(len(inline))] + p[cut:]
			}
			sb.WriteString(p)
			sb.WriteByte(' ')
		}
		sb.WriteString("\n")
		src := sb.String()
		if strings.ContainsAny(src, markupBytes) {
			withMarkup++
		}
		fs := checkDoc(t, e, a, "markdown", src)
		var fixed strings.Builder
		last := 0
		for _, f := range fs {
			if len(f.Replacements) == 0 {
				continue
			}
			fixes++
			matched := src[f.Start:f.End]
			if strings.ContainsAny(matched, markupBytes) || strings.Contains(matched, "  \n") || strings.Contains(matched, "  \r\n") {
				t.Errorf("document %d %q: %s offers %q for %q, which holds markup", d, src, f.Rule.ID, f.Replacements, matched)
			}
			if f.Start >= last {
				fixed.WriteString(src[last:f.Start])
				fixed.WriteString(f.Replacements[0])
				last = f.End
			}
		}
		fixed.WriteString(src[last:])
		for _, c := range markupBytes {
			if strings.Count(fixed.String(), string(c)) != strings.Count(src, string(c)) {
				t.Errorf("document %d %q: fixing all gives %q, which lost a %q", d, src, fixed.String(), c)
			}
		}
	}
	// The property must not hold by offering nothing.
	if fixes < docs || withMarkup < docs/3 {
		t.Errorf("%d fixes offered in %d documents (%d with markup): the test exercises too little", fixes, docs, withMarkup)
	}
}
