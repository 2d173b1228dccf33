package dictionary

import (
	"encoding/binary"
	"os"
	"unsafe"
)

// residentBytes is how much of data is mapped into the process now (its
// pages present in /proc/self/pagemap), the share of data that counts in
// the resident size; -1 when pagemap cannot be read.
func residentBytes(data []byte) int {
	if len(data) == 0 {
		return 0
	}
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return -1
	}
	defer f.Close()
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(data))) / page
	end := (uintptr(unsafe.Pointer(unsafe.SliceData(data))) + uintptr(len(data)) + page - 1) / page
	buf := make([]byte, 8*(end-start))
	if _, err := f.ReadAt(buf, int64(start*8)); err != nil {
		return -1
	}
	n := 0
	for i := 0; i < len(buf); i += 8 {
		if binary.LittleEndian.Uint64(buf[i:])&(1<<63) != 0 {
			n++
		}
	}
	return n * int(page)
}
