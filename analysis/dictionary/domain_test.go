package dictionary

import "testing"

func TestSenseLabels(t *testing.T) {
	d := open(t)
	tests := []struct {
		word  string
		pos   POS
		sense int    // index in the part
		want  string // "" for no label
	}{
		{"liaison", Noun, 0, "relationship"},  // noun.state: its hypernym's head
		{"liaison", Noun, 1, "communication"}, // noun.communication
		{"charge", Verb, 18, "law"},           // a topic domain
		{"emigrate", Verb, 0, ""},             // one sense, nothing to tell apart
		{"liaise", Verb, 0, ""},
		{"liaison", Noun, 7, ""}, // out of range
	}
	for _, tt := range tests {
		es := d.Entry(tt.word)
		if len(es) == 0 {
			t.Fatalf("no entry for %q", tt.word)
		}
		p := es[0].Part(tt.pos)
		if p == nil {
			t.Fatalf("%s: no %s", tt.word, tt.pos)
		}
		if got := p.Label(tt.sense); got != tt.want {
			t.Errorf("%s %s sense %d: label %q, want %q", tt.word, tt.pos, tt.sense+1, got, tt.want)
		}
	}
}

func TestLabelsOnlyWhenFieldsDiffer(t *testing.T) {
	p := Part{POS: Noun, Senses: []Sense{{Field: "food"}, {Field: "food"}, {Field: "food", Domains: []string{"cooking"}}}}
	for i, want := range []string{"", "", "cooking"} {
		if got := p.Label(i); got != want {
			t.Errorf("sense %d: %q, want %q", i+1, got, want)
		}
	}
	p.Senses[1].Field = "artifact"
	if got := p.Label(0); got != "food" {
		t.Errorf("two fields: label %q, want food", got)
	}
}
