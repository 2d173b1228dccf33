package morph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxWord is the longest word (in bytes, lower-cased) that is looked up.
const maxWord = 64

type wordBuf [maxWord + 8]byte

// normalize lower-cases word into buf, replacing ’ by '. It reports false
// for words that are empty or too long.
func normalize(buf *wordBuf, word string) ([]byte, bool) {
	n := 0
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if n >= maxWord {
				return nil, false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		if r == '’' {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		if n+utf8.RuneLen(r) > maxWord || r == utf8.RuneError {
			return nil, false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return buf[:n], n > 0
}

// normalizeString is normalize for any length, allocating.
func normalizeString(word string) string {
	return strings.ReplaceAll(strings.ToLower(word), "’", "'")
}
