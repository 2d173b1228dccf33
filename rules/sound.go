package rules

import "liaison/analysis/sound"

// soundFeature is the sound feature of a word: the sound it starts with,
// as the analysis/sound package reads it (dictionary pronunciations,
// letter names for initialisms, numbers read aloud); none when unknown.
func soundFeature(word string) Features {
	switch sound.Initial(word) {
	case sound.Vowel:
		return featVowel
	case sound.Consonant:
		return featConsonant
	}
	return 0
}
