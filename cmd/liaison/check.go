package main

import (
	"context"
	"fmt"
	"io"
)

// runCheck is replaced by the checker (issue 3).
func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "liaison check: not built yet")
	return 2
}

// runRules is replaced by the rule lister (issue 3).
func runRules(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "liaison rules: not built yet")
	return 2
}
