package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"liaison/analysis/spell"
	"liaison/rules/project/safefile"
)

// WordsFileName is the project's word list when .liaison.yaml names none:
// plain text, one word per line, sorted, at the project's root.
const WordsFileName = ".liaison-words.txt"

// MaxWordsBytes bounds a words file: a million words of 15 letters.
const MaxWordsBytes = 16 << 20

// MaxWordBytes bounds one word (a line longer than this is not a word).
const MaxWordBytes = 100

// Spelling is the spelling section of a configuration:
//
//	spelling:
//	  dialect: en-GB            # en-US (default), en-GB, en-GB-oxendict, en-CA, en-AU
//	  words: docs/words.txt     # the project's word list; default .liaison-words.txt
type Spelling struct {
	Dialect spell.Dialect // "": not set
	Words   Ref           // the words file as written, relative to the configuration; "": the default
}

// spelling reads the spelling section (nil: none).
func (p *configParser) spelling(n *yaml.Node) Spelling {
	var out Spelling
	if n == nil {
		return out
	}
	f := p.fields(n, "spelling", "dialect", "words")
	if f == nil {
		return out
	}
	if d := f["dialect"]; d != nil {
		if s, ok := p.scalar(d, "a dialect"); ok {
			dialect, err := spell.ParseDialect(s)
			if err != nil || s == "" {
				p.errorf(d, "spelling: dialect: %v", errOrEmpty(err))
			} else {
				out.Dialect = dialect
			}
		}
	}
	if w := f["words"]; w != nil {
		if s, ok := p.scalar(w, "a words file"); ok {
			if strings.TrimSpace(s) == "" || strings.ContainsRune(s, 0) {
				p.errorf(w, "spelling: words: want the path of a words file")
			} else {
				out.Words = Ref{Value: s, Line: w.Line, Column: w.Column}
			}
		}
	}
	return out
}

func errOrEmpty(err error) error {
	if err == nil {
		return errors.New("empty dialect")
	}
	return err
}

// WordsPath is the project's words file: the one the configuration names,
// relative to its directory, or WordsFileName beside it.
func (p *Project) WordsPath() string {
	if p == nil {
		return ""
	}
	if w := p.Config.Spelling.Words.Value; w != "" {
		if filepath.IsAbs(w) {
			return filepath.Clean(w)
		}
		return filepath.Join(p.Dir, filepath.FromSlash(w))
	}
	return filepath.Join(p.Dir, WordsFileName)
}

// UserWordsPath is the user's own words file:
// $XDG_CONFIG_HOME/liaison/words.txt, or ~/.config/liaison/words.txt
// (os.UserConfigDir's directory on other systems).
func UserWordsPath() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no configuration directory for the user's words: %w", err)
		}
		dir = d
	}
	return filepath.Join(dir, "liaison", "words.txt"), nil
}

// WordsProblem is a line of a words file that is not a word: it is
// skipped, and the file's other words are used.
type WordsProblem struct {
	Line int
	Msg  string
}

// Words is a words file as read.
type Words struct {
	Words    []string // distinct, in file order
	Problems []WordsProblem
	CRLF     bool // lines end in CRLF
}

// ReadWords reads a words file through safefile (a regular file, at most
// MaxWordsBytes, inside root when root is not ""). A missing file is no
// words and no error.
func ReadWords(path, root string) (*Words, error) {
	data, err := safefile.Read(path, safefile.Options{MaxBytes: MaxWordsBytes, Root: root})
	var tl *safefile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Words{}, nil
	case errors.As(err, &tl):
		return nil, fmt.Errorf("%s: words file refused: larger than %s", path, safefile.FormatSize(MaxWordsBytes))
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, fmt.Errorf("%s: words file refused: not a regular file", path)
	case errors.Is(err, safefile.ErrOutsideRoot):
		return nil, fmt.Errorf("%s: words file refused: it resolves outside %s", path, root)
	case err != nil:
		return nil, fmt.Errorf("%s: reading the words file: %w", path, err)
	}
	return ParseWords(data), nil
}

// ParseWords reads the text of a words file: one word per line; blank
// lines and lines starting with # are ignored; CRLF or LF line ends; a
// UTF-8 byte-order mark is skipped. A line that is not valid UTF-8, holds
// a space or a control character, or is longer than MaxWordBytes is a
// problem, not a word. Duplicates count once.
func ParseWords(data []byte) *Words {
	w := &Words{}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	w.CRLF = bytes.Contains(data, []byte("\r\n"))
	seen := make(map[string]bool)
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		s := string(bytes.TrimSpace(line))
		if s == "" || s[0] == '#' {
			continue
		}
		if msg := badWord(s); msg != "" {
			w.Problems = append(w.Problems, WordsProblem{Line: n + 1, Msg: msg})
			continue
		}
		if !seen[s] {
			seen[s] = true
			w.Words = append(w.Words, s)
		}
	}
	return w
}

// badWord says why s cannot be a word of a words file ("" if it can).
func badWord(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	case len(s) > MaxWordBytes:
		return fmt.Sprintf("longer than %d bytes", MaxWordBytes)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "holds a space or a control character: one word per line"
	}
	return ""
}

// CheckWord says why word cannot be added to a words file (nil if it can).
func CheckWord(word string) error {
	if word == "" || word[0] == '#' {
		return fmt.Errorf("%q is not a word", word)
	}
	if msg := badWord(word); msg != "" {
		return fmt.Errorf("%q is not a word: %s", word, msg)
	}
	return nil
}

// AddWord adds word to the words file at path (created, with its
// directory, if missing): the file's words and word stay sorted and
// distinct, its line ends as they were, and it is replaced atomically (a
// temporary file beside it, then a rename), so that a failure leaves the
// old file whole. A file with lines that are not words (invalid UTF-8,
// say) is not rewritten, since those lines would be lost.
func AddWord(path, root, word string) error {
	if err := CheckWord(word); err != nil {
		return err
	}
	if info, err := os.Lstat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s: cannot add %q: it is a directory, not a words file", path, word)
	}
	w, err := ReadWords(path, root)
	if err != nil {
		return fmt.Errorf("cannot add %q: %w", word, err)
	}
	if len(w.Problems) > 0 {
		p := w.Problems[0]
		return fmt.Errorf("%s:%d: cannot add %q: the line is %s; fix the file first, so that rewriting it loses nothing", path, p.Line, word, p.Msg)
	}
	if slices.Contains(w.Words, word) {
		return nil
	}
	data, err := readRaw(path, root)
	if err != nil {
		return fmt.Errorf("cannot add %q: %w", word, err)
	}
	out := withWord(data, word, w.CRLF)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot add %q to %s: %w", word, path, err)
	}
	return writeAtomic(path, out)
}

// readRaw is the file's bytes as ReadWords read them; nil when missing.
func readRaw(path, root string) ([]byte, error) {
	data, err := safefile.Read(path, safefile.Options{MaxBytes: MaxWordsBytes, Root: root})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// withWord returns the file's text with word added: comments and blank
// lines stay where they are, the words (every other line) are sorted
// with the new one among them, duplicates dropped.
func withWord(data []byte, word string, crlf bool) []byte {
	nl := "\n"
	if crlf {
		nl = "\r\n"
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\uFEFF"))), "\r\n", "\n")
	text = strings.TrimSuffix(text, "\n")
	var lines []string
	if text != "" {
		lines = strings.Split(text, "\n")
	}
	isWord := make([]bool, len(lines))
	var words []string
	for i, l := range lines {
		s := strings.TrimSpace(l)
		if s == "" || s[0] == '#' {
			continue
		}
		isWord[i] = true
		words = append(words, s)
	}
	words = append(words, word)
	slices.Sort(words)
	words = slices.Compact(words)
	// The sorted words go back into the word lines (a duplicate's line is
	// dropped), the rest after them.
	var b strings.Builder
	b.Grow(len(text) + len(word) + 2*len(nl))
	wi := 0
	for i, l := range lines {
		switch {
		case !isWord[i]:
			b.WriteString(l)
		case wi < len(words):
			b.WriteString(words[wi])
			wi++
		default:
			continue
		}
		b.WriteString(nl)
	}
	for ; wi < len(words); wi++ {
		b.WriteString(words[wi])
		b.WriteString(nl)
	}
	return []byte(b.String())
}

// writeAtomic writes data to a temporary file in path's directory and
// renames it over path, keeping path's permissions when it exists.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if info, err := os.Stat(path); err == nil {
		if err := tmp.Chmod(info.Mode().Perm()); err != nil {
			return fail(err)
		}
	} else if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
