package checker

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"liaison/rules"
)

// TestPartsMatchWhole checks that checking a document a part at a time
// (Options.PartBytes, the CLI's way) finds exactly what checking it whole
// does: on the Rust Book, and on generated documents whose parts end
// inside long paragraphs and sentences, where the sentence-start rule
// reads a sentence of the previous part.
func TestPartsMatchWhole(t *testing.T) {
	var para, paras, list strings.Builder
	for i := range 400 {
		// sentence-start fires on "then", after a full stop.
		fmt.Fprintf(&para, "We went to town %d times with Ann. then we had alot of fun with the comittee. Its a nice day, isnt it? ", i)
		fmt.Fprintf(&paras, "Paragraph %d has a a repeated word, said Ann. then it ends alot later.\n\n", i)
		fmt.Fprintf(&list, "- item %d, we could of gone with Ann. then irregardless\n", i)
	}
	long := strings.Repeat("and we had alot of fun ", 300) // one sentence longer than the parts
	tests := []struct {
		name, language, src string
		partBytes           []int
	}{
		{"rust book", "markdown", book(t), []int{256 << 10, 4 << 10, 700}},
		{"one paragraph", "plaintext", para.String(), []int{64 << 10, 1000, 150}},
		{"one paragraph, markdown", "markdown", para.String(), []int{1000}},
		{"paragraphs", "markdown", paras.String(), []int{2000, 100}},
		{"a long list", "markdown", list.String(), []int{3000, 200}},
		{"a sentence longer than a part", "plaintext", "We went home. then " + long + ". then we left alot. " + long, []int{500}},
	}
	ctx := context.Background()
	whole, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		want, err := whole.Check(ctx, Document{LanguageID: tt.language, Text: tt.src}, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Findings) == 0 {
			t.Fatalf("%s: no findings to compare", tt.name)
		}
		for _, n := range tt.partBytes {
			c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), PartBytes: n})
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Check(ctx, Document{LanguageID: tt.language, Text: tt.src}, nil, rules.Settings{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Analysis != nil {
				t.Errorf("%s, parts of %d: an analysis is returned", tt.name, n)
			}
			if d := diffFindings(want.Findings, got.Findings); d != "" {
				t.Errorf("%s, parts of %d bytes: %d findings whole, %d by parts; first difference: %s", tt.name, n, len(want.Findings), len(got.Findings), d)
			}
		}
	}
}

func diffFindings(want, got []rules.Finding) string {
	show := func(f rules.Finding) string {
		return fmt.Sprintf("%d-%d %s %s %q %q", f.Start, f.End, f.Rule.ID, f.Severity, f.Message, f.Replacements)
	}
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(want):
			return "extra " + show(got[i])
		case i >= len(got):
			return "missing " + show(want[i])
		case show(want[i]) != show(got[i]):
			return "want " + show(want[i]) + ", got " + show(got[i])
		}
	}
	return ""
}

// TestPartsShareMessages checks that a document full of one mistake keeps
// one copy of its message, not one per finding.
func TestPartsShareMessages(t *testing.T) {
	src := strings.Repeat("We had alot of fun with the committee today. ", 2000)
	c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), PartBytes: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(context.Background(), Document{LanguageID: "plaintext", Text: src}, nil, rules.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) < 2000 {
		t.Fatalf("%d findings, want at least 2000", len(res.Findings))
	}
	distinct := map[*byte]bool{}
	for _, f := range res.Findings {
		if f.Message != "" {
			distinct[unsafeData(f.Message)] = true
		}
	}
	if len(distinct) > 5 {
		t.Errorf("%d findings hold %d distinct message strings, want a few shared ones", len(res.Findings), len(distinct))
	}
}

func unsafeData(s string) *byte { return unsafe.StringData(s) }

// TestCheckPartsMatchesCheck checks that the findings CheckParts gives a
// part at a time, directives applied to each part, are Check's on the
// whole document: directives that switch rules off and on across parts,
// next-line ones, and ones naming unknown rules (their findings merged in
// document order), in Markdown and in plain text.
func TestCheckPartsMatchesCheck(t *testing.T) {
	var md, plain strings.Builder
	directives := []string{"liaison-disable alot", "liaison-enable alot", "liaison-disable-next-line", "liaison-disable nosuch", "liaison-disable", "liaison-enable sentence-start", "liaison-enable"}
	for i := range 300 {
		if i%7 == 3 {
			d := directives[(i/7)%len(directives)]
			fmt.Fprintf(&md, "<!-- %s -->\n", d)
			fmt.Fprintf(&plain, "%s\n", d)
		}
		line := fmt.Sprintf("We had alot of fun %d times with Ann. then its a a nice day.\n", i)
		md.WriteString(line)
		plain.WriteString(line)
	}
	ctx := context.Background()
	whole, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ language, src string }{{"markdown", md.String()}, {"plaintext", plain.String()}} {
		doc := Document{LanguageID: tt.language, Text: tt.src}
		want, err := whole.Check(ctx, doc, nil, rules.Settings{})
		if err != nil {
			t.Fatal(err)
		}
		unknown := 0
		for _, f := range want.Findings {
			if f.Rule.ID == "liaison-directive" {
				unknown++
			}
		}
		if unknown == 0 || len(want.Findings) < 100 {
			t.Fatalf("%s: %d findings, %d about unknown ids: nothing to compare", tt.language, len(want.Findings), unknown)
		}
		for _, n := range []int{1000, 300} {
			c, err := New(Options{Analyzer: sharedAnalyzer(), Rules: defaultRules(t), PartBytes: n})
			if err != nil {
				t.Fatal(err)
			}
			var got []rules.Finding
			runs := 0
			err = c.CheckParts(ctx, doc, nil, rules.Settings{}, func(fs []rules.Finding) error {
				got = append(got, fs...)
				runs++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if runs < 2 {
				t.Errorf("%s, parts of %d: %d runs of findings, want one per part", tt.language, n, runs)
			}
			if d := diffFindings(want.Findings, got); d != "" {
				t.Errorf("%s, parts of %d bytes: %d findings whole, %d by parts; first difference: %s", tt.language, n, len(want.Findings), len(got), d)
			}
		}
	}
}
