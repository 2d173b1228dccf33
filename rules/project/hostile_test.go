//go:build unix

package project

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hostile-repository cases of issue 12 that reach a configuration:
// each must end quickly, within a memory bound, with an error that quotes
// nothing of a refused file.

// bounded runs f and fails the test if it takes longer than d or
// allocates more than maxAlloc bytes.
func bounded(t *testing.T, d time.Duration, maxAlloc uint64, f func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
		t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, maxAlloc>>20)
	}
	t.Logf("%v, %d MB allocated", elapsed, (after.TotalAlloc-before.TotalAlloc)>>20)
}

func TestLoadHostile(t *testing.T) {
	outside := writeTree(t, map[string]string{
		"secret.yaml": "aws_secret_access_key: s3cr3t-in-value\nrules: {alot: s3cr3t-too}\n",
	})
	manyGlobs := func(n int) string {
		var b strings.Builder
		b.WriteString("ignore:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - \"folder%06d/**/*.md\"\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, dir string) // FIFOs, links
		want  string
	}{
		{name: "FIFO as the configuration", setup: func(t *testing.T, dir string) {
			mkfifo(t, filepath.Join(dir, FileName))
		}, want: "not a regular file"},
		{name: "FIFO as a rule file", files: map[string]string{FileName: "rule-files: [r.yaml]\n"}, setup: func(t *testing.T, dir string) {
			mkfifo(t, filepath.Join(dir, "r.yaml"))
		}, want: `rule file "r.yaml": not a regular file`},
		{name: "rule file linked to /dev/zero", files: map[string]string{FileName: "rule-files: [z.yaml]\n"}, setup: func(t *testing.T, dir string) {
			symlink(t, "/dev/zero", filepath.Join(dir, "z.yaml"))
		}, want: `rule file "z.yaml": not a regular file`},
		{name: "rule file linked to /dev/urandom", files: map[string]string{FileName: "rule-files: [u.yaml]\n"}, setup: func(t *testing.T, dir string) {
			symlink(t, "/dev/urandom", filepath.Join(dir, "u.yaml"))
		}, want: `rule file "u.yaml": not a regular file`},
		{name: "configuration linked outside the project", setup: func(t *testing.T, dir string) {
			symlink(t, filepath.Join(outside, "secret.yaml"), filepath.Join(dir, FileName))
		}, want: "is outside the project root"},
		{name: "rule file under a linked directory outside", files: map[string]string{FileName: "rule-files: [out/secret.yaml]\n"}, setup: func(t *testing.T, dir string) {
			symlink(t, outside, filepath.Join(dir, "out"))
		}, want: "is outside the project root"},
		{name: "350,000 globs, 9.5 MB", files: map[string]string{FileName: manyGlobs(350_000)}, want: "larger than 1 MB"},
		{name: "38,000 globs under the size limit", files: map[string]string{FileName: manyGlobs(38_000)}, want: "more than 1000 globs"},
		{name: "more rules than allowed in one file", files: map[string]string{
			FileName: "rule-files: [many.yaml]\n", "many.yaml": strings.Repeat("- id: r\n", MaxRules+1),
		}, want: "more than 1000 rules"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			var err error
			bounded(t, 5*time.Second, 64<<20, func() {
				_, err = Load(filepath.Join(dir, FileName), dir, nil)
			})
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not contain %q", msg, tt.want)
			}
			for _, secret := range []string{"s3cr3t", "aws_secret_access_key"} {
				if strings.Contains(msg, secret) {
					t.Errorf("error %q quotes the refused file (%s)", msg, secret)
				}
			}
		})
	}
}

// A configuration reached through a link that stays inside the project
// is read as usual.
func TestLoadLinkInside(t *testing.T) {
	dir := writeTree(t, map[string]string{"conf/real.yaml": "rule-files: [house.yaml]\n", "house.yaml": houseRules})
	symlink(t, filepath.Join("conf", "real.yaml"), filepath.Join(dir, FileName))
	p, err := Load(filepath.Join(dir, FileName), dir, builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Custom) != 1 {
		t.Errorf("custom rules = %v", p.Custom)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skip("no symbolic links:", err)
	}
}
