package server

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"testing"
)

// execData is initialised, so it lies in the executable's writable data
// mapping, the one releaseExecutable must not revert to the file's bytes.
// It has to be a package variable to be there at all; only
// TestReleaseExecutable writes it.
var execData = [4 << 10]byte{1, 2, 3}

// TestReleaseExecutable: the executable's resident pages fall, and a page
// of its data that the process wrote keeps what was written.
func TestReleaseExecutable(t *testing.T) {
	for i := range execData {
		execData[i] = byte(i%251) + 7
	}
	before := executableResidentKB(t)
	n := releaseExecutable()
	after := executableResidentKB(t)
	if n < 2 {
		t.Errorf("released %d mappings, want at least the code and the data", n)
	}
	if after >= before {
		t.Errorf("executable resident %d KB after the release, %d KB before", after, before)
	}
	for i, b := range execData {
		if want := byte(i%251) + 7; b != want {
			t.Fatalf("execData[%d] = %d after the release, want %d (a written page was reverted)", i, b, want)
		}
	}
	t.Logf("executable resident %d -> %d KB", before, after)
}

// executableResidentKB sums the Rss of the mappings of the test binary.
func executableResidentKB(t *testing.T) int {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	total, in := 0, false
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		switch {
		case len(f) >= 5 && bytes.Contains(f[0], []byte("-")) && !bytes.HasSuffix(f[0], []byte(":")):
			in = len(f) >= 6 && string(f[5]) == exe
		case in && len(f) >= 2 && string(f[0]) == "Rss:":
			kb, _ := strconv.Atoi(string(f[1]))
			total += kb
		}
	}
	if total == 0 {
		t.Fatal("no resident pages of the executable in /proc/self/smaps")
	}
	return total
}
