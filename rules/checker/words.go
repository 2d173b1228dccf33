package checker

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"liaison/analysis"
	"liaison/analysis/text"
	"liaison/rules"
	"liaison/rules/directive"
	"liaison/rules/project"
)

// wordState is what the spelling rule needs from outside the document:
// the word lists read from disk (cached by file, re-read when the file
// changes) and the documents open in the workspace, whose code excuses a
// word in any of them (a Rust book writes `rustc` in code and rustc in
// prose). It is safe for concurrent use.
type wordState struct {
	mu    sync.Mutex
	files map[string]*wordFile // by path
	repos map[string]string    // directory → its repository root ("" none)
	open  map[string]*openDoc  // by Document.Key
	// suggestions are kept across checks (see rules.Spelling.Cache).
	suggestions rules.SuggestionCache
	// reported are the problems of word files already given to
	// WordProblems, so that each is reported once per file revision.
	reported map[string]bool
}

// wordFile is one words file as last read.
type wordFile struct {
	mod      time.Time
	size     int64
	exists   bool
	list     *rules.WordList
	problems []string // lines that are not words, the file unreadable
}

// openDoc is an open document's latest text and analysis, and the words
// its spelling findings looked up in the other open documents' code, with
// what the lookup answered.
type openDoc struct {
	res      *analysis.Result
	path     string
	code     *rules.CodeWords // read from text when first asked
	lookedUp map[string]bool
}

func newWordState() *wordState {
	return &wordState{files: map[string]*wordFile{}, repos: map[string]string{}, open: map[string]*openDoc{}, reported: map[string]bool{}}
}

func (c *Checker) wordState() *wordState { return c.words }

// withSpelling adds to s what the spelling rule needs for doc: the
// project's words, the user's, the document's liaison-words comments, and
// a lookup of the words the document and the other open ones write as
// code. whole is false when doc is checked a part at a time (the
// analysis then covers one part: only its stretch of the text is read
// for code).
//
// known (nil: nothing) is what the check learns of the text before the
// rules run (find fills it in).
func (c *Checker) withSpelling(doc Document, lk *Lookup, s rules.Settings, whole bool, known *knownOfText) rules.Settings {
	ws := c.wordState()
	// Suggestions are left to the code actions and hovers that ask and to
	// liaison define: the first one decodes the suggestion index (about
	// 0.6 s of CPU), which nearly doubled liaison check on the Rust Book
	// (user CPU 0.94-1.34 s without the spelling rules, 0.96-1.35 s with
	// them but no suggestions, 1.76-2.53 s with suggestions).
	sp := rules.Spelling{Cache: &ws.suggestions, NoSuggestions: true}
	if path, root := c.ProjectWordsPath(doc.Path, lk); path != "" {
		if l := ws.list(path, root); l != nil {
			sp.Words = append(sp.Words, l)
		}
	}
	if path, err := project.UserWordsPath(); err == nil {
		if l := ws.list(path, ""); l != nil {
			sp.Words = append(sp.Words, l)
		}
	}
	src, key := doc.source(), doc.Key
	memo := map[string]bool{}
	var own *rules.CodeWords
	var ownRes *analysis.Result
	var directiveWords *rules.WordList // the document's liaison-words comments
	code := func(res *analysis.Result) *rules.CodeWords {
		if res != ownRes {
			// Checked a part at a time, each part's analysis in turn.
			own, ownRes = codeWordsOf(doc, src, res, whole, ws.lastCode(key, whole)), res
			if own == nil {
				own = &rules.CodeWords{}
			}
			clear(memo)
		}
		return own
	}
	sp.JoinedToCode = func(res *analysis.Result, word string) bool { return code(res).Joined(word) }
	sp.InCode = func(res *analysis.Result, word string) bool {
		own := code(res)
		if v, ok := memo[word]; ok {
			return v
		}
		if directiveWords == nil {
			// Read when a candidate first asks, not on every check: most
			// keystrokes leave no candidate to settle.
			var ws []string
			if known == nil || !known.noMentions { // else Words is nil, known without a scan of the text
				ws = directive.Words(doc.LanguageID, doc.whole())
			}
			directiveWords = rules.NewWordList(ws)
		}
		v := directiveWords.Has(word) || own.Has(word)
		if !v && key != "" {
			v = ws.inOtherCode(key, word)
		}
		memo[word] = v
		return v
	}
	if !whole {
		// Checked a part at a time, a document's candidates are not all
		// in one check: count the words in the whole text instead (once).
		var counts map[string]int
		sp.Count = func(word string) int {
			if counts == nil {
				counts = rules.CountWords(doc.whole())
			}
			return counts[word]
		}
	}
	s.Spelling = s.Spelling.Under(sp)
	return s
}

// knownOfText is what a check learns of a document's text before its
// rules run, which the spelling rule's lookups use instead of scanning the
// text: noMentions, that it mentions no directive keyword stem
// ("liaison-"), so it has no liaison-words comment (directive.Words is
// nil). A whole-text scan for them on a keystroke's first spelling
// candidate was 3% of a keystroke's CPU in the Rust Book, profiled; the
// checker knows it from the edit alone (directive.MentionedNear).
type knownOfText struct {
	noMentions bool
}

// ProjectWordsPath is the words file of the project doc belongs to, and
// the root it must resolve inside: the one lk's configuration names (or
// .liaison-words.txt beside it); with no configuration, the
// .liaison-words.txt of the workspace folder holding the document, else
// of its repository. "" when there is none (a document with no path
// outside any folder or repository).
func (c *Checker) ProjectWordsPath(docPath string, lk *Lookup) (path, root string) {
	if p := lk.project(); p != nil {
		return p.WordsPath(), p.Root
	}
	if docPath == "" {
		return "", ""
	}
	for _, r := range c.currentRoots() {
		if project.Within(docPath, r) {
			return filepath.Join(r, project.WordsFileName), r
		}
	}
	if repo := c.wordState().repository(filepath.Dir(docPath)); repo != "" {
		return filepath.Join(repo, project.WordsFileName), repo
	}
	return "", ""
}

// repository is project.RepositoryRoot(dir), remembered.
func (ws *wordState) repository(dir string) string {
	ws.mu.Lock()
	r, ok := ws.repos[dir]
	ws.mu.Unlock()
	if ok {
		return r
	}
	r = project.RepositoryRoot(dir)
	ws.mu.Lock()
	if len(ws.repos) > 4096 {
		clear(ws.repos)
	}
	ws.repos[dir] = r
	ws.mu.Unlock()
	return r
}

// list returns the words file at path, read again when its size or
// modification time changed; nil when it is missing or holds nothing.
func (ws *wordState) list(path, root string) *rules.WordList {
	info, err := os.Stat(path)
	ws.mu.Lock()
	f := ws.files[path]
	ws.mu.Unlock()
	exists := err == nil
	if f != nil && f.exists == exists && (!exists || f.mod.Equal(info.ModTime()) && f.size == info.Size()) {
		return f.list
	}
	f = &wordFile{exists: exists}
	if exists {
		f.mod, f.size = info.ModTime(), info.Size()
		w, err := project.ReadWords(path, root)
		if err != nil {
			f.problems = []string{err.Error()}
		} else {
			for _, p := range w.Problems {
				f.problems = append(f.problems, path+":"+itoa(p.Line)+": skipped: "+p.Msg)
			}
			if len(w.Words) > 0 {
				f.list = rules.NewWordList(w.Words)
			}
		}
	}
	ws.mu.Lock()
	ws.files[path] = f
	ws.mu.Unlock()
	return f.list
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// ForgetWords drops what was read of the words file at path, so that the
// next check reads it again (after the server wrote it: a rewrite within
// the file system's time resolution might keep its size and time).
func (c *Checker) ForgetWords(path string) {
	ws := c.wordState()
	ws.mu.Lock()
	delete(ws.files, path)
	ws.mu.Unlock()
}

// WordProblems returns the problems of the words files read since the
// last call (unreadable files, lines that are not words), each once per
// revision of its file.
func (c *Checker) WordProblems() []string {
	ws := c.wordState()
	ws.mu.Lock()
	defer ws.mu.Unlock()
	var out []string
	for path, f := range ws.files {
		for _, p := range f.problems {
			k := path + "\x00" + f.mod.String() + "\x00" + p
			if !ws.reported[k] {
				ws.reported[k] = true
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}

// rememberCode keeps doc's text and analysis as an open document's, for
// the other documents' spelling (SpellingStale).
func (c *Checker) rememberCode(doc Document, res *analysis.Result) {
	if doc.Key == "" || res == nil {
		return
	}
	ws := c.wordState()
	ws.mu.Lock()
	defer ws.mu.Unlock()
	od := ws.open[doc.Key]
	if od == nil {
		od = &openDoc{lookedUp: map[string]bool{}}
		ws.open[doc.Key] = od
	}
	prev := od.code
	od.res, od.path = res, doc.Path
	od.code = codeWordsOf(doc, doc.source(), res, true, prev)
}

// codeWordsOf is rules.CodeWordsAfter for doc, whose text is src: read a
// span at a time when doc has a Source.
func codeWordsOf(doc Document, src text.Source, res *analysis.Result, whole bool, prev *rules.CodeWords) *rules.CodeWords {
	if doc.Source != nil {
		return rules.CodeWordsIn(src, res, whole, prev)
	}
	return rules.CodeWordsAfter(doc.Text, res, whole, prev, doc.Edit)
}

// lastCode is the code words of the open document key as last checked,
// nil when there are none (or whole is false: a part's are not kept).
func (ws *wordState) lastCode(key string, whole bool) *rules.CodeWords {
	if key == "" || !whole {
		return nil
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if od := ws.open[key]; od != nil {
		return od.code
	}
	return nil
}

// SpellingStale returns the keys of the open documents other than key
// whose spelling findings may have changed since they were checked: a
// word one of them looked up in the other documents' code is there now
// and was not, or the other way round (key was just checked, and its code
// changed). The server checks them again; their next check records the
// answers afresh, so the same change never makes a document stale twice.
func (c *Checker) SpellingStale(key string) []string {
	ws := c.wordState()
	ws.mu.Lock()
	defer ws.mu.Unlock()
	var stale []string
	for k, other := range ws.open {
		if k == key {
			continue
		}
		for w, was := range other.lookedUp {
			if ws.codeElsewhere(k, w) != was {
				stale = append(stale, k)
				clear(other.lookedUp)
				break
			}
		}
	}
	slices.Sort(stale)
	return stale
}

// forgetCode drops a closed document.
func (c *Checker) forgetCode(key string) {
	ws := c.wordState()
	ws.mu.Lock()
	delete(ws.open, key)
	ws.mu.Unlock()
}

// inOtherCode reports whether an open document other than key writes
// word as code, and remembers that key asked.
func (ws *wordState) inOtherCode(key, word string) bool {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	found := ws.codeElsewhere(key, word)
	if od := ws.open[key]; od != nil {
		if len(od.lookedUp) < 4096 {
			od.lookedUp[word] = found
		}
	} else {
		ws.open[key] = &openDoc{lookedUp: map[string]bool{word: found}}
	}
	return found
}

// codeElsewhere reports whether an open document other than key writes
// word as code (ws.mu held).
func (ws *wordState) codeElsewhere(key, word string) bool {
	for k, od := range ws.open {
		if k != key && od.code.Has(word) {
			return true
		}
	}
	return false
}

// inCode reports whether text writes word outside its prose (see
// codeWordsOf).
func inCode(text string, res *analysis.Result, word string, whole bool) bool {
	return rules.CodeWordsOf(text, res, whole, nil).Has(word)
}
