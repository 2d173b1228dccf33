package token

import (
	"context"
	"unicode"
	"unicode/utf8"
)

// Sentences tokenizes text, the prose of one block, and splits it into
// sentences in one call. Offsets are byte offsets into text. The sentences'
// tokens share one backing array. A block without terminal punctuation (a
// heading) is one sentence; text with no tokens has no sentences.
func Sentences(text string) []Sentence {
	// One allocation holds the tokens (about one per four bytes of prose;
	// more grow the slice) and, past their capacity, the tokenizer's
	// scratch.
	const scratch = 16
	n := len(text)/4 + 8
	buf := make([]Token, 0, n+scratch)
	var s Segmenter
	s.tokens = buf[:0:n]
	s.tokenizer.segs = buf[n : n : n+scratch]
	return s.split(text, nil)
}

// Segmenter tokenizes and splits text into sentences, reusing its buffers
// across calls. Its zero value is ready to use. A Segmenter is not safe for
// concurrent use.
type Segmenter struct {
	tokenizer Tokenizer
	tokens    []Token
	sentences []Sentence
}

// Sentences is like the package's Sentences, but the slices it returns are
// owned by the Segmenter and valid only until its next call.
func (s *Segmenter) Sentences(text string) []Sentence {
	s.sentences = s.split(text, s.sentences[:0])
	return s.sentences
}

// cancelCheckBytes is how much text SentencesContext tokenizes between two
// looks at its context: well under a millisecond.
const cancelCheckBytes = 32 << 10

// SentencesContext is like Sentences, but looks at ctx every
// cancelCheckBytes of text and returns ctx.Err() if it is cancelled: the
// prose of one block can be megabytes (a document of one line).
func (s *Segmenter) SentencesContext(ctx context.Context, text string) ([]Sentence, error) {
	s.tokens = s.tokens[:0]
	for i := 0; i < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.tokens, i = s.tokenizer.appendFrom(s.tokens, text, i, i+cancelCheckBytes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.sentences = SplitTokens(s.sentences[:0], text, s.tokens)
	return s.sentences, nil
}

func (s *Segmenter) split(text string, dst []Sentence) []Sentence {
	s.tokens = s.tokenizer.Append(s.tokens[:0], text)
	return SplitTokens(dst, text, s.tokens)
}

// SplitTokens groups tokens, the tokens of text in order, into sentences
// and appends them to dst. The sentences' Tokens are sub-slices of tokens.
func SplitTokens(dst []Sentence, text string, tokens []Token) []Sentence {
	if len(tokens) == 0 {
		return dst
	}
	if dst == nil {
		dst = make([]Sentence, 0, len(tokens)/16+1)
	}
	first := 0
	for k := 0; k < len(tokens); k++ {
		term := terminatorOf(text, tokens[k])
		if term == notTerminator {
			continue
		}
		last := k
		for last+1 < len(tokens) && tokens[last+1].Start == tokens[last].End && isClosing(text, tokens[last+1]) {
			last++
		}
		// An emoticon after the terminator ends the sentence too: "Great! :)"
		for last+1 < len(tokens) && isEmoticon(text, tokens[last+1]) {
			last++
		}
		if last+1 < len(tokens) && boundaryBefore(text, tokens, last, last > k, term) {
			dst = append(dst, sentenceOf(tokens[first:last+1]))
			first = last + 1
		}
		k = last
	}
	return append(dst, sentenceOf(tokens[first:]))
}

func sentenceOf(tokens []Token) Sentence {
	return Sentence{Start: tokens[0].Start, End: tokens[len(tokens)-1].End, Tokens: tokens}
}

type terminator uint8

const (
	notTerminator terminator = iota
	fullStop                 // . or a run of ! and ? (?!, !!!)
	ellipsis                 // ... or …
)

func terminatorOf(text string, t Token) terminator {
	if t.Kind != Punct {
		return notTerminator
	}
	w := text[t.Start:t.End]
	switch {
	case w == "." || w == "!" || w == "?":
		return fullStop
	case w == "…":
		return ellipsis
	}
	dots, other := 0, 0
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '.':
			dots++
		case '!', '?':
			other++
		default:
			return notTerminator
		}
	}
	if other > 0 {
		return fullStop
	}
	return ellipsis
}

func isEmoticon(text string, t Token) bool {
	return t.Kind == Symbol && t.End-t.Start >= 2 && emoticonEnd(text, t.Start, t.End) == t.End
}

// isClosing reports a closing quote or bracket token, including the
// doubled quotes ” and ’’.
func isClosing(text string, t Token) bool {
	return t.Kind == Punct && onlyMarks(text, t, closingAt)
}

// isOpening reports an opening quote or bracket token, including “.
func isOpening(text string, t Token) bool {
	return t.Kind == Punct && onlyMarks(text, t, openingAt)
}

func onlyMarks(text string, t Token, markAt func(string, int) int) bool {
	i := t.Start
	for i < t.End {
		n := markAt(text, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return i == t.End && t.End > t.Start
}

// boundaryBefore decides whether a sentence ends after tokens[last], the
// terminator at its end plus any closing quotes and brackets (closed).
//
// After a full stop, ! or ?, a sentence ends unless a number or punctuation
// follows (pop. 256,000; Yes!, he said), or a lowercase word follows a
// closing quote or bracket ("Stop!" he said). Known abbreviations keep
// their full stop in the tokenizer and never get here. A lowercase word
// after a bare full stop does start a sentence: informal text and prose
// about code (`cargo` is …) both do that. After an ellipsis a sentence ends
// only before a capitalised word.
func boundaryBefore(text string, tokens []Token, last int, closed bool, term terminator) bool {
	next := last + 1
	if tokens[next].Start == tokens[last].End {
		return false // no space: 3.x, "Stop."Then
	}
	for next < len(tokens) && isOpening(text, tokens[next]) {
		next++
	}
	if next == len(tokens) {
		return false // only opening marks follow: they stay with this sentence
	}
	t := tokens[next]
	if t.Kind == Punct || t.Kind == Number {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
	if term == ellipsis {
		return unicode.IsUpper(r)
	}
	return !closed || !unicode.IsLower(r)
}
