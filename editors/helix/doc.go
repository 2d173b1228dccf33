// Package helix holds liaison's Helix configuration (languages.toml) and a
// test that the configuration is what the server expects: the command and
// arguments start `liaison serve` and it answers over stdio, the settings
// table uses the server's keys, and every language entry lists liaison.
// Helix itself is not in Debian, so no test drives the editor.
package helix
