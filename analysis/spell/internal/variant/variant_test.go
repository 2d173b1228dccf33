package variant

import (
	"slices"
	"testing"
)

// TestCandidates: the regular correspondences are proposed (centre,
// ochre, anaemia, aeon, colour, organise), and not where they do not
// apply: a -re/-er ending needs a stem before it (teres is not trees), and
// a final -ae is a Latin plural, not a digraph (areolae is not areole).
func TestCandidates(t *testing.T) {
	for _, tc := range []struct {
		word, other string
		want        bool
	}{
		{"centre", "center", true},
		{"centres", "centers", true},
		{"ochre", "ocher", true},
		{"fibreglass", "fiberglass", true},
		{"anaemia", "anemia", true},
		{"aeon", "eon", true},
		{"manoeuvre", "maneuver", true},
		{"colour", "color", true},
		{"organise", "organize", true},
		{"teres", "trees", false},
		{"trees", "teres", false},
		{"areolae", "areole", false},
		{"areole", "areolae", false},
		{"vertebrae", "vertebre", false},
	} {
		if got := slices.Contains(Candidates(tc.word), tc.other); got != tc.want {
			t.Errorf("Candidates(%q) has %q: %v, want %v", tc.word, tc.other, got, tc.want)
		}
	}
}
