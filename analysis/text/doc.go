// Package text holds the document model: the UTF-8 text of one document
// revision with its line index, conversion between byte offsets and
// LSP-style positions counted in UTF-8, UTF-16 or UTF-32 code units, and
// incremental edits.
//
// Inside liaison every position is a byte offset into a Document's text;
// Position and Range exist only at the server's edge and are converted with
// Document.Offset and Document.Position.
//
// # Lines
//
// LF, CRLF and a lone CR each end a line; a CRLF is one terminator. A text
// of n terminators has n+1 lines, so an empty text has one (empty) line and a
// text ending in a terminator ends with an empty line, as in LSP.
//
// # Code units
//
// A Position's Character counts code units of an Encoding: a character
// outside the Basic Multilingual Plane (an emoji, say) is 4 UTF-8 units, 2
// UTF-16 units (a surrogate pair) and 1 UTF-32 unit. Text need not be valid
// UTF-8: each byte that is not part of a valid UTF-8 sequence counts as one
// code unit in every encoding, as if it were U+FFFD, which is how editors
// show it. NUL bytes are ordinary characters.
//
// # Clamping
//
// Conversions never fail and never panic; out-of-range input is clamped:
//   - a negative Line or Character is taken as 0 (each field on its own);
//   - a Line past the last line means the end of the document;
//   - a Character past the end of its line means the end of the line, before
//     its terminator;
//   - a Character or byte offset inside a character (inside a multi-byte
//     UTF-8 sequence or between the two halves of a surrogate pair) means the
//     start of that character;
//   - a byte offset between the CR and LF of a CRLF means the start of that
//     terminator, that is the end of the line;
//   - a byte offset below 0 or past the end means 0 or the end;
//   - a Range whose End comes before its Start (after clamping both) is
//     empty at its Start: an edit with such a range inserts at Start and
//     deletes nothing.
//
// # Cost
//
// A Document is immutable, so it is safe for concurrent reads. The text is
// held in chunks of whole lines (about 8 KB each), each with its own line
// index. Offset and Position take O(log lines + log line length) and walk
// at most about 512 bytes: a line longer than that carries checkpoints of
// its code-unit counts, built on first use (columns.go), so converting every
// finding of a one-line document of megabytes costs time linear in their
// number, not quadratic. Apply builds a
// new Document that shares every chunk the edit does not touch: it copies
// and rescans only the one or two chunks around the edit, and rebuilds a
// table with one entry per chunk, never rescanning or copying the whole
// text. Text joins the chunks on its first call for a revision (a copy of
// the whole text) and caches the result; Slice reads a span without joining.
package text
