package rules

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestClassSeqAgreesWithRegexp checks compileClassSeq against the regexp
// package: each expression of the fast shape must match exactly the
// strings the regexp matches, over random strings of the bytes the
// classes hold, bytes they do not, and non-ASCII letters; the others
// must be refused.
func TestClassSeqAgreesWithRegexp(t *testing.T) {
	fast := []string{
		`^[a-z][a-z-]+$`, `^[0-9]{2,4}s$`, `^a?b*c$`, `^[A-Z][a-z]*$`, `^x[0-9]+\.[a-z]$`,
		`^[a-c]{3}$`, `^ab[c-e]?$`, `^[a-z]{0,2}[0-9]+$`,
	}
	refused := []string{
		`[a-z]+`, `^[a-z]+`, `^[a-z]*[a-z]$`, `^(?i)abc$`, `^[^dmrs].*$`, `^a|b$`, `^[a-z]+?$`,
		`^[0-9]{2}[1-9]0['’]s$`, `^(ab)+$`, `^[a-z]+[a-c]$`, `^x[0-9]+\.[0-9]$`, `^é$`, `(?m)^a$`,
	}
	alphabet := []string{"a", "b", "c", "d", "e", "z", "A", "Q", "0", "1", "5", "9", "-", ".", "s", "x", "'", "é", "’", "\xff", " "}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, expr := range fast {
		q := compileClassSeq(expr)
		if q == nil {
			t.Errorf("%s: refused", expr)
			continue
		}
		re := regexp.MustCompile(expr)
		matched := 0
		for n := 0; n < 20000; n++ {
			s := ""
			for k := rng.IntN(7); k > 0; k-- {
				s += alphabet[rng.IntN(len(alphabet))]
			}
			if n%3 == 0 { // strings near a match: built from the expression's own bytes
				s = expr[1+rng.IntN(len(expr)-2):]
			}
			if got, want := q.match(s), re.MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, regexp says %v", expr, s, got, want)
			}
			if re.MatchString(s) {
				matched++
			}
		}
		for _, s := range []string{"ab", "abc", "a-b", "1990s", "Abc", "x12.3", "x12.a", "abc", "abe", "5", "ab1"} {
			if got, want := q.match(s), re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, regexp says %v", expr, s, got, want)
			} else if want {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("%s: no test string matched: the test shows nothing", expr)
		}
	}
	for _, expr := range refused {
		if compileClassSeq(expr) != nil {
			t.Errorf("%s: accepted", expr)
		}
	}
}
