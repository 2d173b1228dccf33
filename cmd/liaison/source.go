package main

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"liaison/cmd/liaison/report"
)

// source is a document's text as analysed: UTF-8, without a byte order
// mark. base is the file offset at which text starts (3 after a UTF-8
// BOM), so reported offsets are offsets in the file; for a UTF-16 file,
// converted here, offsets are in the UTF-8 conversion.
type source struct {
	text  string
	base  int
	utf16 bool // converted from UTF-16: reported, never rewritten (--fix)
}

// notUTF8 says where a file's first byte that is not UTF-8 is.
func notUTF8(data []byte) error {
	line, col := 1, 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return fmt.Errorf("not UTF-8 text (an invalid byte at line %d, column %d); convert the file to UTF-8", line, col)
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[n:]
	}
	return nil
}

var errUTF32 = errors.New("UTF-32 text is not supported; convert the file to UTF-8")

// decodeSource reads a file's bytes by their byte order mark: a UTF-8
// mark is dropped (it is no column of the first line), UTF-16 in either
// byte order is converted to UTF-8 (unpaired surrogates become U+FFFD),
// and UTF-32 is refused rather than checked as garbage. Without a mark the
// bytes are taken as UTF-8.
func decodeSource(data []byte) (source, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return source{text: string(data[3:]), base: 3}, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return source{}, errUTF32
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return source{text: decodeUTF16(data[2:], false), utf16: true}, nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return source{text: decodeUTF16(data[2:], true), utf16: true}, nil
	}
	if !utf8.Valid(data) {
		return source{}, notUTF8(data)
	}
	return source{text: string(data)}, nil
}

// decodeUTF16 converts UTF-16 code units to UTF-8; a final odd byte
// becomes U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) string {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	out := make([]byte, 0, len(b)*3/2+3)
	for i := 0; i+1 < len(b); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) && i+3 < len(b) {
			if pair := utf16.DecodeRune(r, unit(i+2)); pair != utf8.RuneError {
				out = utf8.AppendRune(out, pair)
				i += 2
				continue
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return string(out)
}

// quoteName returns a file name as it may be printed in a line of output
// (report.QuoteName).
func quoteName(name string) string { return report.QuoteName(name) }
