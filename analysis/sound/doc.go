// Package sound tells whether a written word starts with a vowel sound or a
// consonant sound, which is what chooses between "a" and "an".
//
// Initial reads the word the way it is said: a word the dictionary has a
// pronunciation for by that pronunciation (Open English WordNet 2025, the
// American one where both are given); an initialism by its letter names
// (URL "you-", FBI "eff-", HTML "aitch-"), unless it is read as a word
// (NASA, NATO, SCUBA); a number as it is read aloud (8-bit "eight",
// 11-year-old "eleven", 1990s "nineteen", 100 "a hundred"); a hyphenated
// compound by its first part (one-time "wun"); and any other word by
// spelling rules with the regular exceptions of English spelling (eu-,
// uni-, use- and one- begin with a consonant sound; hour, honest, honour,
// heir with a vowel). Where it cannot tell it says Unknown, and a rule
// should then say nothing.
//
// The dialect is American English: "an herb". The letter h is named
// "aitch" ("an HTML page"), as in US and British usage.
//
// The table is generated (go generate, internal/gensound) and holds only
// the words the rules read wrong: 45 of OEWN's 27,114 pronounced single
// words (with a short supplement: en-US herb, loans such as Uber). The
// rules live in internal/reading, shared with the generator, so the table
// must be regenerated when they change; TestTableHoldsOnlyExceptions
// notices a table the rules have overtaken.
//
// Measured on every "a X" and "an X" of UD English-EWT, which the
// generator never reads, Initial agrees with the writer's article for
// 99.2% of the words it decides (TestEWTArticles); most of the rest are
// the writers' slips.
package sound

//go:generate go run ./internal/gensound -oewn ../../../shared/data/oewn-2025 -out initial.tsv
