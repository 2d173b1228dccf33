// Package checker is the one lint pipeline behind `liaison check` and the
// language server. Given a document (its path, language id and text) and
// the editor's settings, it finds the document's project (rules/project),
// keeps the rules engine of that project (built once, rebuilt when the
// configuration or a rule file changes), analyses the text (analysis),
// runs the rules (rules), applies the directives written in the document
// (rules/directive) and returns rules.Finding values: the one finding type
// of the code base. The server converts them to LSP at its edge only.
//
// The file system is read only by Lookup (and by Check for an open
// configuration file, whose rule files it validates), never by Check of a
// prose document: the server looks projects up when a document opens, when
// watched files change and when settings change, off its read loop, and a
// keystroke touches no file.
//
// A Checker built with a cache (the server's) keeps one cache of analyses
// and findings by content, bounded by the memory it retains (cache.go); the
// CLI, which checks each file once, keeps none. With the cache it also
// keeps each document's latest revision (by Document.Key): the next is
// analysed only around its edit (analysis.AnalyzeNext), its unchanged
// blocks take their findings by position, and only its edit is asked
// whether it made a directive — so a keystroke costs what the edited
// chunk costs, not what the document's length does.
//
// Data flows cmd → server → rules/checker → rules → analysis.
package checker
