// Package text holds the document model: UTF-8 text with a line index,
// conversion between byte offsets and LSP-style positions in UTF-8, UTF-16
// or UTF-32 code units, and incremental edits.
package text
