package rules

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
)

// CodeWords are the words a document writes outside its prose, with
// the hash of the text they were read from, so that a keystroke in prose
// (which leaves that text as it was) does not read them again.
type CodeWords struct {
	hash  uint64
	words map[string]struct{}
}

// Has reports whether the set holds word, or, for a capitalised word (a
// sentence's first), its lower-case form.
func (cw *CodeWords) Has(word string) bool {
	if cw == nil || len(cw.words) == 0 {
		return false
	}
	if _, ok := cw.words[word]; ok {
		return true
	}
	if r, size := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		_, ok := cw.words[string(unicode.ToLower(r))+word[size:]]
		return ok
	}
	return false
}

// codeSeed seeds the hash of code text; one per process is enough (the
// hashes are compared only within it).
var codeSeed = maphash.MakeSeed()

// CodeWordsOf returns the words text writes outside its prose: in code
// blocks, inline code, comments and other markup (res's blocks are the
// prose; a block's Markup ranges are markup inside it); prev, when its
// hash is that of the same text, is returned as it is. With whole false,
// res covers a part of text, and only the stretch its blocks span is read.
func CodeWordsOf(text string, res *analysis.Result, whole bool, prev *CodeWords) *CodeWords {
	if res == nil {
		return nil
	}
	lo, hi := 0, len(text)
	if !whole {
		if len(res.Blocks) == 0 {
			return nil
		}
		lo, hi = res.Blocks[0].Start, min(res.Blocks[len(res.Blocks)-1].End, len(text))
	}
	var regions [][2]int
	at := lo
	for _, b := range res.Blocks {
		start, end := max(b.Start, lo), min(b.End, hi)
		if start > at {
			regions = append(regions, [2]int{at, start})
		}
		if b.BlockAnalysis != nil {
			for _, m := range b.Markup {
				if ms, me := b.Start+m.Start, min(b.Start+m.End, hi); me > ms {
					regions = append(regions, [2]int{ms, me})
				}
			}
		}
		at = max(at, end)
	}
	if at < hi {
		regions = append(regions, [2]int{at, hi})
	}
	var h maphash.Hash
	h.SetSeed(codeSeed)
	for _, r := range regions {
		h.WriteString(text[r[0]:r[1]])
		h.WriteByte(0)
	}
	sum := h.Sum64()
	if prev != nil && prev.hash == sum {
		return prev
	}
	cw := &CodeWords{hash: sum, words: map[string]struct{}{}}
	for _, r := range regions {
		code := text[r[0]:r[1]]
		// A liaison-words comment accepts words in its own document only.
		for {
			i := strings.Index(code, "liaison-words")
			if i < 0 {
				break
			}
			addWords(cw.words, code[:i])
			code = code[i:]
			if j := strings.IndexAny(code, "\r\n"); j >= 0 {
				code = code[j:]
			} else {
				code = ""
			}
		}
		addWords(cw.words, code)
	}
	return cw
}

// addWords adds the words of code to set: runs of letters, digits, '_',
// '-' and apostrophes (trimmed of the last two at their ends), and the
// parts of a hyphenated one.
func addWords(set map[string]struct{}, code string) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(code[start:end], "-'")
		start = -1
		if w == "" || len(w) > 64 {
			return
		}
		set[w] = struct{}{}
		if strings.Contains(w, "-") {
			for _, part := range strings.Split(w, "-") {
				if part != "" {
					set[part] = struct{}{}
				}
			}
		}
	}
	for i, r := range code {
		if isWordRune(r) || r == '-' || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(code))
}

// CountWords counts the words of text (runs of letters, digits, '_' and
// '-'), case-sensitively.
func CountWords(text string) map[string]int {
	out := map[string]int{}
	start := -1
	for i, r := range text {
		if isWordRune(r) || r == '-' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out[strings.TrimRight(text[start:i], "-")]++
			start = -1
		}
	}
	if start >= 0 {
		out[strings.TrimRight(text[start:], "-")]++
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
