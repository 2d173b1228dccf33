package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixDoc has safe fixes in prose (alot, irregardless, the liaison verb),
// the same words where they are not prose (a code span, a code block, a
// link's URL, an HTML comment), CRLF line endings, and a confusable whose
// fix is not safe (could of → could have is safe; affect/effect is not).
const fixDoc = "# Notes\r\n\r\n" +
	"Thanks alot, and `alot` in code stays.\r\n\r\n" +
	"We will liaison with them, irregardless.\r\n\r\n" +
	"```\r\nalot irregardless\r\n```\r\n\r\n" +
	"See [alot](https://example.org/alot) <!-- alot -->.\r\n\r\n" +
	"The weather will effect us.\r\n"

const fixedDoc = "# Notes\r\n\r\n" +
	"Thanks a lot, and `alot` in code stays.\r\n\r\n" +
	"We will liaise with them, regardless.\r\n\r\n" +
	"```\r\nalot irregardless\r\n```\r\n\r\n" +
	"See [a lot](https://example.org/alot) <!-- alot -->.\r\n\r\n" +
	"The weather will effect us.\r\n"

func TestCheckFix(t *testing.T) {
	dir := writeTree(t, map[string]string{"doc.md": fixDoc, "clean.md": "All is well.\n"})
	doc := filepath.Join(dir, "doc.md")
	if err := os.Chmod(doc, 0o640); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := check(t, "", "--fix", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1: the unsafe effect/affect finding remains; stderr %q", code, errOut)
	}
	got, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != fixedDoc {
		t.Errorf("fixed to\n%q\nwant\n%q", got, fixedDoc)
	}
	info, err := os.Stat(doc)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	if strings.Contains(out, "[alot]") || !strings.Contains(out, "effect") {
		t.Errorf("the report after fixing:\n%s", out)
	}
	if !strings.Contains(errOut, "fixed 4 findings in 1 file; 1 finding left in 2 files") {
		t.Errorf("summary %q", errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
	// Again: nothing to fix, the file untouched.
	before, _ := os.Stat(doc)
	if _, errOut, code := check(t, "", "--fix", doc); code != 1 || !strings.Contains(errOut, "fixed 0 findings") {
		t.Errorf("second --fix: exit %d, %q", code, errOut)
	}
	if after, _ := os.Stat(doc); !after.ModTime().Equal(before.ModTime()) {
		t.Error("a file with nothing to fix was rewritten")
	}
	// With the unsafe finding out of the selection, nothing remains: exit 0.
	if _, errOut, code := check(t, "", "--fix", "--disable", "effect-as-verb", doc); code != 0 {
		t.Logf("rules of the affect finding: %s", out)
		t.Errorf("exit %d with the remaining rule disabled: %q", code, errOut)
	}
}

// TestCheckFixRounds: a fix that makes a new finding is fixed in the next
// round (two custom rules chained: teh → thee → the).
func TestCheckFixRounds(t *testing.T) {
	rulesYAML := `- id: teh-thee
  category: misspelling
  severity: error
  summary: s
  message: m
  explanation: e
  match: [{word: teh}]
  replace: [thee]
  examples:
    bad: [{text: "teh cat", fix: "thee cat"}, {text: "see teh dog", fix: "see thee dog"}]
    good: ["the cat", "a dog"]
- id: thee-the
  category: misspelling
  severity: error
  summary: s
  message: m
  explanation: e
  match: [{word: thee}]
  replace: [the]
  examples:
    bad: [{text: "thee cat", fix: "the cat"}, {text: "see thee dog", fix: "see the dog"}]
    good: ["the cat", "a dog"]
`
	dir := writeTree(t, map[string]string{
		".liaison.yaml": "rule-files: [r.yaml]\n", "r.yaml": rulesYAML,
		"a.md": "We saw teh cat.\n",
	})
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := check(t, "", "--fix", filepath.Join(dir, "a.md"))
	got, _ := os.ReadFile(filepath.Join(dir, "a.md"))
	if code != 0 || string(got) != "We saw the cat.\n" {
		t.Errorf("exit %d, %q; got %q", code, errOut, got)
	}
}

// TestCheckDiff: --diff prints a unified diff of what --fix would write,
// writes nothing, and exits 1 when findings would remain.
func TestCheckDiff(t *testing.T) {
	dir := writeTree(t, map[string]string{"doc.md": "# T\n\nOne.\n\nTwo.\n\nThree.\n\nThanks alot.\n"})
	doc := filepath.Join(dir, "doc.md")
	out, errOut, code := check(t, "", "--diff", doc)
	if code != 0 {
		t.Errorf("exit %d, want 0 (nothing would remain): %q", code, errOut)
	}
	want := "--- " + doc + "\n+++ " + doc + "\n@@ -6,4 +6,4 @@\n \n Three.\n \n-Thanks alot.\n+Thanks a lot.\n"
	if out != want {
		t.Errorf("diff\n%s\nwant\n%s", out, want)
	}
	if got, _ := os.ReadFile(doc); string(got) != "# T\n\nOne.\n\nTwo.\n\nThree.\n\nThanks alot.\n" {
		t.Errorf("--diff wrote the file: %q", got)
	}
	if !strings.Contains(errOut, "1 finding fixable in 1 file") {
		t.Errorf("summary %q", errOut)
	}
	// A relative name, and a last line without a line ending.
	t.Chdir(dir)
	if err := os.WriteFile("b.txt", []byte("Thanks alot."), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = check(t, "", "--diff", "b.txt")
	if want := "--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-Thanks alot.\n\\ No newline at end of file\n+Thanks a lot.\n\\ No newline at end of file\n"; out != want {
		t.Errorf("diff\n%q\nwant\n%q", out, want)
	}
	if _, _, code := check(t, "", "--fix", "--diff", doc); code != 2 {
		t.Errorf("--fix --diff: exit %d, want 2", code)
	}
	if _, _, code := check(t, "", "--fix", "-"); code != 2 {
		t.Errorf("--fix on standard input: exit %d, want 2", code)
	}
}

// TestFixKeepsNonProse is the property behind --fix's promise: on random
// documents mixing fixable prose with the same words in code, URLs and
// HTML, every byte outside a fixed finding's range is kept.
func TestFixKeepsNonProse(t *testing.T) {
	pieces := []string{"Thanks alot.", "`alot`", "<!-- alot -->", "[x](https://alot.example/alot)", "We liaisoned.", "irregardless,", "\n\n    alot code\n\n", "*alot*", "\r\n", "\n", " "}
	seed := uint64(1)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for range 40 {
		var b strings.Builder
		for range 12 {
			b.WriteString(pieces[next(len(pieces))])
		}
		src := b.String()
		dir := writeTree(t, map[string]string{"d.md": src})
		path := filepath.Join(dir, "d.md")
		check(t, "", "--fix", "--quiet", path)
		got, _ := os.ReadFile(path)
		// Strip what the fixes may change from both, in order: the
		// remaining bytes must be equal.
		norm := strings.NewReplacer("a lot", "", "alot", "", "liaised", "", "liaisoned", "", "regardless", "", "irregardless", "")
		if norm.Replace(string(got)) != norm.Replace(src) {
			t.Fatalf("bytes outside the fixes changed:\n%q\n%q", src, got)
		}
		for _, keep := range []string{"`alot`", "<!-- alot -->", "https://alot.example/alot", "    alot code"} {
			if strings.Count(string(got), keep) != strings.Count(src, keep) {
				t.Fatalf("%q changed:\n%q\n%q", keep, src, got)
			}
		}
	}
}
