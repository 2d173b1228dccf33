package rules

import (
	"hash/maphash"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"liaison/analysis"
)

// CodeWords are the words a document writes outside its prose, with
// the hash of the text they are read from, so that a keystroke in prose
// (which leaves that text as it was) keeps what was learnt. A word is
// looked for when asked (a search of the code text, remembered); past
// maxCodeLookups words, the whole set is built once. It is safe for
// concurrent use.
type CodeWords struct {
	hash    uint64
	text    string
	regions [][2]int // sorted byte ranges of text that are not prose

	mu    sync.Mutex
	memo  map[string]bool
	words map[string]struct{} // nil until built
}

// maxCodeLookups is how many words are searched for one by one before the
// whole set is built: a keystroke asks about a few, a first check of a
// document of unknown words about thousands.
const maxCodeLookups = 64

// Has reports whether the document writes word as code, or, for a
// capitalised word (a sentence's first), its lower-case form.
func (cw *CodeWords) Has(word string) bool {
	if cw == nil || len(cw.regions) == 0 || word == "" {
		return false
	}
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if v, ok := cw.memo[word]; ok {
		return v
	}
	if cw.words == nil && len(cw.memo) >= maxCodeLookups {
		cw.words = map[string]struct{}{}
		for _, r := range cw.regions {
			addCodeWords(cw.words, cw.text[r[0]:r[1]])
		}
	}
	forms := []string{word}
	if r, size := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		forms = append(forms, string(unicode.ToLower(r))+word[size:])
	}
	v := false
	for _, f := range forms {
		if cw.words != nil {
			_, v = cw.words[f]
		} else {
			v = cw.search(f)
		}
		if v {
			break
		}
	}
	if cw.memo == nil {
		cw.memo = map[string]bool{}
	}
	cw.memo[word] = v
	return v
}

// search looks for w as a whole word in the code regions.
func (cw *CodeWords) search(w string) bool {
	text := cw.text
	for at := 0; at < len(text); {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return false
		}
		start, end := at+i, at+i+len(w)
		at = end
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
				continue
			}
		}
		if end < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
				continue
			}
		}
		k := sort.Search(len(cw.regions), func(k int) bool { return cw.regions[k][1] > start })
		if k < len(cw.regions) && cw.regions[k][0] <= start && end <= cw.regions[k][1] && !inWordsComment(text[cw.regions[k][0]:start]) {
			return true
		}
	}
	return false
}

// inWordsComment reports whether the code before a word, in its region,
// puts it in a liaison-words comment (on the same line), whose words
// count in its own document only.
func inWordsComment(before string) bool {
	i := strings.LastIndex(before, "liaison-words")
	return i >= 0 && !strings.ContainsAny(before[i:], "\r\n")
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
	// The regions are walked twice: once to hash them (a keystroke in
	// prose leaves the hash, and prev stands), and only when it changed to
	// keep them; a whole book has tens of thousands.
	walk := func(f func(start, end int)) {
		at := lo
		for _, b := range res.Blocks {
			start, end := max(b.Start, lo), min(b.End, hi)
			if start > at {
				f(at, start)
			}
			if b.BlockAnalysis != nil {
				for _, m := range b.Markup {
					if ms, me := b.Start+m.Start, min(b.Start+m.End, hi); me > ms {
						f(ms, me)
					}
				}
			}
			at = max(at, end)
		}
		if at < hi {
			f(at, hi)
		}
	}
	var h maphash.Hash
	h.SetSeed(codeSeed)
	walk(func(start, end int) { h.WriteString(text[start:end]) })
	sum := h.Sum64()
	if prev != nil && prev.hash == sum {
		return prev
	}
	var regions [][2]int
	walk(func(start, end int) { regions = append(regions, [2]int{start, end}) })
	cw := &CodeWords{hash: sum, text: text, regions: regions}
	return cw
}

// addCodeWords adds the words of code to set, leaving out those of a
// liaison-words comment (see inWordsComment).
func addCodeWords(set map[string]struct{}, code string) {
	for {
		i := strings.Index(code, "liaison-words")
		if i < 0 {
			break
		}
		addWords(set, code[:i])
		code = code[i:]
		if j := strings.IndexAny(code, "\r\n"); j >= 0 {
			code = code[j:]
		} else {
			code = ""
		}
	}
	addWords(set, code)
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
