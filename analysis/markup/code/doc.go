// Package code finds the prose in the comments of source code: line and
// block comments and docstrings, with the comment markers, gutters and
// everything that is not prose left out, and every piece of prose mapped
// to its exact source bytes.
//
// # Lexers, not parsers
//
// Each language family has a small hand-written lexer (clike.go for the
// C family, python.go, shell.go, ruby.go, lua.go, config.go for YAML and
// TOML) that knows only what decides where a comment is: comment markers,
// string literals of every kind (raw strings, template literals,
// here-docs, triple quotes), nested block comments. tree-sitter would
// give full syntax trees, but it needs cgo and one C grammar per language:
// probed with go-tree-sitter v0.25.0 and its Python grammar, a cold build
// took 43 s instead of 12 s and the binary grew by 1.1 MB, for one of the
// seventeen languages (the C++ and TypeScript grammars are several times
// larger), and parsing plus walking the tree ran at 2.5 MB/s of CPU time
// on the Python corpus; lexing and reading the prose here runs at 13 to 27
// MB/s of CPU time by family (Go slowest, shell fastest), needs no cgo and
// adds a few tens of kilobytes. The lexers are also what makes a chunked
// parse possible: Cuts knows where a lexer is in its initial state.
//
// # What is prose
//
// A run of line comments on consecutive lines, each alone on its line, is
// one comment; a comment after code on its line is one of its own. Inside
// a comment, blank lines separate paragraphs; list items and Markdown
// headings are blocks of their own. Not prose: licence headers (a comment
// that says "Copyright" and mentions a licence, and SPDX lines), tool
// directives (//go:build, # noqa, eslint-disable, a shebang, liaison's own
// directives), commented-out code (a line that ends in { or ; after a
// bracket, shell's if …; then, a YAML or TOML key: value, a paragraph most
// of whose lines read as code once identifiers are the placeholder), code
// examples (fenced, indented after a blank line or under a line ending in
// ":", doctest >>> lines, <pre> and <code> blocks, reST literal blocks
// after ::), doc tags' names and types (@param name, :param name:, @see
// …), a block of a single word (a label), decoration rules (-----). Identifiers inside a sentence —
// CamelCase, snake_case, dotted.names, calls(), `backticked code`,
// {@code …}, paths, URLs — become a placeholder so that the sentence
// still reads as one.
package code
