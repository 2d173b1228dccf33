package markup

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// scanParsers are the hand-written scanners by corpus folder, with the
// extension of their documents and the format's language id.
var scanParsers = map[string]struct {
	ext, id string
	parse   func(string) []Block
}{
	"rst":      {".rst", "restructuredtext", parseRST},
	"asciidoc": {".adoc", "asciidoc", parseAsciiDoc},
	"org":      {".org", "org", parseOrg},
	"typst":    {".typ", "typst", parseTypst},
}

// checkScan checks one document through parse: the span invariants of
// every block, blocks in source order without overlapping, and a second
// parse giving the same blocks.
func checkScan(t testing.TB, parse func(string) []Block, src string) []Block {
	t.Helper()
	blocks := parse(src)
	checkMapping(t, src, blocks)
	for i := 1; i < len(blocks); i++ {
		if blocks[i].Start < blocks[i-1].End {
			t.Fatalf("block %d [%d,%d) overlaps block %d [%d,%d)", i, blocks[i].Start, blocks[i].End, i-1, blocks[i-1].Start, blocks[i-1].End)
		}
	}
	for bi, b := range blocks {
		for q := 0; q < len(b.Prose); q++ {
			if s, e := b.SourceRange(q, q+1); s < 0 || e > b.End-b.Start || s > e {
				t.Fatalf("block %d: SourceRange(%d,%d) = [%d,%d) outside [0,%d)", bi, q, q+1, s, e, b.End-b.Start)
			}
		}
	}
	return blocks
}

// checkScanFormat is checkScan through the registry too: Extract and the
// chunk-by-chunk path give the blocks of one whole parse.
func checkScanFormat(t testing.TB, id string, parse func(string) []Block, src string) []Block {
	t.Helper()
	whole := checkScan(t, parse, src)
	if diff := sameBlocks(src, Extract(id, src), whole); diff != "" {
		t.Fatalf("Extract(%s) differs from a whole parse: %s", id, diff)
	}
	if diff := sameBlocks(src, extractByChunk(id, src), whole); diff != "" {
		t.Fatalf("chunked parse (%s) differs from a whole parse: %s", id, diff)
	}
	return whole
}

// TestScanDump writes the prose of every document under $LIAISON_SCAN_DUMP
// (a corpus folder) to /tmp/scan, for reviewing extraction by eye.
func TestScanDump(t *testing.T) {
	dir := os.Getenv("LIAISON_SCAN_DUMP")
	if dir == "" {
		t.Skip("LIAISON_SCAN_DUMP not set")
	}
	for name, sp := range scanParsers {
		paths, _ := filepath.Glob(filepath.Join(dir, name, "*"+sp.ext))
		more, _ := filepath.Glob(filepath.Join(dir, name, "*", "*"+sp.ext))
		for _, p := range append(paths, more...) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			for _, blk := range checkScan(t, sp.parse, string(b)) {
				sb.WriteString(blk.Kind.String() + ": " + blk.Prose + "\n")
			}
			os.WriteFile(filepath.Join("/tmp/scan", filepath.Base(p)+".txt"), []byte(sb.String()), 0o644)
		}
	}
}

// proseList renders blocks as "kind: prose" lines.
func proseList(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		sb.WriteString(b.Kind.String() + ": " + b.Prose + "\n")
	}
	return sb.String()
}

// TestScanGolden extracts each real document of the corpus (see
// corpusRoot) that has a golden file under testdata/<format> and compares
// the blocks and spans, as text, with it. Run with -update to rewrite the
// golden files.
func TestScanGolden(t *testing.T) {
	for name, sp := range scanParsers {
		golden := func(rel string) string { return strings.TrimSuffix(rel, sp.ext) + ".golden" }
		for _, doc := range goldenDocuments(t, name, []string{sp.ext}, golden) {
			t.Run(doc.name, func(t *testing.T) {
				b, err := os.ReadFile(doc.path)
				if err != nil {
					t.Fatal(err)
				}
				src := string(b)
				got := describe(src, checkScanFormat(t, sp.id, sp.parse, src))
				if *update {
					if err := os.WriteFile(doc.golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(doc.golden)
				if err != nil {
					t.Fatal(err)
				}
				if got != string(want) {
					t.Errorf("blocks differ from %s (run with -update after checking):\n%s", doc.golden, sameBlocksText(got, string(want)))
				}
			})
		}
	}
}

// sameBlocksText reports the first differing line of two descriptions.
func sameBlocksText(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			return "line " + itoa(i+1) + ":\n got  " + gl[i] + "\n want " + wl[i]
		}
	}
	return "got " + itoa(len(gl)) + " lines, want " + itoa(len(wl))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// scanSeeds are inputs that reach the corners of the four scanners; with
// fuzzSeeds and the files under testdata/fuzz they seed the fuzz targets.
var scanSeeds = []string{
	"Title\n=====\n\n*a* **b** ``c`` :r:`d` `e <f>`_ g_ [1]_ |s| \\* https://x.y\n",
	"=====\nT\n=====\n\n- a\n  b\n\n1. c\n#. d\n\n.. note:: x\n   :o: p\n\n   y\n\n.. [1] n\n.. _t: u\n.. |s| image:: i\n",
	"x::\n\n    code\n\n=== ===\na   b\n=== ===\n\n+---+---+\n| a | b |\n+---+---+\n\n>>> 1\n| line\n",
	"PEP: 1\nTitle: t\n  more\n\n:F: v\n\nterm\n   def\n\n   quote\n",
	"= D\nA <a@b>\n:a: b\n\n== S\n\n*b* _i_ `m` +p+ {a} {u}/x[t] https://x[t] xref:a[] <<i,t>> [[a]] ((t)) (((i))) x--y \"`q`\" \\*\n",
	"[source]\n----\nc\n----\n\n[NOTE]\n====\nn\n====\n\n____\nq\n____\n\n--\no\n--\n\n|===\n|a |b\na|* l\nl|x\n|===\n",
	"* a\n** b\n. c\n<1> d\nt:: e\nu::\n  f\n\n .lit\n\n.T\ninclude::x[]\n// c\n////\nc\n////\nNOTE: n +\nx\n",
	"#+title: T\n* TODO [#A] H [1/2] :t:\nSCHEDULED: <x>\n*b* /i/ _u_ +s+ =v= ~c~ [[l][d]] [[l]] [fn:1] {{{m}}} \\(x\\) src_c{x} <<t>> @@h:x@@\n",
	"#+begin_src x\nc\n#+end_src\n#+begin_quote\nq\n#+end_quote\n# c\n:P:\n:END:\n: f\n| a | b |\n|---|\n- a\n  b\n- [X] t :: d\n[fn:1] n\n-----\n",
	"#set x(y)\n#let f(x) = [a *b*]\n= H <l>\n*s* _e_ `r` $m$ @r @r[s] #f(1)[c][d] #x.y #(1) #{2} #[c] \\# ~ // c\n/* b /* n */ */ https://x\n",
	"- a\n  b\n+ c\n/ T: d\n1. e\n```r\nc\n```\n#figure(image(\"a\"), caption: [c])\n\n#info[\n  p\n\n  q\n]\n#footnote[f] \\u{1F600}\n",
	"#show: x.with(\n  a: [b],\n)\n#if a [b] else [c]\n#context x\n\\\nunclosed [ ( { ` $ \" /* <x\n",
}

// fuzzScan checks, for any input: no panic, every block and span inside
// the source, blocks and spans in order without overlapping, and the
// registry's paths equal to one whole parse.
func fuzzScan(f *testing.F, id string, parse func(string) []Block) {
	for _, s := range append(append([]string(nil), fuzzSeeds...), scanSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkScanFormat(t, id, parse, src)
	})
}

func FuzzScanRST(f *testing.F)      { fuzzScan(f, "restructuredtext", parseRST) }
func FuzzScanAsciiDoc(f *testing.F) { fuzzScan(f, "asciidoc", parseAsciiDoc) }
func FuzzScanOrg(f *testing.F)      { fuzzScan(f, "org", parseOrg) }
func FuzzScanTypst(f *testing.F)    { fuzzScan(f, "typst", parseTypst) }

// TestScanFormats checks the four formats' registry entries: chosen by
// their language ids and extensions, with their directive syntax.
func TestScanFormats(t *testing.T) {
	tests := []struct {
		id, path, line string
	}{
		{"asciidoc", "a/b.adoc", "//"},
		{"adoc", "b.asciidoc", "//"},
		{"asciidoc", "b.asc", "//"},
		{"restructuredtext", "doc/index.rst", ".."},
		{"rst", "x.RST", ".."},
		{"org", "notes.org", "#"},
		{"typst", "paper.typ", "//"},
	}
	for _, tt := range tests {
		f, ok := LookupFormat(tt.id)
		if !ok {
			t.Errorf("LookupFormat(%q): not found", tt.id)
			continue
		}
		if g, ok := FormatForPath(tt.path); !ok || g != f {
			t.Errorf("FormatForPath(%q) = %v, want the format of %q", tt.path, g, tt.id)
		}
		if f.Comment.Line != tt.line {
			t.Errorf("%s: comment prefix %q, want %q", tt.id, f.Comment.Line, tt.line)
		}
	}
}

// TestScanCommentsInCode checks that a directive-like comment inside a
// code listing is not taken as a directive.
func TestScanCommentsInCode(t *testing.T) {
	tests := []struct{ id, src string }{
		{"asciidoc", "[source,js]\n----\n// liaison-disable a-an\n----\n"},
		{"asciidoc", "```\n// liaison-disable a-an\n```\n"},
		{"org", "#+begin_src sh\n# liaison-disable a-an\n#+end_src\n"},
		{"typst", "```typ\n// liaison-disable a-an\n```\n"},
	}
	for _, tt := range tests {
		if cs := FormatFor(tt.id).Comments(tt.src); len(cs) != 0 {
			t.Errorf("%s: %q: comments %+v, want none", tt.id, tt.src, cs)
		}
		// The same comment outside the listing is one.
		var line string
		for _, l := range strings.Split(tt.src, "\n") {
			if strings.Contains(l, "liaison-") {
				line = l
			}
		}
		if cs := FormatFor(tt.id).Comments("Text.\n\n" + line + "\n"); len(cs) != 1 {
			t.Errorf("%s: comments outside the listing %+v, want one", tt.id, cs)
		}
	}
}

// TestScanDirectiveComments checks that a directive written in each
// format's own comment syntax is found as a comment, and is not prose.
func TestScanDirectiveComments(t *testing.T) {
	for _, id := range []string{"asciidoc", "restructuredtext", "org", "typst"} {
		f := FormatFor(id)
		d := f.Comment.Directive("liaison-disable-next-line a-an")
		src := "Some text.\n\n" + d + "\nMore text.\n"
		var found bool
		for _, c := range f.Comments(src) {
			if strings.Contains(c.Text, "liaison-disable-next-line a-an") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: directive %q not among the comments of %q", id, d, src)
		}
		for _, b := range Extract(id, src) {
			if strings.Contains(b.Prose, "liaison") {
				t.Errorf("%s: directive read as prose: %q", id, b.Prose)
			}
		}
	}
}

// BenchmarkScanners extracts the format's documents of the corpus (through
// Extract, as a front end does) and reports MB/s.
func BenchmarkScanners(b *testing.B) {
	for _, name := range []string{"asciidoc", "rst", "org", "typst"} {
		sp := scanParsers[name]
		root := filepath.Join(corpusRoot, name)
		var docs []string
		total := 0
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == sp.ext {
				if data, err := os.ReadFile(path); err == nil {
					docs = append(docs, string(data))
					total += len(data)
				}
			}
			return nil
		})
		b.Run(name, func(b *testing.B) {
			if len(docs) == 0 {
				b.Skip("no documents")
			}
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, d := range docs {
					Extract(sp.id, d)
				}
			}
		})
	}
}

// TestScanLinear extracts 100 kB documents made of one construct repeated
// (openers that never close, nesting that never ends, one list item per
// line): each must take time in proportion to its size. Before the
// scanners remembered their searches for closing marks, a 20 kB
// paragraph of "“a " took 3 s in AsciiDoc.
func TestScanLinear(t *testing.T) {
	units := []string{"a *b ", "x _y ", "[a ", "{a ", "<<a ", "a /b ", "`a ", "``a ", ":r:`a ", "=a ", "#f[ ",
		"@a[ ", "((a ", "|a ", "$a ", "https://x ", "#f[#g[", "a `b` ", ":: ", "* a\n", "- [[a]\n", "\\", ")", "#(", "#{", "/*", "~a ", "+a "}
	for _, id := range []string{"asciidoc", "restructuredtext", "org", "typst"} {
		for _, unit := range units {
			src := strings.Repeat(unit, 100000/len(unit)) + "\n"
			start := time.Now()
			Extract(id, src)
			if d := time.Since(start); d > 5*time.Second { // quadratic: ~75 s
				t.Errorf("%s: 100 kB of %q took %v", id, unit, d)
			}
		}
	}
}
