package checker

import (
	"slices"

	"liaison/analysis/markup"
)

// SourceCodeOn reports whether a document of languageID is to be checked
// as far as source code goes: any format that is not opt-in is; a
// source-code format (markup.Format.OptIn) only when its language is among
// on (the canonical names the editor or the command line turned on) or in
// the source-code list of the project lk was looked up for. Code files are
// not prose unless the user says so.
func SourceCodeOn(languageID string, on []string, lk *Lookup) bool {
	f := markup.FormatFor(languageID)
	return !f.OptIn || slices.Contains(on, f.Name) || lk.project().SourceCodeOn(f.Name)
}
