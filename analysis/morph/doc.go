// Package morph knows English word forms: which lemmas exist for which part
// of speech, the lemma of an inflected word (WordNet's morphy: exception
// lists, suffix rules checked against a lexicon), and the reverse, the
// inflection of a lemma, which quick-fixes need to replace a word by
// another in the same form ("liaisoned" → "liaised").
//
// Readings beyond morphy: a verb -s/-ed/-ing form of a lemma the lexicon
// knows only as a common noun is read as that noun used as a verb, marked
// Derived (liaisoned ← liaison), when the word has no other verb reading;
// -ied/-ying/-ier/-iest and doubled consonants are undone for words the
// exception lists miss; and a rule must be able to have produced the word
// (hates is not hat+es, waned is not wan+ed, bed is not be+ed).
//
// The lexicon (lexicon.bin, embedded) is compiled by `go generate`
// (internal/genlexicon) from
//   - Open English WordNet 2025 (CC BY 4.0): single-word lemmas, their
//     parts of speech and sense counts, irregular forms, and the stress of
//     the last syllable (for doubling: commit → committed, visit →
//     visited);
//   - the WordNet 3.0 exception lists (WordNet licence): irregular forms;
//   - the UD English-EWT training split (CC BY-SA 4.0): which lemma is
//     usual when several are possible (data → data, not datum), which
//     forms an irregular word is (taken: past participle), irregular forms
//     WordNet lacks (put: past; people: plural), and which of two
//     spellings to inflect to (learned, not learnt).
//
// Spelling is US where the sources differ: a final l doubles only after a
// stressed syllable (traveled, canceled, but compelled).
//
// Lookups are case-insensitive and treat the curly apostrophe (’) as '.
package morph
