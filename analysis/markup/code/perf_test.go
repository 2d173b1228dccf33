package code

import (
	"strings"
	"testing"
	"time"
)

// TestLinear checks that no input makes extraction slow: long lines of
// brackets, backticks, tags and quotes, deep nesting, many here-documents.
func TestLinear(t *testing.T) {
	for _, tc := range []struct{ name, lang, src string }{
		{"brackets", "go", "// " + strings.Repeat("[a ", 30000) + "\n"},
		{"backticks", "go", "// " + strings.Repeat("`a ", 30000) + "\n"},
		{"tags", "java", "/** " + strings.Repeat("<code>a ", 30000) + " */\n"},
		{"links", "rust", "/// " + strings.Repeat("{@link a ", 30000) + "\n"},
		{"parens", "go", "// " + strings.Repeat("f(a ", 30000) + "\n"},
		{"closing", "go", "// x" + strings.Repeat(")", 100000) + " f(" + strings.Repeat(")", 100000) + "\n"},
		{"colons", "python", "def f():\n    \"\"\"" + strings.Repeat(":", 100000) + "\"\"\"\n"},
		{"regexes", "javascript", strings.Repeat("(/[", 100000) + "\n"},
		{"lines", "go", strings.Repeat("// a b\n", 30000)},
		{"nested", "rust", strings.Repeat("/*", 30000) + strings.Repeat("*/", 30000)},
		{"templates", "javascript", strings.Repeat("`${", 30000)},
		{"heredocs", "shellscript", strings.Repeat("cat <<EOF\n", 30000)},
		{"subst", "shellscript", strings.Repeat("\"$(", 30000)},
		{"ruby", "ruby", strings.Repeat("\"#{", 30000)},
		{"yaml", "yaml", strings.Repeat("- '", 30000)},
		{"roles", "python", "def f():\n    \"\"\"" + strings.Repeat(":a:", 30000) + "\"\"\"\n"},
		{"quotes", "python", "def f():\n    \"\"\"" + strings.Repeat("'a", 30000) + "\"\"\"\n"},
	} {
		l, _ := Lookup(tc.lang)
		start := time.Now()
		l.Extract(tc.src)
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: %v for %d bytes", tc.name, d, len(tc.src))
		}
	}
}
