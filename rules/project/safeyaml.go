package project

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"liaison/rules/project/safefile"
)

// Limits on untrusted configuration and rule files. Counts are checked
// while the file is read, before anything is compiled, so a file over a
// limit costs about as much as one at it.
const (
	// MaxFileBytes is the largest configuration or rule file read. The
	// whole built-in rule library is under 300 KB; a larger file is
	// refused unread, and a YAML tree of this size stays under about
	// 100 MB.
	MaxFileBytes = 1 << 20
	// MaxDepth is the deepest nesting of mappings and sequences accepted.
	// A configuration needs 5 levels and a rule file about 8.
	MaxDepth = 32
	// MaxRuleFiles is how many rule files one configuration may name.
	MaxRuleFiles = 100
	// MaxRules is how many custom rules one configuration may load, over
	// all its rule files (the built-in library has about 330).
	MaxRules = 1000
	// MaxGlobs is how many globs one configuration may hold in all.
	MaxGlobs = 1000
	// MaxGlobLen is the longest glob accepted, in bytes.
	MaxGlobLen = 1024
)

// Error is one problem in a file, at a 1-based line and column (column 0
// when only the line is known).
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// ErrorList is every problem found in a configuration, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b bytes.Buffer
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Errors returns the positioned problems in err: those of an ErrorList or
// an *Error anywhere in its chain. Any other error becomes one Error
// without a position, in file.
func Errors(file string, err error) ErrorList {
	if err == nil {
		return nil
	}
	var list ErrorList
	if errors.As(err, &list) {
		return list
	}
	var one *Error
	if errors.As(err, &one) {
		return ErrorList{one}
	}
	return ErrorList{{File: file, Msg: err.Error()}}
}

// readCapped reads a configuration or rule file of at most MaxFileBytes
// through safefile: a regular file only (never a FIFO or a device), and
// only inside root once symbolic links are resolved, so a configuration
// from a cloned repository cannot make liaison read files elsewhere.
func readCapped(path, root string) ([]byte, error) {
	data, err := safefile.Read(path, safefile.Options{MaxBytes: MaxFileBytes, Root: root})
	var tl *safefile.TooLargeError
	switch {
	case errors.Is(err, safefile.ErrOutsideRoot):
		return nil, &outsideError{root: root}
	case errors.As(err, &tl):
		return nil, tooLarge(path)
	}
	return data, err
}

// outsideError is a file refused because it resolves outside the project
// root. Its message names the root, never anything of the file.
type outsideError struct{ root string }

func (e *outsideError) Error() string { return "is outside the project root " + e.root }
func (e *outsideError) Unwrap() error { return safefile.ErrOutsideRoot }

func tooLarge(name string) error {
	return &Error{File: name, Msg: "file refused: larger than " + safefile.FormatSize(MaxFileBytes)}
}

// decodeYAML parses untrusted YAML into a node tree after checking its
// size, and refuses nesting deeper than MaxDepth and anchors or aliases
// (which would let a small file expand into a huge one). An empty file
// gives a nil node.
func decodeYAML(name string, data []byte) (*yaml.Node, error) {
	if len(data) > MaxFileBytes {
		return nil, tooLarge(name)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(name, err)
	}
	if err := checkTree(name, &doc, 0); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// CheckYAML applies decodeYAML's limits to a rule file, and refuses one
// holding more than MaxRules rules, before rules.Parse reads it.
func CheckYAML(name string, data []byte) error {
	root, err := decodeYAML(name, data)
	if err != nil {
		return err
	}
	if root != nil && root.Kind == yaml.SequenceNode && len(root.Content) > MaxRules {
		return &Error{File: name, Line: root.Line, Column: root.Column, Msg: fmt.Sprintf("more than %d rules", MaxRules)}
	}
	return nil
}

func checkTree(name string, n *yaml.Node, depth int) error {
	if depth > MaxDepth+1 { // +1: the document node
		return &Error{File: name, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf("nesting deeper than %d levels refused", MaxDepth)}
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return &Error{File: name, Line: n.Line, Column: n.Column, Msg: "YAML anchors and aliases are not allowed"}
	}
	for _, c := range n.Content {
		if err := checkTree(name, c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// yamlError turns a YAML syntax error ("yaml: line 3: …") into an Error
// at that line.
func yamlError(name string, err error) error {
	msg := strings.TrimSpace(strings.TrimPrefix(err.Error(), "yaml:"))
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(msg, ":")
		return &Error{File: name, Line: line, Column: 1, Msg: strings.TrimSpace(rest)}
	}
	return &Error{File: name, Line: 1, Column: 1, Msg: msg}
}
