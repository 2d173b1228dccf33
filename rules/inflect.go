package rules

// defaultInflector inflects replacements. Irregular forms the rules need
// are listed; everything else follows the regular spelling rules.
func defaultInflector() inflector {
	return func(lemma string, pos PartOfSpeech, f Form) string {
		if pos == Verb && (f == Past || f == PastParticiple) {
			switch lemma {
			case "lose":
				return "lost"
			}
		}
		return regularInflect(lemma, pos, f)
	}
}
