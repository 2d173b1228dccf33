package main

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
)

// The exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney
// 1998): words are moved, one at a time, to the class that most raises the
// likelihood of the text under a class-bigram model, until no move helps.
// Maximising that likelihood is maximising
//
//	F = Σ_{c,d} f(N(c,d)) − Σ_c f(N_L(c)) − Σ_d f(N_R(d)),  f(x) = x log x,
//
// where N(c,d) counts the bigrams of a word of class c followed by one of
// class d, N_L(c) the bigrams whose left word is of class c and N_R(d)
// those whose right word is of class d. Bigrams of a word with itself
// ("very very") are left out, so that moving a word touches each of its
// bigrams once.

// adjacency is a word's neighbours in the text with their bigram counts.
type adjacency struct {
	right, left []neighbour
	nl, nr      float64 // bigrams with the word on the left, on the right
}

type neighbour struct {
	word  int32 // row index among the clustered words, or rare
	count float64
}

// exchange returns the class (0..k-1) of each clustered word after at
// most iters passes; chosen are the counter ids of the words to cluster,
// most frequent first. The other words (and the sentence boundary) share
// one class of their own that never moves.
func exchange(c *counter, chosen []int32, k, iters int) []int32 {
	n := len(chosen)
	row := make(map[int32]int32, n)
	for i, id := range chosen {
		row[id] = int32(i)
	}
	rare := int32(n) // the row of every other word, boundary included
	adj := make([]adjacency, n+1)
	keys := make([][2]int32, 0, len(c.bigrams))
	for bg := range c.bigrams {
		keys = append(keys, bg)
	}
	slices.SortFunc(keys, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	rowOf := func(id int32) int32 {
		if r, ok := row[id]; ok {
			return r
		}
		return rare
	}
	type pair struct{ l, r int32 }
	merged := map[pair]float64{}
	for _, bg := range keys {
		l, r := rowOf(bg[0]), rowOf(bg[1])
		if l == r && l != rare {
			continue
		}
		merged[pair{l, r}] += float64(c.bigrams[bg])
	}
	pairs := make([]pair, 0, len(merged))
	for p := range merged {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Or(cmp.Compare(a.l, b.l), cmp.Compare(a.r, b.r)) })
	for _, p := range pairs {
		cnt := merged[p]
		adj[p.l].right = append(adj[p.l].right, neighbour{p.r, cnt})
		adj[p.l].nl += cnt
		adj[p.r].left = append(adj[p.r].left, neighbour{p.l, cnt})
		adj[p.r].nr += cnt
	}
	// Classes: 0..k-1 for the clustered words (by frequency rank modulo
	// k at first), k for the rest.
	kk := k + 1
	class := make([]int32, n+1)
	for i := range n {
		class[i] = int32(i % k)
	}
	class[rare] = int32(k)
	cc := make([]float64, kk*kk) // N(c,d) at c*kk+d
	cl := make([]float64, kk)
	cr := make([]float64, kk)
	for _, p := range pairs {
		cnt := merged[p]
		a, b := class[p.l], class[p.r]
		cc[int(a)*kk+int(b)] += cnt
		cl[a] += cnt
		cr[b] += cnt
	}
	f := func(x float64) float64 {
		if x <= 0 {
			return 0
		}
		return x * math.Log(x)
	}
	R := make([]float64, kk) // the moving word's right neighbours by class
	L := make([]float64, kk)
	var touchedR, touchedL []int32
	for iter := 0; iter < iters; iter++ {
		moved := 0
		for w := int32(0); w < int32(n); w++ {
			a := adj[w]
			touchedR, touchedL = touchedR[:0], touchedL[:0]
			for _, nb := range a.right {
				d := class[nb.word]
				if R[d] == 0 {
					touchedR = append(touchedR, d)
				}
				R[d] += nb.count
			}
			for _, nb := range a.left {
				d := class[nb.word]
				if L[d] == 0 {
					touchedL = append(touchedL, d)
				}
				L[d] += nb.count
			}
			old := class[w]
			// Take the word out of its class.
			for _, d := range touchedR {
				cc[int(old)*kk+int(d)] -= R[d]
			}
			for _, d := range touchedL {
				cc[int(d)*kk+int(old)] -= L[d]
			}
			cl[old] -= a.nl
			cr[old] -= a.nr
			// Gain of putting it in class b.
			best, bestGain := old, math.Inf(-1)
			for b := int32(0); b < int32(k); b++ {
				gain := 0.0
				for _, d := range touchedR {
					x := cc[int(b)*kk+int(d)]
					y := R[d]
					if d == b {
						y += L[b]
					}
					gain += f(x+y) - f(x)
				}
				for _, d := range touchedL {
					if d == b {
						continue // counted with the right neighbours
					}
					x := cc[int(d)*kk+int(b)]
					gain += f(x+L[d]) - f(x)
				}
				if R[b] == 0 && L[b] != 0 { // (b,b) not reached through touchedR
					x := cc[int(b)*kk+int(b)]
					gain += f(x+L[b]) - f(x)
				}
				gain -= f(cl[b]+a.nl) - f(cl[b]) + f(cr[b]+a.nr) - f(cr[b])
				if gain > bestGain+1e-9 || b == old && gain >= bestGain-1e-9 {
					best, bestGain = b, gain
				}
			}
			// Put it in the best class.
			for _, d := range touchedR {
				cc[int(best)*kk+int(d)] += R[d]
			}
			for _, d := range touchedL {
				cc[int(d)*kk+int(best)] += L[d]
			}
			cl[best] += a.nl
			cr[best] += a.nr
			if best != old {
				moved++
				class[w] = best
			}
			for _, d := range touchedR {
				R[d] = 0
			}
			for _, d := range touchedL {
				L[d] = 0
			}
		}
		fmt.Fprintf(os.Stderr, "k=%d pass %d: %d words moved\n", k, iter+1, moved)
		if moved == 0 {
			break
		}
	}
	return class[:n]
}

// exchangePaths clusters the chosen words at each size of ks (powers of
// two) and returns each word's path: the binary class numbers, coarsest
// first, concatenated, so that the prefixes name the coarser clusterings.
func exchangePaths(c *counter, chosen []int32, ks []int, iters int) []string {
	paths := make([]strings.Builder, len(chosen))
	for _, k := range ks {
		bits := 0
		for 1<<bits < k {
			bits++
		}
		classes := exchange(c, chosen, k, iters)
		for i, cl := range classes {
			fmt.Fprintf(&paths[i], "%0*b", bits, cl)
		}
	}
	out := make([]string, len(chosen))
	for i := range paths {
		out[i] = paths[i].String()
	}
	return out
}
