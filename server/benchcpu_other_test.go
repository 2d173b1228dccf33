//go:build !unix

package server_test

import "testing"

// reportCPU reports nothing where the process's CPU time cannot be read.
func reportCPU(*testing.B) func() { return func() {} }
