package markup

import "strings"

var gitCommitFormat = &Format{
	Name:      "git-commit",
	IDs:       []string{"git-commit", "gitcommit", "git-tag", "gittag"},
	FileNames: []string{"COMMIT_EDITMSG", "MERGE_MSG", "TAG_EDITMSG", "SQUASH_MSG", "EDIT_DESCRIPTION"},
	Comment:   CommentSyntax{Line: "#"},
	parse:     func(chunk string, _ ChunkFlags, _ *Definitions) []Block { return parseGitCommit(chunk) },
	// One chunk per message: which paragraph is the trailers depends on
	// what follows it, and messages are small.
	split: nil,
}

func init() { register(gitCommitFormat) }

// gitScissors is the line above which git keeps the message when it shows
// the diff below it (git commit -v).
const gitScissors = "------------------------ >8 ------------------------"

// parseGitCommit reads a commit (or tag) message: the subject (a heading)
// and the body's paragraphs and list items; not the # comment lines,
// anything after the scissors line or a "diff --git" line, the trailers
// paragraph (Signed-off-by:, Change-Id:), indented code, or the subject's
// "package/path:" prefix. Inline `code` and URLs read as the placeholder
// word.
func parseGitCommit(src string) []Block {
	src = lfLines(src)
	lines := gitLines(src)
	// The message ends at the scissors or a diff.
	for i, l := range lines {
		t := src[l.start:l.end]
		if (strings.HasPrefix(t, "#") && strings.Contains(t, gitScissors)) || strings.HasPrefix(t, "diff --git ") {
			lines = lines[:i]
			break
		}
	}
	// Drop comment lines; they neither end nor continue a paragraph.
	kept := lines[:0:0]
	for _, l := range lines {
		if !strings.HasPrefix(src[l.start:l.end], "#") {
			kept = append(kept, l)
		}
	}
	lines = kept
	lines = dropTrailers(src, lines)

	p := &gitParser{src: src, b: proseBuilder{src: src}}
	subject := true
	inItem := false
	for _, l := range lines {
		t := src[l.start:l.end]
		if isBlankLine(t) {
			p.endBlock()
			subject, inItem = false, false
			continue
		}
		indent := len(t) - len(strings.TrimLeft(t, " \t"))
		body := l.start + indent
		switch {
		case subject:
			p.kind = Heading
			if len(p.b.prose) == 0 {
				body += subjectPrefixLen(src[body:l.end])
			}
		case indent == 0 && gitListMarker(t) > 0:
			p.endBlock()
			p.kind, inItem = ListItem, true
			body += gitListMarker(t)
		case indent > 0 && inItem && indent < 4 && t[0] != '\t':
			// A list item's continuation.
		case indent > 0:
			// Quoted code or output.
			p.endBlock()
			continue
		case len(p.b.prose) == 0:
			p.kind, inItem = Paragraph, false
		}
		if len(p.b.prose) > 0 {
			p.b.atomic(" ", p.lastEnd, body, false)
		}
		p.inline(body, l.end)
		p.lastEnd = l.end
	}
	p.endBlock()
	return p.blocks
}

type gitLine struct{ start, end int } // the line's content, without its ending

func gitLines(src string) []gitLine {
	var out []gitLine
	for pos := 0; pos < len(src); {
		end := lineEnd(src, pos)
		content := end
		if content > pos && src[content-1] == '\n' {
			content--
		}
		if content > pos && src[content-1] == '\r' {
			content--
		}
		out = append(out, gitLine{pos, content})
		pos = end
	}
	return out
}

// dropTrailers removes the last paragraph when it is trailers: every line
// a "Token: value" (a token without spaces) or a continuation indented
// under one, as git interpret-trailers reads them.
func dropTrailers(src string, lines []gitLine) []gitLine {
	end := len(lines)
	for end > 0 && isBlankLine(src[lines[end-1].start:lines[end-1].end]) {
		end--
	}
	start := end
	for start > 0 && !isBlankLine(src[lines[start-1].start:lines[start-1].end]) {
		start--
	}
	if start == 0 || start == end {
		return lines // the subject's paragraph is never trailers
	}
	trailers := 0
	for _, l := range lines[start:end] {
		t := src[l.start:l.end]
		switch {
		case isGitTrailer(t):
			trailers++
		case trailers > 0 && (t[0] == ' ' || t[0] == '\t'):
		default:
			return lines
		}
	}
	return lines[:start]
}

// isGitTrailer reports whether line is a trailer: "Token: value" where
// the token is hyphenated (Signed-off-by, Change-Id) or a known one, or
// the value is one word (an id, a URL). "Note: this is prose." is not.
func isGitTrailer(line string) bool {
	i := strings.IndexByte(line, ':')
	if i <= 0 || i+1 >= len(line) || line[i+1] != ' ' {
		return false
	}
	token := line[:i]
	for j := 0; j < len(token); j++ {
		c := token[j]
		if !isLetter(c) && !isDigit(c) && c != '-' {
			return false
		}
	}
	switch strings.ToLower(token) {
	case "fixes", "closes", "resolves", "refs", "ref", "updates", "bug", "cc", "link", "see-also":
		return true
	}
	return strings.Contains(token, "-") || !strings.ContainsAny(strings.TrimSpace(line[i+1:]), " \t")
}

// subjectPrefixLen returns the length of a subject's "area: " prefix
// ("gopls/internal/cache: ", "unix,win: "): a path or a list of names,
// not prose.
func subjectPrefixLen(s string) int {
	i := strings.Index(s, ": ")
	if i <= 0 || strings.ContainsAny(s[:i], " \t`") {
		return 0
	}
	return i + 2
}

// gitListMarker returns the length of a list item's marker and the space
// after it ("- ", "* ", "1. "), or 0.
func gitListMarker(t string) int {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return 2
	}
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return i + 2
	}
	return 0
}

type gitParser struct {
	src     string
	b       proseBuilder
	kind    BlockKind
	blocks  []Block
	lastEnd int
}

func (p *gitParser) endBlock() {
	if blk, ok := p.b.finish(p.kind, len(p.src), 0); ok {
		p.blocks = append(p.blocks, blk)
	}
	p.b.reset()
	p.kind = Paragraph
}

// inline adds the line content src[i:end]: `code` and URLs are
// placeholders, the rest verbatim.
func (p *gitParser) inline(i, end int) {
	src := p.src
	from := i
	for i < end {
		switch {
		case src[i] == '`':
			j := strings.IndexByte(src[i+1:end], '`')
			if j < 0 {
				i = end
				continue
			}
			p.b.raw(from, i)
			p.b.atomic(PlaceholderWord, i, i+1+j+1, true)
			i += j + 2
			from = i
		case (src[i] == 'h' || src[i] == 'H') && (i == from || !isLetter(src[i-1])) &&
			(hasPrefixFold(src[i:end], "https://") || hasPrefixFold(src[i:end], "http://")):
			j := i
			for j < end && src[j] != ' ' && src[j] != '\t' {
				j++
			}
			for j > i && strings.IndexByte(".,;:!?)'\"", src[j-1]) >= 0 {
				j--
			}
			p.b.raw(from, i)
			p.b.atomic(PlaceholderWord, i, j, true)
			i = j
			from = i
		default:
			// Jump to the next byte that may open code or a URL.
			if k := strings.IndexAny(src[i+1:end], "`hH"); k >= 0 {
				i += 1 + k
			} else {
				i = end
			}
		}
	}
	p.b.raw(from, end)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
