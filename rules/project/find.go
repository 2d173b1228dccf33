package project

import (
	"os"
	"path/filepath"
	"strings"
)

// Find returns the configuration file for the document at docPath (an
// absolute path) and the project root it belongs to. It walks up from the
// document's directory and stops at the first of: a directory holding
// .liaison.yaml (found), the deepest of roots (workspace folders) that
// holds the document, or a repository root (a directory holding .git).
// A document in no workspace folder and no repository is only looked up
// in its own directory, so a file in a shared directory never picks up a
// configuration planted above it.
//
// root is the directory rule files must stay within: the workspace folder
// or repository root, or the document's directory.
func Find(docPath string, roots []string) (config, root string, found bool) {
	dir := filepath.Dir(filepath.Clean(docPath))
	stop := ""
	for _, r := range roots {
		r = filepath.Clean(r)
		if Within(dir, r) && len(r) > len(stop) {
			stop = r
		}
	}
	for d := dir; ; {
		c := filepath.Join(d, FileName)
		if isFile(c) {
			if stop == "" {
				stop = d
			}
			return c, rootFor(d, stop), true
		}
		if d == stop || exists(filepath.Join(d, ".git")) {
			return "", d, false
		}
		if stop == "" {
			// Not in a workspace folder: only a repository can widen the
			// search beyond the document's directory.
			if repo := RepositoryRoot(d); repo != "" {
				stop = repo
			} else {
				return "", d, false
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", d, false
		}
		d = parent
	}
}

// rootFor is the root a configuration in dir belongs to: the stop
// directory, or the repository holding dir when that is wider.
func rootFor(dir, stop string) string {
	if repo := RepositoryRoot(dir); repo != "" && Within(stop, repo) {
		return repo
	}
	return stop
}

// RepositoryRoot returns the nearest directory at or above dir holding .git, or "".
func RepositoryRoot(dir string) string {
	for d := dir; ; {
		if exists(filepath.Join(d, ".git")) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// Within reports whether path is dir or inside it.
func Within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
