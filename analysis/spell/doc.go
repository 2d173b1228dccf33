// Package spell knows which English words are spelled correctly, in which
// dialect, and what a misspelled word was probably meant to be.
//
// The word list is generated (go generate, internal/genwords) from SCOWL
// 2020.12.07, the OEWN 2025 lemmas and every inflection analysis/morph
// makes of them, and embedded compressed; Load decodes it once.
package spell
