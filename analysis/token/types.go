package token

// Kind classifies a token.
type Kind uint8

const (
	Word        Kind = iota + 1 // a word, a hyphenated word, or a contraction part such as n't
	Number                      // 42, 3.14, 1,000, 2nd
	Punct                       // . , ; : ! ? ( ) " ' — …
	Symbol                      // $ % & @ + = and other symbols
	URL                         // https://example.com/x, www.example.com
	Email                       // someone@example.com
	Placeholder                 // stands in for inline code; tags like a noun, never flagged
)

// Token is one token; Start and End are byte offsets into the text that was
// tokenized.
type Token struct {
	Start, End int
	Kind       Kind
}

// Sentence is a run of tokens; Start and End are byte offsets of its first
// and last token.
type Sentence struct {
	Start, End int
	Tokens     []Token
}
