// Package rules holds the usage-rule model, its YAML loader, the compiled
// matchers and the engine that runs them over analysed prose, and the
// default rule library, embedded in the binary.
package rules
