package spell

import "testing"

func TestKnown(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		d    Dialect
		want bool
	}{
		{"the", EnUS, true},
		{"The", EnUS, true},
		{"THE", EnUS, true},
		{"tHe", EnUS, false}, // mixed case is not a case of a listed word
		{"Paris", EnUS, true},
		{"PARIS", EnUS, true},
		{"paris", EnUS, false}, // a name written lower case
		{"don't", EnUS, true},
		{"don’t", EnUS, true}, // curly apostrophe
		{"compiler's", EnUS, true},
		{"compilers'", EnUS, true},
		{"Rust’s", EnUS, true},
		{"well-known", EnUS, true},
		{"well-knwn", EnUS, false},
		{"-", EnUS, false},
		{"", EnUS, false},
		{"recieve", EnUS, false},
		{"namespace", EnGB, true},
		{"colour", EnUS, false},
		{"colour", EnGB, true},
		{"colour", "", false}, // the zero dialect is en-US
		{"color", EnUS, true},
		{"color", EnGB, false},
		{"organise", EnGB, true},
		{"organise", EnGBOxford, false},
		{"organize", EnGBOxford, true},
		{"organize", EnGB, false},
		{"colour", EnGBOxford, true},
		{"travelled", EnGB, true},
		{"traveled", EnGB, false},
		{"traveled", EnUS, true},
		{"analyse", EnGBOxford, true}, // Oxford spelling keeps -yse
		{"organise", EnAU, true},
		{"colour", EnCA, true},
		{"organize", EnCA, true},
		{"calender", EnUS, false},     // dropped as confusable with calendar
		{"dependancy", EnUS, false},   // SCOWL variant_2, not accepted
		{"particularer", EnUS, false}, // morph grades every adjective; SCOWL does not list this
		{"informations", EnUS, false}, // a mass noun's plural SCOWL lists only at size 80
		{"researches", EnUS, true},
		{"namespaces", EnUS, true}, // technical.txt, inflected
		{"quicker", EnUS, true},
		{"café", EnUS, true}, // SCOWL's lists are UTF-8 here; read as Latin-1 it was "cafÃ©"
		{"Café", EnUS, true},
		{"clientèle", EnUS, true},
	} {
		if got := l.Known(tc.word, tc.d); got != tc.want {
			t.Errorf("Known(%q, %q) = %v, want %v", tc.word, tc.d, got, tc.want)
		}
	}
}

func TestVariant(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word     string
		d        Dialect
		spelling string
		other    Dialect
		ok       bool
	}{
		{"colour", EnUS, "color", EnGB, true},
		{"Colour", EnUS, "Color", EnGB, true},
		{"COLOURS", EnUS, "COLORS", EnGB, true},
		{"color", EnGB, "colour", EnUS, true},
		{"organise", EnGBOxford, "organize", EnGB, true},
		{"organize", EnGB, "organise", EnUS, true},
		{"centre", EnUS, "center", EnGB, true},
		{"centre’s", EnUS, "center’s", EnGB, true},
		{"travelled", EnUS, "traveled", EnGB, true},
		{"traveled", EnGB, "travelled", EnUS, true},
		{"theatre", EnUS, "theater", EnGB, true},
		{"licence", EnUS, "license", EnGB, true},
		{"judgement", EnUS, "judgment", EnGB, true},
		{"tyre", EnUS, "tire", EnGB, true},
		{"catalogue", EnUS, "", "", false}, // SCOWL's American variant_1 has it
		{"defence", EnUS, "defense", EnGB, true},
		{"anaemia", EnUS, "anemia", EnGB, true},
		{"manoeuvre", EnUS, "maneuver", EnGB, true},
		{"analyze", EnGB, "analyse", EnUS, true},
		{"color", EnUS, "", "", false},   // d's own spelling
		{"recieve", EnUS, "", "", false}, // no dialect's
		{"the", EnGB, "", "", false},
	} {
		sp, o, ok := l.Variant(tc.word, tc.d)
		if sp != tc.spelling || o != tc.other || ok != tc.ok {
			t.Errorf("Variant(%q, %q) = %q, %q, %v; want %q, %q, %v", tc.word, tc.d, sp, o, ok, tc.spelling, tc.other, tc.ok)
		}
	}
}

// TestVariantAlwaysFound: every dialect-marked word of the list that a
// dialect rejects has a counterpart there, which is what keeps a correct
// spelling of another dialect from ever being reported as misspelled.
func TestVariantAlwaysFound(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	data, err := l.decodeWords()
	if err != nil {
		t.Fatal(err)
	}
	marked, missing := 0, 0
	each(data, func(w []byte, e entry) {
		word := string(w)
		for _, d := range Dialects() {
			if e.dialects&d.bit() != 0 {
				continue
			}
			marked++
			if _, _, ok := l.Variant(word, d); !ok && l.dialects(word)&d.bit() == 0 {
				missing++
				if missing <= 10 {
					t.Errorf("%q (dialects %05b) has no %s spelling", word, e.dialects, d)
				}
			}
		}
	})
	t.Logf("%d (word, dialect) pairs marked, %d without a counterpart", marked, missing)
}

func TestParseDialect(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Dialect
		err  bool
	}{
		{"", EnUS, false},
		{"en-US", EnUS, false},
		{"en_us", EnUS, false},
		{"EN-GB", EnGB, false},
		{"en_GB", EnGB, false},
		{"en-GB-oxendict", EnGBOxford, false},
		{"oxford", EnGBOxford, false},
		{"en-ca", EnCA, false},
		{"en_AU", EnAU, false},
		{"fr-FR", "", true},
	} {
		got, err := ParseDialect(tc.in)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("ParseDialect(%q) = %q, %v", tc.in, got, err)
		}
	}
}

func TestMajority(t *testing.T) {
	for _, tc := range []struct {
		counts   map[Dialect]int
		fallback Dialect
		want     Dialect
	}{
		{nil, EnUS, EnUS},
		{map[Dialect]int{EnGB: 3, EnUS: 1}, EnUS, EnGB},
		{map[Dialect]int{EnGB: 2, EnUS: 2}, EnUS, EnUS}, // a tie keeps the configured dialect
		{map[Dialect]int{EnGB: 2, EnUS: 2}, EnGB, EnGB},
		{map[Dialect]int{EnCA: 1}, EnUS, EnCA},
	} {
		if got := Majority(tc.counts, tc.fallback); got != tc.want {
			t.Errorf("Majority(%v, %s) = %s, want %s", tc.counts, tc.fallback, got, tc.want)
		}
	}
}

func TestFrequency(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		want int
	}{
		{"the", 10}, {"The", 10}, {"recieve", 0}, {"namespace", 80}, {"compiler's", 10},
	} {
		if got := l.Frequency(tc.word); got != tc.want {
			t.Errorf("Frequency(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}
