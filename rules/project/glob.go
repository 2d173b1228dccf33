package project

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Glob matches slash-separated paths relative to the configuration's
// directory, with .gitignore-like conventions:
//
//   - "*" matches within one path segment, "?" one character, "[a-z]" and
//     "[!a-z]" a character class, "{md,txt}" one of the alternatives;
//   - "**" as a whole segment matches any number of segments;
//   - a glob without a slash matches a file or directory name at any depth
//     ("CHANGELOG.md", "*.draft.md"); a leading slash anchors it to the
//     configuration's directory;
//   - a glob that matches a directory matches everything under it
//     ("legal" and "legal/**" are the same).
//
// A Glob compiles to an RE2 regular expression, so matching is linear in
// the length of the path.
type Glob struct {
	Pattern string
	re      *regexp.Regexp
}

// CompileGlob compiles a glob; a malformed one is an error.
func CompileGlob(pattern string) (Glob, error) {
	if pattern == "" {
		return Glob{}, fmt.Errorf("empty glob")
	}
	if len(pattern) > MaxGlobLen {
		return Glob{}, fmt.Errorf("glob longer than %d bytes", MaxGlobLen)
	}
	p := strings.TrimSuffix(pattern, "/")
	var b strings.Builder
	b.WriteString("^")
	switch {
	case strings.HasPrefix(p, "/"):
		p = strings.TrimLeft(p, "/")
	case !strings.Contains(p, "/"):
		b.WriteString("(?:.*/)?")
	}
	if p != "**" {
		// What a glob matches includes everything under it.
		p = strings.TrimSuffix(p, "/**")
	}
	if p == "" {
		return Glob{}, fmt.Errorf("glob %q matches nothing", pattern)
	}
	if err := translateGlob(&b, p); err != nil {
		return Glob{}, fmt.Errorf("glob %q: %w", pattern, err)
	}
	b.WriteString("(?:/.*)?$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return Glob{}, fmt.Errorf("glob %q: %w", pattern, err)
	}
	return Glob{Pattern: pattern, re: re}, nil
}

// translateGlob writes the regular expression for the glob p.
func translateGlob(b *strings.Builder, p string) error {
	inBraces := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case '*':
			if i+1 < len(p) && p[i+1] == '*' {
				atStart := i == 0 || p[i-1] == '/'
				j := i + 2
				atEnd := j == len(p) || p[j] == '/'
				if !atStart || !atEnd {
					return fmt.Errorf("** must be a whole path segment")
				}
				switch {
				case j == len(p): // "…/**" or "**"
					b.WriteString(".*")
				default: // "**/…"
					b.WriteString("(?:.*/)?")
					j++ // the slash
				}
				i = j - 1
				continue
			}
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '[':
			end := strings.IndexByte(p[i+1:], ']')
			if end < 0 {
				return fmt.Errorf("unclosed [")
			}
			class := p[i+1 : i+1+end]
			if class == "" || class == "!" || class == "^" {
				return fmt.Errorf("empty character class")
			}
			if strings.ContainsAny(class, `\[/`) {
				return fmt.Errorf(`a character class cannot hold \, [ or /`)
			}
			if class[0] == '!' {
				class = "^" + class[1:]
			}
			b.WriteString("[" + class + "]")
			i += end + 1
		case '{':
			if inBraces {
				return fmt.Errorf("nested { }")
			}
			inBraces = true
			b.WriteString("(?:")
		case ',':
			if inBraces {
				b.WriteString("|")
			} else {
				b.WriteString(",")
			}
		case '}':
			if !inBraces {
				return fmt.Errorf("} without {")
			}
			inBraces = false
			b.WriteString(")")
		case '\\':
			if i+1 == len(p) {
				return fmt.Errorf("trailing backslash")
			}
			_, size := utf8.DecodeRuneInString(p[i+1:])
			b.WriteString(regexp.QuoteMeta(p[i+1 : i+1+size]))
			i += size
		default:
			_, size := utf8.DecodeRuneInString(p[i:])
			b.WriteString(regexp.QuoteMeta(p[i : i+size]))
			i += size - 1
		}
	}
	if inBraces {
		return fmt.Errorf("unclosed {")
	}
	return nil
}

// Match reports whether the slash-separated relative path matches.
func (g Glob) Match(rel string) bool {
	return g.re != nil && g.re.MatchString(rel)
}

// String returns the glob as written.
func (g Glob) String() string { return g.Pattern }
