package directive

import (
	"strings"

	"liaison/analysis/markup"
)

// KeywordWords starts a comment that lists words the spelling rule
// accepts in this document: `<!-- liaison-words: rustc tokio -->` in
// Markdown, `% liaison-words: rustc` in LaTeX, a line of its own in plain
// text.
const KeywordWords = "liaison-words"

// Words returns the words the document's liaison-words comments list, in
// the comments of its format (as for Parse); nil when there are none.
func Words(languageID, src string) []string {
	if !mentionsKeyword(src) {
		return nil
	}
	var out []string
	for _, c := range markup.FormatFor(languageID).Comments(src) {
		if ws, ok := parseWords(c.Text); ok {
			out = append(out, ws...)
		}
	}
	return out
}

// parseWords reads a liaison-words comment's text.
func parseWords(text string) ([]string, bool) {
	body := strings.TrimSpace(text)
	rest, ok := strings.CutPrefix(body, KeywordWords)
	if !ok || rest != "" && rest[0] != ':' && rest[0] != ' ' && rest[0] != '\t' {
		return nil, false
	}
	rest = strings.TrimPrefix(rest, ":")
	if i := strings.Index(rest, " -- "); i >= 0 {
		rest = rest[:i]
	}
	var out []string
	for _, f := range fieldsWithOffsets(rest) {
		out = append(out, f.Name)
	}
	return out, true
}

// WordsEdit is the edit that adds word to the document's words: into its
// first liaison-words comment when it has one, else a new comment in the
// format's syntax at the start of the document (after a Markdown front
// matter, a LaTeX comment line at the top). Start and End are byte
// offsets of the text replaced (equal for an insertion); ok is false when
// the word is listed already.
func WordsEdit(languageID, src, word string) (start, end int, newText string, ok bool) {
	f := markup.FormatFor(languageID)
	if mentionsKeyword(src) {
		for _, c := range f.Comments(src) {
			ws, isWords := parseWords(c.Text)
			if !isWords {
				continue
			}
			for _, w := range ws {
				if w == word {
					return 0, 0, "", false // already there
				}
			}
			// Insert after the comment's last word.
			body := c.Text
			if i := strings.Index(body, " -- "); i >= 0 {
				body = body[:i]
			}
			at := c.TextStart + len(strings.TrimRight(body, " \t\r\n"))
			return at, at, " " + word, true
		}
	}
	nl := "\n"
	if i := strings.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		nl = "\r\n"
	}
	line := f.Comment.Directive(KeywordWords + ": " + word)
	at := 0
	if f.Name == "markdown" && strings.HasPrefix(src, "---") {
		// After the front matter, which must stay first.
		if i := strings.Index(src[3:], nl+"---"); i >= 0 {
			at = 3 + i + len(nl) + 3
			if j := strings.Index(src[at:], "\n"); j >= 0 {
				at += j + 1
			} else {
				at = len(src)
				line = nl + line
			}
		}
	}
	return at, at, line + nl, true
}
