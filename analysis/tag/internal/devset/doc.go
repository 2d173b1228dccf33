// Package devset reads the tagger's verb/noun dev sets (tab-separated
// "verb|noun, word, sentence" rows) and splits their sentences into words
// the way EWT tokenizes, for the trainer's report and the tagger's tests
// alike, which must read them the same way.
package devset
