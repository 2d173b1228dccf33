package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

var (
	// ErrNotRegular is returned for a FIFO, device, socket or directory.
	ErrNotRegular = errors.New("not a regular file")
	// ErrOutsideRoot is returned for a file that resolves, through symbolic
	// links or "..", outside Options.Root.
	ErrOutsideRoot = errors.New("resolves outside the root directory")
)

// TooLargeError is returned for a file over Options.MaxBytes.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return "file refused: larger than " + FormatSize(e.Limit)
}

// FormatSize writes a byte count as messages and documentation give
// limits: "8 MB" when it is a whole number of megabytes, else in bytes.
func FormatSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Options bound a Read.
type Options struct {
	// MaxBytes is the largest file read; a larger one is refused. It must
	// be positive: every read is bounded.
	MaxBytes int64
	// Root, when not empty, is the directory the file must resolve inside
	// (symbolic links resolved, in the file's path and in Root itself).
	Root string
}

// Read returns the content of the regular file at path under opt's
// limits. Errors are ErrNotRegular, ErrOutsideRoot or a *TooLargeError
// (test with errors.Is and errors.As), or the operating system's error;
// none of them includes the path, which the caller names as it likes.
func Read(path string, opt Options) ([]byte, error) {
	if opt.MaxBytes <= 0 {
		return nil, errors.New("safefile: no size limit given")
	}
	f, err := open(path, opt.Root)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The descriptor is what is read: check it again, closing the race
	// between the Stat in open and the open itself.
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if info.Size() > opt.MaxBytes {
		return nil, &TooLargeError{Limit: opt.MaxBytes}
	}
	// Read one byte past the limit, so that a file that grew since the
	// Stat (or a /proc file, whose size reads as 0) is refused, not cut.
	r := io.LimitReader(f, opt.MaxBytes+1)
	buf := make([]byte, 0, info.Size()+512)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, unwrapPath(err)
		}
	}
	if int64(len(buf)) > opt.MaxBytes {
		return nil, &TooLargeError{Limit: opt.MaxBytes}
	}
	return buf, nil
}

// open checks path's type and place and opens it non-blocking.
func open(path, root string) (*os.File, error) {
	if root != "" {
		// A path that names a place outside root is refused before the
		// file system is asked anything about it.
		if !lexicallyWithin(path, root) {
			return nil, ErrOutsideRoot
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if root == "" {
		f, err := os.OpenFile(path, openFlags, 0)
		if err != nil {
			return nil, unwrapPath(err)
		}
		return f, nil
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("resolving the root directory: %w", unwrapPath(err))
	}
	if realRoot, err = filepath.Abs(realRoot); err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if real, err = filepath.Abs(real); err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, ErrOutsideRoot
	}
	// Open through the root: a path component replaced by a link after
	// the check above cannot lead outside it.
	r, err := os.OpenRoot(realRoot)
	if err != nil {
		return nil, fmt.Errorf("opening the root directory: %w", unwrapPath(err))
	}
	defer r.Close()
	f, err := r.OpenFile(rel, openFlags, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return f, nil
}

// lexicallyWithin reports whether path, made absolute and cleaned, is
// inside root, before any link is resolved.
func lexicallyWithin(path, root string) bool {
	absPath, err1 := filepath.Abs(path)
	absRoot, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absRoot, absPath)
	return err == nil && filepath.IsLocal(rel)
}

// unwrapPath drops the *fs.PathError around err: callers name the file
// themselves, and a path in two places reads badly.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
