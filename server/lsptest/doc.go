// Package lsptest is a scripted LSP client for tests and benchmarks: it
// speaks JSON-RPC to a language server over any stream, records what the
// server sends (diagnostics, log messages), answers workspace/configuration
// from settings the test gives, and lets a test wait for a notification.
package lsptest
