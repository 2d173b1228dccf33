// Package analysis turns a document into analysed prose: blocks of prose
// extracted from the markup, split into sentences and tokens, each token
// tagged with its part of speech and lemma, every position a byte offset
// into the document's source.
//
// Analysis runs per prose chunk, and AnalyzeWith takes a cache by content
// from its caller (rules/checker owns the one the server uses), so
// re-analysing an edited document re-tags only the chunks whose text
// changed; AnalyzeNext, given the previous revision, also re-splits and
// looks up only the chunks around the edit (revision.go). Analyze caches
// nothing: the CLI checks each file once.
//
// The sub-packages do one thing each: text (documents, line index, edits),
// markup (Markdown and plain text to prose blocks), token (words and
// sentences), tag (part-of-speech tagger), morph (lemmas and inflection).
package analysis
