package spell

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestCorrectWords reports how many words of testdata/correct-words.txt
// (technical terms, rare words, British spellings) are Known in their
// dialect, and fails below 95%.
func TestCorrectWords(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/correct-words.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, known := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, dialect, _ := strings.Cut(line, " ")
		d, err := ParseDialect(dialect)
		if err != nil {
			t.Fatal(err)
		}
		total++
		if l.Known(word, d) {
			known++
		} else {
			t.Logf("%s not known in %s", word, d)
		}
	}
	rate := 100 * float64(known) / float64(total)
	t.Logf("%d of %d correct words known (%.1f%%)", known, total, rate)
	if rate < 95 {
		t.Errorf("%.1f%% of correct words known, want ≥ 95%%", rate)
	}
}
