package main

import (
	"testing"

	"liaison/analysis/sound/internal/reading"
)

func TestIPAInitial(t *testing.T) {
	tests := []struct {
		ipa  string
		want uint8
	}{
		{"ˈaʊɚ", reading.Vowel},               // hour
		{"juːnɪˈvɜːsəti", reading.Consonant},  // university
		{"(ˌ)jʊəɹəˈpiːən", reading.Consonant}, // European: optional stress
		{"(h)ɪˈstɒɹɪk", reading.Unknown},      // historic: optional h
		{"(h)ɒtəl", reading.Unknown},
		{"ˈɛf.biː.aɪ", reading.Vowel}, // FBI
		{"wʌn", reading.Consonant},    // one
		{"ˈɪ.tɹi.əm", reading.Vowel},  // yttrium
		{"ɝb", reading.Vowel},         // herb, US
		{"/ˈhɜːb/", reading.Consonant},
		{"", reading.Unknown},
	}
	for _, tt := range tests {
		if got := ipaInitial(tt.ipa); got != tt.want {
			t.Errorf("ipaInitial(%q) = %d, want %d", tt.ipa, got, tt.want)
		}
	}
}

func TestLettered(t *testing.T) {
	tests := []struct {
		key, ipa string
		want     bool
	}{
		{"sob", "ˌɛs oʊ ˈbi", true},
		{"la", "ˌɛl ˈeɪ", true},
		{"MA", "mɑː", true},
		{"X-ray", "ˈɛks ɹeɪ", false},
		{"sob", "sɒb", false},
		{"FBI", "ˈɛf.biː.aɪ", false},
	}
	for _, tt := range tests {
		if got := lettered(tt.key, tt.ipa); got != tt.want {
			t.Errorf("lettered(%q, %q) = %v, want %v", tt.key, tt.ipa, got, tt.want)
		}
	}
}
