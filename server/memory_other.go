//go:build !linux

package server

// releaseExecutable does nothing where the executable's pages cannot be
// given back (see memory_linux.go).
func releaseExecutable() int { return 0 }
