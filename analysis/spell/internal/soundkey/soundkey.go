// Package soundkey spells a word by its sound, roughly, so that spellings
// of one sound compare equal; shared by the spell package and its
// generator.
package soundkey

import "strings"

// Key is a rough English sound key in the spirit of Metaphone: it
// spells consonant sounds one way (ph f, ck k, soft c s, x ks, dg j,
// silent initial k/w/g/p, gh and h after consonants dropped), keeps only
// the first vowel, as "a", and collapses repeats. Two spellings with one
// key are likely two writings of one word (nife/knife, rythm/rhythm,
// fasinating/fascinating), which suggestions rank up.
func Key(w string) string {
	w = strings.ToLower(w)
	for _, p := range [...][2]string{{"kn", "n"}, {"wr", "r"}, {"gn", "n"}, {"pn", "n"}, {"ps", "s"}, {"wh", "w"}, {"x", "s"}} {
		if strings.HasPrefix(w, p[0]) {
			w = p[1] + w[len(p[0]):]
			break
		}
	}
	var b strings.Builder
	last := byte(0)
	emit := func(c byte) {
		if c != last {
			b.WriteByte(c)
			last = c
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case isVowel(c) && c != 'y':
			if i == 0 {
				emit('a')
			} else {
				last = 0 // a vowel separates repeats: "kak" keeps both k
			}
		case c == 'y':
			if i == 0 && isVowel(next) {
				emit('y')
			} else {
				last = 0
			}
		case c == 'p' && next == 'h':
			emit('f')
			i++
		case c == 'c' && next == 'k', c == 'c' && next == 'q':
			emit('k')
			i++
		case c == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			emit('s')
		case c == 's' && next == 'c' && i+2 < len(w) && (w[i+2] == 'e' || w[i+2] == 'i' || w[i+2] == 'y'):
			emit('s')
			i++
		case c == 'c' && next == 'h':
			emit('X')
			i++
		case c == 's' && next == 'h':
			emit('X')
			i++
		case c == 't' && next == 'h':
			emit('0')
			i++
		case c == 'c' || c == 'q':
			emit('k')
		case c == 'x':
			emit('k')
			emit('s')
		case c == 'z':
			emit('s')
		case c == 'd' && next == 'g':
			emit('j')
			i++
		case c == 'g' && next == 'h':
			if i+2 >= len(w) || !isVowel(w[i+2]) {
				i++ // light, though
			} else {
				emit('g')
				i++
			}
		case c == 'g' && (next == 'e' || next == 'i' || next == 'y'):
			emit('j')
		case c == 'h':
			if i > 0 && !isVowel(w[i-1]) {
				continue
			}
			if !isVowel(next) {
				continue
			}
			emit('h')
		case c == 'w' && !isVowel(next):
			continue
		case c == 'm' && next == 'b' && i+2 == len(w):
			emit('m')
			i++
		case c == 'v':
			emit('f')
		case c >= 'a' && c <= 'z':
			emit(c)
		}
	}
	return b.String()
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
