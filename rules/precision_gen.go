package rules

// The precision corpora (TestPrecision) are copied into testdata/precision
// from ../shared: only a generator reads there.
//go:generate go run ./internal/genprecision -markup ../../shared/corpus/markup -oewn ../../shared/data/oewn-2025 -o testdata/precision
