package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shape is what a token that is not a plain word looks like; such tokens
// are not for the word list to judge (item 5 of the spelling issue: code
// and names written in prose).
type Shape int

const (
	ShapeWord       Shape = iota // letters, apostrophes, inner hyphens: for Known to judge
	ShapeIdentifier              // camelCase, PascalCase with an inner capital, snake_case, kebab-case with digits, a.b, a::b
	ShapeVersion                 // v1.2, 1.2.3, 2.0-rc1, 1.x
	ShapeNumber                  // 42, 3.5, 10ms, 5GB, 1080p, 100%, 2nd, 1990s, 64-bit
	ShapeInitialism              // 2 to 5 capitals, optionally with digits or a plural s: API, URLs, HTTP2, W3C
)

func (s Shape) String() string {
	return [...]string{"word", "identifier", "version", "number", "initialism"}[s]
}

// ShapeOf tells the shape of a token as written. It looks at the token
// only: whether a capitalised word is a name, or a word the document
// writes in code, is the caller's to decide.
func ShapeOf(tok string) Shape {
	switch {
	case tok == "":
		return ShapeWord
	case isVersion(tok):
		return ShapeVersion
	case isNumber(tok):
		return ShapeNumber
	case isInitialism(tok):
		return ShapeInitialism
	case isIdentifier(tok):
		return ShapeIdentifier
	}
	return ShapeWord
}

// isVersion: an optional v, then numbers separated by dots (at least one
// dot, or the v), an x or * for a part, and an optional -suffix.
func isVersion(s string) bool {
	core, _, _ := strings.Cut(s, "-")
	hadV := false
	if len(core) > 1 && (core[0] == 'v' || core[0] == 'V') && isDigit(core[1]) {
		core, hadV = core[1:], true
	}
	parts := strings.Split(core, ".")
	if len(parts) < 2 && !hadV {
		return false
	}
	for i, p := range parts {
		if p == "" {
			return false
		}
		if (p == "x" || p == "*") && i > 0 {
			continue
		}
		for j := 0; j < len(p); j++ {
			if !isDigit(p[j]) {
				return false
			}
		}
	}
	// "3.5" is a number, not a version, unless it says v or has a suffix
	// or three parts.
	return hadV || len(parts) >= 3 || strings.Contains(s, "-") || strings.ContainsAny(core, "x*")
}

// isNumber: digits (with . , as separators) and then at most a short unit
// or ordinal or plural suffix (ms, GB, kg, px, p, %, nd, th, s) or a
// hyphenated unit word (64-bit, 3-way).
func isNumber(s string) bool {
	i := 0
	for i < len(s) && (isDigit(s[i]) || (i > 0 && (s[i] == '.' || s[i] == ',') && i+1 < len(s) && isDigit(s[i+1]))) {
		i++
	}
	if i == 0 {
		return false
	}
	rest := s[i:]
	if rest == "" || rest == "%" {
		return true
	}
	if after, ok := strings.CutPrefix(rest, "-"); ok {
		rest = after
		return rest != "" && allLetters(rest) && len(rest) <= 12
	}
	return allLetters(rest) && len(rest) <= 4 // ms, GHz, nd, th, s, KiB
}

// isInitialism: two to five capital letters, digits allowed after the
// first, and an optional plural s or 's.
func isInitialism(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	if len(s) > 2 && s[len(s)-1] == 's' {
		s = s[:len(s)-1]
	}
	if len(s) < 2 || len(s) > 5 || !('A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	caps := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			caps++
		case isDigit(c):
		default:
			return false
		}
	}
	return caps >= 2
}

// isIdentifier: written as code is, not as prose: an underscore, a dot
// or :: between word characters, a capital after a lower-case letter
// (camelCase, iPhone-like names aside, are the caller's), a digit between
// letters, or a kebab-case name with a digit.
func isIdentifier(s string) bool {
	if strings.ContainsAny(s, "_") || strings.Contains(s, "::") || strings.Contains(s, "->") {
		return true
	}
	if i := strings.IndexByte(s, '.'); i > 0 && i < len(s)-1 && !strings.HasSuffix(s, ".") {
		return true // fmt.Println, config.yaml; not e.g., U.S.
	}
	prevLower, hasDigit, hasLetter := false, false, false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			if prevLower {
				return true // camelCase
			}
			hasLetter = true
			prevLower = false
		case unicode.IsLower(r):
			prevLower, hasLetter = true, true
		case unicode.IsDigit(r):
			hasDigit = true
			prevLower = false
		default:
			prevLower = false
		}
	}
	return hasDigit && hasLetter // utf8, x86-64, base64, h2o
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return utf8.RuneCountInString(s) > 0
}
