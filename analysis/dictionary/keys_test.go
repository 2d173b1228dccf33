package dictionary

import (
	"slices"
	"strings"
	"testing"
)

// TestLemmaKeys compares the front-coded keys with a plain search of the
// same sorted list, for every key, the strings just before and after each
// and their prefixes, over bucket edges, duplicate keys (march and March
// fold alike), keys longer than the scan's scratch space and keys that
// are prefixes of the next.
func TestLemmaKeys(t *testing.T) {
	long := strings.Repeat("x", 300)
	lists := []struct {
		name string
		keys []string
	}{
		{"empty", nil},
		{"one", []string{"run"}},
		{"a bucket and one", []string{"a", "ab", "abc", "abd", "b", "ba", "bad", "badge", "bag", "c", "ca", "cab", "d", "e", "f", "g", "h"}},
		{"duplicates over an edge", append(slices.Repeat([]string{"march"}, 20), "marches", "zebra")},
		{"long keys", []string{"a", long, long + "a", long + "b", "y" + long, "z"}},
		{"empty key first", []string{"", "", "a", "aa"}},
		{"many", manyKeys(1000)},
	}
	for _, l := range lists {
		t.Run(l.name, func(t *testing.T) {
			var b keysBuilder
			for _, k := range l.keys {
				if err := b.add(k); err != nil {
					t.Fatal(err)
				}
			}
			keys := b.done()
			if keys.len() != len(l.keys) {
				t.Fatalf("len %d, want %d", keys.len(), len(l.keys))
			}
			var queries []string
			for _, k := range l.keys {
				queries = append(queries, k, k+"\x00", k+"a", k+"\xff")
				for i := range len(k) {
					queries = append(queries, k[:i])
				}
				if k != "" {
					queries = append(queries, k[:len(k)-1]+string(k[len(k)-1]+1))
				}
			}
			queries = append(queries, "", "\xff")
			for _, q := range queries {
				wantLo, _ := slices.BinarySearch(l.keys, q)
				wantHi := wantLo
				for wantHi < len(l.keys) && l.keys[wantHi] == q {
					wantHi++
				}
				if got := keys.search(q); got != wantLo {
					t.Errorf("search(%.20q) = %d, want %d", q, got, wantLo)
				}
				if lo, hi := keys.find(q); hi-lo != wantHi-wantLo || (hi > lo && lo != wantLo) {
					t.Errorf("find(%.20q) = [%d, %d), want [%d, %d)", q, lo, hi, wantLo, wantHi)
				}
				if got, want := keys.has(q), wantHi > wantLo; got != want {
					t.Errorf("has(%.20q) = %v, want %v", q, got, want)
				}
				want := wantLo < len(l.keys) && strings.HasPrefix(l.keys[wantLo], q)
				if got := keys.hasPrefix(q); got != want {
					t.Errorf("hasPrefix(%.20q) = %v, want %v", q, got, want)
				}
			}
		})
	}
}

// manyKeys is n sorted keys sharing prefixes of every length, as a
// dictionary's do.
func manyKeys(n int) []string {
	var keys []string
	for i := 0; len(keys) < n; i++ {
		w := strings.Repeat(string(rune('a'+i%26)), 1+i%7) + string(rune('a'+i/26%26))
		keys = append(keys, w, w+" up", w+" out", w+"s")
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func TestLemmaKeysRejectDisorder(t *testing.T) {
	var b keysBuilder
	if err := b.add("run"); err != nil {
		t.Fatal(err)
	}
	if err := b.add("ran"); err == nil {
		t.Error("a key before the last was accepted")
	}
}

// TestLemmaKeysOfTheDictionary: every lemma record of the embedded
// dictionary is found under its own key, and the keys take less than the
// 1.8 MB their plain bytes do.
func TestLemmaKeysOfTheDictionary(t *testing.T) {
	d := open(t)
	keys, err := d.lemmaKeys()
	if err != nil {
		t.Fatal(err)
	}
	plain := 0
	for i := range d.lemmas.Len() {
		rec, err := d.lemmas.Record(i)
		if err != nil {
			t.Fatal(err)
		}
		r := recordReader{b: rec}
		key := r.str()
		plain += len(key)
		if lo, hi := keys.find(key); i < lo || i >= hi {
			t.Fatalf("record %d (%q) not in find's [%d, %d)", i, key, lo, hi)
		}
	}
	size := len(keys.data) + 4*len(keys.head)
	t.Logf("%d keys: %d bytes front-coded, %d plain (+%d of offsets)", keys.len(), size, plain, 4*keys.len())
	if size >= plain {
		t.Errorf("front-coded keys take %d bytes, their plain bytes %d", size, plain)
	}
}
