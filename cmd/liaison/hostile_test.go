//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"liaison/rules/project"
	"liaison/server"
)

// The hostile-repository suite of issue 12: a repository (a pull request
// checked in CI, say) may hold FIFOs, links to devices or to files
// outside, huge configurations and huge files. Each case must end within a
// time and memory bound, with the refused file named, nothing of it
// quoted, and every other file still checked.

// hostileCheck runs check under limits in dir (the working directory is
// the project's root), failing the test if it takes longer than d or
// allocates more than maxAlloc bytes.
func hostileCheck(t *testing.T, dir string, limits checkLimits, d time.Duration, maxAlloc uint64, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	bounded(t, d, maxAlloc, func() {
		code = runCheckWith(context.Background(), limits, args, strings.NewReader(stdin), &out, &errOut)
	})
	return out.String(), errOut.String(), code
}

// bounded runs f and fails the test if it runs longer than d or
// allocates more than maxAlloc bytes (whatever else runs meanwhile is
// counted too, so the bounds are loose).
func bounded(t *testing.T, d time.Duration, maxAlloc uint64, f func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%v, %d MB allocated", time.Since(start).Round(time.Millisecond), alloc>>20)
	if alloc > maxAlloc {
		t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, maxAlloc>>20)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skip("no symbolic links:", err)
	}
}

// sparse creates a file of size bytes without writing them.
func sparse(t *testing.T, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

const hostileDoc = "We had alot of fun.\n"

func TestCheckHostileRepository(t *testing.T) {
	outside := writeTree(t, map[string]string{
		"secret.yaml": "aws_secret_access_key: s3cr3t-in-value\nrules: {alot: s3cr3t-too}\n",
		"secret.md":   "The s3cr3t plan: alot of it.\n",
	})
	var globs strings.Builder
	globs.WriteString("ignore:\n")
	for i := range 350_000 {
		fmt.Fprintf(&globs, "  - \"folder%06d/**/*.md\"\n", i)
	}
	limits := defaultCheckLimits()
	small := checkLimits{maxBytes: 64 << 10, inFlight: 64 << 10}
	tests := []struct {
		name   string
		files  map[string]string
		setup  func(t *testing.T, dir string)
		limits checkLimits
		stdin  string
		args   []string
		code   int
		stderr []string // each must appear
		stdout []string // each must appear
	}{
		{name: "FIFO as a rule file", files: map[string]string{".liaison.yaml": "rule-files: [r.yaml]\n", "doc.md": hostileDoc},
			setup: func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "r.yaml")) },
			args:  []string{"doc.md"}, code: 2, stderr: []string{`rule file "r.yaml": not a regular file`}},
		// A .liaison.yaml that is not a regular file is not a configuration
		// (project.Find): never opened, the document checked by default.
		{name: "FIFO as the configuration", files: map[string]string{"doc.md": hostileDoc},
			setup: func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, ".liaison.yaml")) },
			args:  []string{"doc.md"}, code: 1, stdout: []string{"doc.md:1:8: "}},
		{name: "FIFO given to check", files: map[string]string{"ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "p.md")) },
			args:  []string{"p.md", "ok.md"}, code: 2, stderr: []string{"p.md: not a regular file"}, stdout: []string{"ok.md:1:8: "}},
		{name: "FIFO inside a checked folder", files: map[string]string{"d/ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "d", "p.md")) },
			// Skipped with a note, not an error: a FIFO in a tree is no document (issue 19 item 6).
			args: []string{"d"}, code: 1, stderr: []string{filepath.Join("d", "p.md") + ": skipped: not a regular file"}, stdout: []string{filepath.Join("d", "ok.md") + ":1:8: "}},
		{name: "link to /dev/zero in a checked folder", files: map[string]string{"z/ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "z", "a.md")) },
			args:  []string{"z"}, code: 2, stderr: []string{filepath.Join("z", "a.md") + ": not a regular file"}, stdout: []string{filepath.Join("z", "ok.md") + ":1:8: "}},
		{name: "link to /dev/urandom in a checked folder", files: map[string]string{"u/ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { symlink(t, "/dev/urandom", filepath.Join(dir, "u", "a.md")) },
			args:  []string{"u"}, code: 2, stderr: []string{filepath.Join("u", "a.md") + ": not a regular file"}},
		{name: "link to /dev/zero given to check",
			setup: func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "zlink.md")) },
			args:  []string{"zlink.md"}, code: 2, stderr: []string{"zlink.md: not a regular file"}},
		{name: "/dev/zero given to check", args: []string{"/dev/zero"}, code: 2, stderr: []string{"/dev/zero: not a regular file"}},
		{name: "link to a file outside the checked folder", files: map[string]string{"d/ok.md": hostileDoc, "d/inside.md": hostileDoc},
			setup: func(t *testing.T, dir string) {
				symlink(t, filepath.Join(outside, "secret.md"), filepath.Join(dir, "d", "link.md"))
				symlink(t, "inside.md", filepath.Join(dir, "d", "in-link.md"))
			},
			args: []string{"d"}, code: 2, stderr: []string{filepath.Join("d", "link.md") + ": not checked: it resolves outside d"},
			stdout: []string{filepath.Join("d", "ok.md") + ":1:8: ", filepath.Join("d", "in-link.md") + ":1:8: "}},
		{name: "a link outside that the configuration ignores", files: map[string]string{".liaison.yaml": "ignore: [link.md]\n", "d/ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) {
				symlink(t, filepath.Join(outside, "secret.md"), filepath.Join(dir, "d", "link.md"))
			},
			args: []string{"d"}, code: 1, stdout: []string{filepath.Join("d", "ok.md") + ":1:8: "}},
		{name: "configuration linked outside the project", files: map[string]string{"doc.md": hostileDoc},
			setup: func(t *testing.T, dir string) {
				symlink(t, filepath.Join(outside, "secret.yaml"), filepath.Join(dir, ".liaison.yaml"))
			},
			args: []string{"doc.md"}, code: 2, stderr: []string{".liaison.yaml: reading the configuration: is outside the project root"}},
		{name: "350,000 globs", files: map[string]string{".liaison.yaml": globs.String(), "doc.md": hostileDoc},
			args: []string{"doc.md"}, code: 2, stderr: []string{".liaison.yaml: file refused: larger than 1 MB"}},
		// A Markdown file over the server's limit is read a segment at a
		// time (stream.go): 200 MB of NUL bytes has no line to cut at, so
		// it stops at the first 16 MB.
		{name: "a 200 MB file", files: map[string]string{"ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "big.md"), 200<<20) },
			args:  []string{"big.md", "ok.md"}, code: 2, stderr: []string{"big.md: no place to cut the text in 16 MB (a block longer than that) at line 1, column 1"}, stdout: []string{"ok.md:1:8: "}},
		{name: "a file one byte over the streaming limit", files: map[string]string{"ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "big.md"), limits.streamMaxBytes+1) },
			args:  []string{"."}, code: 2, stderr: []string{"big.md: file refused: larger than 1024 MB"}, stdout: []string{"ok.md:1:8: "}},
		// Formats that are not streamed keep the server's limit.
		{name: "a LaTeX file one byte over the server's limit", files: map[string]string{"ok.md": hostileDoc},
			setup: func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "big.tex"), server.MaxLintBytes+1) },
			args:  []string{"."}, code: 2, stderr: []string{"big.tex: file refused: larger than 8 MB"}, stdout: []string{"ok.md:1:8: "}},
		{name: "a big file over a lower limit", limits: small,
			files: map[string]string{"big.md": strings.Repeat(hostileDoc, 4000), "ok.md": hostileDoc},
			args:  []string{"."}, code: 2, stderr: []string{"big.md: file refused: larger than 65536 bytes"}, stdout: []string{"ok.md:1:8: "}},
		{name: "standard input over a lower limit", limits: small, stdin: strings.Repeat(hostileDoc, 4000),
			args: []string{"-"}, code: 2, stderr: []string{"<stdin>: file refused: larger than 65536 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			l := tt.limits
			if l.maxBytes == 0 {
				l = limits
			}
			out, errOut, code := hostileCheck(t, dir, l, 20*time.Second, 256<<20, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q does not contain %q", errOut, w)
				}
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout %q does not contain %q", out, w)
				}
			}
			for _, secret := range []string{"s3cr3t", "aws_secret_access_key"} {
				if strings.Contains(out+errOut, secret) {
					t.Errorf("output quotes a refused file (%s):\n%s%s", secret, out, errOut)
				}
			}
		})
	}
}

func TestRulesTestHostile(t *testing.T) {
	dir := t.TempDir()
	// A failure names the rule's file quoted when the name would forge a line.
	forged := filepath.Join(dir, "x\ny.yaml")
	if err := os.WriteFile(forged, []byte(strings.Replace(customRules, "fix: We use the tool.", "fix: We employ the tool.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, code := rulesTest(t, forged); code != 1 || !strings.HasPrefix(out, `"`+filepath.Join(dir, "x")+`\ny.yaml:`) {
		t.Errorf("a rule file name with a newline: exit %d, output %q", code, out)
	}
	mkfifo(t, filepath.Join(dir, "r.yaml"))
	symlink(t, "/dev/zero", filepath.Join(dir, "z.yaml"))
	sparse(t, filepath.Join(dir, "big.yaml"), 200<<20)
	for _, tt := range []struct{ file, want string }{
		{"r.yaml", "r.yaml: not a regular file"},
		{"z.yaml", "z.yaml: not a regular file"},
		{"big.yaml", "big.yaml: file refused: larger than " + fmt.Sprint(project.MaxFileBytes>>20) + " MB"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var errOut string
			var code int
			bounded(t, 20*time.Second, 64<<20, func() { _, errOut, code = rulesTest(t, filepath.Join(dir, tt.file)) })
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
}

// Positions: the CLI reads lines as the server does (a lone CR ends one),
// a UTF-8 byte order mark is no column, UTF-16 is read, not skipped, and a
// file name that would forge an output line is quoted.
func TestCheckEncodingsAndNames(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"cr.md":              "First line.\rWe had alot of fun.\r",
		"crlf.md":            "First line.\r\nWe had alot of fun.\r\n",
		"bom.md":             "\xEF\xBB\xBFThanks alot.\n",
		"nl/a\nb.md":         hostileDoc,
		"c\nd/.liaison.yaml": "rules: {no-such-rule: off}\n",
		"c\nd/doc.md":        hostileDoc,
	})
	if err := os.WriteFile(filepath.Join(dir, "u16le.md"), utf16Bytes("Déjà vu.\nWe had alot of fun.\n", false), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "u16be.md"), utf16Bytes("Déjà vu.\nWe had alot of fun.\n", true), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "u32.md"), []byte{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	out, errOut, code := check(t, "", "--format", "json", "cr.md", "crlf.md", "bom.md", "u16le.md", "u16be.md")
	if code != 1 {
		t.Fatalf("exit %d; stderr %q", code, errOut)
	}
	var got []reportedFinding
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	type pos struct {
		file                            string
		line, col, endLine, endCol, off int
	}
	want := []pos{
		{"cr.md", 2, 8, 2, 12, 19},
		{"crlf.md", 2, 8, 2, 12, 20},
		{"bom.md", 1, 8, 1, 12, 10}, // offset in the file, the mark's 3 bytes included
		{"u16le.md", 2, 8, 2, 12, 0},
		{"u16be.md", 2, 8, 2, 12, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g := got[i]
		if g.File != w.file || g.Line != w.line || g.Column != w.col || g.EndLine != w.endLine || g.EndColumn != w.endCol || (w.off != 0 && g.Offset != w.off) {
			t.Errorf("finding %d = %s %d:%d-%d:%d @%d, want %+v", i, g.File, g.Line, g.Column, g.EndLine, g.EndColumn, g.Offset, w)
		}
	}

	_, errOut, code = check(t, "", "u32.md")
	if code != 2 || !strings.Contains(errOut, "u32.md: UTF-32 text is not supported") {
		t.Errorf("UTF-32: exit %d, stderr %q", code, errOut)
	}

	_, errOut, _ = check(t, "", "c\nd")
	if want := `liaison check: "c\nd/.liaison.yaml":1:9: unknown rule id`; !strings.HasPrefix(errOut, want) {
		t.Errorf("a configuration in a folder whose name has a newline: stderr %q, want prefix %q", errOut, want)
	}

	out, _, _ = check(t, "", "nl")
	if want := `"nl/a\nb.md":1:8: error: `; !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 1 {
		t.Errorf("a file name with a newline: output %q, want one line starting %q", out, want)
	}
}
