// Command gensnapshot writes the rule library's snapshot: the embedded
// YAML library parsed once and encoded (rules/snapshot.go), so that liaison decodes its
// rules instead of parsing them at every start (see rules/snapshot.go).
//
// Usage (from rules/, via go generate):
//
//	go run ./internal/gensnapshot -o library.snapshot
package main

import (
	"flag"
	"fmt"
	"os"

	"liaison/rules"
)

func main() {
	out := flag.String("o", "library.snapshot", "output file")
	flag.Parse()
	data, err := rules.EncodeLibrarySnapshot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensnapshot:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gensnapshot:", err)
		os.Exit(1)
	}
}
