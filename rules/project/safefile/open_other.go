//go:build !unix

package safefile

import "os"

// openFlags open for reading; systems without FIFOs in the file system
// cannot block an open of a path that was checked to be a regular file.
const openFlags = os.O_RDONLY
