// Package morph knows English word forms: which lemmas exist for which part
// of speech, the lemma of an inflected word (WordNet's morphy: exception
// lists, suffix rules checked against a lexicon), and the reverse, the
// inflection of a lemma, which quick-fixes need to replace a word by
// another in the same form ("liaisoned" → "liaised").
//
// The lexicon is compiled by `go generate` from Open English WordNet 2025,
// the WordNet 3.0 exception lists and UD English-EWT (for choosing between
// competing lemmas and irregular spellings), and embedded zstd-compressed;
// see internal/genlexicon. Spelling follows US usage where the sources
// differ (traveled, canceled: a final l is doubled only when the last
// syllable is stressed, as in compelled).
//
// Lookups are case-insensitive and treat the curly apostrophe (’) as '.
package morph
