package safefile

import (
	"errors"
	"os"
)

// Open opens the regular file at path for a reader that streams it rather
// than holding it (`liaison check` on a file larger than it reads whole),
// under the same checks as Read: a regular file, inside opt.Root when it
// is set, at most opt.MaxBytes as its size reads now. The caller bounds
// what it reads (the file may grow) and closes the file. It also returns
// the size.
func Open(path string, opt Options) (*os.File, int64, error) {
	if opt.MaxBytes <= 0 {
		return nil, 0, errors.New("safefile: no size limit given")
	}
	f, err := open(path, opt.Root)
	if err != nil {
		return nil, 0, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, ErrNotRegular
	}
	if info.Size() > opt.MaxBytes {
		f.Close()
		return nil, 0, &TooLargeError{Limit: opt.MaxBytes}
	}
	return f, info.Size(), nil
}
