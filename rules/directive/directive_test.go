package directive

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"liaison/analysis/text"
	"liaison/rules"
)

var (
	ruleAlot    = &rules.Rule{ID: "alot"}
	ruleLiaison = &rules.Rule{ID: "liaison-verb"}
)

func known(id string) bool { return id == "alot" || id == "liaison-verb" }

// findingsAt returns a finding of rule r at every occurrence of word in src.
func findingsAt(src, word string, r *rules.Rule) []rules.Finding {
	var out []rules.Finding
	for off := 0; ; {
		i := strings.Index(src[off:], word)
		if i < 0 {
			return out
		}
		out = append(out, rules.Finding{Rule: r, Start: off + i, End: off + i + len(word)})
		off += i + len(word)
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name, lang, src string
		// kept lists the surviving findings as "rule@line" (0-based
		// lines), in order. "alot" findings are on every "alot", and
		// "liaison-verb" findings on every "liaisoned".
		kept []string
	}{
		{"no directives", "markdown", "alot\n\nliaisoned\n", []string{"alot@0", "liaison-verb@2"}},
		{"disable one rule to the end", "markdown",
			"alot\n\n<!-- liaison-disable alot -->\n\nalot liaisoned\n", []string{"alot@0", "liaison-verb@4"}},
		{"disable all, enable all", "markdown",
			"<!-- liaison-disable -->\nalot liaisoned\n<!-- liaison-enable -->\nalot\n", []string{"alot@3"}},
		{"disable all but one", "markdown",
			"<!-- liaison-disable -->\n<!-- liaison-enable liaison-verb -->\nalot liaisoned\n", []string{"liaison-verb@2"}},
		{"enable one of several", "markdown",
			"<!-- liaison-disable alot, liaison-verb -->\nalot liaisoned\n<!-- liaison-enable alot -->\nalot liaisoned\n",
			[]string{"alot@3"}},
		{"next line", "markdown",
			"<!-- liaison-disable-next-line alot -->\nalot liaisoned\nalot\n", []string{"liaison-verb@1", "alot@2"}},
		{"next line, every rule", "markdown",
			"<!-- liaison-disable-next-line -->\nalot liaisoned\nalot\n", []string{"alot@2"}},
		{"inline comment at the end of a line", "markdown",
			"They liaisoned <!-- liaison-disable-next-line alot -->\nalot\n", []string{"liaison-verb@0"}},
		{"reason after --", "markdown",
			"<!-- liaison-disable-next-line alot -- quoting the author -->\nalot\n", nil},
		{"directive in code is not a directive", "markdown",
			"```\n<!-- liaison-disable -->\n```\n\nalot\n", []string{"alot@4"}},
		{"directive in a code span is not a directive", "markdown",
			"Write `<!-- liaison-disable -->` to\nalot\n", []string{"alot@1"}},
		{"other comments", "markdown", "<!-- TODO: check -->\nalot\n", []string{"alot@1"}},
		{"plain: next line", "plaintext",
			"liaison-disable-next-line alot\nalot liaisoned\nalot\n", []string{"liaison-verb@1", "alot@2"}},
		{"plain: disable and enable", "plaintext",
			"  liaison-disable\nalot\nliaison-enable\nalot\n", []string{"alot@3"}},
		{"plain: a findings on the directive line itself is dropped", "plaintext",
			"liaison-disable-next-line alot liaison-verb\nalot liaisoned\n", nil},
		{"plain: words after the keyword are not a directive", "plaintext",
			"The liaison-disable flag\nalot\n", []string{"alot@1"}},
		{"plain: HTML comment syntax is not a directive", "plaintext",
			"<!-- liaison-disable -->\nalot\n", []string{"alot@1"}},
		// Lines end at a lone CR and a CRLF as at an LF (issue 12, item
		// 12: on its own CR line a directive silenced nothing, or, in
		// plain text, every line, the whole text being its one line).
		{"plain: next line, lone CR", "plaintext",
			"alot\rliaison-disable-next-line alot\ralot liaisoned\ralot\r", []string{"alot@0", "liaison-verb@2", "alot@3"}},
		{"plain: next line, CRLF", "plaintext",
			"alot\r\nliaison-disable-next-line alot\r\nalot liaisoned\r\nalot\r\n", []string{"alot@0", "liaison-verb@2", "alot@3"}},
		{"plain: disable and enable, lone CR", "plaintext",
			"alot\rliaison-disable\ralot\rliaison-enable\ralot\r", []string{"alot@0", "alot@4"}},
		{"next line, lone CR", "markdown",
			"alot\r<!-- liaison-disable-next-line alot -->\ralot liaisoned\ralot\r", []string{"alot@0", "liaison-verb@2", "alot@3"}},
		{"next line, CRLF", "markdown",
			"alot\r\n<!-- liaison-disable-next-line alot -->\r\nalot liaisoned\r\nalot\r\n", []string{"alot@0", "liaison-verb@2", "alot@3"}},
		{"next line, mixed endings", "markdown",
			"alot\n<!-- liaison-disable-next-line -->\ralot\r\nalot\n", []string{"alot@0", "alot@3"}},
		// Every other format: a comment in its own syntax (issue 18 item 6).
		{"latex: next line", "latex",
			"alot\n  % liaison-disable-next-line alot\nalot liaisoned\nalot\n", []string{"alot@0", "liaison-verb@2", "alot@3"}},
		{"latex: disable and enable", "tex",
			"% liaison-disable\nalot\n% liaison-enable alot\nalot liaisoned\n", []string{"alot@3"}},
		{"latex: an escaped percent is no comment", "latex",
			"\\% liaison-disable\nalot\n", []string{"alot@1"}},
		{"latex: HTML comment syntax is not a directive", "latex",
			"<!-- liaison-disable -->\nalot\n", []string{"alot@1"}},
		{"html: next line", "html",
			"<p>alot</p>\n<!-- liaison-disable-next-line alot -->\n<p>alot liaisoned</p>\n", []string{"alot@0", "liaison-verb@2"}},
		{"html: a comment in a script is no comment", "html",
			"<script>s = '<!-- liaison-disable -->'</script>\n<p>alot</p>\n", []string{"alot@1"}},
		{"git commit: next line", "git-commit",
			"Subject alot\n\n# liaison-disable-next-line alot\nalot liaisoned\n", []string{"alot@0", "liaison-verb@3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := append(findingsAt(tt.src, "alot", ruleAlot), findingsAt(tt.src, "liaisoned", ruleLiaison)...)
			sortByStart(fs)
			got := Apply(tt.lang, tt.src, fs, known)
			var kept []string
			for _, f := range got {
				kept = append(kept, f.Rule.ID+"@"+strconv.Itoa(text.New(tt.src).Position(f.Start, text.UTF8).Line))
			}
			if strings.Join(kept, " ") != strings.Join(tt.kept, " ") {
				t.Errorf("kept %q, want %q", kept, tt.kept)
			}
		})
	}
}

func TestUnknownIDs(t *testing.T) {
	tests := []struct {
		name, lang, src string
		want            []string // the unknown ids, in order
	}{
		{"markdown", "markdown", "<!-- liaison-disable alot, no-such-rule -->\n<!-- liaison-enable typo -->\n", []string{"no-such-rule", "typo"}},
		{"next line", "markdown", "<!-- liaison-disable-next-line alto -->\ntext\n", []string{"alto"}},
		{"plain", "plaintext", "liaison-disable-next-line liaison-verb liason-verb\ntext\n", []string{"liason-verb"}},
		{"all known", "markdown", "<!-- liaison-disable alot liaison-verb -->\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Apply(tt.lang, tt.src, nil, known)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings %+v, want %q", len(got), got, tt.want)
			}
			for i, f := range got {
				if f.Rule.ID != DirectiveRuleID || f.Severity != rules.SeverityWarning {
					t.Errorf("finding %d: rule %s severity %v", i, f.Rule.ID, f.Severity)
				}
				if id := tt.src[f.Start:f.End]; id != tt.want[i] {
					t.Errorf("finding %d covers %q, want %q", i, id, tt.want[i])
				}
				if !strings.Contains(f.Message, `"`+tt.want[i]+`"`) {
					t.Errorf("message %q does not name %q", f.Message, tt.want[i])
				}
			}
		})
	}
}

// TestFilterBackwards: a filter called out of document order still
// answers correctly.
func TestFilterBackwards(t *testing.T) {
	src := "alot\n<!-- liaison-disable alot -->\nalot\n"
	s := Parse("markdown", src)
	f := s.Filter()
	late, early := strings.LastIndex(src, "alot"), 0
	if !f("alot", late) || f("alot", early) || !f("alot", late) {
		t.Error("wrong answer out of order")
	}
	if Parse("markdown", "no directives here") != nil {
		t.Error("a Set for a document without directives")
	}
	var none *Set
	if none.Filter()("alot", 0) || len(none.Directives()) != 0 {
		t.Error("a nil Set silences")
	}
}

func sortByStart(fs []rules.Finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Start < fs[j-1].Start; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func TestMentionsKeyword(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"", false},
		{"liaison-", true},
		{"liaison", false},
		{"-liaison-", true},
		{"a liaison-disable b", true},
		{"liaison -disable", false},
		{"iaison-", false},
		{"x-y-z liaisonliaison- end", true},
		{"- - -", false},
		{"liaison–disable", false}, // an en dash is not a hyphen
	} {
		if got := mentionsKeyword(tc.src); got != tc.want {
			t.Errorf("mentionsKeyword(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestMentionsKeywordAgrees holds mentionsKeyword to strings.Contains on
// random texts over the stem's own letters, where near misses are common.
func TestMentionsKeywordAgrees(t *testing.T) {
	const letters = "liason-x"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		src := string(b)
		if got, want := mentionsKeyword(src), strings.Contains(src, keywordStem); got != want {
			t.Fatalf("mentionsKeyword(%q) = %v, strings.Contains says %v", src, got, want)
		}
	}
}
