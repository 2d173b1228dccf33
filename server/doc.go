// Package server is liaison's language server: the LSP lifecycle, the
// store of open documents, scheduling of lint runs, settings, and one file
// per feature (sync.go, diagnostics.go, hover.go, codeaction.go, config.go;
// projectconfig.go, watch.go and disable.go for .liaison.yaml files, their
// watchers and the "disable" actions).
//
// Documents are checked by rules/checker, the pipeline `liaison check`
// uses too; the server turns its rules.Finding values into LSP diagnostics
// in diagnostics.go. It reads no file on its read loop: a document's
// project is looked up in the background when it opens, when watched files
// or settings change (projectconfig.go), and its lint waits for that.
//
// The layer is thin. Inside, every position is a byte offset into the
// document's UTF-8 text; LSP positions exist only at the edge, converted by
// the document's line index in the encoding negotiated at initialize
// (utf-8 or utf-32 when the client offers one, utf-16 otherwise).
//
// Scheduling follows the facts verified for go.lsp.dev/jsonrpc2 v1:
// notifications are handled inline, in wire order, on the connection's read
// loop (so didChange never applies out of order) and never return an error
// (which would close the connection); requests are released to run
// concurrently; $/cancelRequest is seen ahead of the queue by a preempter;
// a panic in any handler is recovered, logged and answered as an internal
// error.
//
// Diagnostics are pushed (textDocument/publishDiagnostics, with the
// document version, after a debounce) to clients that do not pull them, and
// served on textDocument/diagnostic to clients that do (a resultId lets an
// unchanged report answer "unchanged"); a client that advertises pull
// support is not pushed to, so editors do not show every problem twice.
package server
