package main

import (
	"context"
	"fmt"
	"io"
)

// runServe is replaced by the language server (issue 4).
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "liaison serve: not built yet")
	return 2
}
