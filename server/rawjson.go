package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// Reading JSON-RPC envelopes and didChange params from their raw bytes.
//
// A frame is validated once, whole, by validJSON (jsontext: about 0.9 GB/s
// here, six times encoding/json.Valid, and it bounds nesting depth). The
// helpers below then only split an object or an array that is known to be
// valid into its members, in place, without copying or re-validating: a
// 20 MB didOpen is scanned once more, at memchr speed inside its strings.
// On input that is not valid JSON they return an error or a wrong split,
// never panic or loop.

// validJSON reports whether b is one valid JSON value. Invalid UTF-8 in
// strings is allowed (the params decoders replace it with U+FFFD, so a
// document with a stray byte still opens), and so are repeated member
// names, which the envelope check refuses where they matter.
func validJSON(b []byte) bool {
	return jsontext.Value(b).IsValid(jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
}

// objectMembers returns the members of the JSON object raw (valid JSON),
// refusing anything else and a member name given twice, which decoders
// resolve differently (one would see a method another does not).
func objectMembers(raw []byte) (map[string]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%s is not an object", describe(raw))
	}
	members := make(map[string]json.RawMessage)
	i := skipSpace(raw, 1)
	if i < len(raw) && raw[i] == '}' {
		return members, nil
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return nil, errors.New("not a valid object")
		}
		keyEnd := skipString(raw, i)
		if keyEnd < 0 {
			return nil, errors.New("not a valid object")
		}
		name, err := unquote(raw[i:keyEnd])
		if err != nil {
			return nil, fmt.Errorf("a member name: %w", err)
		}
		i = skipSpace(raw, keyEnd)
		if i >= len(raw) || raw[i] != ':' {
			return nil, errors.New("not a valid object")
		}
		i = skipSpace(raw, i+1)
		end := skipValue(raw, i)
		if end < 0 {
			return nil, errors.New("not a valid object")
		}
		if _, dup := members[name]; dup {
			return nil, fmt.Errorf("member %q given twice", name)
		}
		members[name] = raw[i:end]
		i = skipSpace(raw, end)
		switch {
		case i < len(raw) && raw[i] == ',':
			i = skipSpace(raw, i+1)
		case i == len(raw)-1 && raw[i] == '}':
			return members, nil
		default:
			return nil, errors.New("not a valid object")
		}
	}
}

// arrayElements returns the elements of the JSON array raw (valid JSON).
func arrayElements(raw []byte) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, fmt.Errorf("%s is not an array", describe(raw))
	}
	var out []json.RawMessage
	i := skipSpace(raw, 1)
	if i < len(raw) && raw[i] == ']' {
		return out, nil
	}
	for {
		end := skipValue(raw, i)
		if end < 0 {
			return nil, errors.New("not a valid array")
		}
		out = append(out, raw[i:end])
		i = skipSpace(raw, end)
		switch {
		case i < len(raw) && raw[i] == ',':
			i = skipSpace(raw, i+1)
		case i == len(raw)-1 && raw[i] == ']':
			return out, nil
		default:
			return nil, errors.New("not a valid array")
		}
	}
}

// unquote decodes the JSON string literal raw; invalid UTF-8 in it
// becomes U+FFFD.
func unquote(raw []byte) (string, error) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", fmt.Errorf("%s is not a string", describe(raw))
	}
	out, err := jsontext.AppendUnquote(nil, raw)
	if err != nil && (utf8.Valid(raw) || !utf8.Valid(out)) {
		return "", fmt.Errorf("not a valid string: %w", err)
	}
	return string(out), nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index just past the string literal that starts
// at b[i] (a quote), or -1.
func skipString(b []byte, i int) int {
	for j := i + 1; j < len(b); {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return -1
		}
		q := j + k
		backslashes := 0
		for p := q - 1; p > i && b[p] == '\\'; p-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return q + 1
		}
		j = q + 1
	}
	return -1
}

// skipValue returns the index just past the JSON value that starts at
// b[i], or -1.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end := skipString(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	default: // a number, true, false or null
		j := i
		for j < len(b) && strings.IndexByte(",:{}[]\" \t\r\n", b[j]) < 0 {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}

// describe names the kind of a JSON value, for messages.
func describe(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}
