//go:build !unix

package rules

// processCPU is the CPU time the process has used so far; 0 where it is
// not measured.
func processCPU() int64 { return 0 }
