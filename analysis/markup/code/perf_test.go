package code

import (
	"strings"
	"testing"
	"time"
)

// TestLinear checks that extraction stays linear on pathological inputs:
// long lines of brackets, backticks, tags, quotes and slashes, deep
// nesting, many here-documents. Each input is read at two sizes, n and
// 8n; a linear reading takes about 8 times as long, a quadratic one 64
// times. It compares CPU time (on Linux), which a loaded machine changes
// less than wall time.
func TestLinear(t *testing.T) {
	for _, tc := range []struct {
		name, lang string
		gen        func(n int) string
	}{
		{"brackets", "go", func(n int) string { return "// " + strings.Repeat("[a ", n) + "\n" }},
		{"backticks", "go", func(n int) string { return "// " + strings.Repeat("`a ", n) + "\n" }},
		{"tags", "java", func(n int) string { return "/** " + strings.Repeat("<code>a ", n) + " */\n" }},
		{"links", "java", func(n int) string { return "/** " + strings.Repeat("{@link a ", n) + " */\n" }},
		{"parens", "go", func(n int) string { return "// " + strings.Repeat("f(a ", n) + "\n" }},
		{"closing", "go", func(n int) string { return "// x" + strings.Repeat(")", n) + " f(" + strings.Repeat(")", n) + "\n" }},
		{"colons", "python", func(n int) string { return "def f():\n    \"\"\"" + strings.Repeat(":", n) + "\"\"\"\n" }},
		{"regexes", "javascript", func(n int) string { return strings.Repeat("(/[", n) + "\n" }},
		{"lines", "go", func(n int) string { return strings.Repeat("// a b\n", n) }},
		{"nested", "rust", func(n int) string { return strings.Repeat("/*", n) + strings.Repeat("*/", n) }},
		{"templates", "javascript", func(n int) string { return strings.Repeat("`${", n) }},
		{"heredocs", "shellscript", func(n int) string { return strings.Repeat("cat <<EOF\n", n) }},
		{"subst", "shellscript", func(n int) string { return strings.Repeat("\"$(", n) }},
		{"ruby", "ruby", func(n int) string { return strings.Repeat("\"#{", n) }},
		{"yaml", "yaml", func(n int) string { return strings.Repeat("- '", n) }},
		{"quotes", "python", func(n int) string { return "def f():\n    \"\"\"" + strings.Repeat("'a", n) + "\"\"\"\n" }},
		{"php heredocs", "php", func(n int) string { return strings.Repeat("<<<X\n", n) }},
	} {
		l, _ := Lookup(tc.lang)
		small, large := tc.gen(8000), tc.gen(64000)
		ts, tl := fastest(func() { l.Extract(small) }), fastest(func() { l.Extract(large) })
		if tl > 32*ts+50*time.Millisecond {
			t.Errorf("%s: %v for %d bytes but %v for %d: not linear", tc.name, ts, len(small), tl, len(large))
		}
	}
}

// fastest returns the least CPU time of three runs of f.
func fastest(f func()) time.Duration {
	best := time.Duration(1 << 62)
	for range 3 {
		start := cpuTime()
		f()
		best = min(best, cpuTime()-start)
	}
	return best
}
