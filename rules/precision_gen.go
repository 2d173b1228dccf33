package rules

// The precision corpora (TestPrecision) are copied from ../shared into the
// repository's testdata/markup and testdata/precision: only a generator
// reads there.
//go:generate go run ./internal/genprecision -markup ../../shared/corpus/markup -markup-out ../testdata/markup -oewn ../../shared/data/oewn-2025 -o testdata/precision
