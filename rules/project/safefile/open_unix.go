//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openFlags open for reading without blocking: opening a FIFO that has
// no writer returns at once instead of waiting for one.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
