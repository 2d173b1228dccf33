package markup

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// documentFormats are the formats read by the parsers of latex.go,
// html.go and gitcommit.go, the folder of the markup corpus holding real
// documents in each, and their file name endings.
var documentFormats = []struct {
	id, dir string
	exts    []string
}{
	{"latex", "latex", []string{".tex"}},
	{"html", "html", []string{".html", ".xhtml"}},
	{"git-commit", "git-commit", []string{".COMMIT_EDITMSG"}},
}

// corpusRoot is the repository's one copy of the markup corpus, which
// rules' precision test reads too (copied from ../shared by go generate).
// The blocks a document should give are kept here instead, in a .golden
// file under testdata/<format> at the document's relative path; only the
// documents with one are compared, so adding a document to the golden
// tests is: create an empty golden file, run -update, review it.
const corpusRoot = "../../testdata/markup"

// documentFiles returns the real documents of one format folder of the
// corpus, in name order.
func documentFiles(t testing.TB, dir string, exts []string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(filepath.Join(corpusRoot, dir), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range exts {
			if strings.HasSuffix(path, e) {
				paths = append(paths, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no documents under %s/%s", corpusRoot, dir)
	}
	sort.Strings(paths)
	return paths
}

// goldenDoc is a corpus document with the golden file of its blocks.
type goldenDoc struct {
	name   string // the document's path in the corpus
	path   string
	golden string
}

// goldenDocuments returns the documents of one format folder that have a
// golden file; golden names it from the document's relative path.
func goldenDocuments(t testing.TB, dir string, exts []string, golden func(rel string) string) []goldenDoc {
	t.Helper()
	var docs []goldenDoc
	for _, path := range documentFiles(t, dir, exts) {
		rel, err := filepath.Rel(corpusRoot, path)
		if err != nil {
			t.Fatal(err)
		}
		g := filepath.Join("testdata", golden(rel))
		if _, err := os.Stat(g); err == nil {
			docs = append(docs, goldenDoc{name: rel, path: path, golden: g})
		}
	}
	if len(docs) == 0 {
		t.Fatalf("no golden files under testdata/%s", dir)
	}
	return docs
}

// TestDocumentGolden compares the blocks extracted from each real
// document with the .golden file beside it, and checks the span
// invariants and that the chunked path equals a whole parse. Run with
// -update to rewrite the golden files (check them by eye).
func TestDocumentGolden(t *testing.T) {
	for _, df := range documentFormats {
		for _, doc := range goldenDocuments(t, df.dir, df.exts, func(rel string) string { return rel + ".golden" }) {
			t.Run(doc.name, func(t *testing.T) {
				b, err := os.ReadFile(doc.path)
				if err != nil {
					t.Fatal(err)
				}
				src := string(b)
				got := describe(src, checkExtract(t, df.id, src))
				golden := doc.golden
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("blocks differ from %s (run with -update after checking):\n%s", golden, sameBlocksText(got, string(want)))
				}
			})
		}
	}
}

// TestDocumentsChunkedAsWhole concatenates each format's documents and
// checks that Split, parsing chunk by chunk, and one whole parse agree.
func TestDocumentsChunkedAsWhole(t *testing.T) {
	for _, df := range documentFormats {
		var sb strings.Builder
		for _, path := range documentFiles(t, df.dir, df.exts) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sb.Write(b)
		}
		checkExtract(t, df.id, sb.String())
	}
}

var documentFuzzSeeds = []string{
	"",
	"\\begin{document}\\section{T}Text $x$ \\emph{e\\footnote{n}} \\cite{k}.\n\n\\begin{verbatim}\n}\n\\end{verbatim}\\end{document}",
	"\\emph{\\textbf{\\emph{", "}}}{{{", "$$ $ \\( \\[ \\verb|x", "\\\"{\\i} \\v{ \\c", "%\n%\n\n% x\n\\item[", "\\begin{itemize}\\begin{tabular}{ll}a&b\\\\\\end{itemize}",
	"<p>Fish &amp; chips <code>x</code></p><pre>a\n\nb</pre><script>x</script><!-- c -->",
	"<li><td><blockquote><p>x&#x;&#12345678;&amp", "<code><code></code>after", "<p a='<b>'>t</p",
	"Subject: here\n\nBody `code` https://x.y.\n    code\n- item\n  more\n\nSigned-off-by: a\n# comment\n# ------------------------ >8 ------------------------\ndiff",
	"\r\n\r\n#\r\n", "a: b\n\nc: d e\n",
}

func fuzzDocumentFormat(f *testing.F, id string) {
	for _, s := range documentFuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSourceRanges(t, checkExtract(t, id, src))
		for _, c := range FormatFor(id).Comments(src) {
			if c.Start < 0 || c.End > len(src) || c.TextStart < c.Start || c.TextStart+len(c.Text) > c.End || src[c.TextStart:c.TextStart+len(c.Text)] != c.Text {
				t.Fatalf("comment %+v does not map into the source", c)
			}
		}
	})
}

func FuzzExtractLaTeX(f *testing.F)     { fuzzDocumentFormat(f, "latex") }
func FuzzExtractHTML(f *testing.F)      { fuzzDocumentFormat(f, "html") }
func FuzzExtractGitCommit(f *testing.F) { fuzzDocumentFormat(f, "git-commit") }

// benchmarkDocuments measures extraction of a format's documents, each
// on its own (MB/s): concatenated, a LaTeX document's \begin{document}
// would leave the others out.
func benchmarkDocuments(b *testing.B, id string) {
	for _, df := range documentFormats {
		if df.id != id {
			continue
		}
		var docs []string
		n := 0
		for _, path := range documentFiles(b, df.dir, df.exts) {
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, string(data))
			n += len(data)
		}
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, src := range docs {
				Extract(id, src)
			}
		}
	}
}

func BenchmarkExtractLaTeX(b *testing.B)     { benchmarkDocuments(b, "latex") }
func BenchmarkExtractHTML(b *testing.B)      { benchmarkDocuments(b, "html") }
func BenchmarkExtractGitCommit(b *testing.B) { benchmarkDocuments(b, "git-commit") }
