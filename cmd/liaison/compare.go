package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"liaison/rules"
)

// runCompare prints the usage-guide comparison of words writers confuse:
// liaison compare [--format markdown|json] WORD [WORD…]
// Each word's dictionary entries grouped by part of speech, the key
// difference, the notes of the rules that relate them and their examples
// of right and wrong use. One word finds its partners by itself
// ("compare liaison" compares liaise and liaison). Words that make no
// known set are compared from the dictionary alone. Exit status 1 when
// nothing is known about the words, 2 on bad usage.
func runCompare(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "markdown", "output format: markdown or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: liaison compare [--format markdown|json] WORD [WORD…]")
		fs.PrintDefaults()
	}
	words, err := parseInterleaved(fs, args) // flags may come before or after the words
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *format != "markdown" && *format != "json" {
		fmt.Fprintf(stderr, "liaison compare: unknown format %q (want markdown or json)\n", *format)
		return 2
	}
	if len(words) == 0 {
		fs.Usage()
		return 2
	}
	g, err := rules.DefaultGuide()
	if err != nil {
		fmt.Fprintf(stderr, "liaison compare: %v\n", err)
		return 1
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "liaison compare: %v\n", ctx.Err())
		return 1
	}
	set := g.Find(words...)
	if set == nil {
		if len(words) == 1 {
			fmt.Fprintf(stderr, "liaison compare: no word is known to be confused with %q; name the words to compare\n", words[0])
			return 1
		}
		// Not a known set: compare the words' entries all the same.
		set = &rules.Confusable{}
		for _, w := range words {
			lemma := strings.ToLower(w)
			if es := g.Dictionary().Lookup(w, 0); len(es) > 0 {
				lemma = es[0].Headword
			} else {
				fmt.Fprintf(stderr, "liaison compare: no entry for %q\n", w)
				return 1
			}
			set.Words = append(set.Words, rules.ConfusableWord{Word: lemma})
		}
	}
	cmp := g.Compare(set, true)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(cmp); err != nil {
			fmt.Fprintf(stderr, "liaison compare: %v\n", err)
			return 1
		}
		return 0
	}
	io.WriteString(stdout, cmp.Markdown())
	return 0
}
