package main

import (
	"context"
	"fmt"
	"io"
)

// runDefine is replaced by the dictionary (issue 5).
func runDefine(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "liaison define: not built yet")
	return 2
}
