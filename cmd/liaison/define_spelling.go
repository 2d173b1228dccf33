package main

import (
	"fmt"
	"io"

	"liaison/analysis/dictionary"
	"liaison/rules"
	"liaison/server"
)

// maxDefineSuggestions is how many corrections define offers for a word
// it has no entry for.
const maxDefineSuggestions = 5

// reportNoEntry says that the dictionary has no entry for word and, when
// the word is not one the word list knows, offers its likeliest
// corrections, each with its first meaning ("recieve": receive — get
// something; come into possession of).
func reportNoEntry(w io.Writer, d *dictionary.Dictionary, word string) {
	fmt.Fprintf(w, "liaison define: no entry for %q\n", word)
	sugg := rules.Suggestions(word, "", maxDefineSuggestions)
	if lex, err := rules.SpellLexicon(); err == nil && lex.Known(word, "") || len(sugg) == 0 {
		return
	}
	fmt.Fprintf(w, "did you mean:\n")
	for _, s := range sugg {
		if def := server.FirstDefinition(d, s); def != "" {
			fmt.Fprintf(w, "  %s — %s\n", s, def)
		} else {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
}
