// Package zed holds liaison's Zed extension (extension.toml, src/lib.rs:
// Zed starts a language server only through an extension) and the
// settings snippet users add, with the test that checks both against the
// server: names, languages, language ids, the command and the settings.
package zed
