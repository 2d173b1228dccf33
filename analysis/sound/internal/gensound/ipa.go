package main

import (
	"strings"
	"unicode/utf8"

	"liaison/analysis/sound/internal/reading"
)

// ipaVowels are the IPA symbols OEWN transcriptions begin vowels with.
const ipaVowels = "aɑæɐɒʌəɚɛɜɝeɪiɨoɔøœɵuʊʉyʏɯɤɘɞɶ"

// ipaInitial classifies the first sound of an IPA transcription. Stress
// marks, syllable dots and slashes are skipped; an optional first segment
// in parentheses, as in (h)ɪˈstɒɹɪk, counts only if both readings agree.
func ipaInitial(ipa string) uint8 {
	s := strings.TrimLeft(ipa, "/[ ˈˌ'.ˑ")
	for strings.HasPrefix(s, "(ˈ)") || strings.HasPrefix(s, "(ˌ)") {
		s = strings.TrimLeft(s[len("(ˈ)"):], "ˈˌ'. ")
	}
	if strings.HasPrefix(s, "(") {
		inner, rest, ok := strings.Cut(s[1:], ")")
		if !ok {
			return reading.Unknown
		}
		with, without := ipaInitial(inner+rest), ipaInitial(rest)
		if with != without {
			return reading.Unknown
		}
		return with
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case s == "" || r == utf8.RuneError:
		return reading.Unknown
	case strings.ContainsRune(ipaVowels, r):
		return reading.Vowel
	case r < 'a' && r != 'W' && r != 'J': // digits, capitals, punctuation: not IPA
		return reading.Unknown
	}
	return reading.Consonant
}
