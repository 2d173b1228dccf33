// Package token splits prose into sentences and tokens with byte offsets:
// words (hyphenated words whole, contractions split the way UD English-EWT
// splits them: do|n't, He|'ll), numbers, punctuation, URLs and e-mail
// addresses.
//
// The input is the prose of one block (a paragraph, heading, list item or
// table cell) with the markup removed. [Sentences] tokenizes and splits in
// one call; [Tokenize] and [SplitTokens] are the two steps; [Tokenizer] and
// [Segmenter] do the same while reusing their buffers.
//
// Tokens sit on UAX #29 word segmentation (github.com/clipperhouse/uax29),
// with these additions:
//
//   - hyphenated words are one token (well-known, e-mail, 853-7906), and so
//     are 12:30, 9/11, b/c, R&D, Paper4.pdf;
//   - contractions split as in EWT, with ' or ’: do|n't, ca|n't, wo|n't,
//     I|'m, they|'re, we|'ve, I|'d, He|'ll, John|'s, should|n't|'ve,
//     can|not, gon|na, wan|na, got|ta; a plural possessive is
//     liaisons|'; decades stay whole (80's, '69); common contractions
//     written without the apostrophe split too (do|nt, I|m, that|s);
//   - a number written together with its unit splits (5|pm, 10|GB), an
//     ordinal or a decade does not (2nd, 1990s);
//   - a run of one mark is one token ("...", "--", "!!!"), as are runs of
//     terminators ("?!"); a doubled apostrophe or backquote standing for
//     a quotation mark is one token; "$5" is $|5 and
//     "50%" is 50|%; an emoticon starting a chunk is one Symbol (:-), :D);
//   - URLs (scheme://…, www.…, mailto:…) and e-mail addresses are single
//     tokens, less trailing punctuation and unbalanced closing brackets;
//   - an abbreviation keeps its full stop (Dr., e.g., U.S., p.m., J.,
//     No. 5) unless that full stop also ends the sentence; then, as in EWT,
//     it is a token of its own (etc|.).
//
// Invalid UTF-8 bytes and control characters become one-byte Symbol tokens:
// every byte of the text is in a token or in whitespace.
//
// A sentence ends after . ! ? (or a run of them), together with the closing
// quotes and brackets written right after it and an emoticon, when a space
// follows and the next word is neither a number nor punctuation. A
// lowercase next word starts a new sentence too ("Run it. cargo builds"),
// except after a closing quote or bracket ("Stop!" he said). After "..." or
// "…" a sentence ends only before a capitalised word. An abbreviation ends
// a sentence at the end of the text, or when a capitalised word that
// commonly starts sentences follows (etc. The …). A block without terminal
// punctuation is one sentence.
package token
