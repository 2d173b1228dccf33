package slotcache

import (
	"strconv"
	"sync"
	"testing"
)

type entry struct {
	key   string
	value int
}

func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h ^ h>>29
}

func lookup(c *Cache[entry], key string) (int, bool) {
	e, miss := c.Find(hash(key), func(e *entry) bool { return e.key == key })
	if e != nil {
		return e.value, true
	}
	v := len(key)
	c.Keep(miss, entry{key, v})
	return v, false
}

// TestFindKeep: a kept entry is found again; a key with the same
// fingerprint but another value is not taken for it; more keys than a
// generation holds start a new one instead of growing it.
func TestFindKeep(t *testing.T) {
	var c Cache[entry]
	if _, hit := lookup(&c, "liaison"); hit {
		t.Fatal("hit in an empty cache")
	}
	if v, hit := lookup(&c, "liaison"); !hit || v != 7 {
		t.Fatalf("second lookup: %d, hit %v; want 7, a hit", v, hit)
	}
	if e, _ := c.Find(hash("liaison"), func(e *entry) bool { return false }); e != nil {
		t.Error("Find returned an entry its key test refused")
	}
	for i := range Entries + 100 {
		lookup(&c, "word"+strconv.Itoa(i))
	}
	if n := c.Len(); n <= 0 || n > 200 {
		t.Errorf("after %d keys the generation holds %d entries, want the few since a new one started", Entries+100, n)
	}
	lookup(&c, "liaison")
	if _, hit := lookup(&c, "liaison"); !hit {
		t.Error("no hit in the new generation")
	}
}

// TestConcurrent: lookups from several goroutines (run with -race) all get
// their key's value.
func TestConcurrent(t *testing.T) {
	var c Cache[entry]
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 5000 {
				k := strconv.Itoa((i*7 + g) % 3000)
				if v, _ := lookup(&c, k); v != len(k) {
					t.Errorf("%q: %d", k, v)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestFindHitDoesNotAllocate(t *testing.T) {
	var c Cache[entry]
	lookup(&c, "liaison")
	key := "liaison"
	if n := testing.AllocsPerRun(100, func() { lookup(&c, key) }); n > 0 {
		t.Errorf("a hit allocates %.1f times", n)
	}
}
