// Package directive reads suppression directives written in a document,
// in its markup's comment syntax, and tells which findings they silence.
//
// In Markdown, directives are HTML comments (not those inside code):
//
//	<!-- liaison-disable rule-id other-id -->   … off until …
//	<!-- liaison-enable rule-id -->             … on again
//	<!-- liaison-disable-next-line rule-id -->  off for the next line only
//
// In plain text, a line holding only the directive:
//
//	liaison-disable-next-line rule-id
//
// In every other format, a comment in the format's own syntax
// (markup.Format's Comment, as its Comments method finds them): "%" lines
// in LaTeX, "<!-- -->" in HTML, "#" lines in a commit message:
//
//	% liaison-disable-next-line rule-id
//
// Lines end at an LF, a CRLF or a lone CR, as everywhere in liaison
// (analysis/text), so a disable-next-line directive silences exactly the
// next line whichever ending the document uses.
//
// Ids are separated by spaces or commas; without ids a directive means
// every rule. Text after " -- " is a comment ("liaison-disable alot --
// quoting the author"). An id that names no rule is itself reported
// (UnknownFindings), as rule DirectiveRuleID.
package directive
