package text

import "unicode/utf8"

// Encoding names the code unit in which a Position's Character is counted.
type Encoding uint8

const (
	// UTF16 counts UTF-16 code units; it is the LSP default.
	UTF16 Encoding = iota
	// UTF8 counts bytes.
	UTF8
	// UTF32 counts Unicode code points.
	UTF32
)

// String returns the encoding's name as LSP spells it in
// general.positionEncodings ("utf-16", "utf-8", "utf-32").
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	case UTF16:
		return "utf-16"
	default:
		return "utf-16"
	}
}

// ParseEncoding returns the Encoding that LSP names name ("utf-8", "utf-16"
// or "utf-32") and whether the name is known.
func ParseEncoding(name string) (Encoding, bool) {
	switch name {
	case "utf-8":
		return UTF8, true
	case "utf-16":
		return UTF16, true
	case "utf-32":
		return UTF32, true
	}
	return UTF16, false
}

// nextChar decodes the character that starts s (which must not be empty)
// and returns its length in bytes and in code units of enc. A byte that does
// not start a valid UTF-8 sequence is a character of one byte and one code
// unit. An Encoding other than UTF8 and UTF32 counts as UTF16.
func nextChar(s string, enc Encoding) (size, units int) {
	if s[0] < utf8.RuneSelf {
		return 1, 1
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case size == 1: // invalid byte (r == utf8.RuneError)
		return 1, 1
	case enc == UTF8:
		return size, size
	case enc == UTF32:
		return size, 1
	case r >= 0x10000:
		return size, 2
	default:
		return size, 1
	}
}
