// Package model holds what the tagger's trainer and its runtime share: the
// feature templates and their hashing, the label set (combined UPOS+PTB
// pairs), the binary model format, and a plain reference decoder that the
// trainer evaluates with and the fast runtime is checked against.
package model
