package morph

import (
	"strings"
	"testing"
)

// TestStartsCompound checks StartsCompound against what it promises its
// callers: a pair whose first word starts no hyphenated entry has no
// classes when joined by a hyphen, whatever its second word and its
// inflection. The second words are the second parts of the lexicon's own
// compounds, so that many joined pairs do have classes; the first words
// are every single-word lemma.
func TestStartsCompound(t *testing.T) {
	l := Default()
	var seconds []string
	for i := range l.view.Len() {
		k := l.view.Key(i)
		j := strings.IndexByte(k, '-')
		if j <= 0 {
			continue
		}
		if !l.StartsCompound(k[:j]) || !l.StartsCompound(strings.ToUpper(k[:j])) {
			t.Fatalf("StartsCompound(%q) = false, but the lexicon holds %q", k[:j], k)
		}
		if len(seconds) < 400 && i%7 == 0 {
			seconds = append(seconds, k[j+1:])
		}
	}
	if len(seconds) < 100 {
		t.Fatalf("only %d compounds' second parts", len(seconds))
	}
	for _, w := range []string{"long", "thought", "well", "old"} {
		if !l.StartsCompound(w) {
			t.Errorf("StartsCompound(%q) = false", w)
		}
	}
	for _, w := range []string{"the", "xyzzy", "", strings.Repeat("a", 100)} {
		if l.StartsCompound(w) {
			t.Errorf("StartsCompound(%q) = true", w)
		}
	}
	tried, heads := 0, 0
	for i := range l.Len() {
		first := l.view.Key(i)
		if strings.ContainsAny(first, "- ") || i%5 != 0 {
			continue
		}
		if l.StartsCompound(first) {
			heads++
			continue
		}
		for _, s := range seconds[i%50 : i%50+8] {
			for _, form := range []string{s, s + "s", s + "ed", s + "ing", s + "er", s + "est"} {
				tried++
				if c := l.Classes(first + "-" + form); c != 0 {
					t.Errorf("Classes(%q) = %v, but StartsCompound(%q) = false", first+"-"+form, c, first)
				}
			}
		}
	}
	if tried < 10000 || heads < 100 {
		t.Errorf("tried %d pairs, %d first words starting compounds: too few", tried, heads)
	}
}
