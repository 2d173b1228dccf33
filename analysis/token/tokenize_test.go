package token

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenStrings returns the tokens of text joined with "|".
func tokenStrings(text string, toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = text[t.Start:t.End]
	}
	return strings.Join(parts, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain", "The cat sat.", "The|cat|sat|."},
		{"hyphenated", "a well-known e-mail from a state-of-the-art shop", "a|well-known|e-mail|from|a|state-of-the-art|shop"},
		{"hyphen with spaces", "pre- and post-war", "pre|-|and|post-war"},
		{"n't", "I don't know", "I|do|n't|know"},
		{"can't", "we can't", "we|ca|n't"},
		{"won't", "they won't", "they|wo|n't"},
		{"ain't", "it ain't so", "it|ai|n't|so"},
		{"'ll", "He'll go", "He|'ll|go"},
		{"'m", "I'm here", "I|'m|here"},
		{"'re", "they're here", "they|'re|here"},
		{"'ve", "we've been", "we|'ve|been"},
		{"'d", "I'd say", "I|'d|say"},
		{"possessive", "John's book", "John|'s|book"},
		{"plural possessive", "the liaisons' work", "the|liaisons|'|work"},
		{"cannot", "you cannot", "you|can|not"},
		{"Cannot", "Cannot do", "Can|not|do"},
		{"gonna", "gonna go", "gon|na|go"},
		{"wanna", "I wanna", "I|wan|na"},
		{"gotta", "Gotta run", "Got|ta|run"},
		{"curly n't", "I don’t know", "I|do|n’t|know"},
		{"curly 'm", "I’m sure they’re fine", "I|’m|sure|they|’re|fine"},
		{"curly possessive", "Rust’s borrow checker", "Rust|’s|borrow|checker"},
		{"two clitics", "shouldn't've", "should|n't|'ve"},
		{"upper case", "DON'T", "DO|N'T"},
		{"apostrophe inside", "o'clock and O'Neill's", "o'clock|and|O'Neill|'s"},
		{"decade", "the 80's and 1990s", "the|80's|and|1990s"},
		{"year", "the summer of '69", "the|summer|of|'69"},
		{"decimal", "pi is 3.14", "pi|is|3.14"},
		{"thousands", "1,000 and 12,514,373", "1,000|and|12,514,373"},
		{"ordinal", "the 2nd and 21st", "the|2nd|and|21st"},
		{"unit", "at 5pm, 10GB and 398,487MMBTU but 3D and 4x4", "at|5|pm|,|10|GB|and|398,487|MMBTU|but|3D|and|4x4"},
		{"dollar", "$5 each", "$|5|each"},
		{"percent", "50% off", "50|%|off"},
		{"time and date", "at 12:30 on 9/11 and 01/24/2001", "at|12:30|on|9/11|and|01/24/2001"},
		{"phone", "call 853-7906", "call|853-7906"},
		{"slash words", "and/or b/c", "and|/|or|b/c"},
		{"ampersand", "R&D at AT&T, salt & pepper", "R&D|at|AT&T|,|salt|&|pepper"},
		{"ellipsis", "wait... what", "wait|...|what"},
		{"unicode ellipsis", "wait… what", "wait|…|what"},
		{"double hyphen", "this--that", "this|--|that"},
		{"em dash", "this—that", "this|—|that"},
		{"runs", "What?! No!!! Really??", "What|?!|No|!!!|Really|??"},
		{"each mark", `("quoted"), [x]; {y}: z`, `(|"|quoted|"|)|,|[|x|]|;|{|y|}|:|z`},
		{"url", "see https://example.com/a?b=c#d for more", "see|https://example.com/a?b=c#d|for|more"},
		{"url trailing stop", "Go to https://example.com/x.", "Go|to|https://example.com/x|."},
		{"url in brackets", "(https://en.wikipedia.org/wiki/Foo_(bar))", "(|https://en.wikipedia.org/wiki/Foo_(bar)|)"},
		{"www", "visit www.example.org, now", "visit|www.example.org|,|now"},
		{"email", "mail me@example.com!", "mail|me@example.com|!"},
		{"email dotted", "<first.last+tag@mail.example.co.uk>", "<|first.last+tag@mail.example.co.uk|>"},
		{"mailto", "(mailto:someone@example.com)", "(|mailto:someone@example.com|)"},
		{"at without domain", "@user and a @ b", "@|user|and|a|@|b"},
		{"title", "Dr. Smith and Mr. Jones", "Dr.|Smith|and|Mr.|Jones"},
		{"Mrs", "Mrs. Brown", "Mrs.|Brown"},
		{"e.g.", "fruit, e.g. apples", "fruit|,|e.g.|apples"},
		{"i.e.,", "that is, i.e., this", "that|is|,|i.e.|,|this"},
		{"etc mid", "apples, pears, etc. and more", "apples|,|pears|,|etc.|and|more"},
		{"etc end", "apples, pears, etc.", "apples|,|pears|,|etc|."},
		{"U.S.", "the U.S. Army", "the|U.S.|Army"},
		{"U.S. end", "back to the U.S. Then home.", "back|to|the|U.S|.|Then|home|."},
		{"a.m.", "at 5 a.m. today", "at|5|a.m.|today"},
		{"p.m. end", "at 5 p.m. The end", "at|5|p.m|.|The|end"},
		{"vs.", "cats vs. dogs", "cats|vs.|dogs"},
		{"No. 5", "No. 5 is here", "No.|5|is|here"},
		{"No.", "I said No. Then left", "I|said|No|.|Then|left"},
		{"initials", "J. R. R. Tolkien", "J.|R.|R.|Tolkien"},
		{"Ph.D.", "a Ph.D. student", "a|Ph.D.|student"},
		{"file name", "open Paper4.pdf now", "open|Paper4.pdf|now"},
		{"snake case", "call read_to_string here", "call|read_to_string|here"},
		{"unicode letters", "naïve café Zürich Ελλάδα 東京", "naïve|café|Zürich|Ελλάδα|東|京"},
		{"curly quotes", "“Hello,” she said ‘quietly’", "“|Hello|,|”|she|said|‘|quietly|’"},
		{"emoji", "nice 👍🐶 dog", "nice|👍|🐶|dog"},
		{"emoji zwj", "a 👩‍💻 coder", "a|👩‍💻|coder"},
		{"nbsp", "10\u00a0km", "10|km"},
		{"emoticons", ":) ;-) :D =P :(( but f(x):) and :Done", ":)|;-)|:D|=P|:((|but|f|(|x|)|:|)|and|:|Done"},
		{"doubled quotes", "''quoted'' and ``this''", "''|quoted|''|and|``|this|''"},
		{"bare contractions", "I dont know, im sure its thats it", "I|do|nt|know|,|i|m|sure|its|that|s|it"},
		{"time with unit", "at 7:30PM", "at|7:30|PM"},
		{"empty", "", ""},
		{"spaces only", " \t\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(nil, tt.text)
			if got := tokenStrings(tt.text, toks); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
			checkTokens(t, tt.text, toks)
		})
	}
}

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		text string
		want []Kind
	}{
		{"The well-known cat", []Kind{Word, Word, Word}},
		{"don't", []Kind{Word, Word}},
		{"3.14 1,000 2nd 1990s", []Kind{Number, Number, Number, Number}},
		{"$5 50%", []Kind{Symbol, Number, Number, Symbol}},
		{"a, b. c! (d) “e” …", []Kind{Word, Punct, Word, Punct, Word, Punct, Punct, Word, Punct, Punct, Word, Punct, Punct}},
		{"https://example.com www.example.com", []Kind{URL, URL}},
		{"me@example.com", []Kind{Email}},
		{"Dr. J.", []Kind{Word, Word, Punct}},
		{"+ = & @ # 👍", []Kind{Symbol, Symbol, Symbol, Symbol, Symbol, Symbol}},
	}
	for _, tt := range tests {
		toks := Tokenize(nil, tt.text)
		got := make([]Kind, len(toks))
		for i, tk := range toks {
			got[i] = tk.Kind
		}
		if !equalKinds(got, tt.want) {
			t.Errorf("kinds of %q (%s) = %v, want %v", tt.text, tokenStrings(tt.text, toks), got, tt.want)
		}
	}
}

func equalKinds(a, b []Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestTokenizeBadInput feeds invalid UTF-8, NUL and control characters:
// no panic, and every byte lies in a token or in whitespace.
func TestTokenizeBadInput(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"a\x00b", "a|\x00|b"},
		{"\xff", "\xff"},
		{"ab\xffcd", "ab|\xff|cd"},
		{"caf\xc3", "caf|\xc3"},
		{"\xe2\x80", "\xe2|\x80"},
		{"x\x01y\x7f", "x|\x01|y|\x7f"},
		{"don\xe2\x80t", "don|\xe2|\x80|t"},
		{"https://\xff.com", "https|:|//|\xff|.|com"},
		{"'", "'"},
		{"’s", "’|s"},
		{"n't", "n't"},
		{"-", "-"},
		{"...", "..."},
		{"a.", "a|."},
		{"J.", "J|."},
		{"@", "@"},
		{"a@b.c", "a@b.c"},
		{"x@.", "x|@|."},
		{"www.", "www|."},
		{"http://", "http|:|//"},
		{":Də", ":|Də"},
		{":)ə", ":|)|ə"},
	}
	for _, tt := range tests {
		toks := Tokenize(nil, tt.text)
		if got := tokenStrings(tt.text, toks); got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
		checkTokens(t, tt.text, toks)
	}
}

// checkTokens asserts the invariants of a tokenization: tokens in order,
// non-empty, not overlapping, inside the text, and every byte outside them
// whitespace.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	pos := 0
	for i, tk := range toks {
		if tk.Start < pos || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or range in %q (previous end %d)", i, tk.Start, tk.End, text, pos)
		}
		if tk.Kind < Word || tk.Kind > Placeholder {
			t.Fatalf("token %d %q has kind %d", i, text[tk.Start:tk.End], tk.Kind)
		}
		checkSpace(t, text, pos, tk.Start)
		pos = tk.End
	}
	checkSpace(t, text, pos, len(text))
}

func checkSpace(t *testing.T, text string, from, to int) {
	t.Helper()
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if r == utf8.RuneError && size <= 1 || !unicode.IsSpace(r) {
			t.Fatalf("byte %d (%q) of %q is neither in a token nor whitespace", i, text[i], text)
		}
		i += size
	}
}

// TestTokenizerReuse checks that a reused Tokenizer gives the same tokens
// as a fresh one.
func TestTokenizerReuse(t *testing.T) {
	texts := []string{"I don't know.", "See https://example.com, e.g. here.", "", "naïve café 👍"}
	var tk Tokenizer
	var toks []Token
	for _, text := range texts {
		toks = tk.Append(toks[:0], text)
		if got, want := tokenStrings(text, toks), tokenStrings(text, Tokenize(nil, text)); got != want {
			t.Errorf("reused Tokenizer on %q: %s, fresh: %s", text, got, want)
		}
	}
}

func TestURLBrackets(t *testing.T) {
	tests := []struct{ text, want string }{
		{"(see https://a.org/x)", "(|see|https://a.org/x|)"},
		{"https://a.org/F_(b)", "https://a.org/F_(b)"},
		{"(https://a.org/F_(b)).", "(|https://a.org/F_(b)|)|."},
		{"[https://a.org/x]", "[|https://a.org/x|]"},
		{"https://a.org/x))", "https://a.org/x|)|)"},
		{"“https://a.org/x”", "“|https://a.org/x|”"},
	}
	for _, tt := range tests {
		toks := Tokenize(nil, tt.text)
		if got := tokenStrings(tt.text, toks); got != tt.want {
			t.Errorf("Tokenize(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestLongInputs runs pathological inputs that a quadratic step would make
// slow (a URL with 50,000 closing brackets, one chunk of 50,000 marks) and
// checks the invariants.
func TestLongInputs(t *testing.T) {
	const n = 50_000
	texts := []string{
		"https://a.org/x" + strings.Repeat(")", n),
		"https://a.org/" + strings.Repeat("(", n) + strings.Repeat(")", n),
		strings.Repeat("a@", n),
		strings.Repeat("a.", n),
		strings.Repeat("www.", n),
		strings.Repeat(":", n) + "//x",
		strings.Repeat("-", n),
		strings.Repeat("Dr. ", n),
		strings.Repeat(". (", n),
		strings.Repeat("don't", n),
		strings.Repeat("\xff", n),
		strings.Repeat("👍", n),
	}
	for _, text := range texts {
		checkSentences(t, text, Sentences(text))
	}
}
