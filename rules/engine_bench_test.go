package rules

import "testing"

// BenchmarkNewEngine measures what a run pays to compile and index the
// default library before it checks a word: most of the start-up of
// `liaison check` on a one-line file.
func BenchmarkNewEngine(b *testing.B) {
	rs, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewEngine(rs); err != nil {
			b.Fatal(err)
		}
	}
}
