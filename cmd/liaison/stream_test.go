package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
	"time"
)

// rustBook returns the Rust Book's chapters concatenated, in file order,
// up to the chapter that passes limit bytes (0: all).
func rustBook(t testing.TB, limit int) string {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "rust-book")
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Rust Book in %s: %v", dir, err)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n")
		if limit > 0 && b.Len() > limit {
			break
		}
	}
	return b.String()
}

// withDirectives puts mistakes into the book, a paragraph every seven,
// "---" lines that open front matter at a document's start, a reference
// defined at the other end of the file, and directives where segments will cut
// between a directive and what it governs: a disable of every rule whose
// enable is far later, a disable of one rule, and disable-next-line.
func withDirectives(book string) string {
	paras := strings.Split(book, "\n\n")
	for i := range paras {
		switch i % 97 {
		case 10:
			paras[i] = "<!-- liaison-disable -->\n\n" + paras[i]
		case 40:
			paras[i] = "<!-- liaison-enable -->\n\n" + paras[i]
		case 60:
			paras[i] = "<!-- liaison-disable repeated-word, no-such-rule -->\n\n" + paras[i]
		case 90:
			paras[i] += "\n\n<!-- liaison-enable repeated-word -->"
		}
		if i%5 == 2 {
			// Front matter at the start of a document, a thematic break and
			// a setext heading anywhere else.
			paras[i] = "---\nWe will liaison with them.\n---\n\n" + paras[i]
		}
		if i%7 == 3 {
			paras[i] += "\n\nWe will liaison with them, and alot of it is is new."
		}
		if i%13 == 5 {
			paras[i] += "\n<!-- liaison-disable-next-line -->"
		}
	}
	// A reference whose label reads as prose (and is flagged) unless the
	// definition at the end of the file, segments away, is seen.
	return "See [the guide][alot] and [alot].\n\n" + strings.Join(paras, "\n\n") + "\n\n[alot]: https://example.com/\n"
}

// checkJSON runs check --format json under limits on the files.
func checkJSON(t testing.TB, dir string, limits checkLimits, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	code := runCheckWith(context.Background(), limits, append([]string{"--format", "json", "--quiet"}, args...), strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

// wholeLimits check every file whole (as if the server's limit were
// higher); streamedLimits stream every file over 64 KB in segments of
// 64 KB, so the book is cut in dozens of places. Both check 16 KB parts
// (checker.Options.PartBytes): the spelling rule reads the words written
// as code in the part it checks, so the parts must be the same.
func wholeLimits() checkLimits {
	l := defaultCheckLimits()
	l.maxBytes, l.inFlight, l.streamMaxBytes = 1<<30, 1<<30, 0
	l.partBytes = 16 << 10
	return l
}

func streamedLimits() checkLimits {
	l := defaultCheckLimits()
	l.maxBytes, l.inFlight = 64<<10, 64<<10
	l.segmentBytes, l.maxSegmentBytes = 64<<10, 1<<20
	l.partBytes = 16 << 10
	return l
}

// TestStreamedEqualsWhole: a file checked a segment at a time reports
// exactly what checking it whole reports, in every format, for Markdown
// (reference links defined far from their use, directives governing text
// segments later, CRLF line endings) and plain text.
func TestStreamedEqualsWhole(t *testing.T) {
	book := withDirectives(rustBook(t, 400<<10))
	files := map[string]string{
		"book.md":  book,
		"crlf.md":  strings.ReplaceAll(book, "\n", "\r\n"),
		"book.txt": book,
	}
	dir := writeTree(t, files)
	for _, name := range []string{"book.md", "crlf.md", "book.txt"} {
		formats := []string{"json"}
		if name == "book.md" {
			formats = append(formats, "text", "sarif", "github", "rdjson", "codequality")
		}
		for _, format := range formats {
			t.Run(name+"/"+format, func(t *testing.T) {
				args := []string{"--format", format, "--excerpt", "always", name}
				whole, werr, wcode := checkJSON(t, dir, wholeLimits(), args...)
				streamed, serr, scode := checkJSON(t, dir, streamedLimits(), args...)
				if wcode != scode || werr != serr {
					t.Fatalf("exit %d %q whole, %d %q streamed", wcode, werr, scode, serr)
				}
				if strings.Count(whole, "liaison-verb") < 200 {
					t.Fatalf("too few findings to compare: %q", whole)
				}
				if whole != streamed {
					wl, sl := strings.Split(whole, "\n"), strings.Split(streamed, "\n")
					for i := range min(len(wl), len(sl)) {
						if wl[i] != sl[i] {
							t.Fatalf("line %d of the report differs:\nwhole:    %s\nstreamed: %s", i+1, wl[i], sl[i])
						}
					}
					t.Fatalf("reports differ in length: %d lines whole, %d streamed", len(wl), len(sl))
				}
			})
		}
	}
}

// TestStreamedStopsShort: a byte that is not UTF-8 in the middle of a
// streamed file is reported with its line and column, the findings before
// it are reported, and the other files are still checked; so is a block
// too long to cut.
func TestStreamedStopsShort(t *testing.T) {
	book := withDirectives(rustBook(t, 400<<10))
	at := len(book) / 2
	at += strings.Index(book[at:], "\n\n") + 2
	bad := book[:at] + "Caf\xe9 au lait.\n\n" + book[at:]
	line := strings.Count(book[:at], "\n") + 1
	dir := writeTree(t, map[string]string{
		"bad.md":   bad,
		"long.md":  strings.Repeat("We had alot of fun. ", 100_000) + "\n",
		"ok.md":    "We will liaison with them. We had alot of fun.\n",
		"whole.md": book[:at],
	})
	stdout, stderr, code := checkJSON(t, dir, streamedLimits(), "bad.md", "long.md", "ok.md")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := fmt.Sprintf("bad.md: not UTF-8 text (an invalid byte) at line %d, column 4; the text before it was checked", line)
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}
	if !strings.Contains(stderr, "long.md: no place to cut the text in 1 MB (a block longer than that) at line 1, column 1") {
		t.Errorf("stderr %q lacks long.md's error", stderr)
	}
	if !strings.Contains(stdout, `"file": "ok.md"`) {
		t.Errorf("ok.md not checked: %s", stdout)
	}
	// What comes before the bad byte is reported as if the file stopped there.
	before, _, _ := checkJSON(t, dir, wholeLimits(), "whole.md")
	var got, want2 []string
	for l := range strings.SplitSeq(stdout, "\n") {
		if strings.Contains(l, `"file": "bad.md"`) {
			got = append(got, strings.Replace(l, "bad.md", "whole.md", 1))
		}
	}
	for l := range strings.SplitSeq(before, "\n") {
		if strings.Contains(l, `"file": "whole.md"`) {
			want2 = append(want2, l)
		}
	}
	if len(want2) < 20 || !slices.Equal(got, want2) {
		t.Errorf("bad.md's findings before the bad byte: %d, want %d (the findings of its text before it)", len(got), len(want2))
	}
}

// TestStreamLarge (set LIAISON_STREAM_MB to run it: too slow for every
// run) checks the Rust Book, with the mistakes and directives of
// withDirectives, repeated to 30 MB whole and streamed with the default
// limits, and a file of it repeated to LIAISON_STREAM_MB megabytes (200
// for issue 19's figure) with the built binary, whose peak RSS must stay
// under 150 MB. LIAISON_STREAM_FILE keeps the large file at that path, to
// measure it again with /usr/bin/time -f '%e s %M KB' liaison check.
func TestStreamLarge(t *testing.T) {
	mb, err := strconv.Atoi(os.Getenv("LIAISON_STREAM_MB"))
	if err != nil {
		t.Skip("set LIAISON_STREAM_MB to check a large generated file")
	}
	bin := filepath.Join(t.TempDir(), "liaison")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	book := withDirectives(rustBook(t, 0)) + "\n\n"
	dir := t.TempDir()
	write := func(path string, size int) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < size; n += len(book) {
			if _, err := f.WriteString(book); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "book30.md"), 30<<20)
	start := time.Now()
	whole, werr, wcode := checkJSON(t, dir, wholeDefaultParts(), "book30.md")
	t.Logf("30 MB whole: %.1f s", time.Since(start).Seconds())
	start = time.Now()
	streamed, serr, scode := checkJSON(t, dir, defaultCheckLimits(), "book30.md")
	t.Logf("30 MB streamed: %.1f s", time.Since(start).Seconds())
	if wcode != scode || werr != serr || whole != streamed {
		t.Fatalf("30 MB book: whole (exit %d, %d bytes, %q) and streamed (exit %d, %d bytes, %q) differ", wcode, len(whole), werr, scode, len(streamed), serr)
	}
	t.Logf("30 MB book: %d findings, %d bytes of JSON, identical whole and streamed", strings.Count(whole, `"rule"`), len(whole))

	big := os.Getenv("LIAISON_STREAM_FILE")
	if big == "" {
		big = filepath.Join(dir, "big.md")
	}
	write(big, mb<<20)
	cmd := exec.Command(bin, "check", "--format", "json", "--quiet", big)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	start = time.Now()
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("check %d MB: %v", mb, err)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KB on Linux
	t.Logf("%d MB file: %.1f s, peak RSS %d KB", mb, time.Since(start).Seconds(), rss)
	if rss > 150<<10 {
		t.Errorf("peak RSS %d KB, want at most 150 MB", rss)
	}
}

// wholeDefaultParts checks every file whole, in the default parts.
func wholeDefaultParts() checkLimits {
	l := defaultCheckLimits()
	l.maxBytes, l.inFlight, l.streamMaxBytes = 1<<30, 1<<30, 0
	return l
}

// TestSegmentReaderReadError: a read error part way gives the segments
// read before it, every byte once, then an error that says where.
func TestSegmentReaderReadError(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "Paragraph %d has a sentence.\nAnd a second line.\n\n", i)
	}
	text := b.String()
	l := streamedLimits()
	l.segmentBytes, l.partBytes = 8<<10, 2<<10
	sr := newSegmentReader(io.MultiReader(strings.NewReader(text), iotest.ErrReader(errors.New("disk on fire"))), "markdown", l, 0)
	var got strings.Builder
	segments, lines := 0, 0
	for {
		seg, off, line, err := sr.next()
		if int(off) != got.Len() || line != lines {
			t.Fatalf("segment %d at %d, line %d; want %d, line %d", segments, off, line, got.Len(), lines)
		}
		got.WriteString(seg)
		lines += strings.Count(seg, "\n")
		segments++
		if err != nil {
			want := fmt.Sprintf("a read error at line %d, column 1; the text before it was checked: disk on fire", strings.Count(text, "\n")+1)
			if err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
			break
		}
	}
	if got.String() != text || segments < 10 {
		t.Errorf("%d segments, %d of %d bytes given", segments, got.Len(), len(text))
	}
}
