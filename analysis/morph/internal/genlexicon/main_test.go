package main

import "testing"

func TestStressFinal(t *testing.T) {
	tests := []struct {
		ipa  string
		want bool
	}{
		{"stɒp", true},          // one syllable
		{"kəmˈpɛl", true},       // compel: doubles
		{"ɹɪˈfɝ", true},         // refer
		{"kəˈmɪt", true},        // commit
		{"ˈtɹævəl", false},      // travel: traveled
		{"ˈkænsl̩", false},      // cancel, syllabic l
		{"ˈvɪzɪt", false},       // visit
		{"li.ˈeɪ.zɑn", false},   // liaison
		{"liːˈeɪz", true},       // liaise
		{"ˈtiː ˈkeɪ ˈəʊ", true}, // last word of a spelled-out acronym
	}
	for _, tt := range tests {
		if got := stressFinal(tt.ipa); got != tt.want {
			t.Errorf("stressFinal(%q) = %v, want %v", tt.ipa, got, tt.want)
		}
	}
}

func TestClassifyVerbForms(t *testing.T) {
	b := &builder{ewt: map[excKey]*[8]int{}, attested: map[excKey]uint8{}}
	b.ewt[excKey{"got", "get", verb}] = &[8]int{past: 40, pastParticiple: 30}
	tests := []struct {
		form, lemma string
		siblings    []string
		want        uint8
	}{
		{"committing", "commit", []string{"committed", "committing"}, 1 << gerund},
		{"committed", "commit", []string{"committed", "committing"}, 1<<past | 1<<pastParticiple},
		{"got", "get", []string{"got", "gotten"}, 1<<past | 1<<pastParticiple}, // from EWT
		{"took", "take", []string{"took", "taken"}, 1 << past},
		{"taken", "take", []string{"took", "taken"}, 1 << pastParticiple},
		{"sang", "sing", []string{"sang", "sung"}, 1 << past},
		{"sung", "sing", []string{"sang", "sung"}, 1 << pastParticiple},
		{"abode", "abide", []string{"abode"}, 1<<past | 1<<pastParticiple},
		{"swops", "swap", []string{"swops"}, 1 << thirdSingular},
	}
	for _, tt := range tests {
		if got := b.classify(excKey{tt.form, tt.lemma, verb}, tt.siblings); got != tt.want {
			t.Errorf("classify(%s ← %s) = %08b, want %08b", tt.form, tt.lemma, got, tt.want)
		}
	}
}

func TestRegular(t *testing.T) {
	tests := []struct {
		lemma string
		pos   uint8
		form  int
		want  string
	}{
		{"brother", noun, plural, "brothers"},
		{"box", noun, plural, "boxes"},
		{"carry", verb, past, "carried"},
		{"learn", verb, past, "learned"},
		{"make", verb, gerund, "making"},
		{"happy", adj, superlative, "happiest"},
	}
	for _, tt := range tests {
		if got := regular(tt.lemma, tt.pos, tt.form); got != tt.want {
			t.Errorf("regular(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}
