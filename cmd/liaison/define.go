package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"liaison/analysis/dictionary"
)

// runDefine prints the dictionary entries of words and expressions:
// liaison define [--format text|markdown|json] [--pos POS] WORD…
// Consecutive arguments that make an expression WordNet lists are looked
// up together ("define carry out"); quoting works too ("define 'carry
// out'"). Exit status 1 when a word has no entry, 2 on bad usage.
func runDefine(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("define", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, markdown or json")
	posName := fs.String("pos", "", "part of speech to list first: noun, verb, adjective, adverb")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: liaison define [--format text|markdown|json] [--pos POS] WORD…")
		fs.PrintDefaults()
	}
	words, err := parseInterleaved(fs, args) // flags may come before or after the words
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	pos, ok := dictionary.ParsePOS(*posName)
	if !ok {
		fmt.Fprintf(stderr, "liaison define: unknown part of speech %q\n", *posName)
		return 2
	}
	if *format != "text" && *format != "markdown" && *format != "json" {
		fmt.Fprintf(stderr, "liaison define: unknown format %q (want text, markdown or json)\n", *format)
		return 2
	}
	if len(words) == 0 {
		fs.Usage()
		return 2
	}
	d, err := dictionary.Default()
	if err != nil {
		fmt.Fprintf(stderr, "liaison define: %v\n", err)
		return 1
	}

	var found []*dictionary.Entry
	var firsts []dictionary.POS // the part of speech each entry lists first
	status := 0
	for i := 0; i < len(words); {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "liaison define: %v\n", ctx.Err())
			return 1
		}
		first := pos
		if first == dictionary.NoPOS {
			first = d.FormPOS(words[i]) // "ran" reads as a verb
		}
		entries, n := define(d, words[i:], first)
		if len(entries) == 0 {
			reportNoEntry(stderr, d, words[i]) // define_spelling.go: with suggestions
			status = 1
		}
		for range entries {
			firsts = append(firsts, first)
		}
		found = append(found, entries...)
		i += n
	}

	switch *format {
	case "json":
		if found == nil {
			found = []*dictionary.Entry{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(found); err != nil {
			fmt.Fprintf(stderr, "liaison define: %v\n", err)
			return 1
		}
	default:
		for i, e := range found {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			io.WriteString(stdout, e.Render(*format == "markdown", dictionary.FullStyle(firsts[i])))
		}
	}
	return status
}

// define looks up words[0], or the longest expression starting there, and
// returns its entries and how many arguments it used.
func define(d *dictionary.Dictionary, words []string, pos dictionary.POS) ([]*dictionary.Entry, int) {
	// The longest run of arguments that is itself a headword.
	for n := min(len(words), 5); n > 1; n-- {
		if es := d.Entry(strings.Join(words[:n], " ")); len(es) > 0 {
			return es, n
		}
	}
	// One argument: a word in any form, or a quoted expression, perhaps
	// inflected ("carried out").
	if es := d.Lookup(words[0], pos); len(es) > 0 {
		return es, 1
	}
	if fields := strings.Fields(words[0]); len(fields) > 1 {
		if es, start, end := d.LookupAt(fields, 0, pos); len(es) > 0 && start == 0 && end == len(fields) {
			return es[:1], 1
		}
	}
	return nil, 1
}
