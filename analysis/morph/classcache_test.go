package morph

import (
	"sync"
	"testing"

	"liaison/analysis/internal/slotcache"
)

// uncachedClasses is Classes without the cache.
func uncachedClasses(l *Lexicon, word string) Class {
	var buf wordBuf
	w, ok := normalize(&buf, word)
	if !ok {
		return 0
	}
	var rs readings
	l.collect(w, &rs)
	return rs.class
}

// TestClassCacheMatches asks the classes of every lemma and of inflected
// forms of them, more words than a generation holds, twice (misses and
// hits, across a new generation), from a fresh lexicon, and compares each
// with collect's answer.
func TestClassCacheMatches(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for i := range l.lemmas {
		e := l.entryAt(i)
		words = append(words, e.key, e.key+"s", e.key+"ed", "Un"+e.key+"ing")
	}
	if len(words) <= slotcache.Entries {
		t.Fatalf("%d words: too few to fill a generation of %d", len(words), slotcache.Entries)
	}
	for pass := range 2 {
		for i, w := range words {
			if i%7 != pass { // a different sample each pass, so that both hit and miss
				continue
			}
			if got, want := l.Classes(w), uncachedClasses(l, w); got != want {
				t.Fatalf("pass %d: Classes(%q) = %v, want %v", pass, w, got, want)
			}
		}
	}
	for _, w := range []string{"liaised", "Liaised", "children", "better", "ran", "xyzzies", "don’t"} {
		for range 2 {
			if got, want := l.Classes(w), uncachedClasses(l, w); got != want {
				t.Errorf("Classes(%q) = %v, want %v", w, got, want)
			}
		}
	}
	if n := l.classCache.cache.Len(); n > slotcache.Entries {
		t.Errorf("generation holds %d entries, at most %d", n, slotcache.Entries)
	}
}

func TestClassCacheHitDoesNotAllocate(t *testing.T) {
	l := Default()
	words := []string{"liaisons", "Ran", "better", "children", "committed"}
	for _, w := range words {
		l.Classes(w)
	}
	if allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			l.Classes(w)
		}
	}); allocs > 0 {
		t.Errorf("cached Classes allocates %.1f times per round", allocs)
	}
}

func TestClassCacheConcurrent(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"liaisons", "liaised", "was", "better", "ran", "geese", "mice", "Went", "happiest"}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 3000 {
				w := words[(i+g)%len(words)]
				if got, want := l.Classes(w), uncachedClasses(l, w); got != want {
					t.Errorf("Classes(%q) = %v, want %v", w, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
