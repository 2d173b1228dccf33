package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// gitTimeout bounds each git command: git reads only the repository.
const gitTimeout = 2 * time.Minute

// lineSet is a set of 1-based lines: sorted, disjoint, inclusive ranges.
// whole: every line (an untracked or new file).
type lineSet struct {
	whole  bool
	ranges [][2]int
}

// overlaps reports whether any line from..to is in the set.
func (s *lineSet) overlaps(from, to int) bool {
	if s.whole {
		return true
	}
	i, _ := slices.BinarySearchFunc(s.ranges, from, func(r [2]int, line int) int {
		if r[1] < line {
			return -1
		}
		if r[0] > line {
			return 1
		}
		return 0
	})
	return i < len(s.ranges) && s.ranges[i][0] <= to
}

// changedFiles are the files git reports changed and, for each, the
// lines added or changed: by absolute path, the directories' symbolic
// links resolved.
type changedFiles struct {
	top   string // the repository's top level
	files map[string]*lineSet
	order []string // the files, as git lists them
}

// paths are the changed files that exist, relative to the working
// directory when inside it, for checking when no PATH is given.
func (c *changedFiles) paths() []string {
	var out []string
	for _, abs := range c.order {
		if info, err := os.Lstat(abs); err != nil || info.IsDir() {
			continue // deleted, or a submodule
		}
		out = append(out, displayPath(abs))
	}
	return out
}

// filter keeps the inputs git reports changed, each with its lines;
// standard input is kept whole.
func (c *changedFiles) filter(inputs []checkInput) []checkInput {
	out := inputs[:0]
	for _, in := range inputs {
		if in.path == "" {
			out = append(out, in)
			continue
		}
		abs, err := filepath.Abs(in.path)
		if err != nil {
			continue
		}
		// The directory's links are resolved, as git's top level is; the
		// file's own are not: git lists a link by its name (and safefile
		// refuses it if it leads outside the repository).
		if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			abs = filepath.Join(real, filepath.Base(abs))
		}
		if lines, ok := c.files[abs]; ok {
			in.lines = lines
			out = append(out, in)
		}
	}
	return out
}

// gitChanged asks git, in the working directory's repository, which lines
// differ: from ref to the working tree (--changed-since; untracked files
// not ignored count whole), or from HEAD to the index (--staged).
func gitChanged(ctx context.Context, ref string, staged bool) (*changedFiles, error) {
	top, err := git(ctx, "", "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed-since and --staged need a git repository: %w", err)
	}
	c := &changedFiles{top: strings.TrimRight(string(top), "\n"), files: map[string]*lineSet{}}
	if real, err := filepath.EvalSymlinks(c.top); err == nil {
		c.top = real
	}
	args := []string{"-c", "core.quotePath=off", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "-U0", "--src-prefix=a/", "--dst-prefix=b/"}
	if staged {
		args = append(args, "--cached")
	} else {
		if strings.HasPrefix(ref, "-") {
			return nil, fmt.Errorf("--changed-since %q: not a revision", ref)
		}
		args = append(args, ref)
	}
	out, err := git(ctx, c.top, append(args, "--")...)
	if err != nil {
		return nil, err
	}
	if err := c.parseDiff(out); err != nil {
		return nil, err
	}
	if !staged {
		untracked, err := git(ctx, c.top, "ls-files", "-z", "--others", "--exclude-standard")
		if err != nil {
			return nil, err
		}
		for _, rel := range bytes.Split(untracked, []byte{0}) {
			if len(rel) > 0 {
				c.add(string(rel)).whole = true
			}
		}
	}
	return c, nil
}

// add returns the line set of a file (a path relative to the top level).
func (c *changedFiles) add(rel string) *lineSet {
	abs := filepath.Join(c.top, filepath.FromSlash(rel))
	s := c.files[abs]
	if s == nil {
		s = &lineSet{}
		c.files[abs] = s
		c.order = append(c.order, abs)
	}
	return s
}

// parseDiff reads `git diff -U0`: each "+++ b/PATH" names a file, each
// "@@ -a,b +c,d @@" hunk adds lines c..c+d-1 (none when d is 0: lines
// only deleted).
func (c *changedFiles) parseDiff(out []byte) error {
	var cur *lineSet
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil
				continue
			}
			if strings.HasPrefix(name, `"`) {
				u, err := strconv.Unquote(name)
				if err != nil {
					return fmt.Errorf("reading git diff: the file name %s: %w", name, err)
				}
				name = u
			}
			cur = c.add(strings.TrimPrefix(name, "b/"))
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			from, n, err := hunkAdded(line)
			if err != nil {
				return err
			}
			if n > 0 {
				cur.ranges = append(cur.ranges, [2]int{from, from + n - 1})
			}
		}
	}
	for _, s := range c.files {
		slices.SortFunc(s.ranges, func(a, b [2]int) int { return a[0] - b[0] })
	}
	return sc.Err()
}

// hunkAdded reads the new side of a hunk header, "@@ -a,b +c,d @@".
func hunkAdded(header string) (from, n int, err error) {
	f := strings.Fields(header)
	if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
		return 0, 0, fmt.Errorf("reading git diff: bad hunk header %q", header)
	}
	start, count, found := strings.Cut(f[2][1:], ",")
	from, err = strconv.Atoi(start)
	if err != nil {
		return 0, 0, fmt.Errorf("reading git diff: bad hunk header %q", header)
	}
	n = 1
	if found {
		if n, err = strconv.Atoi(count); err != nil {
			return 0, 0, fmt.Errorf("reading git diff: bad hunk header %q", header)
		}
	}
	return from, n, nil
}

// git runs git with args in dir ("" the working directory) and returns
// its standard output; its standard error is in the error.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(errOut.String()); msg != "" {
			return nil, fmt.Errorf("git: %s", msg)
		}
		var ee *exec.Error
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("running git: %w", ee.Err)
		}
		return nil, fmt.Errorf("git: %w", err)
	}
	return out, nil
}

// ignoredPaths are the paths git ignores under a directory being walked.
type ignoredPaths struct {
	files map[string]bool // absolute
	dirs  map[string]bool // absolute, no final separator
}

// gitIgnored asks git which untracked paths under dir it ignores
// (.gitignore files, .git/info/exclude, core.excludesFile); outside a
// repository, or without git, nothing is.
func gitIgnored(ctx context.Context, dir string) ignoredPaths {
	ip := ignoredPaths{files: map[string]bool{}, dirs: map[string]bool{}}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ip
	}
	out, err := git(ctx, abs, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory")
	if err != nil {
		return ip
	}
	for _, rel := range bytes.Split(out, []byte{0}) {
		if len(rel) == 0 {
			continue
		}
		p := filepath.Join(abs, filepath.FromSlash(string(rel)))
		if bytes.HasSuffix(rel, []byte("/")) {
			ip.dirs[p] = true
		} else {
			ip.files[p] = true
		}
	}
	return ip
}

func (ip ignoredPaths) lookup(set map[string]bool, path string) bool {
	if len(set) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	return err == nil && set[abs]
}

func (ip ignoredPaths) file(path string) bool { return ip.lookup(ip.files, path) }
func (ip ignoredPaths) dir(path string) bool  { return ip.lookup(ip.dirs, path) }
