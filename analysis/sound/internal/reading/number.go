package reading

import "strings"

// number reads the leading numeral of w aloud far enough to tell its first
// sound: 8 "eight", 11 "eleven", 18 "eighteen", 80 "eighty", 800 "eight
// hundred", 11,000 "eleven thousand" start with a vowel; 1990s "nineteen
// ninety", 100 "a hundred", 1,000 "one thousand" with a consonant. A
// four-digit number without a comma from 1100 to 1999 is read in
// hundreds, as years are (1800s "eighteen hundreds"). Ordinal suffixes,
// plural s, decimals and what follows a hyphen do not change the start.
func number(w string) uint8 {
	end := 0
	for end < len(w) && (isDigit(w[end]) || (w[end] == ',' && end+1 < len(w) && isDigit(w[end+1]))) {
		end++
	}
	digits := w[:end]
	if head, _, ok := strings.Cut(digits, ","); ok {
		// 11,000: the first group is what is said first.
		return leadingGroup(head)
	}
	n := len(digits)
	switch {
	case n == 4 && digits[0] == '1' && digits[1] != '0':
		// 1100–1999 read in hundreds: eleven hundred, eighteen eighty.
		return leadingGroup(digits[:2])
	case n <= 3:
		return leadingGroup(digits)
	}
	// 2000 "two thousand", 12345 "twelve thousand", 1000000 "one million".
	g := n % 3
	if g == 0 {
		g = 3
	}
	return leadingGroup(digits[:g])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// leadingGroup classifies the reading of a number of one to three digits.
func leadingGroup(d string) uint8 {
	d = strings.TrimLeft(d, "0")
	switch len(d) {
	case 0:
		return Consonant // zero
	case 1, 3:
		// 8 "eight", 800 "eight hundred"; 100 "a/one hundred".
		if d[0] == '8' {
			return Vowel
		}
		return Consonant
	case 2:
		switch {
		case d == "11" || d == "18":
			return Vowel // eleven, eighteen
		case d[0] == '8':
			return Vowel // eighty-
		}
		return Consonant
	}
	return Unknown
}
