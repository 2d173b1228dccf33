// Package sublime holds liaison's configuration for Sublime Text's LSP
// package (LSP.sublime-settings) and the test that checks it against the
// server: the command, the scopes, the settings.
package sublime
