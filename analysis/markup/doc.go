// Package markup extracts prose blocks from a document's markup (Markdown
// with GFM extensions and front matter, plain text, LaTeX, HTML, AsciiDoc,
// reStructuredText, Org, Typst, git commit messages, and the comments of
// source code). Every byte of a block's prose maps back to the exact
// source bytes it came from.
//
// # Formats
//
// Each format is a Format in one registry (formats.go): its language ids
// and aliases, file extensions and names, directive comment syntax, and
// how it is split and parsed. FormatFor and FormatForPath look one up; the
// server, the CLI and rules/directive take their language knowledge from
// there. A format's file registers it in its init function.
//
// LaTeX (latex.go): the body (after \begin{document} when there is one) as
// paragraphs, headings (sectioning), list items, table cells, quotes,
// captions and footnotes; \emph-style arguments inline; math, \ref-style
// references and unknown macros inside a sentence a placeholder; commands'
// other arguments, verbatim, listings, comments and the preamble nothing.
// LaTeXOptions (a project's latex section) adds text macros and skipped
// environments. HTML (html.go): the text of prose elements, entities
// decoded; script, style, pre, head, attributes and comments nothing;
// code, var, kbd, samp and math a placeholder. Commit messages
// (gitcommit.go): subject and body; comment lines, the scissors and the
// diff below, trailers and indented code nothing. These three are not
// split: a document is one chunk.
//
// # Entry points
//
// Extract reads a whole document in one call. For incremental use, Split
// cuts a document into chunks that parse independently (in about a
// millisecond for a megabyte), ScanDefinitions finds the link reference
// definitions every chunk may refer to, and Parse reads one chunk; its
// result depends only on its arguments, so a caller caches it by chunk
// text, flags and Definitions.KeyFor and re-parses only the chunks an edit
// touched. Split+Parse gives exactly the blocks one goldmark pass over the
// whole document gives (tested on the Rust Book and by fuzzing).
//
// # What is prose
//
// Markdown is CommonMark with GFM tables, task lists, strikethrough and
// footnotes, read by goldmark. A block is a paragraph, a heading, a list
// item's paragraph, a table cell (header cells too), a block-quote
// paragraph or a footnote paragraph; the innermost container decides the
// kind.
//
//   - Prose: text, emphasis and strikethrough content, link text, image alt
//     text (it is written prose and reads in the sentence), entities and
//     backslash escapes (decoded, each an atomic span over its source),
//     soft and hard line breaks (one space, an atomic span over the line
//     ending and any trailing spaces or backslash), the text between inline
//     HTML tags.
//   - A placeholder word (PlaceholderWord, span marked Placeholder): inline
//     code, inline math ($…$ with pandoc's rule, so "costs $5 and $10"
//     stays prose, and $$…$$ within a line), autolinks (<…>) and bare URLs
//     (http://, https://, ftp://, www.), so the sentence still tags well.
//   - Not prose and leaving nothing: fenced and indented code, HTML blocks,
//     inline HTML tags and comments, link destinations and titles, link
//     reference definitions, $$ display-math blocks, front matter (YAML
//     "---" or TOML "+++" at the very start, closed by "---"/"..." or
//     "+++"), task-list checkboxes, footnote references. A footnote
//     reference [^label] is recognised whether or not the label is
//     defined, so that a chunk reads the same alone; a footnote
//     definition's paragraphs are prose whether or not they are referred
//     to. Inline math does not span lines.
//
// Plain text (any language but "markdown" and its aliases) is paragraphs
// separated by blank lines; a line break inside a paragraph reads as one
// space.
//
// # Bad input
//
// Nothing here panics on any input (fuzzed). NUL bytes and invalid UTF-8
// are copied through verbatim. A line ends at an LF, a CRLF or a lone CR
// (as in analysis/text); goldmark knows only the first two, so the parsers
// read each lone CR as an LF, which keeps every offset. goldmark's time grows with the square of
// the nesting depth of block quotes and lists, so Split flags a chunk
// that nests beyond maxNesting markers or maxIndent columns on one line as
// TooDeep and Parse reads it as plain text: degraded, but linear.
package markup
