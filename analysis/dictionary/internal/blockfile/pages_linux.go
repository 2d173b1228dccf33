package blockfile

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// dropPages takes out of the process the whole pages that data covers
// (madvise MADV_DONTNEED), as if they had never been read. It is only for
// data read in place from a file mapping that nothing writes, such as the
// executable's embedded files (see fileBacked): such a page is read again
// from the page cache, unchanged, when next touched. On anonymous memory
// (the heap) it would zero the pages.
func dropPages(data []byte) error {
	if len(data) == 0 {
		return nil
	}
	page := uintptr(os.Getpagesize())
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	lo := int((page - addr%page) % page) // the first whole page
	hi := len(data) - int((addr+uintptr(len(data)))%page)
	if hi-lo < int(page) {
		return nil
	}
	return syscall.Madvise(data[lo:hi], syscall.MADV_DONTNEED)
}

// fileBacked reports whether all of data lies in mappings of a file
// (/proc/self/maps names an inode for them), so that dropPages cannot
// lose it. An executable unpacked into anonymous memory at start (a
// packer such as UPX) has its embedded files on the heap's kind of pages.
func fileBacked(data []byte) bool {
	if len(data) == 0 {
		return false
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return false
	}
	defer f.Close()
	start := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(data))))
	end := start + uint64(len(data))
	at := start // covered up to here
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode [path]
		fields := bytes.Fields(sc.Bytes())
		if len(fields) < 5 {
			continue
		}
		lo, hi, ok := bytes.Cut(fields[0], []byte("-"))
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(string(lo), 16, 64)
		b, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || b <= at || a > at {
			continue
		}
		if string(fields[4]) == "0" {
			return false
		}
		if at = b; at >= end {
			return true
		}
	}
	return false
}
