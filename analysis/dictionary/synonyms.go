package dictionary

import "strings"

// Synonym is a word that can stand for another in one of its senses.
type Synonym struct {
	// Lemma is the synonym's headword ("mediate", "carry out").
	Lemma string `json:"lemma"`
	// Gloss is the definition of the sense the two words share.
	Gloss string `json:"gloss"`
}

// Synonyms returns at most max synonyms of word read as pos (any part of
// speech with NoPOS): those of the first entry that has senses as pos,
// sense by sense in WordNet's order (the most frequent sense first), each
// lemma once, never the word's own lemma, each with the definition of the
// sense it comes from. word may be any inflected form ("liaised" → mediate,
// intercede, …); inflecting the synonyms back is the caller's (morph).
// It returns nil when the dictionary knows no synonym.
func (d *Dictionary) Synonyms(word string, pos POS, max int) []Synonym {
	if max <= 0 {
		return nil
	}
	var entry *Entry
	for _, e := range d.Lookup(word, pos) {
		if pos == NoPOS || e.HasPOS(pos) {
			entry = e
			break
		}
	}
	if entry == nil {
		return nil
	}
	var out []Synonym
	seen := map[string]bool{fold(entry.Headword): true, fold(word): true}
	for _, part := range entry.Parts {
		if pos != NoPOS && part.POS != pos {
			continue
		}
		for _, sense := range part.Senses {
			for _, lemma := range sense.Synonyms {
				key := fold(lemma)
				if seen[key] || strings.TrimSpace(lemma) == "" {
					continue
				}
				seen[key] = true
				out = append(out, Synonym{Lemma: lemma, Gloss: sense.Definition})
				if len(out) == max {
					return out
				}
			}
		}
		if pos == NoPOS {
			break // the first part of speech only
		}
	}
	return out
}
