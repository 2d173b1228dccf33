package spell

// Edit costs. A writer's slips are not uniform: a doubled or undoubled
// letter, two letters swapped, a vowel for a vowel or a neighbouring key
// are likelier than an arbitrary letter, so they cost less; the unweighted
// distance still bounds the candidates (at most 2).
const (
	costEdit       = 1.0
	costDouble     = 0.45 // inserting or deleting a copy of a neighbouring letter (ocurred, untill)
	costTranspose  = 0.55 // recieve
	costVowel      = 0.6  // a vowel for a vowel (seperate, definate)
	costAdjacent   = 0.7  // a QWERTY neighbour (teh is a transposition; thw a neighbour)
	costSilent     = 0.6  // dropping or adding h, e, w, k, b, g, u, which are often silent
	costVowelIndel = 0.8  // dropping or adding another vowel (parliment)
	costFirstExtra = 0.5  // any edit to the first letter costs this much more: writers seldom get it wrong
	costPunct      = 0.3  // a left-out apostrophe or hyphen (dont, doesnt)
)

// distance returns the weighted optimal-string-alignment distance from a
// (what was written) to b (a word), and the plain one.
func distance(a, b string) (weighted float64, plain int) {
	n, m := len(a), len(b)
	// Rows of the two distances; prev2 for transpositions.
	type cell struct {
		w float64
		p int
	}
	rows := make([]cell, 3*(m+1))
	prev2, prev, cur := rows[:m+1], rows[m+1:2*(m+1)], rows[2*(m+1):]
	for j := 0; j <= m; j++ {
		prev[j] = cell{}
		for k := 0; k < j; k++ {
			prev[j].w += insCost(b, k)
		}
		prev[j].p = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = cell{prev[0].w + delCost(a, i-1), i}
		for j := 1; j <= m; j++ {
			best := cell{prev[j].w + delCost(a, i-1), prev[j].p + 1}
			if c := (cell{cur[j-1].w + insCost(b, j-1), cur[j-1].p + 1}); c.w < best.w {
				best = c
			}
			sub := cell{prev[j-1].w, prev[j-1].p}
			if a[i-1] != b[j-1] {
				sub.w += subCost(a[i-1], b[j-1], j-1)
				sub.p++
			}
			if sub.w < best.w {
				best = sub
			}
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] && a[i-1] != a[i-2] {
				t := cell{prev2[j-2].w + costTranspose, prev2[j-2].p + 1} // hte: swapping the first two is as common as any
				if t.w < best.w {
					best = t
				}
			}
			// The plain distance is minimised on its own.
			pl := min(prev[j].p+1, cur[j-1].p+1, prev[j-1].p+boolInt(a[i-1] != b[j-1]))
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				pl = min(pl, prev2[j-2].p+1)
			}
			best.p = pl
			cur[j] = best
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m].w, prev[m].p
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// insCost is the cost of the word having b[k] where the writer has
// nothing.
func insCost(b string, k int) float64 {
	return indelCost(b, k)
}

// delCost is the cost of the writer having a[k] where the word has
// nothing.
func delCost(a string, k int) float64 {
	return indelCost(a, k)
}

func indelCost(s string, k int) float64 {
	c := s[k]
	cost := costEdit
	switch {
	case c == '\'' || c == '-':
		return costPunct
	case (k > 0 && s[k-1] == c) || (k+1 < len(s) && s[k+1] == c):
		cost = costDouble
	case c == 'h' || c == 'e' || c == 'w' || c == 'k' || c == 'b' || c == 'g' || c == 'u':
		cost = costSilent
	case isVowel(c):
		cost = costVowelIndel
	}
	if k == 0 {
		cost += costFirstExtra
	}
	return cost
}

func subCost(x, y byte, k int) float64 {
	cost := costEdit
	switch {
	case isVowel(x) && isVowel(y):
		cost = costVowel
	case adjacentKeys(x, y):
		cost = costAdjacent
	case soundAlike(x, y):
		cost = costVowel
	}
	if k == 0 {
		cost += costFirstExtra
	}
	return cost
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// soundAlike: consonants English spells for one another (c/k/s, s/z,
// f/v, g/j, d/t).
func soundAlike(x, y byte) bool {
	if x > y {
		x, y = y, x
	}
	switch string([]byte{x, y}) {
	case "ck", "cs", "sz", "fv", "gj", "dt", "kq", "cq", "sx", "ks":
		return true
	}
	return false
}

// adjacentKeys reports whether x and y are neighbours on a QWERTY
// keyboard (same row or the rows above and below, offset as keys are).
func adjacentKeys(x, y byte) bool {
	rx, cx, okx := keyPos(x)
	ry, cy, oky := keyPos(y)
	if !okx || !oky {
		return false
	}
	dr := rx - ry
	dc := cx - cy
	if dr == 0 {
		return dc == 1 || dc == -1
	}
	if dr == 1 || dr == -1 {
		// Each row sits half a key right of the one above: in
		// half-key units a neighbour is at most one key away.
		d := 2*cx + rx - (2*cy + ry)
		return d >= -1 && d <= 1
	}
	return false
}

func keyPos(c byte) (row, col int, ok bool) {
	for r, keys := range [...]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"} {
		for i := 0; i < len(keys); i++ {
			if keys[i] == c {
				return r, i, true
			}
		}
	}
	return 0, 0, false
}

// within2 reports whether the plain optimal-string-alignment distance
// between a and b is at most 2: the cheap test every candidate of the
// index passes before distance weighs it.
func within2(a, b string) bool {
	n, m := len(a), len(b)
	if n-m > 2 || m-n > 2 {
		return false
	}
	if m > 40 {
		_, p := distance(a, b)
		return p <= 2
	}
	var r0, r1, r2 [41]int8
	prev2, prev, cur := &r0, &r1, &r2
	for j := 0; j <= m; j++ {
		prev[j] = int8(j)
	}
	for i := 1; i <= n; i++ {
		cur[0] = int8(i)
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+int8(boolInt(a[i-1] != b[j-1])))
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > 2 && (i < 2 || minRow(prev, m) > 2) {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m] <= 2
}

func minRow(r *[41]int8, m int) int8 {
	v := r[0]
	for j := 1; j <= m; j++ {
		v = min(v, r[j])
	}
	return v
}

// LikelySubstitution reports whether a writer who meant y often types
// x (or the reverse): a vowel for a vowel, a neighbouring key, or a
// consonant English spells for the other (c/s, f/v). A substitution of
// any other two letters is seldom a slip.
func LikelySubstitution(x, y byte) bool {
	return isVowel(x) && isVowel(y) || adjacentKeys(x, y) || soundAlike(x, y)
}
