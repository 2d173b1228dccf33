// Package token splits prose into sentences and tokens with byte offsets:
// words (hyphenated words whole, contractions split the way UD English-EWT
// splits them: do|n't, He|'ll), numbers, punctuation, URLs and e-mail
// addresses.
package token
