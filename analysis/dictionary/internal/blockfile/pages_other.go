//go:build !linux

package blockfile

// dropPages does nothing off Linux: the pages of data stay mapped until
// the system reclaims them.
func dropPages([]byte) error { return nil }

// fileBacked is false off Linux, where dropPages does nothing.
func fileBacked([]byte) bool { return false }
