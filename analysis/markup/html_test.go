package markup

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// goldmark's HTML block patterns, the reference for the hand-written
// matchers Split uses (the regexps cost 4x Split's time on the book).
var (
	refType1Open = regexp.MustCompile(`(?i)^[ ]{0,3}<(script|pre|style|textarea)(?:\s.*|>.*|/>.*|)(?:\r\n|\n)?$`)
	refType4Open = regexp.MustCompile(`^[ ]{0,3}<![A-Z]+.*(?:\r\n|\n)?$`)
	refType6Open = regexp.MustCompile(`^[ ]{0,3}<(?:/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(?:[ ].*|>.*|/>.*|)(?:\r\n|\n)?$`)
	refType7Open = regexp.MustCompile(`^[ ]{0,3}<(/[ ]*)?([a-zA-Z]+[a-zA-Z0-9\-]*)(` + refAttribute + `*)[ ]*(?:>|/>)[ ]*(?:\r\n|\n)?$`)
)

const refAttribute = `(?:[\r\n \t]+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:[\r\n \t]*=[\r\n \t]*(?:[^\"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)`

func refHTMLOpen(line string, inParagraph bool) int {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 2 || t[0] != '<' {
		return 0
	}
	switch {
	case refType1Open.MatchString(line):
		return 1
	case strings.HasPrefix(t, "<!--"):
		return 2
	case strings.HasPrefix(t, "<?"):
		return 3
	case refType4Open.MatchString(line):
		return 4
	case strings.HasPrefix(t, "<![CDATA["):
		return 5
	}
	if m := refType7Open.FindStringSubmatchIndex(line); m != nil {
		isClose := m[2] > -1 && line[m[2]:m[3]] == "/"
		hasAttr := m[6] != m[7]
		tag := strings.ToLower(line[m[4]:m[5]])
		if htmlBlockTags[tag] {
			return 6
		}
		if tag != "script" && tag != "style" && tag != "pre" && !inParagraph && !(isClose && hasAttr) {
			return 7
		}
	}
	if m := refType6Open.FindStringSubmatchIndex(line); m != nil && htmlBlockTags[strings.ToLower(line[m[2]:m[3]])] {
		return 6
	}
	return 0
}

func TestHTMLOpenMatchesGoldmark(t *testing.T) {
	pieces := []string{"<", "</", "<!", "<!--", "<?", "<![CDATA[", " ", "  ", "\t", "/", ">", "/>", "=", "\"", "'", "`",
		"div", "DIV", "pre", "Script", "style", "textarea", "span", "p", "h1", "x-y", "a1", "Listing",
		" class", " id=", "x", "\"v\"", "'w'", "v", ":a", "_b", "\r", "\n", "\r\n", "\f", "A", "z", "-", "\x00"}
	lines := []string{
		"<div>\n", "</div>\n", "<pre>", "<span class=\"filename\">Filename: src/main.rs</span>\n",
		"<Listing number=\"1-1\" file-name=\"main.rs\" caption=\"x\">\n", "</Listing>\n", "<img src=x/>\n",
		"<a href='x' >  \n", "</a b>\n", "< div>\n", "<!DOCTYPE html>\n", "<br/>\r\n",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var sb strings.Builder
		sb.WriteString(strings.Repeat(" ", rng.IntN(5)))
		sb.WriteString([]string{"<", "</", "<!"}[rng.IntN(3)])
		for range rng.IntN(8) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		l := sb.String()
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			l = l[:i+1] // a line ends at its first newline
		}
		lines = append(lines, l)
	}
	for _, l := range lines {
		for _, inPara := range []bool{false, true} {
			got := 0
			if t := strings.TrimLeft(l, " "); len(l)-len(t) <= 3 {
				got = htmlOpen(t, inPara)
			}
			if want := refHTMLOpen(l, inPara); got != want {
				t.Fatalf("htmlOpen(%q, %v) = %d, goldmark's patterns say %d", l, inPara, got, want)
			}
		}
	}
}
