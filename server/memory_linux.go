package server

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// madvPageout is MADV_PAGEOUT (Linux 5.4), which package syscall does not
// name: reclaim the pages, keeping their contents.
const madvPageout = 21

// releaseExecutable takes out of the process the pages of its own
// executable file that it has read, so that what the load read once (the
// tagger model and the rule snapshot, embedded compressed and decoded onto
// the heap; code and tables that only the start ran) stops counting
// against it; what is still used is read again from the page cache.
// Profiled with the Rust Book open, the executable's mappings were 21 MB
// of the 76-81 MB resident: all of its read-only data and line tables, and
// the 2.7 MB of those two compressed files, never read again.
//
// A read-only mapping is dropped (MADV_DONTNEED): its pages are the file's
// pages, so a later read maps them again, a minor fault. The writable
// mapping (initialised variables and []byte embeds) may hold pages the
// process wrote, which dropping would revert to the file's bytes, so it is
// only paged out (MADV_PAGEOUT), which keeps every page's contents: a
// written page stays, a clean one is reclaimed. It reports how many
// mappings it released; a kernel without MADV_PAGEOUT leaves the writable
// one.
func releaseExecutable() int {
	exe, err := os.Executable()
	if err != nil {
		return 0
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		// start-end perms offset dev inode path
		fields := bytes.Fields(sc.Bytes())
		if len(fields) < 6 || string(fields[5]) != exe || len(fields[1]) < 4 {
			continue
		}
		lo, hi, ok := bytes.Cut(fields[0], []byte("-"))
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(string(lo), 16, 64)
		b, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || b <= a {
			continue
		}
		perms := fields[1]
		advice := syscall.MADV_DONTNEED
		if perms[1] == 'w' || perms[3] != 'p' {
			advice = madvPageout
		}
		if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, uintptr(a), uintptr(b-a), uintptr(advice)); errno == 0 {
			n++
		}
	}
	return n
}
