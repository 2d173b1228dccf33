package analysis

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"liaison/analysis/token"
)

// book returns the Rust Book's chapters concatenated in file-name order.
func book(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob("../testdata/rust-book/*.md")
	if err != nil || len(files) == 0 {
		tb.Fatalf("rust book: %v (%d files)", err, len(files))
	}
	var sb strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(b)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func analyze(tb testing.TB, a *Analyzer, lang, src string) *Result {
	tb.Helper()
	return analyzeWith(tb, a, nil, lang, src)
}

func analyzeWith(tb testing.TB, a *Analyzer, c Cache, lang, src string) *Result {
	tb.Helper()
	res, err := a.AnalyzeWith(context.Background(), c, lang, src)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// liaisonRow is one labelled sentence of testdata/liaison/liaison-dev.tsv.
type liaisonRow struct {
	label, word, replacement, sentence string
}

func liaisonRows(tb testing.TB) []liaisonRow {
	tb.Helper()
	f, err := os.Open("../testdata/liaison/liaison-dev.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rows []liaisonRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			tb.Fatalf("bad row %q", line)
		}
		rows = append(rows, liaisonRow{cols[0], cols[1], cols[2], cols[3]})
	}
	if len(rows) == 0 {
		tb.Fatal("no rows")
	}
	return rows
}

// TestLiaisonVerbDetection: the pipeline tags every flagged word of a verb
// row as a verb, and liaison/liaisons in every ok row as not a verb.
func TestLiaisonVerbDetection(t *testing.T) {
	a := New()
	for _, row := range liaisonRows(t) {
		res := analyze(t, a, "plaintext", row.sentence)
		var got []string
		found := false
		for _, b := range res.Blocks {
			for _, s := range b.Sentences {
				for _, tok := range s.Tokens {
					got = append(got, tok.Text+"/"+tok.PTB.String())
					lower := strings.ToLower(tok.Text)
					switch row.label {
					case "verb":
						if lower == strings.ToLower(row.word) {
							found = true
							if !tok.PTB.IsVerb() {
								t.Errorf("%q: %q tagged %s, want a verb", row.sentence, tok.Text, tok.PTB)
							}
						}
					case "ok":
						if lower == "liaison" || lower == "liaisons" {
							found = true
							if tok.PTB.IsVerb() {
								t.Errorf("%q: %q tagged %s, want not a verb", row.sentence, tok.Text, tok.PTB)
							}
						}
					}
				}
			}
		}
		if row.label == "verb" && !found {
			t.Errorf("%q: no token %q in %v", row.sentence, row.word, got)
		}
		if testing.Verbose() {
			t.Logf("%s\t%s", row.label, strings.Join(got, " "))
		}
	}
}

// TestTokenOffsets: a token's source range holds the token's text wherever
// the markup copies text verbatim.
func TestTokenOffsets(t *testing.T) {
	src := "# Title here\n\nSome *emphasised* text with a [link](http://x.org) and `code` in it.\n\n" +
		"> Quoted prose, with an entity &amp; more.\n\n- item one\n- item *two*\n\n```\nfenced code\n```\n"
	res := analyze(t, New(), "markdown", src)
	var words []string
	for _, b := range res.Blocks {
		for _, s := range b.Sentences {
			for _, tok := range s.Tokens {
				words = append(words, tok.Text)
				got := src[b.Start+tok.Start : b.Start+tok.End]
				if tok.Kind == token.Placeholder {
					if got != "`code`" && got != "code" {
						t.Errorf("placeholder maps to %q", got)
					}
					continue
				}
				if got != tok.Text && !(tok.Text == "&" && got == "&amp;") {
					t.Errorf("token %q maps to source %q", tok.Text, got)
				}
			}
		}
	}
	joined := strings.Join(words, " ")
	for _, want := range []string{"Title", "emphasised", "link", "Quoted", "two"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing word %q in %q", want, joined)
		}
	}
	for _, not := range []string{"http", "fenced"} {
		if strings.Contains(joined, not) {
			t.Errorf("non-prose %q analysed: %q", not, joined)
		}
	}
}

// TestIncrementalReuse: after an edit, only the edited block is analysed
// again; every other block's analysis is shared with the previous revision,
// and the result equals a fresh analysis.
func TestIncrementalReuse(t *testing.T) {
	src := book(t)
	a, c := New(), newMapCache()
	before := analyzeWith(t, a, c, "markdown", src)
	at := strings.Index(src, "Rust is a")
	if at < 0 {
		t.Fatal("anchor not found")
	}
	edited := src[:at] + "X" + src[at:]
	after := analyzeWith(t, a, c, "markdown", edited)
	if len(after.Blocks) != len(before.Blocks) {
		t.Fatalf("block count %d → %d", len(before.Blocks), len(after.Blocks))
	}
	fresh := 0
	for i := range after.Blocks {
		if after.Blocks[i].BlockAnalysis != before.Blocks[i].BlockAnalysis {
			fresh++
		}
	}
	if fresh == 0 || fresh > 3 {
		t.Errorf("%d blocks re-analysed after a one-character edit, want 1 to 3", fresh)
	}
	cold := analyze(t, New(), "markdown", edited)
	if !reflect.DeepEqual(cold.Blocks, after.Blocks) {
		t.Error("incremental result differs from a fresh analysis")
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Analyze(ctx, "markdown", book(t)); err == nil {
		t.Error("no error from a cancelled context")
	}
}

func BenchmarkAnalyzeBook(b *testing.B) {
	src := book(b)
	b.SetBytes(int64(len(src)))
	New() // load the model and lexicon outside the timing
	b.ResetTimer()
	defer reportCPU(b)()
	for range b.N {
		analyze(b, New(), "markdown", src)
	}
}

// reportCPU adds the process CPU time per operation (all cores together) as
// a metric: on a shared machine wall time (ns/op) includes waiting for a
// core, and CPU time over the core count bounds the wall time of an idle one.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if cpu := processCPU() - start; cpu > 0 {
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	}
}

func BenchmarkReanalyzeAfterEdit(b *testing.B) {
	src := book(b)
	a, c := New(), newMapCache()
	analyzeWith(b, a, c, "markdown", src)
	// Edit a different place each time so every iteration misses the cache.
	var spots []int
	for i := 0; i < len(src); i++ {
		if src[i] == ' ' && i > 0 && src[i-1] >= 'a' && src[i-1] <= 'z' {
			spots = append(spots, i)
			i += 400
		}
	}
	b.ResetTimer()
	defer reportCPU(b)()
	for i := range b.N {
		at := spots[i%len(spots)]
		ch := string(rune('a' + (i/len(spots))%26))
		analyzeWith(b, a, c, "markdown", src[:at]+ch+src[at:])
	}
}

// TestBadInput: hostile and degenerate documents analyse without a panic
// and in time linear in their size (a quadratic step would time out).
func TestBadInput(t *testing.T) {
	var sb strings.Builder
	for i := 0; sb.Len() < 20<<20; i++ { // distinct paragraphs: no cache hits
		fmt.Fprintf(&sb, "Paragraph %d: we will liaison with vendor %d about the *schedule*.\n\n", i, i*7)
	}
	big := sb.String()
	tests := []struct {
		name, src string
	}{
		{"empty", ""},
		{"only blank lines", strings.Repeat("\n\r\n\r", 1000)},
		{"20 MB document", big},
		{"one 1 MB line", strings.Repeat("word ", 1<<20/5)},
		{"NUL bytes", "liaison\x00with\x00\x00 them.\n\n\x00"},
		{"invalid UTF-8", "We \xff\xfe liaison \xc3 with \xed\xa0\x80 them."},
		{"unclosed code fence", "Before.\n\n```go\nfunc main() {\n\nWe liaison here.\n"},
		{"10,000 nested lists", strings.Repeat("- ", 10000) + "deep item\n"},
		{"10,000 nested quotes", strings.Repeat(">", 10000) + " deep quote\n"},
		{"10,000 nested brackets", strings.Repeat("[", 10000) + "x" + strings.Repeat("](y)", 10000)},
		{"10,000 emphasis markers", strings.Repeat("*a ", 10000) + strings.Repeat("_", 10000)},
	}
	a := New()
	for _, tt := range tests {
		for _, lang := range []string{"markdown", "plaintext"} {
			if len(tt.src) > 1<<20 && lang == "plaintext" && testing.Short() {
				continue
			}
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				res := analyze(t, a, lang, tt.src)
				for _, b := range res.Blocks {
					if b.Start < 0 || b.End > len(tt.src) || b.Start > b.End {
						t.Fatalf("block range %d:%d outside the document (%d bytes)", b.Start, b.End, len(tt.src))
					}
					for _, s := range b.Sentences {
						for _, tok := range s.Tokens {
							if tok.Start < 0 || b.Start+tok.End > len(tt.src) || tok.Start > tok.End {
								t.Fatalf("token %q at %d:%d outside the document", tok.Text, b.Start+tok.Start, b.Start+tok.End)
							}
						}
					}
				}
			})
		}
	}
}

// TestLookupBuffersLetGo checks that the buffers of a large lookup (a
// document's first revision) do not stay pooled through the small lookups
// of the keystrokes after it, and that small lookups share one.
func TestLookupBuffersLetGo(t *testing.T) {
	a := &Analyzer{lookups: new(sync.Pool)}
	lb := a.lookupBuffers(5000)
	lb.used = 5000
	a.releaseLookup(lb)
	for _, n := range []int{3, 1, 40, 2} {
		lb := a.lookupBuffers(n)
		if len(lb.keys) != n || len(lb.entries) != n || len(lb.found) != n || len(lb.handles) != n {
			t.Fatalf("lookupBuffers(%d): lengths %d %d %d %d", n, len(lb.keys), len(lb.entries), len(lb.found), len(lb.handles))
		}
		if c := cap(lb.keys); c > 8*n+bigLookup {
			t.Errorf("lookupBuffers(%d) after one of 5000: capacity %d, want at most %d", n, c, 8*n+bigLookup)
		}
		if c := cap(lb.keys); c < smallLookup {
			t.Errorf("lookupBuffers(%d): capacity %d, want at least %d for the next small lookup", n, c, smallLookup)
		}
		lb.used = n
		a.releaseLookup(lb)
	}
}
