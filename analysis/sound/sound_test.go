package sound

import (
	"strings"
	"testing"

	"liaison/analysis/sound/internal/reading"
)

func TestInitial(t *testing.T) {
	tests := []struct {
		word string
		want Class
		why  string
	}{
		// Silent h.
		{"hour", Vowel, "silent h"},
		{"hours", Vowel, "inflection of hour"},
		{"hourly", Vowel, "derivative of hour"},
		{"honest", Vowel, "silent h"},
		{"honour", Vowel, "silent h, British spelling"},
		{"honor", Vowel, "silent h, American spelling"},
		{"honorary", Vowel, "derivative"},
		{"heir", Vowel, "silent h"},
		{"heirloom", Vowel, "derivative"},
		{"herb", Vowel, "en-US /ɝb/; British English says a herb"},
		{"herbal", Vowel, "OEWN's US reading"},
		{"unionized", Unknown, "a heteronym: union-ized workers, un-ionized atoms"},
		{"Unionised", Unknown, "the British spelling, capitalised"},
		{"Ugric", Unknown, "said oo- and you- in current dictionaries"},
		{"house", Consonant, "pronounced h"},
		{"historic", Consonant, "OEWN gives (h)ɪ; a historic in current usage"},
		{"hotel", Consonant, "US hoʊˈtɛl"},
		{"human", Consonant, "pronounced h"},
		// u as /juː/ or /ʌ/.
		{"university", Consonant, "/juː/"},
		{"unicorn", Consonant, "/juː/"},
		{"uniform", Consonant, "/juː/"},
		{"unique", Consonant, "/juː/"},
		{"unimportant", Vowel, "un- prefix"},
		{"uninitialized", Vowel, "un- prefix, not in OEWN"},
		{"unusual", Vowel, "un- prefix"},
		{"user", Consonant, "/juː/"},
		{"usual", Consonant, "/juː/"},
		{"usher", Vowel, "/ʌ/"},
		{"umbrella", Vowel, "/ʌ/"},
		{"ubiquitous", Consonant, "/juː/"},
		{"Uber", Vowel, "German über, in the supplement"},
		{"utility", Consonant, "/juː/"},
		{"utter", Vowel, "/ʌ/"},
		{"upon", Vowel, "up- /ə/"},
		{"Ukrainian", Consonant, "/juː/"},
		// e and o.
		{"European", Consonant, "eu- /jʊ/"},
		{"euphemism", Consonant, "eu- /juː/"},
		{"ewe", Consonant, "/juː/"},
		{"ewes", Consonant, "inflection of ewe"},
		{"egg", Vowel, "vowel letter"},
		{"one", Consonant, "/wʌn/"},
		{"once", Consonant, "/wʌns/"},
		{"onerous", Vowel, "not one"},
		{"onion", Vowel, "not one"},
		{"one-time", Consonant, "first part one"},
		{"apple", Vowel, "vowel letter"},
		{"idea", Vowel, "vowel letter"},
		// y and x.
		{"yttrium", Vowel, "/ɪ/"},
		{"year", Consonant, "/j/"},
		{"X-ray", Vowel, "letter name ex"},
		{"x-axis", Vowel, "letter name ex"},
		{"Xbox", Vowel, "said ex-box: an Xbox"},
		{"xylophone", Consonant, "/z/"},
		{"xenon", Consonant, "/z/"},
		// Initialisms and acronyms.
		{"URL", Consonant, "you-ar-el"},
		{"MBA", Vowel, "em-bee-ay"},
		{"FBI", Vowel, "eff-bee-eye"},
		{"SQL", Vowel, "ess-cue-el"},
		{"HTML", Vowel, "aitch-tee-em-el"},
		{"HTTP", Vowel, "aitch"},
		{"LED", Vowel, "el-ee-dee, from OEWN"},
		{"FAQ", Vowel, "eff-ay-cue, from OEWN"},
		{"UFO", Consonant, "you"},
		{"NGO", Vowel, "en-gee-oh"},
		{"MP3", Vowel, "em-pee-three"},
		{"NASA", Consonant, "read as a word"},
		{"SCORM", Consonant, "one syllable, like storm: read as a word"},
		{"SMTP", Vowel, "no vowel: ess-em-tee-pee"},
		{"HTTPS", Vowel, "no vowel: aitch-"},
		{"SPDX", Vowel, "no English onset: ess-pee-dee-ex"},
		{"NATO", Consonant, "read as a word"},
		{"SCUBA", Consonant, "read as a word"},
		{"RAM", Consonant, "read as a word, from OEWN"},
		{"AWS", Vowel, "ay"},
		{"SUV", Vowel, "ess-you-vee, from OEWN"},
		{"SAT", Unknown, "three letters, either reading, unknown to OEWN"},
		{"SEO", Vowel, "consonant and two vowels no word ends in: ess-ee-oh"},
		{"ROI", Vowel, "ar-oh-eye"},
		{"CEO", Consonant, "see-ee-oh: both readings consonant"},
		{"SEA", Unknown, "ends like sea: either reading"},
		{"LOO", Unknown, "ends like zoo: either reading"},
		{"iPhone", Vowel, "eye"},
		{"eBay", Vowel, "ee"},
		{"MSc", Vowel, "em-ess-see"},
		{"npm", Unknown, "no vowel letter: en-pee-em, or a unit read as words like fps"},
		{"ssh", Unknown, "ess-ess-aitch, or a unit"},
		{"kg", Consonant, "kay-gee or kilogram: both consonant"},
		{"U$", Consonant, "one letter: you"},
		{"LITTLE", Consonant, "shouted word, three consonants inside a long word"},
		{"SPECTRUM", Consonant, "shouted word"},
		{"SCSI", Consonant, "in OEWN as scuzzy"},
		{"LOT", Unknown, "shouted lot or el-oh-tee"},
		{"St", Consonant, "abbreviation of a word: Saint, Street"},
		{"Mr.", Consonant, "Mister"},
		{"NULL", Consonant, "read as a word"},
		{"USB", Consonant, "you-ess-bee"},
		{"UTF-8", Consonant, "you-tee-eff"},
		{"EU", Vowel, "ee-you"},
		{"T-shirt", Consonant, "tee"},
		{"U-turn", Consonant, "you"},
		{"e-mail", Vowel, "ee"},
		{"A", Vowel, "ay"},
		{"U", Consonant, "you"},
		{"F", Vowel, "eff"},
		// Numbers read aloud.
		{"8-bit", Vowel, "eight"},
		{"8", Vowel, "eight"},
		{"11-year-old", Vowel, "eleven"},
		{"11", Vowel, "eleven"},
		{"18", Vowel, "eighteen"},
		{"18th", Vowel, "eighteenth"},
		{"80s", Vowel, "eighties"},
		{"800", Vowel, "eight hundred"},
		{"8,000", Vowel, "eight thousand"},
		{"11,000", Vowel, "eleven thousand"},
		{"1800s", Vowel, "eighteen hundreds"},
		{"1990s", Consonant, "nineteen"},
		{"100", Consonant, "a hundred"},
		{"1,000", Consonant, "one thousand"},
		{"1000", Consonant, "one thousand"},
		{"2000", Consonant, "two thousand"},
		{"1st", Consonant, "first"},
		{"0", Consonant, "zero"},
		{"3D", Consonant, "three"},
		{"8.5", Vowel, "eight point five"},
		// Case, quotes, brackets, punctuation.
		{"HOUR", Vowel, "shouted word, read as a word"},
		{"Hour", Vowel, "capitalised"},
		{`"hour`, Vowel, "leading quote"},
		{"(honest", Vowel, "leading bracket"},
		{"“European”", Consonant, "curly quotes"},
		{"'80s", Vowel, "leading apostrophe"},
		{"’80s", Vowel, "leading typographic apostrophe"},
		{"‘hour’", Vowel, "single curly quotes"},
		{"hour's", Vowel, "possessive"},
		{"hour,", Vowel, "trailing comma"},
		// Nothing to read.
		{"", Unknown, "empty"},
		{"$5", Unknown, "symbol"},
		{"...", Unknown, "punctuation"},
	}
	for _, tt := range tests {
		if got := Initial(tt.word); got != tt.want {
			t.Errorf("Initial(%q) = %v, want %v (%s)", tt.word, got, tt.want, tt.why)
		}
	}
}

// TestClassValues keeps the exported constants equal to the internal
// package's, which the table and the rules share.
func TestClassValues(t *testing.T) {
	if Unknown != Class(reading.Unknown) || Vowel != Class(reading.Vowel) || Consonant != Class(reading.Consonant) {
		t.Fatal("sound.Class constants differ from internal/reading's")
	}
}

// TestTableHoldsOnlyExceptions: every entry must be one the rules alone
// read otherwise; an entry the rules already agree with means the table
// is stale against internal/reading (regenerate with go generate).
func TestTableHoldsOnlyExceptions(t *testing.T) {
	n := 0
	for w, c := range table() {
		n++
		if reading.Initial(w, nil) == c {
			t.Errorf("table entry %q=%v is what the rules say anyway: regenerate", w, Class(c))
		}
		if Initial(w) != Class(c) {
			t.Errorf("Initial(%q) = %v, table says %v", w, Initial(w), Class(c))
		}
	}
	if n < 20 {
		t.Fatalf("table has %d entries; the embedded file looks empty", n)
	}
	if !strings.HasPrefix(tableText, "# ") {
		t.Error("table lost its header")
	}
}

func BenchmarkInitial(b *testing.B) {
	words := []string{"hour", "university", "European", "the", "liaison", "URL", "8-bit", "umbrella", "Xbox", "NASA"}
	table() // built once, outside the timing
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Initial(words[i%len(words)])
	}
}
