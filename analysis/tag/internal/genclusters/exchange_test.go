package main

import (
	"strings"
	"testing"
)

// TestExchangeSeparatesWordClasses fits 4 classes to a text whose words
// fall into determiners, nouns, verbs and adverbs by their neighbours: each
// group must share a class, and no two groups may.
func TestExchangeSeparatesWordClasses(t *testing.T) {
	var c counter
	c.init()
	dets := []string{"the", "a", "this", "every"}
	nouns := []string{"cat", "dog", "bird", "horse", "child"}
	verbs := []string{"sleeps", "runs", "eats", "waits"}
	advs := []string{"quietly", "often", "slowly"}
	for i := range 400 {
		c.sentence([]string{dets[i%4], nouns[i*7%5], verbs[i*3%4], advs[i*5%3]})
	}
	var chosen []int32
	for _, group := range [][]string{dets, nouns, verbs, advs} {
		for _, w := range group {
			chosen = append(chosen, c.ids[w])
		}
	}
	classes := exchange(&c, chosen, 4, 20)
	classOf := map[string]int32{}
	for i, id := range chosen {
		classOf[c.words[id]] = classes[i]
	}
	groups := [][]string{dets, nouns, verbs, advs}
	for g, group := range groups {
		for _, w := range group[1:] {
			if classOf[w] != classOf[group[0]] {
				t.Errorf("%s in class %d, %s in %d", w, classOf[w], group[0], classOf[group[0]])
			}
		}
		for _, other := range groups[g+1:] {
			if classOf[group[0]] == classOf[other[0]] {
				t.Errorf("%s and %s share class %d", group[0], other[0], classOf[group[0]])
			}
		}
	}
	paths := exchangePaths(&c, chosen, []int{2, 4}, 20)
	for i, p := range paths {
		if len(p) != 3 || strings.Trim(p, "01") != "" {
			t.Errorf("path of %s is %q, want 3 binary digits", c.words[chosen[i]], p)
		}
	}
}
