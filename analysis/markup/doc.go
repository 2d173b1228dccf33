// Package markup extracts prose blocks from a document's markup (Markdown
// with GFM extensions and front matter, or plain text). Every byte of a
// block's prose maps back to the exact source bytes it came from.
package markup
