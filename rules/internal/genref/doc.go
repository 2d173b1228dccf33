// Command genref writes the rule reference (rules/REFERENCE.md) from the
// embedded default library. It runs through `go generate ./rules`; a test
// in package rules fails when the committed file is out of date.
package main
