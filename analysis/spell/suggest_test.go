package spell

import (
	"slices"
	"testing"
)

// TestSuggestMisspellings: on testdata/misspellings.tsv, on which the
// weights were tuned, the correction is the first suggestion for at least
// 94% and among the first five for at least 99% (issue 16 asks 90 and 98;
// the floors are what it measures, so that a change cannot lower it
// unseen); misspellings-fresh.tsv,
// written after the tuning, is held to what it measured then, and
// misspellings-round3.tsv to its blind figure (measured once before any
// ranking change of its round: 93.2% first, 99.0% top five).
func TestSuggestMisspellings(t *testing.T) {
	for _, tc := range []struct {
		name        string
		first, top5 float64
	}{
		{"testdata/misspellings.tsv", 94, 99},
		{"testdata/misspellings-fresh.tsv", 95, 97},
		{"testdata/misspellings-round3.tsv", 94.5, 99.4},
	} {
		t.Run(tc.name, func(t *testing.T) { testSuggest(t, tc.name, tc.first, tc.top5) })
	}
}

func testSuggest(t *testing.T, name string, wantFirst, wantTop5 float64) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	list := readMisspellings(t, name)
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
	if pf < wantFirst || p5 < wantTop5 {
		t.Errorf("first %.1f%% (want ≥ %.0f), top five %.1f%% (want ≥ %.0f)", pf, wantFirst, p5, wantTop5)
	}
}

// TestSuggestShapes: the case of the word is kept, run-together words are
// split, words written apart joined, and only the dialect's spellings are
// offered.
func TestSuggestShapes(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word  string
		d     Dialect
		first string
	}{
		{"teh", EnUS, "the"},
		{"Teh", EnUS, "The"},
		{"TEH", EnUS, "THE"},
		{"Recieve", EnUS, "Receive"},
		{"alot", EnUS, "a lot"},
		{"Alot", EnUS, "A lot"},
		{"infact", EnUS, "in fact"},
		{"ofthe", EnUS, "of the"},
		{"with out", EnUS, "without"},
		{"colur", EnUS, "color"},
		{"colur", EnGB, "colour"},
		{"organisaton", EnGB, "organisation"},
		{"organisaton", EnUS, "organization"},
		{"colour", EnUS, "color"}, // another dialect's spelling: its counterpart
		{"dont", EnUS, "don't"},
		{"thats", EnUS, "that's"}, // no X's in the list: offered by clitic
		{"Thats", EnUS, "That's"},
		{"youre", EnUS, "you're"},        // not "you re"
		{"extention", EnUS, "extension"}, // not "extent ion"
		{"infact", EnGB, "in fact"},      // a split of two words still wins
	} {
		got := l.Suggest(tc.word, tc.d, 5)
		if len(got) == 0 || got[0] != tc.first {
			t.Errorf("Suggest(%q, %s) = %v, want %q first", tc.word, tc.d, got, tc.first)
		}
	}
	if got := l.Suggest("teh", EnUS, 2); len(got) != 2 {
		t.Errorf("Suggest(teh, 2) gave %d suggestions", len(got))
	}
	if got := l.Suggest("teh", EnUS, 0); got != nil {
		t.Errorf("Suggest(teh, 0) = %v", got)
	}
}
