package rules

import (
	"testing"

	"liaison/analysis"
	"liaison/analysis/tag"
)

// TestInflectFromTag: an inflected replacement takes the form the tag and
// the lexicon give the matched word, not the one its spelling suggests
// (issue 13: proceed/VBP is not a past tense, bring/VB not a gerund).
func TestInflectFromTag(t *testing.T) {
	tests := []struct {
		word, ptb, lemma string
		pos              PartOfSpeech
		rep, want        string
	}{
		// Spelling says -ed or -ing; the tag says base form.
		{"proceed", "VBP", "proceed", Verb, "precede", "precede"},
		{"bring", "VB", "bring", Verb, "fetch", "fetch"},
		{"need", "VBP", "need", Verb, "require", "require"},
		{"succeed", "VB", "succeed", Verb, "follow", "follow"},
		{"feed", "VB", "feed", Verb, "nourish", "nourish"},
		{"string", "VB", "string", Verb, "wire", "wire"},
		{"Proceed", "VB", "proceed", Verb, "precede", "precede"},
		// The same words in their inflected forms.
		{"proceeds", "VBZ", "proceed", Verb, "precede", "precedes"},
		{"proceeded", "VBD", "proceed", Verb, "precede", "preceded"},
		{"bringing", "VBG", "bring", Verb, "fetch", "fetching"},
		{"brought", "VBD", "bring", Verb, "fetch", "fetched"},
		{"fed", "VBN", "feed", Verb, "nourish", "nourished"},
		{"strung", "VBD", "string", Verb, "wire", "wired"},
		// A tag of another part of speech: the lexicon decides.
		{"string", "NN", "string", Verb, "wire", "wire"},
		{"need", "NN", "need", Verb, "require", "require"},
		{"brings", "NNS", "bring", Verb, "fetch", "fetches"},
		{"liaisoned", "JJ", "liaisoned", Verb, "liaise", "liaised"},
		{"liaisons", "NNS", "liaison", Verb, "liaise", "liaises"},
		// Nouns.
		{"feed", "NN", "feed", Noun, "fodder", "fodder"},
		{"strings", "NNS", "string", Noun, "thread", "threads"},
		{"machines", "VBZ", "machine", Noun, "device", "devices"},
		// Adjectives.
		{"bigger", "JJR", "big", Adjective, "large", "larger"},
		// Neither tag nor lexicon: the spelling.
		{"frobbed", "NN", "frobbed", Verb, "tweak", "tweaked"},
		// A word the lexicon does not know: its tag decides only where
		// its ending agrees (the tagger read a misspelt plural as NN).
		{"lenghts", "NN", "lenghts", Noun, "length", "lengths"},
		{"lenght", "NN", "lenght", Noun, "length", "length"},
		{"recieved", "VBN", "recieved", Verb, "receive", "received"},
		{"frobs", "VBZ", "frobs", Verb, "tweak", "tweaks"},
	}
	infl := defaultInflector()
	for _, tt := range tests {
		ptb, ok := tag.ParsePTB(tt.ptb)
		if !ok {
			t.Fatalf("bad tag %q", tt.ptb)
		}
		tok := analysis.Token{Text: tt.word, PTB: ptb, Lemma: tt.lemma}
		f := formOf(&tok, tt.pos)
		got := tt.rep
		if w := inflectAs(infl, tt.rep, tt.pos, f); w != "" {
			got = w
		}
		if got != tt.want {
			t.Errorf("%s/%s as %v: form %v, %q → %q, want %q", tt.word, tt.ptb, tt.pos, f, tt.rep, got, tt.want)
		}
	}
}

// TestInflectFromTagEndToEnd runs the two rules through the
// analyzer and the engine: the tagger's reading of the matched verb, not
// its ending, chooses the replacement's form.
func TestInflectFromTagEndToEnd(t *testing.T) {
	rs, err := Parse("inflect.yaml", []byte(`
- id: proceed-precede
  category: confusable
  severity: warning
  summary: s
  message: m
  explanation: e
  replace: precede
  inflect: verb
  match: [{lemma: proceed}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
- id: bring-fetch
  category: preferred-form
  severity: hint
  summary: s
  message: m
  explanation: e
  replace: fetch
  inflect: verb
  match: [{lemma: bring}]
  examples: {bad: [{text: a, fix: a}, {text: b, fix: b}], good: [c, d]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(rs)
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.New()
	tests := []struct{ in, want string }{
		{"Introductions proceed the talk.", "precede"},
		{"The introduction proceeded the talk.", "preceded"},
		{"Please bring the file.", "fetch"},
		{"She is bringing the file.", "fetching"},
		{"He brought the file.", "fetched"},
	}
	for _, tt := range tests {
		fs := checkText(t, a, e, tt.in)
		if len(fs) != 1 || len(fs[0].Replacements) == 0 {
			t.Errorf("%q: findings %v", tt.in, fs)
			continue
		}
		if got := fs[0].Replacements[0]; got != tt.want {
			t.Errorf("%q: replacement %q, want %q", tt.in, got, tt.want)
		}
	}
}
