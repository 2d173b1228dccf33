package spell

import (
	"slices"
	"testing"
)

// TestSuggestMisspellings: on testdata/misspellings.tsv the correction is
// the first suggestion for at least 90% and among the first five for at
// least 98%.
func TestSuggestMisspellings(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	list := readMisspellings(t)
	first, top5 := 0, 0
	for _, m := range list {
		d := dialectOf(l, m.right)
		got := l.Suggest(m.wrong, d, 5)
		switch i := slices.Index(got, m.right); {
		case i == 0:
			first++
			top5++
		case i > 0:
			top5++
			t.Logf("%s → %v, want %s first (%d)", m.wrong, got, m.right, i+1)
		default:
			t.Logf("%s → %v, want %s: MISSING", m.wrong, got, m.right)
		}
	}
	pf, p5 := 100*float64(first)/float64(len(list)), 100*float64(top5)/float64(len(list))
	t.Logf("%d misspellings: first %.1f%%, top five %.1f%%", len(list), pf, p5)
	if pf < 90 || p5 < 98 {
		t.Errorf("first %.1f%% (want ≥ 90), top five %.1f%% (want ≥ 98)", pf, p5)
	}
}
