package text

import "strings"

// The line-ending model, the one every part of liaison uses (the package
// documentation states it): LF, CRLF and a lone CR each end a line, and a
// CRLF is one terminator. Document's line index is built on isLineStart
// (document.go); the functions here are for code that looks at terminators
// in a string: which one starts at an offset, where a line starts, and
// which one text inserted into a document should end with.

// Line terminators.
const (
	LF   = "\n"
	CRLF = "\r\n"
	CR   = "\r"
)

// IsLineStart reports whether a line starts at byte offset i of s: i is 0,
// or a terminator ends just before i. An offset between the CR and LF of a
// CRLF is not a line start, nor is one outside [0, len(s)].
func IsLineStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	return i > 0 && i <= len(s) && isLineStart(s, i)
}

// BreakLen returns the length of the line terminator that starts at byte
// offset i of s: 2 for a CRLF, 1 for an LF or a lone CR, 0 when there is
// none there (or i is out of range).
func BreakLen(s string, i int) int {
	if i < 0 || i >= len(s) {
		return 0
	}
	switch s[i] {
	case '\n':
		return 1
	case '\r':
		if isLineStart(s, i+1) {
			return 1
		}
		return 2
	}
	return 0
}

// NextBreak returns the offset and length of the first line terminator at
// or after byte offset from in s; at is len(s) and size 0 when there is
// none.
func NextBreak(s string, from int) (at, size int) {
	from = max(from, 0)
	if from >= len(s) {
		return len(s), 0
	}
	i := strings.IndexAny(s[from:], "\r\n")
	if i < 0 {
		return len(s), 0
	}
	return from + i, BreakLen(s, from+i)
}

// DominantEnding returns the line terminator s uses most (LF, CRLF or CR),
// the one text inserted into s should end its lines with; a tie goes to
// the terminator that comes first, and a text without any gets LF.
func DominantEnding(s string) string {
	if !strings.Contains(s, CR) {
		return LF
	}
	var n [3]int // LF, CRLF, CR
	first := -1
	for at, size := NextBreak(s, 0); size > 0; at, size = NextBreak(s, at+size) {
		k := 0
		switch {
		case size == 2:
			k = 1
		case s[at] == '\r':
			k = 2
		}
		n[k]++
		if first < 0 {
			first = k
		}
	}
	best := first
	for k := range n {
		if n[k] > n[best] {
			best = k
		}
	}
	return [...]string{LF, CRLF, CR}[best]
}
