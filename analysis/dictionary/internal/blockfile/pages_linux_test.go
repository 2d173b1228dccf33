package blockfile

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"unsafe"
)

// mapped returns data written to a file and mapped from it read-only, as
// the executable's embedded files are.
func mapped(t *testing.T, data []byte) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "blocks")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Written a page at a time, as a linker writes: one large write can
	// leave the file in the page cache in large folios, which a fault
	// maps whole (a megabyte at once here).
	for p := 0; p < len(data); p += 4096 {
		if _, err := f.Write(data[p:min(p+4096, len(data))]); err != nil {
			t.Fatal(err)
		}
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, len(data), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Munmap(m) }) //nolint:errcheck // test cleanup
	return m
}

// resident is the bytes of data's pages mapped into the process now.
func resident(t *testing.T, data []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip("no pagemap:", err)
	}
	defer f.Close()
	page := uintptr(os.Getpagesize())
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	first, last := addr/page, (addr+uintptr(len(data))-1)/page
	buf := make([]byte, 8*(last-first+1))
	if _, err := f.ReadAt(buf, int64(first*8)); err != nil {
		t.Skip("pagemap:", err)
	}
	n := 0
	for i := 0; i < len(buf); i += 8 {
		if binary.LittleEndian.Uint64(buf[i:])&(1<<63) != 0 {
			n++
		}
	}
	return n * int(page)
}

// TestReleasePages reads every record of a file mapped from disk, twice
// and out of order, with a small budget so that blocks are decompressed
// again after their pages were given back: the records read are the
// ones written, and the pages mapped stay near the bound instead of
// covering the file.
func TestReleasePages(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var recs [][]byte
	for range 6000 {
		r := make([]byte, 100+rng.IntN(200)) // random bytes: blocks do not shrink
		for i := range r {
			r[i] = byte(rng.Uint32())
		}
		recs = append(recs, r)
	}
	data, err := Write([]Table{{Records: recs, PerBlock: 16}})
	if err != nil {
		t.Fatal(err)
	}
	const every = 8 // blocks
	for _, release := range []bool{false, true} {
		m := mapped(t, data)
		f, err := Open(m)
		if err != nil {
			t.Fatal(err)
		}
		if release && !f.ReleasePages(every) {
			t.Fatal("ReleasePages refused a file mapping")
		}
		tab := f.Tables[0]
		tab.SetBudget(64 << 10)
		maxResident := 0
		for pass := range 2 {
			for k := range len(recs) {
				i := (k*7919 + pass) % len(recs)
				rec, err := tab.Record(i)
				if err != nil || !bytes.Equal(rec, recs[i]) {
					t.Fatalf("release %v: record %d differs (%v)", release, i, err)
				}
				maxResident = max(maxResident, resident(t, m))
			}
		}
		t.Logf("release %v: %d KB file, at most %d KB mapped, %d decodes, %d drops", release, len(m)>>10, maxResident>>10, tab.Decodes(), f.PageDrops())
		// Each block read since the last drop maps the pages the kernel
		// faults in around it (64 KB by default), and the block itself.
		if bound := (every + 1) * (64<<10 + len(m)/tab.Blocks() + 4096); release && maxResident > bound {
			t.Errorf("with ReleasePages(%d), %d KB mapped at most; want ≤ %d KB", every, maxResident>>10, bound>>10)
		}
		if !release && maxResident < len(m)*9/10 {
			t.Errorf("without ReleasePages only %d of %d KB mapped: the test no longer measures what it should", maxResident>>10, len(m)>>10)
		}
		if release != (f.PageDrops() > 0) {
			t.Errorf("release %v: %d page drops", release, f.PageDrops())
		}
	}
}

// TestReleasePagesRefusesHeap: data on the heap would read as zeros after
// its pages were given back, so ReleasePages leaves it alone.
func TestReleasePagesRefusesHeap(t *testing.T) {
	var recs [][]byte
	for i := range 4000 {
		recs = append(recs, bytes.Repeat([]byte{byte(i)}, 300))
	}
	data, err := Write([]Table{{Records: recs, PerBlock: 16}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.ReleasePages(1) {
		t.Fatal("ReleasePages accepted data on the heap")
	}
	for i := range recs {
		if rec, err := f.Tables[0].Record(i); err != nil || !bytes.Equal(rec, recs[i]) {
			t.Fatalf("record %d differs (%v)", i, err)
		}
	}
	if f.PageDrops() != 0 {
		t.Errorf("%d page drops on the heap", f.PageDrops())
	}
}
