package main

import (
	"flag"
	"fmt"
	"os"

	"liaison/rules"
)

func main() {
	out := flag.String("o", "REFERENCE.md", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintf(os.Stderr, "genref: %v\n", err)
		os.Exit(1)
	}
}

func run(out string) error {
	rs, err := rules.LoadDefault()
	if err != nil {
		return fmt.Errorf("loading the library: %w", err)
	}
	if err := os.WriteFile(out, rules.Reference(rs), 0o644); err != nil {
		return fmt.Errorf("writing the reference: %w", err)
	}
	return nil
}
