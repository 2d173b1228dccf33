package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestManyFiles: the many-files check gets n files cut at paragraph
// breaks, all of the book's text in order, repeated.
func TestManyFiles(t *testing.T) {
	book := strings.Repeat("A paragraph of prose.\n\n", 400) // 9,200 bytes
	dir := t.TempDir()
	total, err := manyFiles(dir, book, 7)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(names) != 7 {
		t.Fatalf("%d files, want 7", len(names))
	}
	var got strings.Builder
	for _, n := range names[:4] {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(string(b), "\n\n") && n != names[3] {
			t.Errorf("%s is not cut at a paragraph break", n)
		}
		got.Write(b)
	}
	if got.String() != book {
		t.Error("the first files are not the book in order")
	}
	if total < 2*len(book)-3500 {
		t.Errorf("total %d bytes for 7 files of a %d-byte book", total, len(book))
	}
}

// TestSeries: medians and the peak are taken over the runs.
func TestSeries(t *testing.T) {
	s := series{{wall: 3 * time.Millisecond, cpu: time.Millisecond, maxRSS: 2048}, {wall: time.Millisecond, cpu: 5 * time.Millisecond, maxRSS: 4096}, {wall: 2 * time.Millisecond, cpu: 3 * time.Millisecond}}
	if s.wall() != 2*time.Millisecond || s.cpu() != 3*time.Millisecond || s.peakMB() != 4 {
		t.Errorf("wall %v cpu %v peak %d MB", s.wall(), s.cpu(), s.peakMB())
	}
}

// TestSchedCPU: the CPU time read from schedstat grows by about the time
// a thread spends computing.
func TestSchedCPU(t *testing.T) {
	before, ok := schedCPU(os.Getpid())
	if !ok {
		t.Skip("no schedstat here")
	}
	start := time.Now()
	n := 0
	for time.Since(start) < 50*time.Millisecond {
		n++
	}
	after, ok := schedCPU(os.Getpid())
	if !ok {
		t.Fatal("schedstat read once, not twice")
	}
	// Other tests' goroutines may add to it; a loaded machine may give
	// the loop less than its wall time.
	if d := after - before; d < 5*time.Millisecond {
		t.Errorf("CPU grew %v over a 50 ms loop (%d turns)", d, n)
	}
}
