// Package conllu reads the word lines of CoNLL-U files (Universal
// Dependencies treebanks): each sentence's surface forms with their UPOS and
// XPOS tags. Multiword-token ranges ("1-2") and empty nodes ("1.1") are
// skipped, so a sentence is exactly the tokens a tagger is scored on.
package conllu
