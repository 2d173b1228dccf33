package rules

import "liaison/analysis/morph"

// defaultInflector inflects replacements with the embedded lexicon
// (irregular forms: lose → lost; doubling: commit → committed), loaded on
// the first replacement that needs it.
func defaultInflector() inflector {
	return func(lemma string, pos PartOfSpeech, f morph.Form) string {
		var p morph.POS
		switch pos {
		case Noun:
			p = morph.Noun
		case Verb:
			p = morph.Verb
		case Adjective:
			p = morph.Adj
		default:
			return ""
		}
		if !f.Applies(p) {
			return ""
		}
		return morph.Default().Inflect(lemma, p, f)
	}
}
