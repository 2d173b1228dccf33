// Package variant proposes the other dialects' spellings of a word by the
// regular correspondences between American, British, Canadian and
// Australian spelling (colour/color, centre/center, organise/organize,
// travelled/traveled, catalogue/catalog, anaemia/anemia, defence/defense,
// programme/program), applied once or twice. It only proposes: the caller
// keeps the candidates its word list has in the wanted dialect. The
// generator uses it to tell which dialect-marked words have a counterpart,
// the spell package to find that counterpart.
package variant

import "strings"

// pairs are spelling correspondences; each is tried in both directions.
// Longer, more specific patterns come first so that their candidates are
// proposed before the looser ones'.
func pairs() [][2]string {
	return [][2]string{
		{"our", "or"},
		{"isation", "ization"},
		{"ise", "ize"}, {"isi", "izi"}, {"isa", "iza"},
		{"yse", "yze"}, {"ysi", "yzi"},
		{"tre", "ter"}, {"bre", "ber"}, {"vre", "ver"}, {"chre", "cher"}, {"gre", "ger"}, {"ltre", "lter"},
		{"ogue", "og"},
		{"ae", "e"}, {"oe", "e"},
		{"ence", "ense"},
		{"mme", "m"},
		{"ll", "l"},
		{"dgement", "dgment"},
		{"geing", "ging"},
		{"ough", "ow"},
		{"oul", "ol"},
		{"que", "ck"},
		{"sc", "sk"},
		{"ium", "um"},
		{"augh", "af"},
		{"ey", "y"},
		{"yre", "ire"},
		{"pyj", "paj"},
		{"grey", "gray"},
		{"ise", "ice"},
		{"efact", "ifact"},
		{"ou", "o"}, {"ou", "u"},
		{"ellery", "elry"},
		{"s", "z"},
		{"xe", "x"},
	}
}

// Candidates returns the spellings one or two correspondences away from
// word (lower case), without duplicates, first-level ones first.
func Candidates(word string) []string {
	seen := map[string]bool{word: true}
	var out []string
	one := apply(word, seen, nil)
	out = append(out, one...)
	for _, c := range one {
		out = apply(c, seen, out)
	}
	return out
}

func apply(w string, seen map[string]bool, out []string) []string {
	for _, p := range pairs() {
		for dir := range 2 {
			from, to := p[dir], p[1-dir]
			for i := 0; ; {
				j := strings.Index(w[i:], from)
				if j < 0 {
					break
				}
				j += i
				c := w[:j] + to + w[j+len(from):]
				if fits(p, w, j, j+len(from)) && !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
				i = j + 1
			}
		}
	}
	return out
}

// fits reports whether the correspondence p may apply to w[j:k]. The
// -re/-er endings (centre, center) follow a stem: never at the start of
// the word ("teres", a muscle, is not "trees"). The ae/oe digraphs
// (anaemia, anemia; aeon, eon) are medial or initial: a final -ae is a
// Latin plural that American spelling keeps (areolae, larvae, vertebrae),
// not a digraph to simplify ("areolae" is not "areole").
func fits(p [2]string, w string, j, k int) bool {
	switch p[0] {
	case "tre", "bre", "vre", "chre", "gre", "ltre":
		return j >= 1
	case "ae", "oe":
		return k < len(w)
	}
	return true
}
