package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	outside := filepath.Join(dir, "outside")
	for _, d := range []string{root, filepath.Join(root, "sub"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, content string) {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, name); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	in := func(name string) string { return filepath.Join(root, name) }
	write(in("ok.md"), "hello")
	write(in("ten.md"), "0123456789")
	write(in("eleven.md"), "0123456789A")
	write(filepath.Join(outside, "secret.md"), "s3cr3t")
	link("../ok.md", in("sub/inside-link.md"))
	link(filepath.Join(outside, "secret.md"), in("out-link.md"))
	link("../outside", in("out-dir"))
	hasDev := runtime.GOOS != "windows" // FIFOs and /dev
	if hasDev {
		link("/dev/zero", in("zero.md"))
		link("/dev/urandom", in("urandom.md"))
		if err := mkfifo(in("fifo.md")); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name, path, root string
		want             string // content; "" with an error
		err              error
		tooLarge         bool
	}{
		{name: "regular file", path: in("ok.md"), want: "hello"},
		{name: "regular file inside the root", path: in("ok.md"), root: root, want: "hello"},
		{name: "exactly the limit", path: in("ten.md"), want: "0123456789"},
		{name: "one byte over the limit", path: in("eleven.md"), tooLarge: true},
		{name: "directory", path: in("sub"), err: ErrNotRegular},
		{name: "link inside the root", path: in("sub/inside-link.md"), root: root, want: "hello"},
		{name: "link outside the root", path: in("out-link.md"), root: root, err: ErrOutsideRoot},
		{name: "link outside without a root", path: in("out-link.md"), want: "s3cr3t"},
		{name: "through a linked directory", path: in("out-dir/secret.md"), root: root, err: ErrOutsideRoot},
		{name: "dot-dot out of the root", path: in("../outside/secret.md"), root: root, err: ErrOutsideRoot},
		{name: "missing", path: in("nope.md"), err: os.ErrNotExist},
	}
	if hasDev {
		tests = append(tests, []struct {
			name, path, root string
			want             string
			err              error
			tooLarge         bool
		}{
			{name: "FIFO", path: in("fifo.md"), err: ErrNotRegular},
			{name: "FIFO inside the root", path: in("fifo.md"), root: root, err: ErrNotRegular},
			{name: "link to /dev/zero", path: in("zero.md"), err: ErrNotRegular},
			{name: "link to /dev/urandom in a root", path: in("urandom.md"), root: root, err: ErrNotRegular},
			{name: "/dev/zero itself", path: "/dev/zero", err: ErrNotRegular},
		}...)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var got []byte
			var err error
			go func() {
				defer close(done)
				got, err = Read(tt.path, Options{MaxBytes: 10, Root: tt.root})
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Read blocked")
			}
			var tl *TooLargeError
			switch {
			case tt.tooLarge:
				if !errors.As(err, &tl) || tl.Limit != 10 {
					t.Fatalf("err = %v, want a TooLargeError", err)
				}
			case tt.err != nil:
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
			case err != nil:
				t.Fatalf("err = %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error %q quotes the file", err)
			}
		})
	}
}

func TestReadNeedsALimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(p, Options{}); err == nil {
		t.Error("a read without a limit was allowed")
	}
}

// A file whose Stat size is 0 but which has content (as /proc files do)
// is still bounded by the limit.
func TestReadProcFileBounded(t *testing.T) {
	const p = "/proc/self/maps"
	if _, err := os.Stat(p); err != nil {
		t.Skip("no /proc:", err)
	}
	var tl *TooLargeError
	if _, err := Read(p, Options{MaxBytes: 16}); !errors.As(err, &tl) {
		t.Errorf("err = %v, want a TooLargeError", err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{8 << 20: "8 MB", 1 << 20: "1 MB", 1000: "1000 bytes", 3<<20 + 1: "3145729 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
