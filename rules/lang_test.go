package rules

import (
	"strings"
	"testing"

	"liaison/analysis"
	"liaison/analysis/tag"
)

// ruleYAML is one rule with the given body lines (match, patterns, …)
// after the required fields.
func ruleYAML(id, body string) string {
	return "- id: " + id + `
  category: grammar
  severity: warning
  summary: s
  message: '"{match}"'
  explanation: e
` + body
}

// parseEngine parses a user rule file and builds an engine of its rules.
func parseEngine(t *testing.T, src string) *Engine {
	t.Helper()
	rs, err := Parse("user.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	return e
}

// matched returns the matched texts of the findings of rule id in text.
func matched(t *testing.T, a *analysis.Analyzer, e *Engine, id, text string) []string {
	t.Helper()
	var out []string
	for _, f := range ofRule(checkText(t, a, e, text), id) {
		out = append(out, text[f.Start:f.End])
	}
	return out
}

// TestBadRuleInputs checks each kind of bad input the v2 language can
// meet: the error names file, line and column, and the file's other rules
// still load.
func TestBadRuleInputs(t *testing.T) {
	good := ruleYAML("fine", "  match: [foo]\n")
	long := strings.Repeat("a", MaxRegexpBytes+1)
	for _, tt := range []struct {
		name, src, want string
	}{
		{"undefined set", ruleYAML("bad", "  match: [{word: $no-such-set}]\n"), "user.yaml:7:18: undefined set \"no-such-set\""},
		{"undefined set in a set", "- set: s\n  words: [a, $nope]\n", "user.yaml:2:14: set \"s\" includes undefined set \"nope\""},
		{"cyclic set", "- set: a\n  words: [x, $b]\n- set: b\n  words: [$a]\n", "set \"b\" is cyclic: a → b → a"},
		{"self-including set", "- set: a\n  words: [$a]\n", "user.yaml:2:11: set \"a\" is cyclic: a → a"},
		{"back-reference past the end", ruleYAML("bad", "  match: [foo, {same-form: 3}]\n"), "user.yaml:7:28: back-reference to element 3, past the pattern's end (it has 2 elements)"},
		{"back-reference forward", ruleYAML("bad", "  match: [foo, {same-form: 2}, bar]\n"), "user.yaml:7:28: element 2 cannot refer to element 2"},
		{"back-reference in before", ruleYAML("bad", "  before: [x, {same-form: 1}]\n  match: [foo]\n"), "user.yaml:7:27: a back-reference can only be made from match"},
		{"back-reference in an exception", ruleYAML("bad", "  match: [foo]\n  unless: [after: [{same-form: 1}]]\n"), "user.yaml:8:32: an exception cannot hold back-references"},
		{"template past the end", ruleYAML("bad", "  replace: [\"{3}\"]\n  match: [foo, bar]\n"), "user.yaml:7:12: rule bad: replacement: placeholder {3} refers to element 3, past the pattern's end"},
		{"regexp over the limit", ruleYAML("bad", "  match: [{word: foo, regexp: \""+long+"\"}]\n"), "user.yaml:7:31: regexp is 257 bytes long; at most 256 are allowed"},
		{"regexp syntax", ruleYAML("bad", "  match: [{word: foo, regexp: \"(a\"}]\n"), "user.yaml:7:31: regexp: error parsing regexp"},
		{"unknown feature", ruleYAML("bad", "  match: [{word: foo, tense: past}]\n"), "user.yaml:7:23: unknown field \"tense\" in a token element"},
		{"unknown feature value", ruleYAML("bad", "  match: [{word: foo, number: dual}]\n"), "user.yaml:7:31: unknown number \"dual\" (known: singular, plural, mass)"},
		{"unknown verb form", ruleYAML("bad", "  match: [{word: foo, verb-form: pluperfect}]\n"), "user.yaml:7:34: unknown verb-form \"pluperfect\""},
		{"unknown replacement form", ruleYAML("bad", "  replace: [\"{1:pluperfect}\"]\n  match: [foo]\n"), "user.yaml:7:12: rule bad: replacement: unknown form \"pluperfect\" in {1:pluperfect}"},
		{"unknown Go rule", ruleYAML("bad", "  code: no-such-code\n"), "user.yaml:7:9: rule bad: no rule written in Go is named \"no-such-code\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := Parse("user.yaml", []byte(tt.src+good))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v\nwant one containing %q", err, tt.want)
			}
			if len(rs) == 0 || rs[len(rs)-1].ID != "fine" {
				t.Errorf("the sound rule did not load beside the bad input: %v", rs)
			}
			if _, err := NewEngine(rs); err != nil {
				t.Errorf("the rules that loaded do not compile: %v", err)
			}
		})
	}
}

// TestSets checks library sets from a user file, a user file's own sets,
// sets of sets, and sets in lemma lists.
func TestSets(t *testing.T) {
	a := analysis.New()
	e := parseEngine(t, `
- set: pets
  words: [cat, dog]
- set: animals
  words: [$pets, cow]
- set: verbs
  lemmas: [go]
`+ruleYAML("lib", "  before: [{word: $have-forms}]\n  match: [went]\n")+
		ruleYAML("own", "  match: [{word: [$animals, horse]}]\n")+
		ruleYAML("lemmas", "  match: [{lemma: $verbs}]\n"))
	for _, tt := range []struct{ id, text, want string }{
		{"lib", "She has went home.", "went"},
		{"own", "A cow and a horse.", "cow horse"},
		{"own", "The dog barked.", "dog"},
		{"lemmas", "They went and go.", "went go"},
	} {
		if got := strings.Join(matched(t, a, e, tt.id, tt.text), " "); got != tt.want {
			t.Errorf("%s on %q: matched %q, want %q", tt.id, tt.text, got, tt.want)
		}
	}
	// A library set is visible; redefining it in a user file shadows it
	// there and nowhere else.
	shadow := parseEngine(t, "- set: have-forms\n  words: [owns]\n"+ruleYAML("lib", "  before: [{word: $have-forms}]\n  match: [went]\n"))
	if got := matched(t, a, shadow, "lib", "She has went home."); len(got) != 0 {
		t.Errorf("shadowed set still matched %v", got)
	}
	if got := matched(t, a, defaultEngine(t), "have-past-for-participle", "She has went home."); len(got) != 1 {
		t.Errorf("library rule lost its set after a user shadowed it: %v", got)
	}
}

// TestPredicates checks each token predicate and feature on real analysis.
func TestPredicates(t *testing.T) {
	a := analysis.New()
	for _, tt := range []struct {
		name, element, text, want string
	}{
		{"prefix", "{pos: [NOUN, ADJ], prefix: [un, re]}", "The rebuild undid the unknown.", "rebuild unknown"},
		{"suffix", "{pos: [NOUN, VERB], suffix: ing}", "Testing the building works.", "Testing building"},
		{"regexp", "{pos: [NUM, NOUN, PROPN], regexp: '^v[0-9]+$'}", "Upgrade v2 to v10, not vx.", "v2 v10"},
		{"capitalised", "{pos: PROPN, capitalised: true}", "We met Ada and bob in Paris.", "Ada Paris"},
		{"not capitalised", "{word: [ada, paris], capitalised: false}", "Ada saw paris.", "paris"},
		{"all caps", "{pos: [NOUN, PROPN], all-caps: true}", "The HTTP server sends JSON to Bob.", "HTTP JSON"},
		{"sentence start", "{word: then, sentence-start: true}", "Then we stop. We stop then.", "Then"},
		{"not sentence start", "{word: then, sentence-start: false}", "Then we stop. We stop then.", "then"},
		{"number singular", "{pos: NOUN, number: singular}", "The dogs chased a cat.", "cat"},
		{"number plural", "{pos: NOUN, number: plural}", "The dogs chased a cat.", "dogs"},
		{"number mass", "{pos: NOUN, number: mass}", "The advice about the dog.", "advice"},
		{"verb form past", "{pos: VERB, verb-form: past}", "She walked home and eats.", "walked"},
		{"verb form 3sg", "{pos: VERB, verb-form: present-3sg}", "She walks home and he walked.", "walks"},
		{"verb form gerund", "{pos: VERB, verb-form: gerund}", "They are running late.", "running"},
		{"person", "{tag: PRP, person: first}", "I told you and we told them.", "I we"},
		{"degree comparative", "{pos: [ADJ, ADV], degree: comparative}", "The build is faster and larger than the fastest.", "faster larger"},
		{"degree superlative", "{pos: [ADJ, ADV], degree: superlative}", "A faster build than the fastest.", "fastest"},
		{"sound vowel", "{pos: NOUN, sound: vowel}", "An hour, a unicorn, an apple.", "hour apple"},
		{"sound consonant", "{pos: NOUN, sound: consonant}", "An hour, a unicorn, an apple.", "unicorn"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := parseEngine(t, ruleYAML("p", "  match: ["+tt.element+"]\n"))
			if got := strings.Join(matched(t, a, e, "p", tt.text), " "); got != tt.want {
				t.Errorf("%s on %q: matched %q, want %q", tt.element, tt.text, got, tt.want)
			}
		})
	}
}

// TestBackReferencesAndTemplates checks same-form and same-lemma and the
// replacements computed from captured elements.
func TestBackReferencesAndTemplates(t *testing.T) {
	a := analysis.New()
	e := parseEngine(t, ruleYAML("twice", "  replace: [\"{1}\"]\n  match: [{pos: DET}, {same-form: 1}]\n")+
		ruleYAML("lemma-twice", "  match: [{pos: VERB}, {skip: 3, same-lemma: 1}]\n")+
		ruleYAML("pp", "  replace: [\"{2:past-participle}\", \"{2.lemma}\", \"x{2}y\"]\n  before: [has]\n  match: [{pos: VERB}]\n")+
		ruleYAML("optional-gap", "  replace: [\"{2}{3}\"]\n  match: [big, {word: red, optional: true}, dog]\n"))
	for _, tt := range []struct {
		id, text, want, reps string
	}{
		{"twice", "Open the the file.", "the the", "the"},
		{"twice", "The the file.", "The the", "The"},
		{"twice", "Open the file.", "", ""},
		{"lemma-twice", "He walks and then walked.", "walks and then walked", ""},
		{"pp", "She has went home.", "went", "gone go xwenty"},
		// {2} names an optional element that did not match: the
		// replacement that needs it is not offered.
		{"optional-gap", "A big dog.", "big dog", ""},
		{"optional-gap", "A big red dog.", "big red dog", "reddog"},
	} {
		fs := ofRule(checkText(t, a, e, tt.text), tt.id)
		got, reps := "", ""
		for _, f := range fs {
			got = tt.text[f.Start:f.End]
			reps = strings.Join(f.Replacements, " ")
		}
		if got != tt.want || reps != tt.reps {
			t.Errorf("%s on %q: matched %q with %q, want %q with %q", tt.id, tt.text, got, reps, tt.want, tt.reps)
		}
	}
}

// TestOverlapsKeepTheMoreSpecific checks that at most one finding covers a
// span: priority first, then specificity, and that a setting turning the
// winner off lets the other through.
func TestOverlapsKeepTheMoreSpecific(t *testing.T) {
	a := analysis.New()
	src := ruleYAML("broad", "  match: [{pos: NOUN}]\n") +
		ruleYAML("narrow", "  before: [the]\n  match: [cat]\n") +
		ruleYAML("phrase", "  match: [black, cat]\n") +
		ruleYAML("urgent", "  priority: 5\n  match: [{pos: NOUN}]\n  after: [{word: barked}]\n")
	e := parseEngine(t, src)
	ids := func(text string, s Settings) string {
		res, err := a.Analyze(t.Context(), "plaintext", text)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range e.Check(t.Context(), res, s) {
			out = append(out, f.Rule.ID+":"+text[f.Start:f.End])
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		text string
		s    Settings
		want string
	}{
		// narrow (the + cat: 6) beats broad (NOUN: 1) on "cat".
		{"I saw the cat.", Settings{}, "narrow:cat"},
		// phrase covers "black cat" (6, longer) and beats broad on "cat".
		{"A black cat.", Settings{}, "phrase:black cat"},
		// priority beats specificity.
		{"The dog barked.", Settings{}, "urgent:dog"},
		// With the winner off, the next one shows.
		{"I saw the cat.", Settings{Rules: map[string]RuleSetting{"narrow": {Off: true}}}, "broad:cat"},
		// Findings that do not overlap are all kept.
		{"The cat saw the dog.", Settings{}, "narrow:cat broad:dog"},
	} {
		if got := ids(tt.text, tt.s); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSpecificity pins the scores resolveOverlaps compares.
func TestSpecificity(t *testing.T) {
	w := Element{Words: []string{"x"}}
	for _, tt := range []struct {
		name string
		p    Pattern
		want int
	}{
		{"word", Pattern{Match: []Element{w}}, 3},
		{"word and a lemma before", Pattern{Before: []Element{{Lemmas: []string{"be"}}}, Match: []Element{w}}, 6},
		{"feature", Pattern{Match: []Element{{Features: featPlural}}}, 2},
		{"prefix", Pattern{Match: []Element{{Prefixes: []string{"un"}}}}, 2},
		{"Penn tag", Pattern{Match: []Element{{Tags: []tag.PTB{tag.NN}}}}, 2},
		{"Universal tag", Pattern{Match: []Element{{POS: []tag.UPOS{tag.NOUN}}}}, 1},
		{"optional and negated", Pattern{Match: []Element{w, {Words: []string{"y"}, Optional: true}, {Words: []string{"z"}, Negate: true}}}, 4},
		{"unconstrained", Pattern{Match: []Element{w, {}}}, 3},
	} {
		if got := specificityOf(tt.p); got != tt.want {
			t.Errorf("%s: specificity %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestOrdinalOf(t *testing.T) {
	for v, want := range map[uint64]string{0: "th", 1: "st", 2: "nd", 3: "rd", 4: "th", 11: "th", 12: "th", 13: "th",
		21: "st", 22: "nd", 23: "rd", 101: "st", 111: "th", 112: "th", 1013: "th", 1021: "st"} {
		if got := ordinalOf(v); got != want {
			t.Errorf("ordinalOf(%d) = %q, want %q", v, got, want)
		}
	}
}

// TestIndexKeysOnTheRarestElement checks that a pattern whose first
// element is common is indexed by its rarest one, and that such a pattern
// is never tried in a sentence without the key.
func TestIndexKeysOnTheRarestElement(t *testing.T) {
	src := ruleYAML("late-key", "  match: [{pos: [NOUN, VERB, DET, ADJ, ADP, PRON]}, {skip: 5}, {word: zebra}]\n")
	rs, err := Parse("user.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if k := keyOf(rs[0].Patterns[0]); k != 2 {
		t.Errorf("key element %d, want 2 (zebra)", k)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	if refs := e.allIndex().word("zebra"); len(refs) != 1 || refs[0].anchored {
		t.Errorf("zebra indexes %v, want one unanchored pattern", refs)
	}
	for u := range e.allIndex().byUPOS {
		if len(e.allIndex().byUPOS[u]) > 0 {
			t.Errorf("pattern also indexed by a Universal tag")
		}
	}
	a := analysis.New()
	if got := matched(t, a, e, "late-key", "The big zebra ran. The cat sat."); strings.Join(got, "|") != "The big zebra" {
		t.Errorf("matched %q", got)
	}
}
