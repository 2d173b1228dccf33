package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"liaison/analysis"
	"liaison/analysis/morph"
	"liaison/analysis/tag"
	"liaison/analysis/token"
)

// handBlock builds a block from "word/PTB[/lemma]" items separated by
// spaces; the prose is the words joined by single spaces and source
// offsets equal prose offsets.
func handBlock(t testing.TB, annotated string) *analysis.BlockAnalysis {
	t.Helper()
	var toks []analysis.Token
	var prose strings.Builder
	for i, item := range strings.Fields(annotated) {
		parts := strings.Split(item, "/")
		if len(parts) < 2 {
			t.Fatalf("bad item %q", item)
		}
		ptb, ok := tag.ParsePTB(parts[1])
		if !ok {
			t.Fatalf("bad tag in %q", item)
		}
		lemma := strings.ToLower(parts[0])
		if len(parts) > 2 {
			lemma = parts[2]
		}
		kind := token.Word
		if ptb == tag.PERIOD || ptb == tag.COMMA {
			kind = token.Punct
		}
		if i > 0 && kind != token.Punct {
			prose.WriteByte(' ') // a mark sits against its word, as in print
		}
		start := prose.Len()
		prose.WriteString(parts[0])
		toks = append(toks, analysis.Token{Text: parts[0], Start: start, End: prose.Len(), Kind: kind, PTB: ptb, UPOS: uposOf(ptb), Lemma: lemma})
	}
	p := prose.String()
	return &analysis.BlockAnalysis{Prose: p, Sentences: []analysis.Sentence{{Start: 0, End: len(p), Tokens: toks}}}
}

// uposOf is a coarse PTB → UPOS map, enough for hand-built tests.
func uposOf(p tag.PTB) tag.UPOS {
	switch {
	case p.IsVerb():
		return tag.VERB
	case p == tag.MD:
		return tag.AUX
	case p == tag.NN || p == tag.NNS:
		return tag.NOUN
	case p == tag.NNP || p == tag.NNPS:
		return tag.PROPN
	case p == tag.JJ || p == tag.JJR || p == tag.JJS:
		return tag.ADJ
	case p == tag.RB || p == tag.RBR || p == tag.RBS:
		return tag.ADV
	case p == tag.DT:
		return tag.DET
	case p == tag.PRP || p == tag.PRPS:
		return tag.PRON
	case p == tag.IN:
		return tag.ADP
	case p == tag.TO:
		return tag.PART
	case p == tag.PERIOD || p == tag.COMMA:
		return tag.PUNCT
	}
	return tag.X
}

func defaultEngine(t testing.TB) *Engine {
	t.Helper()
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCheckBlockHandTagged(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		in   string
		want string // "rule:matched→first replacement" joined by "; "
	}{
		{"I/PRP 'll/MD liaison/NN with/IN the/DT printers/NNS ./.", "liaison-verb:liaison→liaise"},
		{"She/PRP liaisons/NNS with/IN the/DT venue/NN ./.", "liaison-verb:liaisons→liaises"},
		{"They/PRP liaisoned/VBD with/IN us/PRP ./.", "liaison-verb:liaisoned→liaised"},
		{"Liaisoning/VBG with/IN them/PRP takes/VBZ time/NN ./.", "liaison-verb:Liaisoning→Liaising"},
		{"Our/PRP$ liaison/NN will/MD call/VB ./.", ""},
		{"The/DT liaison/VB officers/NNS met/VBD ./.", ""}, // a tagger error cancelled by its context
		{"The/DT liaison/NN 's/POS phone/NN ./.", ""},
		{"Thanks/NNS alot/RB ./.", "alot:alot→a lot"},
		{"Alot/RB of/IN people/NNS came/VBD ./.", "alot:Alot→A lot"},
		{"The/DT ATM/NNP machines/NNS were/VBD empty/JJ ./.", "atm-machine:ATM machines→ATMs"},
		{"I/PRP could/MD of/IN told/VBN you/PRP ./.", "could-of:of→have"},
		{"You/PRP could/MD of/IN course/NN ask/VB ./.", ""},
		{"We/PRP are/VBP loosing/VBG money/NN ./.", "loose-as-verb:loosing→losing"},
		{"He/PRP loosed/VBD an/DT arrow/NN ./.", ""},
		{"The/DT patient/NN showed/VBD a/DT flat/JJ affect/NN ./.", ""},
		{"It/PRP had/VBD an/DT affect/NN on/IN us/PRP ./.", "affect-as-noun:affect→effect"},
		{"for/IN all/DT intensive/JJ purposes/NNS", "intensive-purposes:intensive purposes→intents and purposes"},
		{"IRREGARDLESS/RB ./.", "irregardless:IRREGARDLESS→REGARDLESS"},
	}
	for _, tt := range tests {
		b := handBlock(t, tt.in)
		var got []string
		for _, f := range e.CheckBlock(b) {
			rep := ""
			if len(f.Replacements) > 0 {
				rep = f.Replacements[0]
			}
			got = append(got, fmt.Sprintf("%s:%s→%s", f.Rule.ID, b.Prose[f.Start:f.End], rep))
			if !strings.Contains(f.Message, b.Prose[f.Start:f.End]) {
				t.Errorf("%q: message %q does not name the match", tt.in, f.Message)
			}
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, g, tt.want)
		}
	}
}

// mapCache is a BlockCache that counts what it serves.
type mapCache struct {
	kept map[*analysis.BlockAnalysis][]Finding
	hits int
}

func (c *mapCache) Findings(b *analysis.BlockAnalysis) ([]Finding, bool) {
	fs, ok := c.kept[b]
	if ok {
		c.hits++
	}
	return fs, ok
}

func (c *mapCache) Keep(b *analysis.BlockAnalysis, fs []Finding) { c.kept[b] = fs }

func TestCheckCachesBlocksAndAppliesSettings(t *testing.T) {
	e := defaultEngine(t)
	a := handBlock(t, "Thanks/NNS alot/RB ./.")
	b := handBlock(t, "I/PRP could/MD of/IN told/VBN you/PRP ./.")
	res := &analysis.Result{Blocks: []analysis.Block{{Start: 100, End: 117, BlockAnalysis: a}, {Start: 10, End: 40, BlockAnalysis: b}}}
	cache := &mapCache{kept: map[*analysis.BlockAnalysis][]Finding{}}
	fs := e.CheckWith(context.Background(), res, Settings{}, cache)
	if len(fs) != 2 || fs[0].Rule.ID != "could-of" || fs[1].Rule.ID != "alot" {
		t.Fatalf("got %v", fs)
	}
	if fs[1].Start != 100+7 || fs[1].End != 100+11 {
		t.Errorf("alot at %d:%d, want 107:111", fs[1].Start, fs[1].End)
	}
	if fs[1].Severity != SeverityError {
		t.Errorf("severity %v, want the rule's default", fs[1].Severity)
	}
	// Each block's findings were offered to the cache, in block offsets.
	if alot := ofRule(cache.kept[a], "alot"); len(cache.kept) != 2 || len(alot) != 1 || alot[0].Start != 7 { // the spelling rule flags it too
		t.Fatalf("cache was given %v", cache.kept)
	}
	fs = e.CheckWith(context.Background(), &analysis.Result{Blocks: res.Blocks[:1]}, Settings{
		Rules: map[string]RuleSetting{"alot": {Severity: SeverityHint}},
	}, cache)
	if len(fs) != 1 || fs[0].Severity != SeverityHint {
		t.Fatalf("severity override: got %v", fs)
	}
	if cache.hits != 1 {
		t.Errorf("%d cache hits, want 1: settings apply after the cache", cache.hits)
	}
	// The cache's copy is unchanged by settings and offsets.
	if f := cache.kept[a][0]; f.Start != 7 || f.Severity != SeverityError {
		t.Errorf("cached finding changed: %+v", f)
	}
	for _, s := range []Settings{
		{Rules: map[string]RuleSetting{"alot": {Off: true}}},
		{Categories: map[string]bool{"nonword": false}},
	} {
		if fs := e.Check(context.Background(), &analysis.Result{Blocks: res.Blocks[:1]}, s); len(fs) != 0 {
			t.Errorf("settings %+v: got %v", s, fs)
		}
	}
	// A rule's own setting wins over its category's.
	on := Settings{Categories: map[string]bool{"nonword": false}, Rules: map[string]RuleSetting{"alot": {}}}
	if fs := e.Check(context.Background(), &analysis.Result{Blocks: res.Blocks[:1]}, on); len(fs) != 1 {
		t.Errorf("rule on in a category off: got %v, want the finding", fs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if fs := e.Check(ctx, res, Settings{}); fs != nil {
		t.Errorf("cancelled Check returned %v", fs)
	}
}

func TestMatchCase(t *testing.T) {
	for _, tt := range []struct{ matched, rep, want string }{
		{"liaison", "liaise", "liaise"},
		{"Liaisoned", "liaised", "Liaised"},
		{"LIAISONED", "liaised", "LIAISED"},
		{"Alot", "a lot", "A lot"},
		{"atm machine", "ATM", "ATM"},
		{"I", "me", "Me"},
	} {
		if got := matchCase(tt.matched, tt.rep); got != tt.want {
			t.Errorf("matchCase(%q, %q) = %q, want %q", tt.matched, tt.rep, got, tt.want)
		}
	}
}

func TestInflectAs(t *testing.T) {
	infl := defaultInflector()
	for _, tt := range []struct {
		lemma string
		pos   PartOfSpeech
		f     morph.Form
		want  string
	}{
		{"liaise", Verb, morph.ThirdSingular, "liaises"},
		{"liaise", Verb, morph.Past, "liaised"},
		{"liaise", Verb, morph.Gerund, "liaising"},
		{"advise", Verb, morph.Gerund, "advising"},
		{"breathe", Verb, morph.ThirdSingular, "breathes"},
		{"effect", Noun, morph.Plural, "effects"},
		{"ATM", Noun, morph.Plural, "ATMs"},
		{"try", Verb, morph.Past, "tried"},
		{"fix", Verb, morph.ThirdSingular, "fixes"},
		{"see", Verb, morph.Gerund, "seeing"},
		{"die", Verb, morph.Gerund, "dying"},
		{"effect", Noun, morph.Past, ""},
		{"commit", Verb, morph.Past, "committed"},
		{"PIN", Noun, morph.Plural, "PINs"},
	} {
		if got := inflectAs(infl, tt.lemma, tt.pos, tt.f); got != tt.want {
			t.Errorf("inflectAs(%q, %v, %d) = %q, want %q", tt.lemma, tt.pos, tt.f, got, tt.want)
		}
	}
}

func TestParseErrorsNameFileLineAndColumn(t *testing.T) {
	valid := `- id: x-y
  category: nonword
  severity: warning
  summary: s
  message: '"{match}"'
  explanation: e
  match: [foo]
`
	if _, err := Parse("ok.yaml", []byte(valid)); err != nil {
		t.Fatalf("valid rule: %v", err)
	}
	for _, tt := range []struct{ name, src, want string }{
		{"bad id", strings.Replace(valid, "x-y", "X_Y", 1), "bad.yaml:1:3: rule id"},
		{"unknown field", valid + "  colour: red\n", "bad.yaml:8:3: unknown field \"colour\""},
		{"unknown category", strings.Replace(valid, "nonword", "nonsense", 1), "bad.yaml:2:13: rule x-y: unknown category"},
		{"unknown severity", strings.Replace(valid, "warning", "loud", 1), "bad.yaml:3:13: rule x-y: unknown severity"},
		{"unknown tag", strings.Replace(valid, "[foo]", "[{tag: VBX}]", 1), "bad.yaml:7:17: unknown Penn Treebank tag"},
		{"nothing to index", strings.Replace(valid, "[foo]", "[{word: foo, optional: true}, {not: true, word: bar}]", 1), "bad.yaml:7:10: a pattern needs a required element that names a word"},
		{"replacement placeholder without replacement", strings.Replace(valid, "{match}", "{replacement}", 1), "bad.yaml:5:12: rule x-y: message uses {replacement}"},
		{"unknown placeholder", strings.Replace(valid, "{match}", "{word}", 1), "unknown placeholder {word}"},
		{"no match", strings.Replace(valid, "  match: [foo]\n", "", 1), "bad.yaml:1:3: rule x-y: match, patterns or code is required"},
		{"not a list", "id: x\n", "bad.yaml:1:1: a rule file is a list of rules"},
		{"yaml syntax", "- id: [x\n", "bad.yaml: yaml:"},
		{"duplicate id", valid + strings.Replace(valid, "- id", "\n- id", 1), "already defined at line 1"},
		{"empty file", "", "bad.yaml"},
		{"empty list", "[]", ""},
		{"scalar rule", "- 42\n", "bad.yaml:1:3: a rule must be a mapping"},
		{"empty match", strings.Replace(valid, "[foo]", "[]", 1), "bad.yaml:7:10: a pattern needs a non-empty match"},
		{"skip too large", strings.Replace(valid, "[foo]", "[foo, {skip: 99}]", 1), "bad.yaml:7:23: skip must be"},
		{"alias", "- &a {id: x}\n- *a\n", "bad.yaml:"},
	} {
		rs, err := Parse("bad.yaml", []byte(tt.src))
		if tt.want == "" {
			if err != nil || len(rs) != 0 {
				t.Errorf("%s: got %v, %v", tt.name, rs, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestLibrarySize holds the library to the size the rule library issue
// asks for. (That every rule has two bad and two good examples is
// TestExamples's to check.)
func TestLibrarySize(t *testing.T) {
	rs, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) < 300 {
		t.Errorf("library has %d rules, want at least 300", len(rs))
	}
}

// TestNewEngineRejectsUnindexablePatterns covers rules built in Go, which
// do not pass through Parse: a pattern must have an element the index can
// find (here the only element, or a later one).
func TestNewEngineRejectsUnindexablePatterns(t *testing.T) {
	for _, tt := range []struct {
		name   string
		anchor Element
		ok     bool
		later  bool // add an indexable second element
	}{
		{"word", Element{Words: []string{"foo"}}, true, false},
		{"lemma", Element{Lemmas: []string{"foo"}}, true, false},
		{"tag", Element{Tags: []tag.PTB{tag.VB}}, true, false},
		{"pos", Element{POS: []tag.UPOS{tag.VERB}}, true, false},
		{"unconstrained", Element{}, false, false},
		{"optional", Element{Words: []string{"foo"}, Optional: true}, false, false},
		{"negated", Element{Words: []string{"foo"}, Negate: true}, false, false},
		{"unconstrained, then a word", Element{}, true, true},
		{"negated, then a word", Element{Words: []string{"foo"}, Negate: true}, true, true},
	} {
		match := []Element{tt.anchor}
		if tt.later {
			match = append(match, Element{Words: []string{"bar"}})
		}
		r := &Rule{ID: "x", Category: "nonword", Severity: SeverityHint, Message: "m",
			Patterns: []Pattern{{Match: match}}}
		_, err := NewEngine([]*Rule{r})
		if (err == nil) != tt.ok {
			t.Errorf("%s: NewEngine error %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

// BenchmarkCheckBlock shows that the cost per token does not grow with the
// number of rules: 1000 or 10000 extra rules anchored at other words add
// only the cost of a larger hash table.
func BenchmarkCheckBlock(b *testing.B) {
	rs, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	var extra []*Rule
	for i := range 10000 {
		extra = append(extra, &Rule{ID: fmt.Sprintf("extra-%d", i), Category: "nonword", Severity: SeverityHint, Message: "x",
			Patterns: []Pattern{{Match: []Element{{Words: []string{fmt.Sprintf("zzword%d", i)}}, {Words: []string{"x"}}}}}})
	}
	// 100 sentences of ordinary prose, one usage problem in every tenth.
	clean := handBlock(b, "The/DT compiler/NN checks/VBZ that/IN every/DT reference/NN is/VBZ valid/JJ before/IN the/DT program/NN runs/VBZ ./.")
	bad := handBlock(b, "We/PRP should/MD liaison/VB with/IN the/DT team/NN that/WDT maintains/VBZ the/DT crate/NN ./.")
	block := &analysis.BlockAnalysis{}
	ntok := 0
	for i := range 100 {
		s := clean.Sentences[0]
		if i%10 == 0 {
			s = bad.Sentences[0]
		}
		block.Sentences = append(block.Sentences, s)
		ntok += len(s.Tokens)
	}
	for _, bc := range []struct {
		name  string
		rules []*Rule
	}{{"library", rs}, {"library+1000", append(append([]*Rule(nil), rs...), extra[:1000]...)}, {"library+10000", append(append([]*Rule(nil), rs...), extra...)}} {
		e, err := NewEngine(bc.rules)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				e.CheckBlock(block)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*ntok), "ns/token")
		})
	}
}

func TestDefaultInflector(t *testing.T) {
	infl := defaultInflector()
	for _, tt := range []struct {
		lemma string
		pos   PartOfSpeech
		f     morph.Form
		want  string
	}{{"lose", Verb, morph.Past, "lost"}, {"liaise", Verb, morph.Gerund, "liaising"}, {"effect", Noun, morph.Plural, "effects"}, {"effect", Noun, morph.Past, ""}} {
		if got := infl(tt.lemma, tt.pos, tt.f); got != tt.want {
			t.Errorf("inflect(%q, %v, %d) = %q, want %q", tt.lemma, tt.pos, tt.f, got, tt.want)
		}
	}
}

// TestMatchAttemptsAreBounded: a rule of several long skips backtracks
// through every way of placing them, which is exponential in their number
// (80 tokens took seconds, 160 would take hours). Each match attempt has a
// budget of token tests; past it the attempt fails, and the check returns.
func TestMatchAttemptsAreBounded(t *testing.T) {
	src := `- id: many-skips
  category: nonword
  severity: hint
  summary: s
  message: '"{match}"'
  explanation: e
  match: [the, {skip: 50}, {skip: 50}, {skip: 50}, {skip: 50}, {skip: 50}, zzz]
- id: one-skip
  category: nonword
  severity: hint
  summary: s
  message: '"{match}"'
  explanation: e
  match: [the, {skip: 50, word: zzz}]
`
	rs, err := Parse("bounded.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	long := handBlock(t, strings.Repeat("the/DT cat/NN ", 200)+"sat/VBD ./.")
	if fs := e.CheckBlock(long); len(fs) != 0 {
		t.Errorf("no zzz, yet %d findings", len(fs))
	}
	// The budget is per attempt, so it does not starve a plain skip.
	// (Each rule on its own: their findings share a span, and only one
	// would be kept.)
	found := handBlock(t, "the/DT "+strings.Repeat("cat/NN ", 40)+"zzz/NN ./.")
	for _, r := range rs {
		one, err := NewEngine([]*Rule{r})
		if err != nil {
			t.Fatal(err)
		}
		if fs := one.CheckBlock(found); len(fs) != 1 || fs[0].Rule.ID != r.ID {
			t.Errorf("got %v, want a finding of %s", fs, r.ID)
		}
	}
	// The attempt that ran out made exactly its budget of tests.
	s := sentence{toks: long.Sentences[0].Tokens, budget: maxTestsPerMatch}
	for i := range s.toks {
		s.norms = append(s.norms, normalise(s.toks[i].Text))
	}
	if _, ok := s.matchPattern(&e.rules[0].patterns[0], 0); ok || s.budget != 0 {
		t.Errorf("match %v with %d tests left, want no match and the budget spent", ok, s.budget)
	}
}
