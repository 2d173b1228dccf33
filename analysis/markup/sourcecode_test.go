package markup

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sourceLanguageOf is the language of a file of the code-comments corpus:
// by its extension, and shell for rbenv's scripts, which have none.
func sourceLanguageOf(path string) string {
	if f, ok := FormatForPath(path); ok && f.OptIn {
		return f.Name
	}
	if strings.Contains(path, "rbenv") && !strings.Contains(filepath.Base(path), ".") {
		return "shellscript"
	}
	return ""
}

// checkSource checks the invariants of a source file's blocks and returns
// them: spans map inside the source, in order and without overlap, and the
// chunks Split cuts, each parsed alone, give exactly the blocks of one
// parse of the whole file.
func checkSource(t testing.TB, lang, src string) []Block {
	t.Helper()
	f := FormatFor(lang)
	if f.Name != lang {
		t.Fatalf("no format for %q", lang)
	}
	chunks := Split(lang, src)
	checkChunks(t, src, chunks)
	var byChunk []Block
	for _, c := range chunks {
		for _, b := range f.Parse(c.Text(src), c.Flags, nil) {
			b.Start += c.Start
			b.End += c.Start
			byChunk = append(byChunk, b)
		}
	}
	checkMapping(t, src, byChunk)
	for i := 1; i < len(byChunk); i++ {
		if byChunk[i].Start < byChunk[i-1].End {
			t.Fatalf("block %d at %d overlaps block %d ending at %d", i, byChunk[i].Start, i-1, byChunk[i-1].End)
		}
	}
	if diff := sameBlocks(src, byChunk, f.Parse(src, 0, nil)); diff != "" {
		t.Fatalf("chunked parse differs from whole parse: %s", diff)
	}
	if diff := sameBlocks(src, Extract(lang, src), byChunk); diff != "" {
		t.Fatalf("Extract differs from parsing chunk by chunk: %s", diff)
	}
	return byChunk
}

// describeProse renders blocks one line each, without their spans (which
// checkMapping checks): the golden files of whole source files stay
// readable.
func describeProse(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "%s [%d,%d) %q\n", b.Kind, b.Start, b.End, b.Prose)
	}
	return sb.String()
}

// sourceCorpus is the code-comments folder of the corpus (see corpusRoot).
var sourceCorpus = filepath.Join(corpusRoot, "code-comments")

// TestSourceGolden extracts the comments' prose of each real source file
// of the corpus and compares it with its .golden file under
// testdata/code-comments, at the same relative path (every source file
// has one). Run with -update to rewrite them, and read the diff.
func TestSourceGolden(t *testing.T) {
	n := 0
	err := filepath.WalkDir(sourceCorpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		lang := sourceLanguageOf(path)
		if lang == "" {
			return nil
		}
		n++
		rel, err := filepath.Rel(sourceCorpus, path)
		if err != nil {
			return err
		}
		t.Run(rel, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := describeProse(checkSource(t, lang, string(b)))
			golden := filepath.Join("testdata", "code-comments", rel+".golden")
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
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("differs from %s at line %d (run with -update after checking):\n got  %s\n want %s", golden, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("differs from %s: %d lines, want %d", golden, len(gl), len(wl))
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Fatalf("%d source files under %s, want the corpus's 61", n, sourceCorpus)
	}
}

// TestSourceChunked cuts a large file (the corpus of each language family
// concatenated) into many chunks and checks that they read as the whole.
func TestSourceChunked(t *testing.T) {
	byLang := map[string]*strings.Builder{}
	err := filepath.WalkDir(sourceCorpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		lang := sourceLanguageOf(path)
		if lang == "" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if byLang[lang] == nil {
			byLang[lang] = &strings.Builder{}
		}
		byLang[lang].Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for lang, sb := range byLang {
		src := sb.String()
		chunks := Split(lang, src)
		if len(src) > 4*sourceChunk && len(chunks) < 3 {
			t.Errorf("%s: %d bytes cut into %d chunks only", lang, len(src), len(chunks))
		}
		checkSource(t, lang, src)
	}
}

// TestSourceOptIn checks that every source-code format is opt-in and has
// the comment syntax its directives are written in.
func TestSourceOptIn(t *testing.T) {
	for _, sf := range sourceFormats {
		f, ok := LookupFormat(sf.id)
		if !ok || !f.OptIn || f.Comment.Line == "" {
			t.Errorf("%s: format %+v", sf.id, f)
		}
		for _, e := range sf.extensions {
			if g, ok := FormatForPath("x" + e); !ok || g != f {
				t.Errorf("%s: extension %s not chosen", sf.id, e)
			}
		}
	}
	src := "x := 1 // liaison-disable-next-line alot\n/* block one */\n"
	got := FormatFor("go").Comments(src)
	if len(got) != 2 || got[0].Text != " liaison-disable-next-line alot" || src[got[1].TextStart:got[1].TextStart+len(got[1].Text)] != " block one " {
		t.Errorf("Comments(%q) = %+v", src, got)
	}
	py := "\"\"\"A docstring is no directive.\"\"\"\n# liaison-disable alot\n"
	if got := FormatFor("python").Comments(py); len(got) != 1 || got[0].Text != " liaison-disable alot" {
		t.Errorf("Comments(%q) = %+v", py, got)
	}
	// The line a disable action writes inside a docstring is a directive.
	inDoc := "def f():\n    \"\"\"Doc.\n\n    # liaison-disable-next-line a-an\n    A apple.\n    \"\"\"\n"
	if got := FormatFor("python").Comments(inDoc); len(got) != 1 || got[0].Text != " liaison-disable-next-line a-an" || inDoc[got[0].Start:got[0].End] != "# liaison-disable-next-line a-an" {
		t.Errorf("Comments(%q) = %+v", inDoc, got)
	}
}

// TestSourceLoneCR checks that a lone CR ends a comment's line, as an LF
// does: the code after it is not read as the comment's prose.
func TestSourceLoneCR(t *testing.T) {
	src := "// First line of prose.\rvar x = \"a b c\"\r// Second line of prose.\r"
	var got []string
	for _, b := range checkSource(t, "go", src) {
		got = append(got, b.Prose)
	}
	if want := []string{"First line of prose.", "Second line of prose."}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// FuzzExtractSource checks every source-code format on any input: no
// panic, spans inside the source and in order, chunked equal to whole.
func FuzzExtractSource(f *testing.F) {
	for _, s := range []string{
		"// a b\n/* c d */ \"// e\" `f` 'g'\n\n// h i\n",
		"def f():\n    \"\"\"Doc here.\"\"\"\n# a b\n",
		"#!/bin/sh\n# a b\ncat <<EOF\n# c\nEOF\n# d e\n",
		"/**\n * A {@code x} b.\n * @param y the z\n */\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, sf := range sourceFormats {
			blocks := checkSource(t, sf.id, src)
			checkSourceRanges(t, blocks)
		}
	})
}

// BenchmarkExtractSource measures extraction per language family on the
// corpus files of that family, concatenated.
func BenchmarkExtractSource(b *testing.B) {
	for _, fam := range []struct{ lang, dir string }{
		{"go", "go"}, {"rust", "rust"}, {"python", "python"}, {"javascript", "js-ts/express"}, {"typescript", "js-ts/typescript-website"},
		{"cpp", "c-cpp"}, {"java", "java"}, {"shellscript", "shell"},
	} {
		var sb strings.Builder
		filepath.WalkDir(filepath.Join(sourceCorpus, fam.dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && sourceLanguageOf(path) != "" {
				data, _ := os.ReadFile(path)
				sb.Write(data)
			}
			return nil
		})
		src := sb.String()
		b.Run(fam.lang, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Extract(fam.lang, src)
			}
		})
	}
}
