package rules

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"liaison/analysis"
	"liaison/analysis/markup"
	"liaison/analysis/token"
)

// The precision test (issues 15 and 17): the whole default library (style
// off) runs over long edited prose — the Rust Book, the EWT test text, a
// sample of the Open English WordNet glosses and the real documents of the
// markup corpus (../testdata/markup, the glosses in testdata/precision,
// both copied by go generate) — and every finding of every rule is kept
// in a reviewed golden list, one per corpus:
// testdata/precision/<corpus>-findings.txt. Each line of it starts with a
// verdict: "real" (the text is wrong), "false" (a false alarm, to be fixed
// in the rule) or "?" (not reviewed yet; the test fails until someone
// reviews it). -update rewrites the lists from the findings, keeping the
// verdicts and notes of the lines that stay.
var updatePrecision = flag.Bool("update", false, "rewrite testdata/precision/*-findings.txt from the current findings")

// notRealPer10k is the budget: findings per 10,000 words on each
// corpus, counting those not reviewed as real.
const notRealPer10k = 1.0

// A precisionDoc is one document of a corpus, with the language it is
// read as.
type precisionDoc struct {
	corpus, name, lang, src string
}

// precisionCorpora reads the corpora named (all when none is).
func precisionCorpora(t *testing.T, only ...string) []precisionDoc {
	t.Helper()
	want := func(c string) bool { return len(only) == 0 || slices.Contains(only, c) }
	var docs []precisionDoc
	add := func(corpus, glob, lang string) {
		if !want(corpus) {
			return
		}
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("%s: no files match %s", corpus, glob)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, precisionDoc{corpus: corpus, name: filepath.Base(f), lang: lang, src: string(b)})
		}
	}
	add("rust-book", "../testdata/rust-book/*.md", "markdown")
	// Commit messages are read as an editor opens COMMIT_EDITMSG: as
	// git-commit, whose comment lines, trailers and indented code are not prose.
	add("git-commit", "../testdata/markup/git-commit/*.COMMIT_EDITMSG", "git-commit")
	add("oewn", "testdata/precision/oewn/glosses-*.txt", "plaintext")
	if want("ewt") {
		docs = append(docs, ewtParagraphs(t, "../testdata/ud-english-ewt/en_ewt-ud-test.conllu")...)
	}
	if want("markup") {
		docs = append(docs, markupDocs(t, "../testdata/markup")...)
	}
	return docs
}

// markupDocs reads the markup corpus, each document as the format its
// name chooses (source files by their extension or, for scripts without
// one, by their folder: code-comments/shell). Its commit messages are a
// corpus of their own (git-commit), so they are left out here.
func markupDocs(t *testing.T, root string) []precisionDoc {
	t.Helper()
	var docs []precisionDoc
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "git-commit" {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		base := d.Name()
		if base == "SOURCE.md" || base == "README.md" || strings.HasPrefix(base, "LICENSE") || strings.HasPrefix(base, "NOTICE") || strings.HasPrefix(base, "COPYING") {
			return nil
		}
		lang := ""
		if f, ok := markup.FormatForPath(base); ok {
			lang = f.Name
		} else if strings.Contains(p, "/shell/") {
			lang = "shellscript"
		} else {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		docs = append(docs, precisionDoc{corpus: "markup", name: rel, lang: lang, src: string(b)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 150 {
		t.Fatalf("%s: %d documents, want more than 150", root, len(docs))
	}
	return docs
}

// ewtParagraphs rebuilds the EWT test text from its "# text =" lines, one
// document per newdoc, a blank line between paragraphs (newpar), so that
// sentences of one paragraph are checked together, as a writer wrote them.
func ewtParagraphs(t *testing.T, path string) []precisionDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []precisionDoc
	var b strings.Builder
	name := ""
	flush := func() {
		if b.Len() > 0 {
			docs = append(docs, precisionDoc{corpus: "ewt", name: name, lang: "plaintext", src: b.String()})
		}
		b.Reset()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	para := false
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# newdoc id = "):
			flush()
			name = strings.TrimPrefix(l, "# newdoc id = ")
			para = false
		case strings.HasPrefix(l, "# newpar"):
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			para = true
		case strings.HasPrefix(l, "# text = "):
			if !para && b.Len() > 0 {
				b.WriteByte(' ')
			}
			para = false
			b.WriteString(strings.TrimPrefix(l, "# text = "))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	if len(docs) < 100 {
		t.Fatalf("%s: %d documents, want more than 100", path, len(docs))
	}
	return docs
}

// precisionLine is one finding as the golden list records it: where, which
// rule, the words matched and the sentence around them.
func precisionLine(d precisionDoc, f Finding) string {
	line := 1 + strings.Count(d.src[:f.Start], "\n")
	col := f.Start - strings.LastIndexByte(d.src[:f.Start], '\n')
	lo, hi := max(0, f.Start-60), min(len(d.src), f.End+60)
	for lo > 0 && !isBoundary(d.src, lo) {
		lo--
	}
	for hi < len(d.src) && !isBoundary(d.src, hi) {
		hi++
	}
	ctx := strings.Join(strings.Fields(d.src[lo:hi]), " ")
	return fmt.Sprintf("%s/%s:%d:%d\t%s\t%q\t%s", d.corpus, d.name, line, col, f.Rule.ID, d.src[f.Start:f.End], ctx)
}

// isBoundary reports whether i is not inside a UTF-8 sequence.
func isBoundary(s string, i int) bool { return i >= len(s) || s[i] < 0x80 || s[i] >= 0xC0 }

// TestPrecision checks every corpus against its reviewed list.
func TestPrecision(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the Rust Book, the EWT test text, the glosses and the markup corpus")
	}
	checkPrecision(t)
}

// checkPrecision runs the default library over the corpora named (all
// when none is) and compares every finding with the corpus's reviewed
// list.
func checkPrecision(t *testing.T, only ...string) {
	e := defaultEngine(t)
	a := analysis.New()
	ctx := context.Background()
	words := map[string]int{}
	formatWords := map[string]int{} // the markup corpus's words by format
	lines := map[string][]string{}
	for _, d := range precisionCorpora(t, only...) {
		res, err := a.Analyze(ctx, d.lang, d.src)
		if err != nil {
			t.Fatalf("%s/%s: %v", d.corpus, d.name, err)
		}
		for _, b := range res.Blocks {
			if b.BlockAnalysis == nil {
				continue
			}
			for _, s := range b.Sentences {
				for _, tk := range s.Tokens {
					if tk.Kind == token.Word {
						words[d.corpus]++
						if d.corpus == "markup" {
							formatWords[markupFormat(d.corpus+"/"+d.name)]++
						}
					}
				}
			}
		}
		for _, f := range e.Check(ctx, res, Settings{}) {
			if f.Rule.Category == "style" || f.Rule.Category == "spelling" || f.Rule.Category == "dialect" { // off by default; spelling_precision_test.go
				continue
			}
			lines[d.corpus] = append(lines[d.corpus], precisionLine(d, f))
		}
	}
	var corpora []string
	for c := range words {
		corpora = append(corpora, c)
	}
	sort.Strings(corpora)
	for _, c := range corpora {
		ls := lines[c]
		sort.Strings(ls)
		path := precisionGolden(c)
		golden := readPrecisionGolden(t, path)
		if *updatePrecision {
			writePrecisionGolden(t, path, ls, golden)
			golden = readPrecisionGolden(t, path)
		}
		// The budget counts the findings not reviewed as real: web text
		// such as EWT's has real errors ("i think", "the the"), which a
		// checker should find; what the budget bounds is false alarms and
		// unreviewed findings.
		verdicts := map[string]int{}
		seen := map[string]bool{}
		for _, l := range ls {
			seen[l] = true
			v, ok := golden[l]
			if !ok {
				v = "?"
				t.Errorf("new finding, not in %s (review it, then go test ./rules -run TestPrecision -update):\n\t%s", path, l)
			} else if v == "?" {
				t.Errorf("finding not reviewed (mark it real or false in %s):\n\t%s", path, l)
			}
			verdicts[v]++
		}
		for l := range golden {
			if !seen[l] {
				t.Errorf("%s lists a finding no longer reported (go test ./rules -run TestPrecision -update):\n\t%s", path, l)
			}
		}
		notReal := len(ls) - verdicts["real"]
		per10k := float64(notReal) / float64(words[c]) * 10_000
		t.Logf("%-10s %7d words, %4d findings (%.2f per 10,000 words): %d real, %d false, %d not reviewed; not real %.2f per 10,000 words",
			c, words[c], len(ls), float64(len(ls))/float64(words[c])*10_000, verdicts["real"], verdicts["false"], verdicts["?"], per10k)
		if per10k > notRealPer10k {
			t.Errorf("%s: %d findings not reviewed as real in %d words = %.2f per 10,000 words, budget %.1f",
				c, notReal, words[c], per10k, notRealPer10k)
		}
		if c == "markup" {
			checkFormats(t, ls, golden, formatWords)
		}
	}
}

// checkFormats holds each format of the markup corpus to the budget on
// its own (a format's extraction bug must not hide in the others' words).
func checkFormats(t *testing.T, ls []string, golden map[string]string, words map[string]int) {
	t.Helper()
	found, notReal := map[string]int{}, map[string]int{}
	for _, l := range ls {
		f := markupFormat(l)
		found[f]++
		if golden[l] != "real" {
			notReal[f]++
		}
	}
	formats := make([]string, 0, len(words))
	for f := range words {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	for _, f := range formats {
		per10k := float64(notReal[f]) / float64(words[f]) * 10_000
		t.Logf("  %-14s %7d words, %3d findings (%.2f per 10,000 words), not real %.2f per 10,000 words",
			f, words[f], found[f], float64(found[f])/float64(words[f])*10_000, per10k)
		if per10k > notRealPer10k {
			t.Errorf("markup/%s: %d findings not reviewed as real in %d words = %.2f per 10,000 words, budget %.1f",
				f, notReal[f], words[f], per10k, notRealPer10k)
		}
	}
}

// markupFormat is the format folder of a markup-corpus place
// ("markup/html/apache-ant-manual/…" → "html").
func markupFormat(place string) string {
	rest, _ := strings.CutPrefix(place, "markup/")
	f, _, _ := strings.Cut(rest, "/")
	return f
}

// precisionGolden is the reviewed list of a corpus's findings.
func precisionGolden(corpus string) string {
	return "testdata/precision/" + corpus + "-findings.txt"
}

// readPrecisionGolden reads a golden list: finding line → verdict.
func readPrecisionGolden(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	for n, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		v, rest, ok := strings.Cut(l, "\t")
		if !ok || (v != "real" && v != "false" && v != "?") {
			t.Fatalf("%s:%d: want real|false|?<TAB>finding, got %q", path, n+1, l)
		}
		rest, _ = splitNote(rest)
		out[rest] = v
	}
	return out
}

// writePrecisionGolden rewrites a golden list, keeping verdicts and notes
// of the lines that stay and marking new lines "?".
func writePrecisionGolden(t *testing.T, path string, lines []string, old map[string]string) {
	t.Helper()
	notes := map[string]string{}
	if b, err := os.ReadFile(path); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if _, rest, ok := strings.Cut(l, "\t"); ok {
				if f, note := splitNote(rest); note != "" {
					notes[f] = note
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("# Findings of the default library on this precision corpus (rules/precision_test.go), one a line:\n")
	b.WriteString("# verdict<TAB>corpus/file:line:column<TAB>rule<TAB>matched<TAB>context[<TAB># note]\n")
	b.WriteString("# verdict: real (the text is wrong), false (a false alarm: fix the rule), ? (not reviewed).\n")
	for _, l := range lines {
		v, ok := old[l]
		if !ok {
			v = "?"
		}
		b.WriteString(v + "\t" + l + notes[l] + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// splitNote splits a golden line (without its verdict) into the finding
// and the reviewer's note: a fifth field, after the context, starting "# "
// (the context itself may start with "#", a Markdown heading).
func splitNote(l string) (finding, note string) {
	fs := strings.SplitN(l, "\t", 5)
	if len(fs) == 5 && strings.HasPrefix(fs[4], "# ") {
		return strings.Join(fs[:4], "\t"), "\t" + fs[4]
	}
	return l, ""
}
